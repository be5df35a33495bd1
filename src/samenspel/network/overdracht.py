"""Hand-over when people leave, or when an organisation's work moves to another.

Contact between organisations is "vaak persoonsgebonden" (seed 000 l.372–373) and fades
with "veel verloop … in het personeel" (000 l.885–888). So when someone leaves, each tie
they carried asks for a named successor, and the partner on the other side hears who that
is. When a tender is lost or organisations merge (000 l.345–370), all ties of the old
organisation's people move at once. A tie nobody takes over stays on record "at risk": it
is not ended, but its carrier is gone, so the analysis no longer counts it as a bridge.

Every step is an action of ``network.actions``; this module only puts them together in one
transaction with the e-mails, so a refused step leaves nothing written and nothing sent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from samenspel.core import mail

from . import actions
from .models import Band, Persoon

SJABLOON = "overdracht"


@dataclass(frozen=True)
class Regel:
    """One open tie seen from one of its people: ``eigen`` hands it over to someone."""

    band: Band
    eigen: Persoon
    ander: Persoon


@dataclass(frozen=True)
class Overdracht:
    """What happened to one tie: moved to ``nieuw`` (with ``opvolger``), or left at risk."""

    regel: Regel
    opvolger: Persoon | None
    nieuw: Band | None


def open_banden(personen, zonder_organisatie=None) -> list[Regel]:
    """Ties these people carry that have not ended and whose other side is still there.

    For people still at work these are their active ties; for people who left they are the
    ties at risk, waiting for a successor. ``zonder_organisatie`` leaves out ties whose other
    side works there (they cannot move to that organisation: a tie joins two of them).
    """
    vandaag = timezone.localdate()
    ids = {p.pk for p in personen}
    banden = (
        Band.objects.filter(Q(van__in=ids) | Q(naar__in=ids), beeindigd__isnull=True)
        .select_related("van__organisatie", "naar__organisatie")
        .order_by("soort", "sinds", "id")
    )
    regels = []
    for band in banden:
        eigen, ander = (band.van, band.naar) if band.van_id in ids else (band.naar, band.van)
        if ander.vertrokken is not None and ander.vertrokken <= vandaag:
            continue
        if zonder_organisatie is not None and ander.organisatie_id == zonder_organisatie.pk:
            continue
        regels.append(Regel(band, eigen, ander))
    regels.sort(key=lambda r: (r.ander.organisatie.name, r.ander.zichtbaar_als, r.band.soort))
    return regels


def collega_s(persoon: Persoon):
    """Who at the same organisation can take a tie over: active, not leaving, not them."""
    return (
        Persoon.objects.filter(organisatie_id=persoon.organisatie_id, vertrokken__isnull=True)
        .exclude(pk=persoon.pk)
        .select_related("organisatie")
    )


def overgedragen(persoon: Persoon) -> list[Overdracht]:
    """The ties this person handed over, with their successors (for the page afterwards).

    Two queries however many ties: the ties, and their successors with both ends.
    """
    opvolgers = Prefetch(
        "opvolgers",
        queryset=Band.objects.select_related("van__organisatie", "naar__organisatie"),
    )
    banden = (
        Band.objects.filter(Q(van=persoon) | Q(naar=persoon), opvolgers__isnull=False)
        .select_related("van__organisatie", "naar__organisatie")
        .prefetch_related(opvolgers)
        .distinct()
    )
    uitkomst = []
    for band in banden:
        ander = band.naar if band.van_id == persoon.pk else band.van
        for nieuw in band.opvolgers.all():
            opvolger = nieuw.naar if nieuw.van_id == ander.pk else nieuw.van
            uitkomst.append(Overdracht(Regel(band, persoon, ander), opvolger, nieuw))
    return uitkomst


@transaction.atomic
def vertrek(
    persoon: Persoon,
    keuzes: dict,
    door: str,
    *,
    op: date | None = None,
    vrijwilligers_naar: Persoon | None = None,
) -> list[Overdracht]:
    """Mark a person as left (if not yet) and hand each chosen tie to a colleague.

    ``keuzes`` maps each open tie (a ``Regel``) to a colleague or None ("nog niemand").
    """
    op = op or timezone.localdate()
    nu_weg = persoon.vertrokken is None
    if nu_weg:
        actions.markeer_vertrokken(persoon, door, op=op)
        persoon.refresh_from_db()
    else:
        # Choosing a successor later, for a tie that was left at risk: from today.
        op = max(timezone.localdate(), persoon.vertrokken)
    uitkomst = [
        Overdracht(regel, opvolger, _draag(regel, opvolger, door, op))
        for regel, opvolger in keuzes.items()
    ]
    if vrijwilligers_naar is not None:
        actions.draag_vrijwilligers_over(persoon, vrijwilligers_naar, door)
    # On the leaving day every partner hears, also "nog geen opvolger"; later only those
    # who now have a successor (they heard the rest already).
    meld_partners([o for o in uitkomst if nu_weg or o.nieuw is not None], organisatie=None)
    return uitkomst


@transaction.atomic
def verhuis(van, naar, keuzes: dict, door: str) -> list[Overdracht]:
    """Move the ties of one organisation's people to people of another (bulk hand-over).

    Both must be in the same gemeente: the web, and who keeps it, is per gemeente.
    """
    if van.pk == naar.pk:
        raise actions.Geweigerd(_("Kies twee verschillende organisaties."))
    if van.gemeente_id != naar.gemeente_id:
        raise actions.Geweigerd(_("Kies twee organisaties in dezelfde gemeente."))
    uitkomst = []
    for regel, opvolger in keuzes.items():
        if regel.eigen.organisatie_id != van.pk:
            raise actions.Geweigerd(_("Deze band hoort niet bij de oude organisatie."))
        if opvolger is not None and opvolger.organisatie_id != naar.pk:
            raise actions.Geweigerd(
                _("%(opvolger)s werkt niet bij %(organisatie)s.")
                % {"opvolger": opvolger.zichtbaar_als, "organisatie": naar.name}
            )
        nieuw = None
        if opvolger is not None:
            nieuw = actions.draag_over(regel.band, opvolger, door, voor=regel.eigen)
        uitkomst.append(Overdracht(regel, opvolger, nieuw))
    meld_partners([o for o in uitkomst if o.nieuw is not None], organisatie=(van, naar))
    return uitkomst


def _draag(regel: Regel, opvolger: Persoon | None, door: str, op: date) -> Band | None:
    if opvolger is None:
        return None
    # Without ``voor``: the action itself holds the successor to the leaver's organisation.
    return actions.draag_over(regel.band, opvolger, door, op=op)


def bereik(persoon: Persoon) -> str:
    """How a partner reaches someone: their own contact only after they agreed, else their
    organisation's (the same rule as the name, ``Persoon.zichtbaar_als``)."""
    if persoon.ingestemd:
        return " · ".join(d for d in (persoon.bereikbaar, persoon.email) if d)
    organisatie = persoon.organisatie
    return " · ".join(d for d in (organisatie.email, organisatie.website) if d)


