"""Every change of the web, as plain functions.

Each writes an event row (``Gebeurtenis``) and, for a person's data, an audit-log row in the
same transaction, so the web's history and the audit log never miss a change. Views only
orchestrate.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samenspel.core import mail
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Manier, Partij, Toestemming

from . import bijeenkomstlinks, links
from .models import (
    Agendapunt,
    Antwoord,
    Band,
    Bandsoort,
    Bijeenkomst,
    Bijeenkomstsoort,
    Gastheer,
    Gebeurtenis,
    Gesprek,
    Persoon,
    Reeks,
    Rsvp,
    Samen,
    Uitnodiging,
    Voorval,
    Vorm,
)

# Who acted when the person acts through their own link. Not their name: the audit log is
# append-only, and a name in it would outlive the erasure of the entry.
ZELF = gettext_noop("de persoon zelf")


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
        _gebeurtenis(Voorval.INGESTEMD, ZELF, persoon=persoon)
        audit.leg_vast(Actie.TOESTEMMING_GEGEVEN, persoon, ZELF, Partij.SYSTEEM)
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


# --- the person's own entry: consent link, self-correction, stepping out, erasure ----------


@transaction.atomic
def verstuur_instemlink(persoon: Persoon, door: str) -> None:
    """E-mail the person the link to agree (and to see their entry), through the outbox."""
    if persoon.gewist or persoon.uitgestapt_op is not None:
        raise Geweigerd(_("Deze persoon doet niet meer mee aan het web."))
    if not persoon.email:
        raise Geweigerd(_("Deze persoon heeft geen e-mailadres."))
    if persoon.ingestemd:
        raise Geweigerd(_("Deze persoon doet al mee."))
    _niet_net_nog_een_link(persoon)
    mail.verstuur(
        "web_instemmen",
        [persoon.email],
        {
            "naam": persoon.naam,
            "organisatie": persoon.organisatie.name,
            "door": door,
            "instem_link": mail.absoluut(links.pad(persoon, links.INSTEMMEN)),
            "dagen": links.geldigheid().days,
        },
    )
    _gebeurtenis(Voorval.LINK_VERSTUURD, door, persoon=persoon)
    # The address was read to send the link: that is a read of the entry on the person's behalf.
    audit.leg_vast(Actie.BEKEKEN, persoon, door, Partij.BEHEERDER, Kanaal.EMAILLINK)


def _niet_net_nog_een_link(persoon: Persoon) -> None:
    # Nobody's inbox is filled by a button pressed twice.
    net_nog = timezone.now() - timedelta(hours=1)
    if persoon.gebeurtenissen.filter(soort=Voorval.LINK_VERSTUURD, wanneer__gt=net_nog).exists():
        raise Geweigerd(_("Er is het afgelopen uur al een link gestuurd. Probeer het later."))


def _stuur_gegevenslink(persoon: Persoon, verlopen: bool = False) -> None:
    mail.verstuur(
        "web_mijn_gegevens",
        [persoon.email],
        {
            "naam": persoon.naam,
            "organisatie": persoon.organisatie.name,
            "gegevens_link": mail.absoluut(links.pad(persoon, links.MIJN_GEGEVENS)),
            "dagen": links.geldigheid().days,
            "verlopen": verlopen,
        },
    )


@transaction.atomic
def stuur_nieuwe_link(persoon: Persoon) -> None:
    """The person's link expired: send a new link to their own entry, to the same address."""
    if persoon.gewist or persoon.uitgestapt_op is not None or not persoon.email:
        raise Geweigerd(_("Je doet niet meer mee aan het web."))
    _niet_net_nog_een_link(persoon)
    _stuur_gegevenslink(persoon, verlopen=True)
    _gebeurtenis(Voorval.LINK_VERSTUURD, ZELF, persoon=persoon)
    audit.leg_vast(Actie.BEKEKEN, persoon, ZELF, Partij.SYSTEEM, Kanaal.EMAILLINK)


