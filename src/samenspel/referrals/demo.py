"""Demo referrals between demo services: one in every status, in both directions.

Each referral is made and moved through the real actions, so its event log, audit log and
e-mails (in the demo mailbox) are what the product itself would produce. Residents are
fictional, addresses use example.org. Every referral has a stable id, so loading twice adds
nothing.
"""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import Gebruiker
from samenspel.directory.models import Organization, Route, Service
from samenspel.privacy.models import Manier
from samenspel.referrals import actions
from samenspel.referrals.models import (
    Contactmanier,
    Gebeurtenis,
    Kennismaking,
    Terugkoppeling,
    Verwijzing,
)
from samenspel.referrals.toegang import Betrokkene, via_bewonerlink, via_emaillink

BRON = "samenspel-demo"
NAMESPACE = uuid.UUID("6a0d3c52-1f0e-4d8b-9a51-7c2e4b1d9f30")

# Demo accounts and the organisation each works for (only set when they have none yet).
ORGANISATIES = {
    "professional": "buurtteam-overvecht",
    "professional_west": "wijkteam-rotterdam-west",
    "initiatiefnemer": "handjehelpen",
}
# Initiatives refer to the buurtteam too (seed 004: "en-en, in twee richtingen").
BUURTTEAM = "buurtteam-overvecht-hulp"


@dataclass
class Scenario:
    sleutel: str
    naar: str
    van: str | None  # a demo username, or None when the resident signs up
    naam: str = ""
    wat_helpt: str = ""
    contact: str = ""
    terugkoppeling: str = Terugkoppeling.STATUS
    online: bool = False
    plekvraag: bool = False
    stappen: list = field(default_factory=list)  # (keuze, toelichting, notitie)
    intrekken_door: str = ""  # "verwijzer" or "bewoner"
    kennismaking: bool = False
    dagen_geleden: int = 10
    antwoord_na: float = 2


