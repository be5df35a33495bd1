"""The answers the receiving side can give, as shown on its page and as buttons in its e-mail.

Each is a status from the table of transitions plus, where it needs one, a reason code, so a
one-click "Nu geen plek" is a complete answer and stays readable after erasure.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from samenspel.referrals.models import Reden, Status, Verwijzing


@dataclass(frozen=True)
class Keuze:
    """One answer the receiving side can give, as shown on its page and in its e-mail."""

    naam: str
    label: str
    naar: str
    reden_code: str = ""
    uitleg_nodig: bool = False
    vanaf: frozenset = frozenset()


KEUZES = [
    Keuze(
        "aannemen",
        _("Ja, welkom. We nemen contact op."),
        Status.ACCEPTED,
        vanaf=frozenset({Status.REQUESTED, Status.ON_HOLD}),
    ),
    Keuze(
        "geen-plek",
        _("Nu geen plek."),
        Status.REJECTED,
        Reden.GEEN_PLEK,
        vanaf=frozenset({Status.REQUESTED, Status.ON_HOLD}),
    ),
    Keuze(
        "past-niet",
        _("Past niet bij ons (schrijf kort waarom)."),
        Status.REJECTED,
        Reden.PAST_NIET,
        uitleg_nodig=True,
        vanaf=frozenset({Status.REQUESTED, Status.ON_HOLD}),
    ),
    Keuze(
        "wachtlijst",
        _("Op de wachtlijst."),
        Status.ON_HOLD,
        Reden.WACHTLIJST,
        vanaf=frozenset({Status.REQUESTED}),
    ),
    Keuze(
        "gestart",
        _("Bezig: het is begonnen."),
        Status.IN_PROGRESS,
        vanaf=frozenset({Status.ACCEPTED, Status.ON_HOLD}),
    ),
    Keuze(
        "pauze",
        _("Staat even stil (schrijf kort waarom)."),
        Status.ON_HOLD,
        Reden.ANDERS,
        uitleg_nodig=True,
        vanaf=frozenset({Status.ACCEPTED, Status.IN_PROGRESS}),
    ),
    Keuze(
        "afgerond",
        _("Afgerond."),
        Status.COMPLETED,
        vanaf=frozenset({Status.ACCEPTED, Status.IN_PROGRESS}),
    ),
    Keuze(
        "niet-gelukt",
        _("Niet gelukt (schrijf kort waarom)."),
        Status.FAILED,
        Reden.ANDERS,
        uitleg_nodig=True,
        vanaf=frozenset({Status.ACCEPTED, Status.IN_PROGRESS, Status.ON_HOLD}),
    ),
]
PLEK_KEUZES = [
    Keuze("aannemen", _("Ja, er is plek."), Status.ACCEPTED, vanaf=frozenset({Status.REQUESTED})),
    Keuze(
        "geen-plek",
        _("Nu geen plek."),
        Status.REJECTED,
        Reden.GEEN_PLEK,
        vanaf=frozenset({Status.REQUESTED}),
    ),
]


def keuzes_voor(verwijzing: Verwijzing) -> list[Keuze]:
    lijst = PLEK_KEUZES if verwijzing.is_plekvraag else KEUZES
    return [k for k in lijst if verwijzing.status in k.vanaf]


def keuze(verwijzing: Verwijzing, naam: str) -> Keuze | None:
    lijst = PLEK_KEUZES if verwijzing.is_plekvraag else KEUZES
    return next((k for k in lijst if k.naam == naam), None)
