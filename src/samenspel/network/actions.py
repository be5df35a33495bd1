"""Every change of the web, as plain functions.

Each writes an event row (``Gebeurtenis``) and, for a person's data, an audit-log row in the
same transaction, so the web's history and the audit log never miss a change. Views only
orchestrate.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Partij

from .models import (
    Agendapunt,
    Band,
    Bandsoort,
    Bijeenkomst,
    Bijeenkomstsoort,
    Gastheer,
    Gebeurtenis,
    Persoon,
    Reeks,
    Rsvp,
    Uitnodiging,
    Voorval,
    Vorm,
)


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


# --- network meetings -----------------------------------------------------------------------

# How many meetings of a series are planned ahead, so invitations can go out in time.
VOORUIT_GEPLAND = 3


@transaction.atomic
def start_reeks(gastheren, door: str, **velden) -> Reeks:
    """Start a meeting series; its hosts take turns, formal and informal alternating."""
    from . import reeksregel

    gastheren = list(gastheren)
    if not gastheren:
        raise Geweigerd(_("Kies minstens één organisatie die de bijeenkomst organiseert."))
    reeks = Reeks.objects.create(door=door[:200], **velden)
    for volgorde, organisatie in enumerate(reeksregel.toerbeurt(gastheren)):
        Gastheer.objects.create(reeks=reeks, organisatie=organisatie, volgorde=volgorde)
    _gebeurtenis(Voorval.REEKS_GESTART, door)
    plan_bijeenkomsten(reeks)
    return reeks


@transaction.atomic
def plan_bijeenkomsten(reeks: Reeks, nu=None) -> list[Bijeenkomst]:
    """Make sure the next meetings of the series exist, each with the host of its turn.

    Planning is derived from the rule alone, so calling it again adds only what is missing.
    """
    from . import reeksregel

    reeks = Reeks.objects.select_for_update().get(pk=reeks.pk)
    nu = nu or timezone.now()
    komend = reeks.bijeenkomsten.filter(begint__gt=nu).count()
    if komend >= VOORUIT_GEPLAND:
        return []
    laatste = reeks.bijeenkomsten.order_by("-volgnummer").first()
    na = max(nu, laatste.begint) if laatste else nu
    nummer = laatste.volgnummer + 1 if laatste else 0
    gastheren = [g.organisatie for g in reeks.gastheren.select_related("organisatie")]
    nieuw = []
    for begint in reeksregel.volgende(reeks, na, VOORUIT_GEPLAND - komend):
        vorm = ""
        if reeks.soort == Bijeenkomstsoort.CASUS_THEMA:
            # Tizo: one turn a casuïstiekoverleg, the next a themasessie (seed 003 l.650–652).
            vorm = Vorm.CASUS if nummer % 2 == 0 else Vorm.THEMA
        nieuw.append(
            Bijeenkomst.objects.create(
                reeks=reeks,
                volgnummer=nummer,
                begint=begint,
                eindigt=begint + timedelta(minutes=reeks.duur_minuten),
                gastheer=gastheren[nummer % len(gastheren)] if gastheren else None,
                vorm=vorm,
            )
        )
        nummer += 1
    return nieuw


def _in_gemeente(persoon: Persoon, reeks: Reeks) -> bool:
    return persoon.organisatie.gemeente_id == reeks.gemeente_id


@transaction.atomic
def voeg_agendapunt_toe(
    bijeenkomst: Bijeenkomst, service, presentator: Persoon, door: str, onderwerp: str = ""
) -> Agendapunt:
    """A short pitch, "nieuw in de wijk", linked to a kaart listing (seed 000 l.476–478)."""
    if bijeenkomst.geweest:
        raise Geweigerd(_("Deze bijeenkomst is al geweest."))
    # As stored now, not as the caller last read them: consent or leaving may have changed.
    presentator = Persoon.objects.select_related("organisatie").get(pk=presentator.pk)
    if (
        not presentator.ingestemd
        or presentator.vertrokken
        or not _in_gemeente(presentator, bijeenkomst.reeks)
    ):
        raise Geweigerd(_("Kies iemand uit het web van deze gemeente."))
    # A casusoverleg stores no resident data: its pitches carry no free text at all.
    if bijeenkomst.reeks.is_casusoverleg:
        onderwerp = ""
    return Agendapunt.objects.create(
        bijeenkomst=bijeenkomst,
        service=service,
        presentator=presentator,
        onderwerp=onderwerp.strip()[:140],
        door=door[:200],
    )


def uitnodigbaar(persoon: Persoon, reeks: Reeks) -> bool:
    """Only people who agreed to be in the web, still there, reachable, of this gemeente."""
    return (
        persoon.ingestemd
        and persoon.vertrokken is None
        and bool(persoon.email)
        and _in_gemeente(persoon, reeks)
    )


@transaction.atomic
def nodig_uit_voor_bijeenkomst(bijeenkomst: Bijeenkomst, personen, door: str) -> list[Uitnodiging]:
    """E-mail an invitation with one-click answers; people already invited are skipped."""
    from samenspel.core import mail

    from . import bijeenkomstlinks as links

    if bijeenkomst.geweest:
        raise Geweigerd(_("Deze bijeenkomst is al geweest."))
    reeks = bijeenkomst.reeks
    al = set(bijeenkomst.uitnodigingen.values_list("persoon_id", flat=True))
    nieuw = []
    # As stored now, not as the caller last read them: consent or leaving may have changed.
    personen = Persoon.objects.select_related("organisatie").filter(pk__in=[p.pk for p in personen])
    for persoon in personen.order_by("naam"):
        if persoon.pk in al or not uitnodigbaar(persoon, reeks):
            continue
        uitnodiging = Uitnodiging.objects.create(bijeenkomst=bijeenkomst, persoon=persoon)
        _gebeurtenis(Voorval.UITGENODIGD, door, persoon=persoon)
        audit.leg_vast(Actie.AANGEMAAKT, uitnodiging, door, Partij.BEHEERDER)
        mail.verstuur(
            "bijeenkomst_uitnodiging",
            [persoon.email],
            {
                "persoon": persoon,
                "bijeenkomst": bijeenkomst,
                "reeks": reeks,
                "agenda": list(bijeenkomst.agendapunten.select_related("service")),
                "ja": mail.absoluut(links.rsvp_pad(uitnodiging, Rsvp.JA)),
                "misschien": mail.absoluut(links.rsvp_pad(uitnodiging, Rsvp.MISSCHIEN)),
                "nee": mail.absoluut(links.rsvp_pad(uitnodiging, Rsvp.NEE)),
                "kennisgemaakt": mail.absoluut(links.kennisgemaakt_pad(uitnodiging)),
                "agenda_link": mail.absoluut(links.persoon_feed_pad(persoon)),
            },
        )
        nieuw.append(uitnodiging)
    return nieuw


@transaction.atomic
def beantwoord(uitnodiging: Uitnodiging, antwoord: str) -> Uitnodiging:
    """The invitee answers yes, no or maybe, from the link in their e-mail; no account."""
    if antwoord not in Rsvp.values:
        raise Geweigerd(_("Kies ja, nee of misschien."))
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.bijeenkomst.geweest:
        raise Geweigerd(_("Deze bijeenkomst is al geweest."))
    uitnodiging.antwoord = antwoord
    uitnodiging.beantwoord = timezone.now()
    uitnodiging.save(update_fields=["antwoord", "beantwoord"])
    persoon = uitnodiging.persoon
    _gebeurtenis(Voorval.GEANTWOORD, persoon.naam, persoon=persoon)
    audit.leg_vast(Actie.GEWIJZIGD, uitnodiging, persoon.naam, Partij.SYSTEEM, Kanaal.EMAILLINK)
    return uitnodiging


@transaction.atomic
def leg_kennismakingen(uitnodiging: Uitnodiging, personen) -> list[Band]:
    """After the meeting: "met wie heb je kennisgemaakt?" becomes kennismaking ties.

    Only people who said yes to the same meeting can be chosen; a pair that already has a
    kennismaking tie is skipped, so answering twice records nothing twice.
    """
    bijeenkomst = uitnodiging.bijeenkomst
    if not bijeenkomst.geweest:
        raise Geweigerd(_("Dit kan pas na de bijeenkomst."))
    # The link works as long as the meeting is fresh in mind, like the other e-mail links.
    dagen = settings.SAMENSPEL.get("BEWERKLINK_DAGEN", 30)
    if timezone.now() > bijeenkomst.eindigt + timedelta(days=dagen):
        raise Geweigerd(
            _("Dit kan tot %(dagen)s dagen na de bijeenkomst. Die tijd is voorbij.")
            % {"dagen": dagen}
        )
    ik = uitnodiging.persoon
    kan = set(
        bijeenkomst.uitnodigingen.filter(antwoord=Rsvp.JA)
        .exclude(persoon=ik)
        .values_list("persoon_id", flat=True)
    )
    dag = timezone.localtime(bijeenkomst.begint).date()
    nieuw = []
    for ander in personen:
        if ander.pk not in kan or ander.organisatie_id == ik.organisatie_id or ander.vertrokken:
            continue
        van, naar = sorted((ik, ander), key=lambda p: str(p.pk))
        if Band.objects.filter(van=van, naar=naar, soort=Bandsoort.KENNISMAKING).exists():
            continue
        nieuw.append(
            leg_band(ik, ander, Bandsoort.KENNISMAKING, ik.naam, sinds=dag, laatste_contact=dag)
        )
    return nieuw