@transaction.atomic
def voeg_toe_en_vraag_instemming(organisatie, naam: str, door: str, **velden) -> Persoon:
    """Add a person and send them the consent link; both or neither (one transaction)."""
    persoon = voeg_persoon_toe(organisatie, naam, door, **velden)
    verstuur_instemlink(persoon, door)
    return persoon


ZELF_TE_VERBETEREN = ("naam", "functie", "bereikbaar", "email")


@transaction.atomic
def corrigeer_zelf(persoon: Persoon, **velden) -> Persoon:
    """The person corrects their own entry through their link.

    A new address gets a new link at once: links carry the address they were sent to, so the
    old ones stop working, and the new address is proven to be theirs.
    """
    persoon = Persoon.objects.select_for_update().select_related("organisatie").get(pk=persoon.pk)
    if persoon.gewist or persoon.uitgestapt_op is not None:
        raise Geweigerd(_("Je doet niet meer mee aan het web."))
    nieuw = {veld: (velden.get(veld) or "").strip() for veld in ZELF_TE_VERBETEREN}
    if not nieuw["naam"]:
        raise Geweigerd(_("Vul je naam in."))
    if not nieuw["email"]:
        raise Geweigerd(_("Vul je e-mailadres in. Zonder adres kun je je gegevens niet meer zien."))
    gewijzigd = [veld for veld, waarde in nieuw.items() if getattr(persoon, veld) != waarde]
    if not gewijzigd:
        return persoon
    adres_gewijzigd = nieuw["email"].lower() != persoon.email.strip().lower()
    for veld in gewijzigd:
        setattr(persoon, veld, nieuw[veld])
    persoon.save(update_fields=gewijzigd)
    _gebeurtenis(Voorval.GECORRIGEERD, ZELF, persoon=persoon)
    audit.leg_vast(Actie.GEWIJZIGD, persoon, ZELF, Partij.SYSTEEM, Kanaal.EMAILLINK)
    if adres_gewijzigd:
        _stuur_gegevenslink(persoon)
    return persoon


@transaction.atomic
def stap_uit(persoon: Persoon) -> Persoon:
    """The person leaves the web through their own link.

    Partners no longer see them from today: their consent is withdrawn and they count as
    left, so their ties come up for hand-over. Their data is erased with that of everyone who
    left, after the retention period (``wis_na_bewaartermijn``).
    """
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if persoon.gewist or persoon.uitgestapt_op is not None:
        return persoon
    velden = ["ingestemd_op", "uitgestapt_op"]
    persoon.ingestemd_op = None
    persoon.uitgestapt_op = timezone.now()
    if persoon.vertrokken is None or persoon.vertrokken > timezone.localdate():
        persoon.vertrokken = max(timezone.localdate(), persoon.sinds)
        velden.append("vertrokken")
    persoon.save(update_fields=velden)
    _gebeurtenis(Voorval.UITGESTAPT, ZELF, persoon=persoon)
    audit.leg_vast(Actie.TOESTEMMING_INGETROKKEN, persoon, ZELF, Partij.SYSTEEM, Kanaal.EMAILLINK)
    return persoon


@transaction.atomic
def weiger(persoon: Persoon) -> Persoon:
    """The person said "Nee" to the consent link: keep nothing of them but the role.

    Partners never saw their name, and now nobody can: it is erased at once. The role stays,
    so the organisation still shows that it has, say, a vrijwilligerscoördinator.
    """
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if persoon.gewist:
        return persoon
    if persoon.ingestemd:
        raise Geweigerd(_("Je doet al mee. Wil je eruit? Kies dan 'Uit het web stappen'."))
    _gebeurtenis(Voorval.GEWEIGERD, ZELF, persoon=persoon)
    return wis(persoon, ZELF, Kanaal.EMAILLINK)


