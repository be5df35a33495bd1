"""The demo web: contact people of the demo organisations and the ties they carry.

Everything goes through ``network.actions``, so the web's event log and audit log are what the
product itself writes. The organisations are real initiatives of the demo neighbourhoods; the
people are fictional, their addresses use example.org. The web is drawn so the analysis has
something to show: a bridge that hangs on one coordinator, an initiative with no formal tie,
a person who has not agreed yet (partners see only the role), and a wijk without a
wijkambassadeur.
"""

import datetime as dt
import uuid

from django.utils import timezone

from samenspel.directory.models import Organization
from samenspel.network import actions
from samenspel.network.models import Band, Bandsoort, Persoon, Verbinderrol

BRON = "samenspel-demo"
NAMESPACE = uuid.UUID("2d7b9e41-5c3a-4f6e-8b1d-0a9c8e7f6d5b")
DOOR = "demo"

# (key, organisation key, name, function, connector role, volunteers, agreed)
PERSONEN = [
    # Utrecht Overvecht
    ("fatima", "buurtteam-overvecht", "Fatima el Idrissi", "buurtteamer", "", 0, True),
    ("joost", "buurtteam-overvecht", "Joost van Dam", "buurtteamer", "", 0, True),
    (
        "marieke",
        "handjehelpen",
        "Marieke Bos",
        "",
        Verbinderrol.VRIJWILLIGERSCOORDINATOR,
        24,
        True,
    ),
    ("hamid", "nizu", "Hamid Ouali", "", Verbinderrol.WIJKAMBASSADEUR, 0, True),
    (
        "sanne",
        "enik-recovery-college",
        "Sanne de Groot",
        "",
        Verbinderrol.ERVARINGSDESKUNDIGE,
        0,
        True,
    ),
    (
        "erik",
        "gebiedsteam-ggz-overvecht",
        "Erik Verhoef",
        "sociaal psychiatrisch verpleegkundige",
        "",
        0,
        True,
    ),
    ("linda", "huisartsen-overvecht-gezond", "Linda Smit", "POH-ggz", "", 0, False),
    ("wim", "taal-doet-meer", "Wim Jansen", "", Verbinderrol.VRIJWILLIGERSCOORDINATOR, 40, True),
    ("yara", "al-amal", "Yara Haddad", "coördinator", "", 0, True),
    # Rotterdam West
    ("romy", "wijkteam-rotterdam-west", "Romy de Wit", "wijkteamer", "", 0, True),
    (
        "ahmed",
        "huize-middelland",
        "Ahmed Bakker",
        "",
        Verbinderrol.VRIJWILLIGERSCOORDINATOR,
        15,
        True,
    ),
    ("tess", "antes", "Tess Visser", "", Verbinderrol.KWARTIERMAKER, 0, True),
    ("koen", "geestverwanten", "Koen Mulder", "", Verbinderrol.ERVARINGSDESKUNDIGE, 0, False),
    ("nadia", "thuis-in-west", "Nadia Amrani", "", Verbinderrol.GEBIEDSMAKELAAR, 0, True),
]

# (person, person, kind, months ago since, days since last contact)
BANDEN = [
    # The buurtteam reaches Handjehelpen only through Fatima and Marieke: a fragile bridge.
    ("fatima", "marieke", Bandsoort.VERWIJZEN, 18, 12),
    ("fatima", "hamid", Bandsoort.OVERLEG, 12, 30),
    ("joost", "sanne", Bandsoort.SAMENWERKEN, 8, 5),
    ("erik", "sanne", Bandsoort.CASUSOVERLEG, 24, 40),
    ("joost", "wim", Bandsoort.KENNISMAKING, 2, 60),
    ("marieke", "wim", Bandsoort.RUIMTE_DELEN, 30, 200),
    # Rotterdam West
    ("romy", "ahmed", Bandsoort.VERWIJZEN, 14, 9),
    ("tess", "ahmed", Bandsoort.SAMENWERKEN, 10, 21),
    ("romy", "nadia", Bandsoort.OVERLEG, 6, 14),
]


def _id(*delen: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(delen))


def laad_web(vandaag: dt.date | None = None) -> int:
    """Add the demo people and ties once; loading twice adds nothing."""
    vandaag = vandaag or timezone.localdate()
    organisaties = {
        o.bron_id: o
        for o in Organization.objects.filter(bron=BRON, bron_id__in={p[1] for p in PERSONEN})
    }
    mensen = {}
    for sleutel, org, naam, functie, rol, vrijwilligers, ingestemd in PERSONEN:
        organisatie = organisaties.get(org)
        if organisatie is None:
            continue
        bestaand = Persoon.objects.filter(pk=_id("persoon", sleutel)).first()
        if bestaand is None:
            bestaand = actions.voeg_persoon_toe(
                organisatie,
                naam,
                DOOR,
                id=_id("persoon", sleutel),
                functie=functie,
                verbinderrol=rol,
                vrijwilligers=vrijwilligers,
                email=f"{sleutel}@example.org",
                bereikbaar="Op werkdagen via e-mail.",
                wijk=_wijk(organisatie),
                sinds=vandaag - dt.timedelta(days=900),
            )
            if ingestemd:
                actions.stem_in(bestaand)
        mensen[sleutel] = bestaand
    for een, ander, soort, maanden, dagen in BANDEN:
        if een not in mensen or ander not in mensen:
            continue
        van, naar = sorted((mensen[een], mensen[ander]), key=lambda p: str(p.pk))
        if Band.objects.filter(van=van, naar=naar, soort=soort).exists():
            continue
        band = actions.leg_band(
            van, naar, soort, DOOR, sinds=vandaag - dt.timedelta(days=30 * maanden)
        )
        actions.noteer_contact(band, DOOR, op=vandaag - dt.timedelta(days=dagen))
    return len(mensen)


def _wijk(organisatie):
    """The wijk of the organisation's first located listing, if any."""
    for service in organisatie.services.all():
        for koppeling in service.service_at_locations.select_related("location__buurt__ouder"):
            buurt = koppeling.location.buurt
            if buurt is not None and buurt.wijk is not None:
                return buurt.wijk
    return None