SCENARIOS = [
    Scenario(
        "wacht-op-toestemming",
        "taal-doet-meer-taalcoach",
        "professional",
        "Yusuf",
        "Wil beter Nederlands leren om met de buren te praten. Kookt graag.",
        "yusuf@example.org",
        online=True,
        dagen_geleden=1,
    ),
    Scenario(
        "wacht-op-antwoord",
        "handjehelpen-steungezinnen",
        "professional",
        "Noor",
        "Moeder van twee. Zoekt iemand om af en toe samen boodschappen te doen.",
        "06 12345670",
        dagen_geleden=5,
    ),
    Scenario(
        "aangenomen",
        "enik-wandelgroep-overvecht",
        "professional",
        "Piet",
        "Loopt graag buiten en kan goed verhalen vertellen.",
        "piet@example.org",
        terugkoppeling=Terugkoppeling.STATUS_EN_NOTITIE,
        stappen=[("aannemen", "", "Piet is welkom op dinsdag om 10 uur.")],
        kennismaking=True,
        dagen_geleden=12,
        antwoord_na=1,
    ),
    Scenario(
        "geen-plek",
        "humanitas-thuisadministratie",
        "professional",
        "Anja",
        "Wil zelf haar post weer bijhouden en leert snel.",
        "anja@example.org",
        stappen=[("geen-plek", "", "")],
        dagen_geleden=30,
        antwoord_na=4,
    ),
    Scenario(
        "bezig",
        "nizu-wijkambassadeur-overvecht",
        "professional",
        "Rachid",
        "Kent veel mensen in de buurt en wil graag iets doen voor anderen.",
        "06 12345671",
        terugkoppeling=Terugkoppeling.STATUS_EN_NOTITIE,
        stappen=[("aannemen", "", ""), ("gestart", "", "Rachid loopt mee met een ambassadeur.")],
        dagen_geleden=40,
        antwoord_na=2,
    ),
    Scenario(
        "wachtlijst",
        "al-amal-steun-eigen-taal",
        "professional",
        "Fatima",
        "Praat het liefst in het Arabisch. Houdt van handwerken.",
        "fatima@example.org",
        stappen=[("wachtlijst", "", "")],
        dagen_geleden=20,
        antwoord_na=3,
    ),
    Scenario(
        "afgerond",
        "handjehelpen-vrijwilliger",
        "professional",
        "Kees",
        "Handig met gereedschap en wil graag iets om handen hebben.",
        "kees@example.org",
        stappen=[("aannemen", "", ""), ("gestart", "", ""), ("afgerond", "", "")],
        dagen_geleden=90,
        antwoord_na=6,
    ),
    Scenario(
        "ingetrokken-door-verwijzer",
        "taal-doet-meer-taalcoach",
        "professional",
        "Lotte",
        "Wil Nederlands oefenen en is 's ochtends vrij.",
        "lotte@example.org",
        intrekken_door="verwijzer",
        dagen_geleden=25,
    ),
    Scenario(
        "niet-gelukt",
        "enik-wandelgroep-overvecht",
        "professional",
        "Henk",
        "Vindt het fijn om buiten te zijn, liefst in een kleine groep.",
        "henk@example.org",
        stappen=[("aannemen", "", ""), ("niet-gelukt", "We kregen geen contact.", "")],
        dagen_geleden=60,
        antwoord_na=2,
    ),
    Scenario(
        "ingetrokken-door-bewoner",
        "handjehelpen-steungezinnen",
        "professional",
        "Mila",
        "Zoekt iemand om samen mee naar het park te gaan.",
        "mila@example.org",
        stappen=[("aannemen", "", "")],
        intrekken_door="bewoner",
        dagen_geleden=15,
        antwoord_na=1,
    ),
    Scenario(
        "initiatief-naar-buurtteam",
        BUURTTEAM,
        "initiatiefnemer",
        "Joop",
        "Komt elke week bij ons koffie drinken. Wil hulp bij een brief van de gemeente.",
        "06 12345672",
        terugkoppeling=Terugkoppeling.STATUS_EN_NOTITIE,
        stappen=[("aannemen", "", "Joop komt donderdag langs op ons spreekuur.")],
        dagen_geleden=8,
        antwoord_na=1,
    ),
    Scenario(
        "zelf-aangemeld",
        "geestverwanten-koffieochtend",
        None,
        "Sam",
        "Ik wil graag mensen ontmoeten die snappen hoe het is.",
        "sam@example.org",
        dagen_geleden=2,
    ),
    # Rotterdam West: the wijkteam refers to a maatjesproject in the same wijk.
    Scenario(
        "west-aangenomen",
        "wmo-radar-maatjesproject",
        "professional_west",
        "Ahmed",
        "Woont sinds kort alleen en wil graag iemand om mee te wandelen en te praten.",
        "ahmed@example.org",
        stappen=[("aannemen", "", "")],
        dagen_geleden=6,
        antwoord_na=2,
    ),
    Scenario(
        "is-er-plek",
        "handjehelpen-steungezinnen",
        "professional",
        plekvraag=True,
        stappen=[("aannemen", "", "")],
        dagen_geleden=3,
        antwoord_na=0.5,
    ),
]


def _id(sleutel: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, sleutel)


def _service(sleutel: str) -> Service | None:
    return Service.objects.filter(bron=BRON, bron_id=sleutel).first()


def _koppel_demo_accounts() -> None:
    for gebruikersnaam, org_sleutel in ORGANISATIES.items():
        organisatie = Organization.objects.filter(bron=BRON, bron_id=org_sleutel).first()
        if organisatie is None:
            continue
        Gebruiker.objects.filter(username=gebruikersnaam, organisatie=None).update(
            organisatie=organisatie
        )
    # The demo buurtteam takes referrals, so the reverse direction can be shown.
    Service.objects.filter(bron=BRON, bron_id=BUURTTEAM).exclude(route=Route.AANMELDEN).update(
        route=Route.AANMELDEN
    )