# The fields that say who someone is; a person's role and organisation are not among them.
PERSOONSGEGEVENS = ("naam", "email", "bereikbaar", "functie")


@transaction.atomic
def wis(persoon: Persoon, door: str, kanaal: str = Kanaal.OPDRACHT) -> Persoon:
    """Blank who the person is; keep the row, so their ties stay and show as "via [rol]"."""
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if persoon.gewist:
        return persoon
    oude_naam = persoon.naam
    for veld in PERSOONSGEGEVENS:
        setattr(persoon, veld, "")
    persoon.ingestemd_op = None
    persoon.gewist_op = timezone.now()
    persoon.save(update_fields=[*PERSOONSGEGEVENS, "ingestemd_op", "gewist_op"])
    # The event log is the web's own: where it names the person as the actor (agreeing),
    # the name goes too.
    if oude_naam:
        over_hen = Q(persoon=persoon) | Q(band__van=persoon) | Q(band__naar=persoon)
        Gebeurtenis.objects.filter(over_hen, door=oude_naam[:200]).update(door=ZELF)
    _gebeurtenis(Voorval.GEWIST, door, persoon=persoon)
    audit.leg_vast(Actie.GEWIST, persoon, door, Partij.SYSTEEM, kanaal)
    return persoon


STANDAARD_BEWAAR_MAANDEN = 12
SYSTEEM = gettext_noop("bewaartermijn")


def web_bewaar_maanden() -> int:
    """``SAMENSPEL["WEB_BEWAAR_MAANDEN"]``, default 12: how long a person who left is kept."""
    return int(settings.SAMENSPEL.get("WEB_BEWAAR_MAANDEN", STANDAARD_BEWAAR_MAANDEN))


def wis_na_bewaartermijn(peildatum: date, vandaag: date) -> int:
    """Registered with privacy.bewaartermijn: erase people who left (or stepped out) more
    than ``web_bewaar_maanden()`` ago. The web keeps its own period, as the hand-over of a
    person's ties needs their name for a while after they left (issue 11, items 4 and 9)."""
    from samenspel.core.datums import maanden_terug

    grens = maanden_terug(vandaag, web_bewaar_maanden())
    te_wissen = Persoon.objects.filter(gewist_op__isnull=True, vertrokken__lt=grens)
    aantal = 0
    for persoon in te_wissen.iterator():
        wis(persoon, SYSTEEM)
        aantal += 1
    return aantal


# --- "Vraag een verbinder" (issue 11, item 5) ---------------------------------------------


