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


def _opvolg_sinds(opvolger: Persoon, op: date) -> date:
    """When the successor's tie starts: the hand-over day, but not before the successor came,
    and not in the future (a hand-over agreed ahead of the leaving day starts at once, so the
    two carry the tie side by side until the leaver goes)."""
    return max(min(op, timezone.localdate()), opvolger.sinds)


@transaction.atomic
def draag_over(
    band: Band, opvolger: Persoon, door: str, *, voor: Persoon | None = None, op=None
) -> Band:
    """Hand one tie over: the old pair's tie ends, the successor carries the same kind on.

    ``voor`` is the person whose side moves. Without it a colleague takes over: the side at
    the successor's own organisation ("vaak persoonsgebonden", 000 l.372–373, so a named
    successor instead of the organisation as a whole). With it the successor may work
    elsewhere (a bulk hand-over to another organisation). The new tie points back to the old
    one (``voorganger``), so the organisations' contact keeps its history.
    """
    band = Band.objects.select_for_update().select_related("van", "naar").get(pk=band.pk)
    opvolger = Persoon.objects.select_related("organisatie").get(pk=opvolger.pk)
    op = op or timezone.localdate()
    if band.beeindigd is not None:
        raise Geweigerd(_("Deze band is al beëindigd of overgedragen."))
    if voor is None:
        kant = [p for p in (band.van, band.naar) if p.organisatie_id == opvolger.organisatie_id]
        if not kant:
            raise Geweigerd(
                _(
                    "%(opvolger)s werkt bij %(organisatie)s, niet bij een organisatie van "
                    "deze band. Kies een collega als opvolger."
                )
                % {
                    "opvolger": opvolger.zichtbaar_als,
                    "organisatie": opvolger.organisatie.name,
                }
            )
        voor = kant[0]
    if voor.pk not in (band.van_id, band.naar_id):
        raise Geweigerd(_("Deze persoon hoort niet bij deze band."))
    ander = band.naar if voor.pk == band.van_id else band.van
    if opvolger.pk in (voor.pk, ander.pk):
        raise Geweigerd(_("Kies als opvolger iemand anders dan de twee mensen van de band."))
    if opvolger.vertrokken is not None:
        raise Geweigerd(
            _("%(opvolger)s is vertrokken en kan geen band overnemen.")
            % {"opvolger": opvolger.zichtbaar_als}
        )
    beeindig_band(band, door, op=op)
    nieuw_van, nieuw_naar = sorted((opvolger, ander), key=lambda p: str(p.pk))
    bestaand = Band.objects.filter(van=nieuw_van, naar=nieuw_naar, soort=band.soort).first()
    if bestaand is None:
        nieuw = leg_band(
            opvolger,
            ander,
            band.soort,
            door,
            sinds=_opvolg_sinds(opvolger, op),
            voorganger=band,
        )
    else:
        # The successor already knew this partner in the same way: that tie carries on; one
        # that had ended is taken up again rather than laid twice.
        nieuw = bestaand
        if bestaand.beeindigd is not None:
            bestaand.beeindigd = None
            bestaand.save(update_fields=["beeindigd"])
            _gebeurtenis(Voorval.BAND_GELEGD, door, band=bestaand)
    _gebeurtenis(Voorval.OVERGEDRAGEN, door, persoon=opvolger, band=band)
    return nieuw


@transaction.atomic
def draag_vrijwilligers_over(persoon: Persoon, opvolger: Persoon, door: str) -> Persoon:
    """The volunteers behind a leaving coordinator stay with the organisation's successor.

    A coordinator stands for the volunteers (org → coördinator → vrijwilligers; the
    "schakelpersoon", 001 l.2413–2425), so when they leave the volunteers would hang on
    nobody: the successor takes the count over.
    """
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    opvolger = Persoon.objects.select_for_update().get(pk=opvolger.pk)
    if opvolger.pk == persoon.pk or opvolger.organisatie_id != persoon.organisatie_id:
        raise Geweigerd(_("De vrijwilligers gaan alleen over naar een collega."))
    if opvolger.vertrokken is not None:
        raise Geweigerd(_("Deze opvolger is vertrokken."))
    if persoon.vrijwilligers == 0:
        return opvolger
    opvolger.vrijwilligers += persoon.vrijwilligers
    persoon.vrijwilligers = 0
    opvolger.save(update_fields=["vrijwilligers"])
    persoon.save(update_fields=["vrijwilligers"])
    for wie in (persoon, opvolger):
        _gebeurtenis(Voorval.VRIJWILLIGERS_OVER, door, persoon=wie)
        audit.leg_vast(Actie.GEWIJZIGD, wie, door, Partij.BEHEERDER)
    return opvolger