def _gegevens(s: Scenario) -> dict:
    email = "@" in s.contact
    return {
        "naam": s.naam,
        "contactmanier": Contactmanier.EMAIL if email else Contactmanier.TELEFOON,
        "contact": s.contact,
        "wat_helpt": s.wat_helpt,
        "toestemming": Manier.ONLINE if s.online else Manier.MONDELING,
        "terugkoppeling": s.terugkoppeling,
        "geldig_tot": timezone.localdate() + dt.timedelta(days=365),
    }


def _maak(s: Scenario, service: Service) -> Verwijzing | None:
    pk = _id(s.sleutel)
    if s.van is None:
        v, _token = actions.meld_zelf_aan(service, _gegevens(s), pk=pk)
        return v
    afzender = Gebruiker.objects.filter(username=s.van).first()
    if afzender is None:
        return None
    if s.plekvraag:
        return actions.vraag_plek(afzender, service, "Is er op doordeweekse dagen plek?", pk=pk)
    v, _token = actions.verwijs(afzender, service, _gegevens(s), pk=pk)
    if s.kennismaking:
        wanneer = timezone.now() + dt.timedelta(days=3)
        partij = Betrokkene("verwijzer", afzender.get_username(), gebruiker=afzender)
        actions.stel_kennismaking_voor(v, partij, wanneer, "Buurthuis De Boog")
        actions.bevestig_kennismaking(v, via_emaillink(v))
    return v


def _speel_af(s: Scenario, v: Verwijzing) -> None:
    ontvanger = via_emaillink(v)
    for naam, toelichting, notitie in s.stappen:
        actions.antwoord(v, ontvanger, naam, toelichting, notitie or None)
    if s.intrekken_door == "verwijzer":
        partij = Betrokkene("verwijzer", v.afzender.get_username(), gebruiker=v.afzender)
        actions.trek_in(v, partij, "De bewoner is verhuisd.")
    elif s.intrekken_door == "bewoner":
        actions.trek_toestemming_in(v, via_bewonerlink())


def _terug_in_de_tijd(s: Scenario, v: Verwijzing) -> None:
    """Spread the demo over past weeks, so the figures say something."""
    begin = timezone.now() - dt.timedelta(days=s.dagen_geleden)
    stap = dt.timedelta(days=s.antwoord_na)
    laatste = begin
    for g in v.gebeurtenissen.order_by("wanneer", "id"):
        if g.soort == "status" and g.partij == "ontvanger":
            laatste += stap  # each answer of the service comes some days later
        elif g.soort == "status" and g.van_status:
            laatste += dt.timedelta(days=1)
        laatste = min(laatste, timezone.now())
        # Demo only: the event log is otherwise never rewritten.
        Gebeurtenis.objects.filter(pk=g.pk).update(wanneer=laatste)
    velden = {"aangemaakt": begin}
    if v.verstuurd_op:
        velden["verstuurd_op"] = begin
    if v.afgesloten_op:
        velden["afgesloten_op"] = laatste
    Verwijzing.objects.filter(pk=v.pk).update(**velden)
    Kennismaking.objects.filter(verwijzing=v).update(wanneer=begin + dt.timedelta(days=4))


@transaction.atomic
def laad_verwijzingen() -> int:
    """Create the demo referrals that do not exist yet; returns how many were made."""
    _koppel_demo_accounts()
    gemaakt = 0
    for s in SCENARIOS:
        if Verwijzing.objects.filter(pk=_id(s.sleutel)).exists():
            continue
        service = _service(s.naar)
        if service is None or not actions.neemt_verwijzingen(service):
            continue
        v = _maak(s, service)
        if v is None:
            continue
        _speel_af(s, v)
        _terug_in_de_tijd(s, v)
        gemaakt += 1
    return gemaakt
