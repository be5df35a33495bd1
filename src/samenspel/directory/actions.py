"""Every state change of a listing: registration, moderation, editing, freshness, stopping.

Each function writes its history (Wijziging rows, so a netwerkhouder can always see who did
what) and puts its e-mail in the outbox in the same transaction, so nobody is mailed about a
change that was rolled back and no saved change loses its e-mail.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Gebruiker
from samenspel.core import mail
from samenspel.directory import historie, links, netwerkhouders, toegankelijkheid
from samenspel.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    Location,
    Moderatie,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceStatus,
    TaxonomyTerm,
)
from samenspel.directory.registratie import Contactgegeven, beginwaarden, lees_tijden

# Registrations a netwerkhouder can still decide on.
OPEN = (Moderatie.ONBEVESTIGD, Moderatie.WACHTRIJ, Moderatie.VRAAG)

# Form field -> HSDS field name in the history, where HSDS has one.
VELDNAMEN = {
    "naam": "name",
    "omschrijving": "description",
    "wanneer": "tijden_omschrijving",
    "website": "url",
    "adres": "address_1",
    "postcode": "postal_code",
}


class OngeldigeModeratiestap(ValueError):
    """The listing is not in a state where this action makes sense."""


def _leg_vast(service, actie: str, door, veld: str = "", oud="", nieuw="") -> None:
    historie.leg_vast(service, actie, door, veld, oud, nieuw)


# --- e-mails ------------------------------------------------------------------------------


def _link(service, doel: str) -> str:
    return mail.absoluut(links.pad(service, doel))


def _openbare_link(service) -> str:
    return mail.absoluut(reverse("directory:service", args=[service.pk]))


def _mail_eigenaar(sjabloon: str, service, **context) -> None:
    if service.beheerder_email:
        mail.verstuur(sjabloon, [service.beheerder_email], {"service": service, **context})


def netwerkhouders_voor(service) -> list[Gebruiker]:
    """The listing's netwerkhouders (`netwerkhouders.netwerkhouders_van`) who can be mailed."""
    return list(netwerkhouders.netwerkhouders_van(service).filter(is_active=True).exclude(email=""))


def _meld_netwerkhouders(service, antwoord: bool = False) -> None:
    """A new registration, or (``antwoord``) the registrant's answer to a question."""
    ontvangers = [g.email for g in netwerkhouders_voor(service)]
    if ontvangers:
        mail.verstuur(
            "nieuwe_aanmelding",
            ontvangers,
            {
                "service": service,
                "antwoord": antwoord,
                "beoordeel_link": mail.absoluut(reverse("directory:beoordeel", args=[service.pk])),
            },
        )


def _mail_bevestigen(service) -> None:
    _mail_eigenaar("aanmelding_bevestigen", service, link=_link(service, links.BEVESTIG))


# --- registration -------------------------------------------------------------------------


def _zet_term(service, code: str, soort: str, vorige: str = "") -> None:
    terms = getattr(TaxonomyTerm.objects, soort)()
    if vorige:
        Attribute.objects.filter(
            link_entity="service", link_id=service.pk, taxonomy_term__in=terms.filter(code=vorige)
        ).delete()
    if code:
        Attribute.objects.get_or_create(
            link_entity="service", link_id=service.pk, taxonomy_term=terms.get(code=code)
        )


def _zet_termen(service, codes: list[str], soort: str) -> None:
    """Exactly these terms of one taxonomy on the listing (a group of checkboxes)."""
    terms = getattr(TaxonomyTerm.objects, soort)()
    Attribute.objects.filter(
        link_entity="service", link_id=service.pk, taxonomy_term__in=terms.exclude(code__in=codes)
    ).delete()
    for term in terms.filter(code__in=codes):
        Attribute.objects.get_or_create(
            link_entity="service", link_id=service.pk, taxonomy_term=term
        )