def _naam_van(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.get_username()


@transaction.atomic
def vraag_verbinder(persoon: Persoon, service, vrager, vraag: str) -> Gebeurtenis:
    """Send a professional's short question to a person who knows this initiative.

    The question goes only to that person, by e-mail, with the asker's name and reply
    address, and is not kept anywhere else: a question about who could help someone often
    names or describes a resident, and the web holds no resident data. What is kept is that
    a question was asked (the event row), so the web shows this person is a live bridge.
    """
    vraag = (vraag or "").strip()
    if not vraag:
        raise Geweigerd(_("Schrijf je vraag."))
    if not persoon.ingestemd or not persoon.email or persoon.vertrokken:
        raise Geweigerd(_("Deze persoon kun je via het web geen vraag sturen."))
    mail.verstuur(
        "verbinder_vraag",
        [persoon.email],
        {
            "persoon": persoon,
            "service": service,
            "link": mail.absoluut(service.get_absolute_url()),
            "vrager": _naam_van(vrager),
            "vrager_email": vrager.email,
            "vrager_organisatie": vrager.organisatie.name if vrager.organisatie_id else "",
            "vraag": vraag,
        },
    )
    return _gebeurtenis(Voorval.VRAAG_GESTELD, vrager.get_username(), persoon=persoon)


# --- Samen beginnen (issue 11, item 6) ----------------------------------------------------

# The purpose the resident agrees to, kept as given (like a referral's consent).
_SAMEN_DOEL = gettext_noop("Zodat %(organisatie)s meedoet aan je %(gesprek)s op %(datum)s.")


@transaction.atomic
def leg_samen_toestemming_vast(
    professional, persoon: Persoon, gesprek: str, wanneer: datetime, gegevens: list[str]
) -> Toestemming:
    """Record the resident's verbal consent to invite this person, as a referral does.

    The consent names the partner's organisation, the conversation, and what is shared (at most
    the first name: "naam"); it lasts until the day of the conversation, since nothing of the
    resident is needed after it.
    """
    nu = timezone.now()
    lokaal = timezone.localtime(wanneer)
    return Toestemming.objects.create(
        organisatie=persoon.organisatie,
        organisatie_naam=persoon.organisatie.name,
        gegevens=[g for g in gegevens if g == "naam"],
        doel=_(_SAMEN_DOEL)
        % {
            "organisatie": persoon.organisatie.name,
            "gesprek": Gesprek(gesprek).label,
            "datum": lokaal.strftime("%d-%m-%Y %H:%M"),
        },
        geldig_tot=lokaal.date(),
        manier=Manier.MONDELING,
        vastgelegd_door=professional,
        vastgelegd_door_naam=_naam_van(professional),
        gevraagd_op=nu,
        gegeven_op=nu,
    )


def _controleer_toestemming(toestemming: Toestemming, persoon: Persoon) -> None:
    if toestemming is None or not toestemming.is_geldig():
        raise Geweigerd(_("Zonder geldige toestemming van de bewoner kun je niemand uitnodigen."))
    if toestemming.organisatie_id != persoon.organisatie_id:
        raise Geweigerd(_("De toestemming van de bewoner geldt niet voor deze organisatie."))


@transaction.atomic
def nodig_uit(
    uitnodiger,
    persoon: Persoon,
    toestemming: Toestemming,
    gesprek: str,
    wanneer: datetime,
    waar: str,
    voornaam: str = "",
) -> Samen:
    """Invite a partner of the web to a resident's first conversation (BOS "Samen", seed 004
    l.211–217: "vanaf het begin"). Only with the resident's valid consent for the partner's
    organisation; the first name only if the consent names "naam"."""
    _controleer_toestemming(toestemming, persoon)
    if not persoon.ingestemd or not persoon.email or persoon.vertrokken:
        raise Geweigerd(_("Deze persoon kun je via het web niet uitnodigen."))
    if wanneer <= timezone.now():
        raise Geweigerd(_("Kies een moment in de toekomst."))
    if timezone.localtime(wanneer).date() > toestemming.geldig_tot:
        raise Geweigerd(_("De toestemming van de bewoner loopt af vóór het gesprek."))
    samen = Samen.objects.create(
        persoon=persoon,
        toestemming=toestemming,
        uitnodiger=uitnodiger,
        uitnodiger_naam=_naam_van(uitnodiger)[:200],
        uitnodiger_email=uitnodiger.email,
        organisatie=uitnodiger.organisatie,
        gesprek=gesprek,
        wanneer=wanneer,
        waar=waar.strip(),
        voornaam=voornaam.strip() if "naam" in toestemming.gegevens else "",
    )
    _gebeurtenis(Voorval.SAMEN_UITGENODIGD, uitnodiger.get_username(), persoon=persoon)
    audit.leg_vast(Actie.AANGEMAAKT, samen, uitnodiger.get_username(), Partij.VERWIJZER)
    audit.leg_vast(
        Actie.TOESTEMMING_GEGEVEN, samen, toestemming.vastgelegd_door_naam, Partij.VERWIJZER
    )
    mail.verstuur(
        "samen_uitnodiging",
        [persoon.email],
        {"samen": samen, "link": mail.absoluut(links.samen_pad(samen))},
    )
    return samen


def _vergrendeld(samen: Samen) -> Samen:
    return (
        Samen.objects.select_for_update().select_related("toestemming", "persoon").get(pk=samen.pk)
    )


@transaction.atomic
def beantwoord_samen(samen: Samen, ja: bool) -> Samen:
    """The partner answers from the e-mail, without an account; they may change their mind
    until the conversation, while the resident's consent holds."""
    samen = _vergrendeld(samen)
    if not samen.loopt:
        raise Geweigerd(_("Deze uitnodiging gaat niet door."))
    if not samen.toestemming.is_geldig():
        raise Geweigerd(
            _("De bewoner heeft geen toestemming meer gegeven. Het gesprek gaat zonder jou.")
        )
    if samen.wanneer <= timezone.now():
        raise Geweigerd(_("Dit gesprek is al geweest."))
    samen.antwoord = Antwoord.JA if ja else Antwoord.NEE
    samen.beantwoord_op = timezone.now()
    samen.save(update_fields=["antwoord", "beantwoord_op"])
    _gebeurtenis(Voorval.SAMEN_BEANTWOORD, ZELF, persoon=samen.persoon)
    audit.leg_vast(Actie.GEWIJZIGD, samen, ZELF, Partij.ONTVANGER, Kanaal.EMAILLINK)
    mail.verstuur(
        "samen_antwoord",
        [samen.uitnodiger_email],
        {"samen": samen, "link": mail.absoluut(reverse("network:samen", args=[samen.pk]))},
    )
    return samen


def _persoon_van(gebruiker, door: str) -> Persoon | None:
    """The professional's own entry in the web (by e-mail), added as a role if missing.

    Added without their name being shown: like every person, they appear by name only after
    they agreed through their own link.
    """
    if gebruiker is None or gebruiker.organisatie_id is None or not gebruiker.email:
        return None
    bestaand = (
        Persoon.objects.actief()
        .filter(organisatie_id=gebruiker.organisatie_id, email__iexact=gebruiker.email)
        .first()
    )
    if bestaand is not None:
        return bestaand
    return voeg_persoon_toe(
        gebruiker.organisatie, _naam_van(gebruiker), door, email=gebruiker.email
    )


@transaction.atomic
def markeer_gehouden(samen: Samen, door: str, op: date | None = None) -> Samen:
    """The conversation took place with the partner: the pair now counts toward the tie of
    their organisations (kind "samenwerken"), and the resident's first name is erased, since
    nothing of the resident is needed any more."""
    samen = _vergrendeld(samen)
    op = op or timezone.localdate()
    if samen.gehouden_op is not None:
        return samen
    if not samen.loopt or samen.antwoord != Antwoord.JA:
        raise Geweigerd(_("Alleen een gesprek waarvoor de partner “ja” zei, telt mee."))
    if timezone.localtime(samen.wanneer).date() > op:
        raise Geweigerd(_("Het gesprek is nog niet geweest."))
    samen.gehouden_op = op
    gewist = bool(samen.voornaam)
    samen.voornaam = ""
    band = None
    professional = _persoon_van(samen.uitnodiger, door)
    if professional is not None and professional.organisatie_id != samen.persoon.organisatie_id:
        if samen.persoon.vertrokken is None:
            van, naar = sorted((professional, samen.persoon), key=lambda p: str(p.pk))
            band = Band.objects.filter(van=van, naar=naar, soort=Bandsoort.SAMENWERKEN).first()
            if band is None:
                band = leg_band(van, naar, Bandsoort.SAMENWERKEN, door, sinds=op)
            noteer_contact(band, door, op=op)
    samen.band = band
    samen.save(update_fields=["gehouden_op", "voornaam", "band"])
    _gebeurtenis(Voorval.SAMEN_GEHOUDEN, door, persoon=samen.persoon, band=band)
    if gewist:
        audit.leg_vast(Actie.GEWIST, samen, door, Partij.SYSTEEM)
    return samen


def tel_voorbije_mee(vandaag: date | None = None, samen=None, uitnodiger=None) -> int:
    """Every "yes" whose conversation date has passed counts as held (or only ``samen``, or
    only those of ``uitnodiger``)."""
    vandaag = vandaag or timezone.localdate()
    rijen = Samen.objects.filter(
        antwoord=Antwoord.JA,
        gehouden_op__isnull=True,
        ingetrokken_op__isnull=True,
        wanneer__lt=timezone.now(),
    )
    if samen is not None:
        rijen = rijen.filter(pk=samen.pk)
    if uitnodiger is not None:
        rijen = rijen.filter(uitnodiger=uitnodiger)
    aantal = 0
    for rij in rijen:
        markeer_gehouden(rij, "systeem", op=min(vandaag, timezone.localtime(rij.wanneer).date()))
        aantal += 1
    return aantal


@transaction.atomic
def trek_samen_in(samen: Samen, door: str) -> Samen:
    """The resident no longer wants it (or the conversation is off): the consent is withdrawn,
    the first name erased, and the partner told it does not go ahead."""
    samen = _vergrendeld(samen)
    if not samen.loopt:
        raise Geweigerd(_("Deze uitnodiging is al ingetrokken."))
    if samen.gehouden_op is not None:
        raise Geweigerd(_("Dit gesprek is al geweest."))
    nu = timezone.now()
    samen.ingetrokken_op = nu
    samen.voornaam = ""
    samen.save(update_fields=["ingetrokken_op", "voornaam"])
    toestemming = samen.toestemming
    if toestemming.ingetrokken_op is None:
        toestemming.ingetrokken_op = nu
        toestemming.save(update_fields=["ingetrokken_op"])
    _gebeurtenis(Voorval.SAMEN_INGETROKKEN, door, persoon=samen.persoon)
    audit.leg_vast(Actie.TOESTEMMING_INGETROKKEN, samen, door, Partij.VERWIJZER)
    if samen.antwoord != Antwoord.NEE:
        mail.verstuur("samen_ingetrokken", [samen.persoon.email], {"samen": samen})
    return samen


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
                "ja": mail.absoluut(bijeenkomstlinks.rsvp_pad(uitnodiging, Rsvp.JA)),
                "misschien": mail.absoluut(bijeenkomstlinks.rsvp_pad(uitnodiging, Rsvp.MISSCHIEN)),
                "nee": mail.absoluut(bijeenkomstlinks.rsvp_pad(uitnodiging, Rsvp.NEE)),
                "kennisgemaakt": mail.absoluut(bijeenkomstlinks.kennisgemaakt_pad(uitnodiging)),
                "agenda_link": mail.absoluut(bijeenkomstlinks.persoon_feed_pad(persoon)),
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
    _gebeurtenis(Voorval.GEANTWOORD, ZELF, persoon=persoon)
    audit.leg_vast(Actie.GEWIJZIGD, uitnodiging, ZELF, Partij.SYSTEEM, Kanaal.EMAILLINK)
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


# --- AVG: erasure on the resident's request (privacy.rechten) ---------------------------


@transaction.atomic
def wis_samen_van_bewoner(samen: Samen, door: str) -> bool:
    """The resident asked for erasure: an invitation that still runs is withdrawn (the
    partner hears it does not go ahead), and the first name goes from every one. True when
    something was erased."""
    samen = _vergrendeld(samen)
    if samen.loopt and samen.gehouden_op is None:
        trek_samen_in(samen, door)
        return True
    if not samen.voornaam:
        return False
    samen.voornaam = ""
    samen.save(update_fields=["voornaam"])
    _gebeurtenis(Voorval.GEWIST, door, persoon=samen.persoon)
    audit.leg_vast(Actie.GEWIST, samen, door, Partij.BEWONER, Kanaal.BEWONERLINK)
    return True
