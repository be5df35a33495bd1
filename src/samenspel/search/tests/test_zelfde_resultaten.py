"""Search gives the same results whatever the database: this file runs on SQLite and on
PostgreSQL (CI runs the suite on both) and pins the exact answers.

The index is built in Python from rows the database returns; this guards against anything
database-specific leaking in (row order, float precision of coordinates, collation).
"""

import pytest

from samenspel.search.zoeken import Zoekvraag, zoek

pytestmark = pytest.mark.django_db

AANBOD = [
    # naam, omschrijving, buurt, bouwstenen, dagen, punt
    (
        "Wandelgroep Overvecht",
        "Elke dinsdag samen wandelen.",
        "zambesidreef",
        ("sociale-contacten-en-ontmoeting", "preventie"),
        "TU",
        (52.1190, 5.1150),
    ),
    (
        "Wandelcoach in Vechtzoom voor iedereen",
        "Een coach die met je wandelt.",
        "vechtzoom",
        ("preventie",),
        "WE",
        (52.1120, 5.1200),
    ),
    (
        "Taalcafé Overvecht",
        "Nederlands oefenen met koffie.",
        "zambesidreef",
        ("sociale-contacten-en-ontmoeting",),
        "TH",
        (52.1195, 5.1140),
    ),
    (
        "Moestuin De Gagel",
        "Samen tuinieren en oogsten.",
        "vechtzoom",
        ("zinvolle-daginvulling",),
        "SA",
        (52.1130, 5.1210),
    ),
    (
        "Buurtteam Overvecht",
        "Hulp bij geld, wonen en zorg.",
        "zambesidreef",
        ("zorg-en-begeleiding", "vroegsignalering"),
        "MO,TU,WE,TH,FR",
        (52.1185, 5.1160),
    ),
    (
        "Huiskamer Middelland",
        "Koffie, een praatje en samen eten.",
        "middelland_noord",
        ("sociale-contacten-en-ontmoeting",),
        "WE",
        (51.9185, 4.4610),
    ),
    (
        "Herstelgroep Middelland",
        "Ervaringsdeskundigen over herstel.",
        "middelland_noord",
        ("ervaringsdeskundigheid",),
        "FR",
        (51.9190, 4.4620),
    ),
    (
        "Nachtopvang West",
        "Een plek voor de nacht.",
        "middelland_noord",
        ("24-uurszorg",),
        "SU",
        (51.9180, 4.4630),
    ),
]

VRAGEN = [
    # Both match on the name; the shorter name ranks first (BM25 length), never a tie.
    (
        Zoekvraag(tekst="wandelen"),
        ["Wandelgroep Overvecht", "Wandelcoach in Vechtzoom voor iedereen"],
    ),
    (Zoekvraag(tekst="wandelgreop"), ["Wandelgroep Overvecht"]),
    (Zoekvraag(tekst="taal"), ["Taalcafé Overvecht"]),
    (Zoekvraag(tekst="moes"), ["Moestuin De Gagel"]),
    (
        Zoekvraag(filters={"bouwsteen": ["sociale-contacten-en-ontmoeting"], "wijk": ["WK034403"]}),
        ["Taalcafé Overvecht", "Wandelgroep Overvecht"],
    ),
    (
        Zoekvraag(tekst="koffie", punt=(51.9186, 4.4611), sorteer="afstand"),
        ["Huiskamer Middelland", "Taalcafé Overvecht"],
    ),
    (
        Zoekvraag(punt=(52.1121, 5.1201), straal_km=0.5, sorteer="afstand"),
        ["Wandelcoach in Vechtzoom voor iedereen", "Moestuin De Gagel"],
    ),
    (Zoekvraag(filters={"dag": ["SU"]}), ["Nachtopvang West"]),
    (Zoekvraag(tekst="herstel ervaringsdeskundigen"), ["Herstelgroep Middelland"]),
]


@pytest.fixture
def kaart(maak_aanbod):
    for naam, omschrijving, buurt, bouwstenen, dagen, punt in AANBOD:
        maak_aanbod(
            naam=naam,
            omschrijving=omschrijving,
            buurt=buurt,
            bouwstenen=bouwstenen,
            dagen=dagen,
            punt=punt,
            organisatie=f"Organisatie {len(naam)}",
        )


@pytest.mark.parametrize("vraag,verwacht", VRAGEN, ids=[str(i) for i in range(len(VRAGEN))])
def test_zelfde_antwoord_op_elke_database(kaart, vraag, verwacht):
    assert [t.service.name for t in zoek(vraag).treffers] == verwacht


def test_afstanden_tot_op_de_meter_gelijk(kaart):
    resultaat = zoek(Zoekvraag(tekst="wandelen", punt=(52.1160, 5.1130), sorteer="afstand"))
    assert [round(t.afstand_km, 3) for t in resultaat.treffers] == [0.36, 0.653]


def test_facetaantallen_gelijk(kaart):
    resultaat = zoek(Zoekvraag(tekst="overvecht"))
    assert resultaat.facetten["bouwsteen"] == {
        "sociale-contacten-en-ontmoeting": 2,
        "preventie": 2,
        "zorg-en-begeleiding": 1,
        "vroegsignalering": 1,
        "zinvolle-daginvulling": 1,
    }
