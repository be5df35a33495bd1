"""What partners see of the people in the web.

A person appears to partners only after they agreed through the link sent to them; until then
their organisation shows only the role (issue 11, item 1). Every listing of people for
partners goes through ``voor_partners``, so the rule lives in one place.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Partij

from . import toegang
from .models import Band, Persoon


@dataclass(frozen=True)
class Zichtbaar:
    id: str
    organisatie: str
    rol: str
    naam: str  # empty until the person agreed
    bereikbaar: str  # likewise


def voor_partners(organisaties) -> list[Zichtbaar]:
    """The active contact people of these organisations, as partners may see them."""
    personen = (
        Persoon.objects.actief()
        .filter(organisatie__in=organisaties)
        .select_related("organisatie")
        .order_by("organisatie__name", "verbinderrol", "functie", "id")
    )
    return [
        Zichtbaar(
            id=str(p.pk),
            organisatie=p.organisatie.name,
            rol=p.rol,
            naam=p.naam if p.ingestemd else "",
            bereikbaar=p.bereikbaar if p.ingestemd else "",
        )
        for p in personen
    ]


def als_schakel(persoon: Persoon) -> str:
    """How one end of a tie reads for partners: the name after consent, else the role.

    An erased person's tie stays as "via [rol]" (issue 11, item 9), e.g. "via
    vrijwilligerscoördinator bij Handjehelpen".
    """
    if persoon.gewist:
        return _("via %(rol)s bij %(organisatie)s") % {
            "rol": persoon.rol,
            "organisatie": persoon.organisatie.name,
        }
    return persoon.zichtbaar_als


def bekijk(persoon: Persoon, gebruiker) -> None:
    """Every read of a person's entry by someone else is in the audit log (issue 11, item 9).

    The one place that writes it, so no page that shows an entry can forget it. The person
    reading their own entry (logged in with the same address) is not someone else.
    """
    eigen = (
        gebruiker.is_authenticated
        and persoon.email
        and (gebruiker.email or "").strip().lower() == persoon.email.strip().lower()
    )
    if eigen:
        return
    wie = gebruiker.get_username() if gebruiker.is_authenticated else ""
    audit.leg_vast(Actie.BEKEKEN, persoon, wie, Partij.BEHEERDER)


@dataclass(frozen=True)
class Bandregel:
    """One tie as seen from one side: who here, who there, and whether it still runs."""

    band: Band
    hier: str
    daar: str
    daar_persoon: Persoon
    daar_organisatie: object
    loopt: bool
    mag_contact: bool


def lopende_banden(filter_):
    """Ties not ended, most recent contact first; a tie whose person left stays listed, as
    it waits for a successor."""
    return (
        Band.objects.filter(filter_, beeindigd__isnull=True)
        .select_related("van__organisatie", "naar__organisatie")
        .order_by(F("laatste_contact").desc(nulls_last=True), "-sinds", "id")
    )


def bandregels(gebruiker, banden, hier_organisatie=None, hier_persoon=None) -> list[Bandregel]:
    """The ties as partners see them, from the side of one organisation or one person."""
    vandaag = timezone.localdate()
    beheert: dict = {}

    def mag(organisatie) -> bool:
        if organisatie.pk not in beheert:
            beheert[organisatie.pk] = toegang.beheert_personen(gebruiker, organisatie)
        return beheert[organisatie.pk]

    def weg(p) -> bool:
        return p.vertrokken is not None and p.vertrokken <= vandaag

    regels = []
    for band in banden:
        if hier_persoon is not None:
            hier_is_van = band.van_id == hier_persoon.pk
        else:
            hier_is_van = band.van.organisatie_id == hier_organisatie.pk
        hier, daar = (band.van, band.naar) if hier_is_van else (band.naar, band.van)
        loopt = not (weg(hier) or weg(daar))
        regels.append(
            Bandregel(
                band=band,
                hier=als_schakel(hier),
                daar=als_schakel(daar),
                daar_persoon=daar,
                daar_organisatie=daar.organisatie,
                loopt=loopt,
                mag_contact=loopt and (mag(hier.organisatie) or mag(daar.organisatie)),
            )
        )
    return regels
