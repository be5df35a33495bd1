"""Relevantie op de demodata: wat bewoners intypen, en wat dan in de eerste vijf moet staan.

The demo is loaded as `samenspel demo` loads it, and indexed with the installed synonym
list (`search/data/synoniemen.txt`).
"""

import math

import pytest
from django.urls import reverse

from samenspel.demo import laden
from samenspel.directory import plaatsen
from samenspel.search import documenten, synoniemen
from samenspel.search.engine import ZoekIndex
from samenspel.search.tests.pagina import kaartnamen
from samenspel.search.zoeken import PUBLIEK

# Every 4-digit postcode with addresses in the demo: Rotterdam West, Overvecht, De Baarsjes.
POSTCODES = ["3014", "3021", "3022", "3561", "3562", "3563", "1056", "1057", "1058"]

_GELADEN: dict = {}


@pytest.fixture
def demo(db):
    """(index, name per id, point per postcode) of the demo.

    Loaded by the first test that asks (each test's database is rolled back afterwards);
    the queries below only read the index, which stays.
    """
    if not _GELADEN:
        laden.laad_alles()
        docs = list(documenten.alle())
        index = ZoekIndex(synoniemen.groepen())
        index.vervang(docs)
        _GELADEN["demo"] = (
            index,
            {d.id: d.velden["naam"] for d in docs},
            {pc: plaatsen.punt_voor(pc) for pc in POSTCODES},
        )
    return _GELADEN["demo"]


def _treffers(demo, tekst, punt=None, aantal=5):
    index, _, _ = demo
    # What a resident sees, as `zoeken.zoek` asks it.
    filters = {"zichtbaarheid": list(PUBLIEK)}
    return index.zoek(tekst, filters=filters, punt=punt, aantal=aantal).treffers


def _namen(demo, tekst, punt=None, aantal=5):
    return [demo[1][t.id] for t in _treffers(demo, tekst, punt, aantal)]


# What residents and professionals type -> a listing that must be among the first five.
RELEVANTIE = [
    ("wandelen", "Samen wandelen met Geestverwanten"),
    ("wandelgroep", "Wandelgroep Overvecht: samen wandelen"),
    ("wandelen overvecht", "Wandelgroep Overvecht: samen wandelen"),
    ("taalmaatje", "Taalcoach: samen Nederlands oefenen"),
    ("nederlands leren", "Taalcoach: samen Nederlands oefenen"),
    ("inburgering", "Taalcoach: samen Nederlands oefenen"),
    ("eenzaam", "Maatjesproject: een maatje voor meer contact"),
    ("eenzaamheid", "Maatjesproject Rotterdam West"),
    ("buddy", "Maatjesproject: een maatje voor meer contact"),
    ("maatje", "Maatjesproject Rotterdam West"),
    ("koffie", "Koffieochtend Geestverwanten"),
    ("buurthuis", "Buurtcentrum Thuis in West: inloop en activiteiten"),
    ("praatje", "Huiskamer en inloop van Huize Middelland"),
    ("schulden", "Thuisadministratie: hulp bij geldzaken"),
    ("geldzorgen", "Thuisadministratie: hulp bij geldzaken"),
    ("budget", "Thuisadministratie: hulp bij geldzaken"),
    ("rekeningen", "Thuisadministratie: hulp bij geldzaken"),
    ("hulp bij formulieren", "Inloopspreekuur: hulp bij brieven, geld en instanties"),
    ("brieven", "Inloopspreekuur: hulp bij brieven, geld en instanties"),
    ("psychische klachten", "Kennismaken met Geestverwanten via je huisarts of POH-ggz"),
    ("depressief", "Voor Elkaar Boksen"),
    ("ggz", "Crisisdienst ggz, dag en nacht"),
    ("ggz thuis", "Ggz-zorg thuis door Buurtzorg-T"),
    ("crisis", "Crisisdienst ggz, dag en nacht"),
    ("mantelzorg", "Steun voor mantelzorgers en lotgenotengroep"),
    ("computer", "Inloopspreekuur en computercursus in de kerk"),
    ("moestuin", "Samen tuinieren"),
    ("tuinieren", "Samen tuinieren"),
    ("sporten", "Voor Elkaar Boksen"),
    ("samen eten", "Samen eten in de wijk"),
    ("koken", "Samen eten in de wijk"),
    ("opvoeding", "Vragen over opvoeden en opgroeien"),
    ("ouderen", "Ontmoeting en activiteiten voor ouderen"),
    ("jongeren werk", "Werkervaring en inspiratie voor jongeren"),
    ("dakloos", "Begeleid wonen met bereikbaarheid dag en nacht"),
    ("huisarts", "Huisarts en POH-ggz: breed gesprek met het 4D-model"),
    ("cursus", "Cursussen en vrijwilligerswerk voor vrouwen"),
    ("herstel", "Herstelcursussen en ontmoeting bij Enik"),
    ("hulp in je eigen taal", "Steun en huisbezoek in je eigen taal"),
    ("klusje", "Een vrijwilliger voor een klus of wat steun"),
    ("uitkering", "Meedoen met een uitkering"),
    ("lezen", "Leeszaal West: lezen, leren en ontmoeten"),
]


