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
from django.utils.translation import gettext_noop

from samenspel.core import mail
from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Partij

from . import links
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


# --- the person's own entry: consent link, self-correction, stepping out, erasure ----------

# Who acted when the person acts through their own link. Not their name: the audit log is
# append-only, and a name in it would outlive the erasure of the entry.
ZELF = gettext_noop("de persoon zelf")


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
        Gebeurtenis.objects.filter(persoon=persoon, door=oude_naam[:200]).update(door=ZELF)
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