def _zet_tijden(service, tekst: str) -> None:
    """The slots read from the owner's "wanneer en waar", each carrying those words.

    The words go into HSDS `schedule.description` ("a free text description of the
    availability"): the sentence answers when and where one can go, which is availability,
    so an HSDS reader sees it next to the times. `location.description` would describe a place
    other services may share, and splitting "waar" off the sentence would be guessing. Text
    without a readable time still becomes one schedule with only the description.
    """
    service.schedules.all().delete()
    vakken = lees_tijden(tekst)
    for vak in vakken:
        Schedule.objects.create(
            service=service,
            freq="WEEKLY",
            byday=vak.byday,
            opens_at=vak.van,
            closes_at=vak.tot,
            description=tekst,
        )
    if tekst and not vakken:
        Schedule.objects.create(service=service, freq="", description=tekst)


def _zet_contact(service, contact: Contactgegeven, naam: str, vorig_nummer: str = "") -> None:
    """One contact person (with e-mail) and/or one phone number, as HSDS Contact and Phone."""
    persoon = service.contacts.order_by("pk").first()
    if contact.email or naam:
        persoon = persoon or Contact(service=service)
        persoon.name, persoon.email = naam, contact.email
        persoon.save()
    elif persoon is not None:
        persoon.delete()
        persoon = None
    if vorig_nummer and vorig_nummer != contact.telefoon:
        service.phones.filter(number=vorig_nummer).delete()
    if contact.telefoon:
        Phone.objects.update_or_create(
            service=service, number=contact.telefoon, defaults={"contact": persoon}
        )


def _zet_adres(locatie, adres: str, postcode: str, plaats: str) -> None:
    bestaand = locatie.addresses.first()
    if not adres:
        if bestaand:
            bestaand.delete()
        return
    bestaand = bestaand or Address(location=locatie)
    bestaand.address_1, bestaand.postal_code, bestaand.city = adres, postcode, plaats
    bestaand.save()


def _zet_toegankelijkheid(locatie, codes: list[str]) -> None:
    """One HSDS accessibility record per ticked feature; unticked ones go.

    Records that name no feature (a source's own text) are not the form's: they stay.
    """
    gehouden = set()
    for record in locatie.accessibility.all():
        voorziening = toegankelijkheid.herken(record.description)
        if voorziening is None:
            continue
        if voorziening.code in codes and voorziening.code not in gehouden:
            gehouden.add(voorziening.code)
        else:
            record.delete()
    for code in codes:
        if code not in gehouden:
            Accessibility.objects.create(
                location=locatie, description=toegankelijkheid.PER_CODE[code].tekst
            )


@transaction.atomic
def registreer(gegevens: dict) -> Service:
    """Create the whole listing from the form's cleaned data, or nothing at all."""
    buurt, contact = gegevens["buurt"], gegevens["contact"]
    gemeente = buurt.gemeente
    naam, omschrijving = gegevens["naam"].strip(), gegevens["omschrijving"].strip()
    organisatie = Organization.objects.create(
        name=naam,
        description=omschrijving,
        email=contact.email,
        website=gegevens.get("website") or "",
        sector=gegevens["sector"],
        gemeente=gemeente,
    )
    service = Service.objects.create(
        organization=organisatie,
        name=naam,
        description=omschrijving,
        url=gegevens.get("website") or "",
        email=contact.email,
        status=ServiceStatus.ACTIVE,
        zichtbaarheid=gegevens["zichtbaarheid"],
        op_afspraak=bool(gegevens.get("op_afspraak")),
        tijden_omschrijving=(gegevens.get("wanneer") or "").strip(),
        korte_tekst=(gegevens.get("korte_tekst") or "").strip(),
        # Without an e-mail address nobody can click a link: the netwerkhouder will call.
        moderatie=Moderatie.ONBEVESTIGD if contact.email else Moderatie.WACHTRIJ,
        beheerder_email=contact.email,
        beheerder_telefoon=contact.telefoon,
        assured_date=None,
    )
    locatie = Location.objects.create(
        organization=organisatie,
        name=naam,
        buurt=buurt,
        latitude=buurt.latitude,
        longitude=buurt.longitude,
    )
    adres = gegevens.get("adres", "").strip()
    _zet_adres(locatie, adres, gegevens.get("postcode", ""), gemeente.naam)
    ServiceAtLocation.objects.create(service=service, location=locatie)
    _zet_toegankelijkheid(locatie, gegevens.get("toegankelijkheid") or [])
    _zet_contact(service, contact, gegevens.get("contactpersoon", "").strip())
    _zet_term(service, gegevens["bouwsteen"], "bouwstenen")
    _zet_term(service, gegevens.get("doelgroep") or "", "doelgroepen")
    _zet_termen(service, gegevens.get("etmaal") or [], "etmaal")
    _zet_tijden(service, service.tijden_omschrijving)
    _leg_vast(service, "aangemeld", contact.waarde, "moderatie", "", service.moderatie)
    if contact.email:
        _mail_bevestigen(service)
    else:
        _meld_netwerkhouders(service)
    return service