@pytest.mark.parametrize(("zoekvraag", "verwacht"), RELEVANTIE, ids=[v for v, _ in RELEVANTIE])
def test_bewoner_vindt_het_passende_aanbod_in_de_eerste_vijf(demo, zoekvraag, verwacht):
    assert verwacht in _namen(demo, zoekvraag)


def test_de_relevantietabel_heeft_minstens_dertig_verschillende_zoekvragen():
    assert len({zoekvraag for zoekvraag, _ in RELEVANTIE}) >= 30


def test_nederlands_leren_vindt_de_taalcoach_als_eerste_al_staat_er_leren_niet_in(demo):
    assert _namen(demo, "nederlands leren")[0] == "Taalcoach: samen Nederlands oefenen"


def test_woord_zelf_gaat_voor_synoniem_op_de_demo(demo):
    # "eenzaam" is in the listing's target group itself; "ontmoeting" only a synonym.
    namen = _namen(demo, "eenzaam", aantal=100)
    zonder_het_woord = namen.index("Herstelcursussen en ontmoeting bij Enik")
    assert namen.index("Maatjesproject: een maatje voor meer contact") < zonder_het_woord


@pytest.mark.parametrize("postcode", POSTCODES)
@pytest.mark.parametrize(
    "zoekvraag",
    ["", "wandelen", "koffie", "hulp", "ggz", "maatje", "eenzaam", "schulden", "nederlands leren"],
)
def test_met_postcode_staat_alles_binnen_2_km_voor_alles_verder_dan_20_km(
    demo, postcode, zoekvraag
):
    punt = demo[2][postcode]
    assert punt is not None, postcode
    afstanden = [
        math.inf if t.afstand_km is None else t.afstand_km
        for t in _treffers(demo, zoekvraag, punt, aantal=1000)
    ]
    dichtbij = [plek for plek, km in enumerate(afstanden) if km <= 2]
    ver = [plek for plek, km in enumerate(afstanden) if 20 < km < math.inf]
    if dichtbij and ver:
        assert max(dichtbij) < min(ver)


def test_zoekpagina_met_postcode_begint_in_de_eigen_stad(client, db):
    laden.laad_alles()

    pagina = client.get(reverse("search:zoeken"), {"q": "wandelen", "bij": "3014"})

    tekst = pagina.content.decode()
    rotterdam = tekst.index("Samen wandelen met Geestverwanten")
    assert rotterdam < tekst.index("Wandelgroep Overvecht: samen wandelen")


def test_zoekpagina_vindt_taalcoach_met_nederlands_leren_via_de_synoniemenlijst(client, db):
    laden.laad_alles()

    antwoord = client.get(reverse("search:zoeken"), {"q": "nederlands leren"})

    namen = kaartnamen(antwoord)
    assert namen[0] == "Taalcoach: samen Nederlands oefenen"
