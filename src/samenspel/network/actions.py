"""Every change of the web, as plain functions.

Each writes an event row (``Gebeurtenis``) and, for a person's data, an audit-log row in the
same transaction, so the web's history and the audit log never miss a change. Views only
orchestrate.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Partij

from .models import Band, Gebeurtenis, Persoon, Voorval


class Geweigerd(Exception):
    """A change that is not allowed; the message is fit to show as is."""


def _gebeurtenis(soort: str, door: str, persoon=None, band=None) -> Gebeurtenis:
    return Gebeurtenis.objects.create(soort=soort, door=door[:200], persoon=persoon, band=band)


@transaction.atomic
def voeg_persoon_toe(organisatie, naam: str, door: str, **velden) -> Persoon:
    """Record a contact person; they stay a role only until they agree (``stem_in``)."""
    naam = naam.strip()
    if not naam:
        raise Geweigerd(_("Vul een naam in."))
    persoon = Persoon.objects.create(organisatie=organisatie, naam=naam, **velden)
    _gebeurtenis(Voorval.PERSOON_TOEGEVOEGD, door, persoon=persoon)
    audit.leg_vast(Actie.AANGEMAAKT, persoon, door, Partij.BEHEERDER)
    return persoon


@transaction.atomic
def stem_in(persoon: Persoon) -> Persoon:
    """The person agreed (through the link sent to them): from now on partners see the name.

    Agreeing twice keeps the first moment, which is the one the consent rests on.
    """
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if persoon.ingestemd_op is None:
        persoon.ingestemd_op = timezone.now()
        persoon.save(update_fields=["ingestemd_op"])
        _gebeurtenis(Voorval.INGESTEMD, persoon.naam, persoon=persoon)
        audit.leg_vast(Actie.TOESTEMMING_GEGEVEN, persoon, persoon.naam, Partij.SYSTEEM)
    return persoon


@transaction.atomic
def markeer_vertrokken(persoon: Persoon, door: str, op: date | None = None) -> Persoon:
    """The person left; their ties stay on record for the hand-over to successors."""
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    op = op or timezone.localdate()
    if persoon.vertrokken is not None:
        raise Geweigerd(_("Deze persoon is al vertrokken."))
    if op < persoon.sinds:
        raise Geweigerd(_("De vertrekdatum ligt vóór de datum waarop de persoon begon."))
    persoon.vertrokken = op
    persoon.save(update_fields=["vertrokken"])
    _gebeurtenis(Voorval.VERTROKKEN, door, persoon=persoon)
    audit.leg_vast(Actie.GEWIJZIGD, persoon, door, Partij.BEHEERDER)
    return persoon


@transaction.atomic
def leg_band(een: Persoon, ander: Persoon, soort: str, door: str, **velden) -> Band:
    """Record a tie between two people of two different organisations."""
    if een.pk == ander.pk:
        raise Geweigerd(_("Een band verbindt twee verschillende mensen."))
    if een.organisatie_id == ander.organisatie_id:
        raise Geweigerd(_("Een band verbindt twee organisaties; deze mensen werken samen."))
    if een.vertrokken or ander.vertrokken:
        raise Geweigerd(_("Een van beiden is vertrokken."))
    van, naar = sorted((een, ander), key=lambda p: str(p.pk))
    if Band.objects.filter(van=van, naar=naar, soort=soort).exists():
        raise Geweigerd(_("Deze band bestaat al."))
    band = Band.objects.create(van=van, naar=naar, soort=soort, **velden)
    _gebeurtenis(Voorval.BAND_GELEGD, door, band=band)
    return band


@transaction.atomic
def noteer_contact(band: Band, door: str, op: date | None = None) -> Band:
    """The pair had contact: the tie is alive (its age is what a fading bridge shows)."""
    band = Band.objects.select_for_update().get(pk=band.pk)
    op = op or timezone.localdate()
    if band.laatste_contact is None or op > band.laatste_contact:
        band.laatste_contact = op
        band.save(update_fields=["laatste_contact"])
    _gebeurtenis(Voorval.CONTACT, door, band=band)
    return band


@transaction.atomic
def beeindig_band(band: Band, door: str, op: date | None = None) -> Band:
    band = Band.objects.select_for_update().get(pk=band.pk)
    if band.beeindigd is not None:
        raise Geweigerd(_("Deze band is al beëindigd."))
    band.beeindigd = op or timezone.localdate()
    band.save(update_fields=["beeindigd"])
    _gebeurtenis(Voorval.BAND_BEEINDIGD, door, band=band)
    return band