def bevestig_email(service) -> bool:
    """The owner clicked the link in the first e-mail: the registration joins the queue."""
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        if service.moderatie != Moderatie.ONBEVESTIGD:
            return False
        service.moderatie = Moderatie.WACHTRIJ
        service.save(update_fields=["moderatie"])
        _leg_vast(
            service,
            "bevestigd",
            service.beheerder_email,
            "moderatie",
            Moderatie.ONBEVESTIGD,
            Moderatie.WACHTRIJ,
        )
        _meld_netwerkhouders(service)
    return True


# --- moderation ---------------------------------------------------------------------------


def _beoordeel(service, door, actie: str, nieuw: str, bericht: str = "", **velden):
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        if service.moderatie not in OPEN:
            raise OngeldigeModeratiestap(f"{service.moderatie} -> {nieuw}")
        vorige = service.moderatie
        service.moderatie, service.moderatie_bericht = nieuw, bericht
        oude = {veld: getattr(service, veld) for veld in velden}
        for veld, waarde in velden.items():
            setattr(service, veld, waarde)
        service.last_modified = timezone.now()
        service.save()
        _leg_vast(service, actie, door, "moderatie", vorige, nieuw)
        if bericht:
            _leg_vast(service, actie, door, "moderatie_bericht", "", bericht)
        for veld, waarde in velden.items():
            if oude[veld] != waarde:
                _leg_vast(service, actie, door, veld, oude[veld], waarde)
    return service


def _verplicht(tekst: str, wat: str) -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValueError(f"{wat} is verplicht")
    return tekst


@transaction.atomic
def keur_goed(service, door) -> Service:
    service = _beoordeel(
        service,
        door,
        "goedgekeurd",
        Moderatie.GOEDGEKEURD,
        assured_date=timezone.localdate(),
        assurer_email=getattr(door, "email", "") or "",
        herinnerd_op=None,
    )
    _mail_eigenaar(
        "aanmelding_goedgekeurd",
        service,
        live_link=_openbare_link(service),
        bewerk_link=_link(service, links.BEWERK),
    )
    return service


@transaction.atomic
def stel_vraag(service, door, vraag: str) -> Service:
    vraag = _verplicht(vraag, "een vraag")
    service = _beoordeel(service, door, "vraag", Moderatie.VRAAG, vraag)
    _mail_eigenaar(
        "aanmelding_vraag", service, vraag=vraag, bewerk_link=_link(service, links.BEWERK)
    )
    return service


def aanspreekpunten(service, door=None) -> list[dict]:
    """Whom a registrant can reach about a decision: the area's netwerkhouders by name and
    e-mail address, or else whoever decided (a beheerder, where the area has nobody)."""
    mensen = netwerkhouders_voor(service)
    if not mensen and getattr(door, "email", ""):
        mensen = [door]
    return [{"naam": g.get_full_name() or g.get_username(), "email": g.email} for g in mensen]


@transaction.atomic
def wijs_af(service, door, reden: str) -> Service:
    reden = _verplicht(reden, "een reden")
    service = _beoordeel(service, door, "afgewezen", Moderatie.AFGEWEZEN, reden)
    _mail_eigenaar(
        "aanmelding_afgewezen", service, reden=reden, netwerkhouders=aanspreekpunten(service, door)
    )
    return service


