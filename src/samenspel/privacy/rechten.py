"""AVG rights across every app: a person downloads all that is kept about them in one file,
and asks for erasure, which reaches every app (AVG art. 15, 17 and 20).

Three kinds of people can ask, each through the private link they already have: a resident
(their referral link), a person in het web (their own link) and someone who passed on a worry
(their status link). Each app registers here, per kind of person, the part of the file it
holds and how to erase it (in ``AppConfig.ready``), as with ``bewaartermijn.registreer``:
privacy is a lower layer and may not import the apps. An app's eraser calls that app's own
actions, so every erasure leaves its event row and its audit line.

The outbox of sent e-mail (django-post-office) is handled here, for every kind: mails to an
address the person gave are part of the file, and erasure deletes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from post_office.models import Email

from samenspel.privacy import actions

BEWONER = "bewoner"
PERSOON = "persoon"
MELDER = "melder"
SOORTEN = (BEWONER, PERSOON, MELDER)

MAILS = "e_mails"
MAIL_MODELLEN = ("post_office.Email", "post_office.Log")


@dataclass(frozen=True)
class Deel:
    sleutel: str
    uitleg: str
    # wie -> JSON-ready data of this part.
    geef: Callable[[object], object]
    # wie -> how many records were erased or made anonymous.
    wis: Callable[[object], int]
    # wie -> the e-mail addresses this person gave in this part (read before erasing).
    adressen: Callable[[object], Iterable[str]] | None
    modellen: tuple[str, ...]
    # wie -> how many records of this part hold something about the person (for the page).
    tel: Callable[[object], int] | None


_DELEN: dict[str, dict[str, Deel]] = {soort: {} for soort in SOORTEN}


def registreer(
    soort: str,
    sleutel: str,
    *,
    uitleg,
    geef,
    wis,
    modellen: tuple[str, ...],
    adressen=None,
    tel=None,
) -> None:
    """App part ``sleutel`` of the file of a person of kind ``soort``."""
    if soort not in _DELEN:
        raise ValueError(f"onbekende soort: {soort}")
    _DELEN[soort][sleutel] = Deel(sleutel, uitleg, geef, wis, adressen, tuple(modellen), tel)


def delen(soort: str) -> list[Deel]:
    return [_DELEN[soort][k] for k in sorted(_DELEN[soort])]


def gedekt() -> dict[str, set[str]]:
    """Model -> the kinds of person whose download and erasure reach it."""
    uit: dict[str, set[str]] = {}
    for soort in SOORTEN:
        for deel in delen(soort):
            for model in deel.modellen:
                uit.setdefault(model, set()).add(soort)
        for model in MAIL_MODELLEN:
            uit.setdefault(model, set()).add(soort)
    return uit


# --- the e-mail outbox ----------------------------------------------------------------------


def _adressen(soort: str, wie) -> set[str]:
    gevonden: set[str] = set()
    for deel in delen(soort):
        if deel.adressen is not None:
            gevonden.update(a.strip().lower() for a in deel.adressen(wie) if a and "@" in a)
    return gevonden


def _mails(adressen: set[str]):
    """Mails to one of these addresses; matched exactly, not on a part of an address."""
    if not adressen:
        return []
    filter_ = Q()
    for adres in adressen:
        filter_ |= Q(to__icontains=adres) | Q(cc__icontains=adres) | Q(bcc__icontains=adres)
    gevonden = []
    for mail in Email.objects.filter(filter_).prefetch_related("logs").order_by("created", "id"):
        ontvangers = {a.strip().lower() for a in [*mail.to, *mail.cc, *mail.bcc]}
        if ontvangers & adressen:
            gevonden.append(mail)
    return gevonden


def _mail_dict(mail) -> dict:
    return {
        "aan": list(mail.to),
        "onderwerp": mail.subject,
        "gemaakt_op": mail.created.isoformat(),
        "bericht": mail.message,
        "afleverberichten": [log.message for log in mail.logs.all() if log.message],
    }


# --- download and erasure ------------------------------------------------------------------

_UITLEG = gettext_lazy(
    "Dit bestand bevat alles wat Samenspel over je bewaart, uit alle onderdelen. Elk deel "
    "zegt eerst in gewone taal wat erin staat."
)
_UITLEG_MAILS = gettext_lazy(
    "E-mails die Samenspel naar je e-mailadres stuurde, met wat erin stond. Ze worden gewist "
    "als je vraagt om alles te wissen."
)


def inzage(soort: str, wie) -> dict:
    """Everything kept about this person, per part, each with a short explanation."""
    inhoud = {
        "uitleg": str(_UITLEG),
        "gemaakt_op": timezone.now().isoformat(),
        "delen": {},
    }
    for deel in delen(soort):
        inhoud["delen"][deel.sleutel] = {"uitleg": str(deel.uitleg), "gegevens": deel.geef(wie)}
    inhoud["delen"][MAILS] = {
        "uitleg": str(_UITLEG_MAILS),
        "gegevens": [_mail_dict(m) for m in _mails(_adressen(soort, wie))],
    }
    return inhoud


def overzicht(soort: str, wie) -> list[dict]:
    """Per part, what erasure would reach: for the confirmation page."""
    regels = []
    for deel in delen(soort):
        aantal = deel.tel(wie) if deel.tel is not None else None
        regels.append({"sleutel": deel.sleutel, "uitleg": str(deel.uitleg), "aantal": aantal})
    regels.append(
        {
            "sleutel": MAILS,
            "uitleg": str(_UITLEG_MAILS),
            "aantal": len(_mails(_adressen(soort, wie))),
        }
    )
    return regels


def wis_alles(soort: str, wie) -> dict[str, int]:
    """Erase this person's data in every app, in one transaction: all of it or nothing.

    The addresses are read first, so the mails to them can go after the apps erased the
    addresses themselves. Running it again erases nothing more.
    """
    with transaction.atomic():
        adressen = _adressen(soort, wie)
        gewist = {deel.sleutel: deel.wis(wie) for deel in delen(soort)}
        gewist[MAILS] = actions.wis_mails(_mails(adressen))
    return gewist


def bevestiging(gewist: dict[str, int]) -> str:
    totaal = sum(gewist.values())
    if not totaal:
        return _("Er was niets meer om te wissen.")
    return _("Gewist. We hebben %(aantal)s gegevens gewist of zonder naam gemaakt.") % {
        "aantal": totaal
    }