def _wie(persoon: Persoon) -> str:
    """A successor as the partner may see them: the name with the organisation, or before
    they agreed only the role, which already names the organisation."""
    if not persoon.ingestemd:
        return persoon.zichtbaar_als
    return _("%(naam)s van %(organisatie)s") % {
        "naam": persoon.naam,
        "organisatie": persoon.organisatie.name,
    }


def meld_partners(overdrachten: list[Overdracht], organisatie=None) -> int:
    """One e-mail per partner on the other side, listing all their ties that changed.

    A partner with several ties to the leaver (or to the old organisation) gets one message,
    not one per tie. Returns the number of partners written to.
    """
    per_partner: dict = defaultdict(list)
    for o in overdrachten:
        per_partner[o.regel.ander].append(o)
    verstuurd = 0
    for partner, lijst in sorted(per_partner.items(), key=lambda kv: str(kv[0].pk)):
        if not partner.email:
            continue
        regels = [
            {
                "soort": capfirst(o.regel.band.get_soort_display()),
                "vertrokken": o.regel.eigen.zichtbaar_als,
                "oude_organisatie": o.regel.eigen.organisatie.name,
                "opvolger": _wie(o.opvolger) if o.opvolger else "",
                "bereik": bereik(o.opvolger) if o.opvolger else "",
            }
            for o in lijst
        ]
        mail.verstuur(
            SJABLOON,
            [partner.email],
            {
                "partner": partner.zichtbaar_als if partner.ingestemd else "",
                "regels": regels,
                "van": organisatie[0].name if organisatie else "",
                "naar": organisatie[1].name if organisatie else "",
                # Who left, for a person's departure; empty when a whole organisation moved.
                "vertrokken": "" if organisatie else lijst[0].regel.eigen.zichtbaar_als,
                "vertrokken_bij": "" if organisatie else lijst[0].regel.eigen.organisatie.name,
            },
        )
        verstuurd += 1
    return verstuurd