# --- the owner's own changes --------------------------------------------------------------


def _als_tekst(waarde) -> str:
    if isinstance(waarde, Contactgegeven):
        return waarde.waarde
    if hasattr(waarde, "code"):  # a Gebied
        return waarde.code
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return ", ".join(waarde)
    return "" if waarde is None else str(waarde).strip()


def _schrijf_wijzigingen(service, gegevens: dict, oud: dict, gewijzigd: set[str]) -> None:
    organisatie = service.organization
    koppeling = service.service_at_locations.select_related("location").first()
    locatie = koppeling.location if koppeling else None
    naam = gegevens["naam"].strip()
    # The organisation was made from the registration; follow it only where it still agrees,
    # so an imported organisation with several services keeps its own name.
    if "naam" in gewijzigd and organisatie.name == oud["naam"]:
        organisatie.name = naam
    if "omschrijving" in gewijzigd and organisatie.description == oud["omschrijving"]:
        organisatie.description = gegevens["omschrijving"].strip()
    if "website" in gewijzigd and organisatie.website == oud["website"]:
        organisatie.website = gegevens.get("website") or ""
    organisatie.sector = gegevens["sector"]
    if "buurt" in gewijzigd:
        organisatie.gemeente = gegevens["buurt"].gemeente
    organisatie.save()

    contact = gegevens["contact"]
    service.name, service.description = naam, gegevens["omschrijving"].strip()
    service.url = gegevens.get("website") or ""
    service.tijden_omschrijving = (gegevens.get("wanneer") or "").strip()
    service.korte_tekst = (gegevens.get("korte_tekst") or "").strip()
    service.op_afspraak = bool(gegevens.get("op_afspraak"))
    service.zichtbaarheid = gegevens["zichtbaarheid"]
    if "contact" in gewijzigd or "contactpersoon" in gewijzigd:
        vorig_nummer = service.beheerder_telefoon
        service.beheerder_email, service.beheerder_telefoon = contact.email, contact.telefoon
        service.email = contact.email
        _zet_contact(service, contact, gegevens.get("contactpersoon", "").strip(), vorig_nummer)

    if locatie is None and "buurt" in gewijzigd:
        locatie = Location.objects.create(organization=organisatie, name=naam)
        ServiceAtLocation.objects.create(service=service, location=locatie)
    if locatie is not None:
        if "buurt" in gewijzigd:
            buurt = gegevens["buurt"]
            locatie.buurt = buurt
            locatie.latitude, locatie.longitude = buurt.latitude, buurt.longitude
            locatie.save()
        if {"adres", "postcode"} & gewijzigd:
            plaats = locatie.buurt.gemeente.naam if locatie.buurt else ""
            _zet_adres(locatie, gegevens.get("adres", "").strip(), gegevens["postcode"], plaats)
        if "toegankelijkheid" in gewijzigd:
            _zet_toegankelijkheid(locatie, gegevens.get("toegankelijkheid") or [])
    if "bouwsteen" in gewijzigd:
        _zet_term(service, gegevens["bouwsteen"], "bouwstenen", oud["bouwsteen"])
    if "doelgroep" in gewijzigd:
        _zet_term(service, gegevens.get("doelgroep") or "", "doelgroepen", oud["doelgroep"])
    if "etmaal" in gewijzigd:
        _zet_termen(service, gegevens.get("etmaal") or [], "etmaal")
    if "wanneer" in gewijzigd:
        _zet_tijden(service, service.tijden_omschrijving)


def bewerk(service, gegevens: dict, door) -> list[str]:
    """Apply the owner's edit at once and record every changed field; returns their names.

    Saving after a netwerkhouder's question counts as the answer: back into the queue.
    """
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        oud = {veld: _als_tekst(waarde) for veld, waarde in beginwaarden(service).items()}
        nieuw = {veld: _als_tekst(gegevens.get(veld)) for veld in oud if veld in gegevens}
        gewijzigd = [veld for veld in nieuw if nieuw[veld] != oud[veld]]
        oud_email = service.beheerder_email
        if gewijzigd:
            _schrijf_wijzigingen(service, gegevens, oud, set(gewijzigd))
            service.last_modified = timezone.now()
        for veld in gewijzigd:
            _leg_vast(service, "bewerkt", door, VELDNAMEN.get(veld, veld), oud[veld], nieuw[veld])
        naar_wachtrij = service.moderatie in (Moderatie.VRAAG, Moderatie.ONBEVESTIGD)
        if naar_wachtrij:
            # Opening a link sent to the address proves it, like the confirmation link.
            # After a question, saving is the answer: the queue and the mail say so.
            antwoord = service.moderatie == Moderatie.VRAAG
            actie = "beantwoord" if antwoord else "bewerkt"
            _leg_vast(service, actie, door, "moderatie", service.moderatie, Moderatie.WACHTRIJ)
            service.moderatie = Moderatie.WACHTRIJ
        service.save()
        if naar_wachtrij:
            _meld_netwerkhouders(service, antwoord)
        nieuw_email = service.beheerder_email
        if nieuw_email.lower() != (oud_email or "").lower():
            # Old links died with the old address; the new address gets fresh ones, and the
            # old one hears of it, so a leaked link cannot quietly take a listing over.
            if nieuw_email:
                _stuur_bewerklinks(nieuw_email, [service])
            if oud_email:
                _meld_adreswijziging(oud_email, service)
    return gewijzigd


def klopt_nog(service, door) -> Service:
    """The owner says the listing is still right: fresh again, reminders start over."""
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        vorige = service.assured_date
        service.assured_date = timezone.localdate()
        service.assurer_email = service.beheerder_email
        service.herinnerd_op = None
        service.save(update_fields=["assured_date", "assurer_email", "herinnerd_op"])
        _leg_vast(service, "bevestigd", door, "assured_date", vorige or "", service.assured_date)
    return service


def herinnerd(services, vandaag) -> None:
    """The owner was sent a "klopt nog" reminder today: no new one for a month."""
    with transaction.atomic():
        for service in services:
            vorige = service.herinnerd_op
            Service.objects.filter(pk=service.pk).update(herinnerd_op=vandaag)
            _leg_vast(service, "herinnerd", "systeem", "herinnerd_op", vorige or "", vandaag)


def stop(service, door) -> Service:
    """Take the listing off the kaart; the record and its history stay."""
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        if service.status == ServiceStatus.INACTIVE:
            return service
        vorige = service.status
        service.status = ServiceStatus.INACTIVE
        service.last_modified = timezone.now()
        service.save(update_fields=["status", "last_modified"])
        _leg_vast(service, "gestopt", door, "status", vorige, service.status)
        _mail_eigenaar("aanbod_gestopt", service)
    return service


# --- new edit links -----------------------------------------------------------------------


def eigen_aanbod(email: str):
    """Listings this address may still edit."""
    return (
        Service.objects.filter(beheerder_email__iexact=email.strip(), status=ServiceStatus.ACTIVE)
        .exclude(moderatie=Moderatie.AFGEWEZEN)
        .order_by("name")
    )


def _stuur_bewerklinks(email: str, services) -> None:
    regels = [
        {"service": s, "bewerk_link": _link(s, links.BEWERK), "stop_link": _link(s, links.STOP)}
        for s in services
    ]
    mail.verstuur("bewerklinks", [email], {"regels": regels})


def _meld_adreswijziging(oud_email: str, service) -> None:
    mail.verstuur("emailadres_gewijzigd", [oud_email], {"service": service})


def vraag_bewerklinks(email: str) -> None:
    """Mail fresh edit links if the address owns listings; silent either way (no enumeration)."""
    services = list(eigen_aanbod(email))
    if not services:
        return
    # Queued, never sent here: a slow or failing mail server would otherwise show on the page
    # and tell a stranger that this address owns a listing.
    _stuur_bewerklinks(services[0].beheerder_email, services)
