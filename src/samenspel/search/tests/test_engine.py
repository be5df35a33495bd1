"""Gedrag van de zoekindex: tekst, facetten, afstand, paginering en bijwerken."""

from __future__ import annotations

import math
import pickle
import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.search.engine import (
    VELDGEWICHTEN,
    Document,
    Indextreffer,
    Indexuitkomst,
    ZoekIndex,
    _kleinste,
)
from samenspel.search.tekst import normaliseer, stam, tokens

UTRECHT = (52.0907, 5.1214)
AMERSFOORT = (52.1561, 5.3878)
ZEIST = (52.0894, 5.2332)
AMSTERDAM = (52.3731, 4.8926)


def doc(
    id: str,
    naam: str = "",
    omschrijving: str = "",
    *,
    punten: tuple[tuple[float, float], ...] = (),
    gewicht: float = 1.0,
    velden: dict[str, str] | None = None,
    **filters: str | set[str],
) -> Document:
    alle_velden = {"naam": naam, "omschrijving": omschrijving, **(velden or {})}
    facetten = {
        facet: frozenset([waarden] if isinstance(waarden, str) else waarden)
        for facet, waarden in filters.items()
    }
    return Document(id, alle_velden, facetten, punten, gewicht)


def index_met(*documenten: Document, synoniemen=()) -> ZoekIndex:
    index = ZoekIndex(synoniemen)
    index.vervang(documenten)
    return index


def ids(index: ZoekIndex, tekst: str = "", **opties) -> list[str]:
    return [treffer.id for treffer in index.zoek(tekst, aantal=1000, **opties).treffers]


# -- vrije tekst ------------------------------------------------------------------------------


@pytest.mark.parametrize("zoekwoord", ["wandelen", "wandel", "wandelt"])
@pytest.mark.parametrize(
    "naam", ["Wandelgroep De Stappers", "Samen wandelingen maken", "We gaan wandelen"]
)
def test_wandelen_vindt_wandelgroep_en_wandelingen(zoekwoord: str, naam: str) -> None:
    index = index_met(doc("a", naam), doc("b", "Computerles voor senioren"))

    assert ids(index, zoekwoord) == ["a"]


@pytest.mark.parametrize(
    ("zoekwoord", "naam"),
    [("wandel", "Wandelgroep"), ("moes", "Moestuin De Bongerd"), ("taal", "Taalcafé Overvecht")],
)
def test_begin_van_een_woord_vindt_samenstellingen(zoekwoord: str, naam: str) -> None:
    index = index_met(doc("a", naam), doc("b", "Schuldhulp"))

    assert ids(index, zoekwoord) == ["a"]


def test_te_kort_begin_vindt_geen_samenstellingen() -> None:
    index = index_met(doc("a", "Wandelgroep"))

    assert ids(index, "wa") == []


@pytest.mark.parametrize(
    ("typfout", "bedoeld"), [("wandelgreop", "wandelgroep"), ("moestiun", "moestuin")]
)
def test_typfout_wordt_verbeterd_en_gemeld(typfout: str, bedoeld: str) -> None:
    index = index_met(doc("a", "Wandelgroep"), doc("b", "Moestuin"), doc("c", "Koor"))

    uitkomst = index.zoek(typfout)

    assert [t.id for t in uitkomst.treffers] == ["a" if bedoeld == "wandelgroep" else "b"]
    assert uitkomst.termen == [bedoeld]


def test_typtolerantie_hangt_af_van_woordlengte() -> None:
    index = index_met(doc("a", "Fietsen"), doc("b", "Taal"))

    assert ids(index, "fietsn") == ["a"]  # 7 letters: one typo tolerated
    assert ids(index, "fitesen") == []  # 7 letters: two typos are too many
    assert ids(index, "tal") == []  # shorter than 4: no typo tolerance at all


def test_exact_scoort_hoger_dan_prefix_hoger_dan_typfout() -> None:
    index = index_met(doc("a", "Moestuin"), doc("b", "Koor"))

    exact = index.zoek("moestuin").treffers[0].score
    prefix = index.zoek("moes").treffers[0].score
    vaag = index.zoek("moestiun").treffers[0].score

    assert prefix == pytest.approx(0.7 * exact)
    assert vaag == pytest.approx(0.4 * exact)


def test_exacte_treffer_gaat_voor_samenstelling() -> None:
    index = index_met(doc("samenstelling", "Tuinclub"), doc("exact", "Tuin"))

    assert ids(index, "tuin") == ["exact", "samenstelling"]


def test_wie_alle_zoekwoorden_heeft_komt_voor_wie_er_een_paar_heeft() -> None:
    index = index_met(
        doc("beide", "Koffieochtend", "Ontmoeting in de wijk"),
        doc("alleen_koffie", "Koffieochtend", "Voor ouderen"),
        doc("via_organisatie", "Inloop", velden={"organisatie": "Koffie en Zo"}),
        doc("niets", "Wandelgroep"),
    )

    assert ids(index, "koffie ontmoeting")[0] == "beide"
    assert set(ids(index, "koffie ontmoeting")) == {"beide", "alleen_koffie", "via_organisatie"}
    assert ids(index, "koffie inloop")[0] == "via_organisatie"


def test_meer_zoekwoorden_geraakt_gaat_voor_een_hogere_score() -> None:
    index = index_met(
        doc("twee_van_drie", "Nederlands", "Taal oefenen"),
        # Only one of the words, but in the name, three times: the higher score.
        doc("een_van_drie", "Leren leren leren"),
        doc("drie_van_drie", "Nederlands leren", "Taal in de wijk"),
    )

    assert ids(index, "nederlands leren taal") == ["drie_van_drie", "twee_van_drie", "een_van_drie"]


def test_onbekend_woord_naast_een_bekend_geeft_de_treffers_van_het_bekende() -> None:
    index = index_met(doc("a", "Wandelgroep"))

    uitkomst = index.zoek("wandelen xyzzyq")

    assert [t.id for t in uitkomst.treffers] == ["a"]
    assert uitkomst.termen == ["wandelen", "xyzzyq"]


def test_alleen_onbekende_woorden_geven_niets() -> None:
    index = index_met(doc("a", "Wandelgroep"))

    assert index.zoek("xyzzyq plofkraak").totaal == 0


# -- synoniemen -------------------------------------------------------------------------------


def test_synoniem_vindt_vermelding_zonder_het_woord_zelf() -> None:
    index = index_met(
        doc("cursus", "Cursus voor beginners"), synoniemen=[("les", "cursus", "leren")]
    )

    assert ids(index, "les") == ["cursus"]
    assert ids(index, "leren") == ["cursus"]


def test_synoniem_zakt_onder_het_woord_zelf_ook_in_een_zwaarder_veld() -> None:
    index = index_met(
        # The synonym in the name (weighs three times more) ...
        doc("synoniem_in_naam", "Cursus"),
        # ... still comes after the word itself in the description.
        doc("zelf_in_omschrijving", "Buurthuis", "Hier kun je leren"),
        synoniemen=[("les", "cursus", "leren")],
    )

    assert ids(index, "leren") == ["zelf_in_omschrijving", "synoniem_in_naam"]


def test_synoniem_telt_als_geraakt_woord_bij_meer_zoekwoorden() -> None:
    index = index_met(
        doc("beide", "Taalcoach", "Samen Nederlands oefenen"),
        doc("half", "Nederlands boek"),
        synoniemen=[("leren", "oefenen")],
    )

    assert ids(index, "nederlands leren") == ["beide", "half"]


def test_synoniemen_gelden_in_beide_richtingen_en_per_woordvorm() -> None:
    index = index_met(
        doc("schuld", "Schuldhulp"), doc("geld", "Geldzaken op orde"),
        synoniemen=[("geld", "schulden")],
    )  # fmt: skip

    assert set(ids(index, "schulden")) == {"schuld", "geld"}
    assert ids(index, "schulden")[0] == "schuld"
    assert set(ids(index, "geld")) == {"schuld", "geld"}
    assert ids(index, "geld")[0] == "geld"


def test_alleen_de_eerste_twaalf_zoekwoorden_tellen() -> None:
    index = index_met(doc("a", "Koor"))

    uitkomst = index.zoek("koor " + " ".join(f"woord{n}" for n in range(30)))

    assert uitkomst.termen == ["koor", *(f"woord{n}" for n in range(11))]


def test_stopwoorden_en_hoofdletters_tellen_niet() -> None:
    index = index_met(doc("a", "Hulp bij de administratie"), doc("b", "Zwemmen"))

    assert ids(index, "HULP met DE Administratie") == ["a"]
    assert index.zoek("de het een").termen == []
    assert index.zoek("de het een").totaal == 2  # only stop words: as if nothing was typed


def test_accenten_maken_niet_uit() -> None:
    index = index_met(doc("a", "Café De Buurvrouw"), doc("b", "Creatief atelier"))

    assert ids(index, "cafe") == ["a"]
    assert ids(index, "créatief") == ["b"]


def test_naam_weegt_zwaarder_dan_omschrijving() -> None:
    index = index_met(
        doc("in_omschrijving", "Buurtkamer", "Elke week een kookclub"),
        doc("in_naam", "Kookclub", "Elke week samen eten in de buurtkamer"),
    )

    assert ids(index, "kookclub") == ["in_naam", "in_omschrijving"]


def test_laag_documentgewicht_zakt_in_de_rangorde() -> None:
    index = index_met(
        doc("verouderd", "Repair café", gewicht=0.6),
        doc("actueel", "Repair café"),
    )

    uitkomst = index.zoek("repair")

    assert [t.id for t in uitkomst.treffers] == ["actueel", "verouderd"]
    assert uitkomst.treffers[1].score == pytest.approx(0.6 * uitkomst.treffers[0].score)


def test_gelijke_scores_worden_op_id_geordend_ongeacht_invoegvolgorde() -> None:
    documenten = [doc(f"id-{n:02d}", "Taalmaatje") for n in range(30)]
    gehusseld = documenten[:]
    random.Random(7).shuffle(gehusseld)
    incrementeel = ZoekIndex()
    for document in gehusseld:
        incrementeel.zet(document)

    verwacht = sorted(d.id for d in documenten)
    assert ids(index_met(*documenten), "taal") == verwacht
    assert ids(index_met(*gehusseld), "taal") == verwacht
    assert ids(incrementeel, "taalmaatje") == verwacht


def test_lege_zoektekst_geeft_alles_op_gewicht_dan_alfabetisch() -> None:
    index = index_met(
        doc("c", "Zwemmen"), doc("a", "Koor", gewicht=0.6), doc("b", "Schaken"), doc("d", "Dans")
    )

    uitkomst = index.zoek()

    # Browsing without text: alphabetical, listings not confirmed lately last.
    assert [t.id for t in uitkomst.treffers] == ["d", "b", "c", "a"]
    assert [t.score for t in uitkomst.treffers] == [1.0, 1.0, 1.0, 0.6]
    assert uitkomst.termen == []


def test_score_en_treffers_hangen_niet_af_van_hoe_smal_de_zoekvraag_is() -> None:
    # With few candidates the index looks documents up one by one, with many it walks the
    # postings; both routes must agree on what matches and on the score.
    index = index_met(
        *(doc(f"koor-{n:02d}", "Koor", "koor " * (n % 4), punten=(AMSTERDAM,)) for n in range(60)),
        doc("doel", "Koorzang en moestuin", "Wij zingen in de koorkelder", punten=(UTRECHT,)),
        doc("bijna", "Moestuin", punten=(UTRECHT,)),
    )

    breed = {t.id: t.score for t in index.zoek("koor", aantal=100).treffers}
    dichtbij = index.zoek("koor moestuin", punt=UTRECHT, straal_km=5, aantal=100).treffers
    samen = {t.id: t.score for t in index.zoek("koor moestuin", aantal=100).treffers}

    assert [t.id for t in dichtbij] == ["doel", "bijna"]
    assert next(iter(samen)) == "doel"
    assert dichtbij[0].score == samen["doel"]
    assert index.zoek("koor", punt=UTRECHT, straal_km=5).treffers[0].score == breed["doel"]


# -- filters en facetten ---------------------------------------------------------------------


def _bouwsteen_index() -> ZoekIndex:
    return index_met(
        doc("a", "Koor", bouwsteen="ontmoeting", sector="informeel", gratis="ja"),
        doc("b", "Buurthuis", bouwsteen={"ontmoeting", "meedoen"}, sector="formeel"),
        doc("c", "Schuldhulp", bouwsteen="geldzaken", sector="formeel", gratis="ja"),
        doc("d", "Koor voor ouderen", bouwsteen="meedoen", sector="informeel"),
    )


def test_filters_zijn_en_tussen_facetten_en_of_binnen_een_facet() -> None:
    index = _bouwsteen_index()

    assert ids(index, filters={"bouwsteen": ["ontmoeting", "geldzaken"]}) == ["b", "a", "c"]
    assert ids(index, filters={"bouwsteen": ["ontmoeting", "geldzaken"], "gratis": ["ja"]}) == [
        "a",
        "c",
    ]
    assert ids(index, "koor", filters={"sector": ["informeel"], "bouwsteen": ["meedoen"]}) == ["d"]


def test_onbekend_facet_of_onbekende_waarde_vindt_niets() -> None:
    index = _bouwsteen_index()

    assert index.zoek(filters={"bestaat_niet": ["x"]}).totaal == 0
    assert index.zoek(filters={"bouwsteen": ["bestaat-niet"]}).totaal == 0
    assert ids(index, filters={"bouwsteen": ["bestaat-niet", "geldzaken"]}) == ["c"]


def test_lege_waardenlijst_is_geen_filter() -> None:
    index = _bouwsteen_index()

    assert index.zoek(filters={"bouwsteen": [], "sector": ()}).totaal == 4


def test_facetten_tellen_disjunctief() -> None:
    index = _bouwsteen_index()

    uitkomst = index.zoek(
        filters={"bouwsteen": ["ontmoeting"], "sector": ["informeel"]},
        facetten=["bouwsteen", "sector", "gratis"],
    )

    assert [t.id for t in uitkomst.treffers] == ["a"]
    # bouwsteen counts ignore the bouwsteen choice but respect the sector choice ...
    assert uitkomst.facetten["bouwsteen"] == {"meedoen": 1, "ontmoeting": 1}
    # ... sector counts ignore the sector choice but respect the bouwsteen choice ...
    assert uitkomst.facetten["sector"] == {"formeel": 1, "informeel": 1}
    # ... and an unfiltered facet is counted over the results themselves.
    assert uitkomst.facetten["gratis"] == {"ja": 1}


def test_facetten_volgen_zoektekst_en_tonen_alleen_aanwezige_waarden() -> None:
    index = _bouwsteen_index()

    uitkomst = index.zoek("koor", facetten=["bouwsteen", "gratis", "onbekend"])

    assert uitkomst.facetten == {
        "bouwsteen": {"meedoen": 1, "ontmoeting": 1},
        "gratis": {"ja": 1},
        "onbekend": {},
    }


def test_filter_vooraf_of_achteraf_geeft_dezelfde_uitkomst() -> None:
    # A filter on a facet that is not counted narrows the text search up front; a filter on a
    # counted facet is applied afterwards. Both routes must give identical hits and scores.
    rng = random.Random(3)
    woorden = ["koor", "kookclub", "koffie", "wandelen", "taalcafe", "moestuin", "zwemmen"]
    index = index_met(
        *(
            doc(
                f"d{n:03d}",
                " ".join(rng.sample(woorden, 2)),
                " ".join(rng.choices(woorden, k=6)),
                bouwsteen=rng.choice(["ontmoeting", "meedoen", "geldzaken"]),
            )
            for n in range(300)
        )
    )
    filters = {"bouwsteen": ["meedoen"]}

    vooraf = index.zoek("koffie koor", filters=filters, aantal=50)
    achteraf = index.zoek("koffie koor", filters=filters, facetten=["bouwsteen"], aantal=50)

    assert vooraf.totaal == achteraf.totaal > 0
    assert vooraf.treffers == achteraf.treffers


# -- afstand ---------------------------------------------------------------------------------


def test_afstand_is_haversine_tot_dichtstbijzijnde_locatie() -> None:
    index = index_met(
        doc("a", "Koor", punten=((53.0, 5.0), (52.5, 5.0))),
        doc("b", "Koor zonder adres"),
    )

    treffers = index.zoek("koor", punt=(52.0, 5.0)).treffers

    afstanden = {t.id: t.afstand_km for t in treffers}
    # Half a degree of latitude along a meridian, with a mean earth radius of 6371 km.
    assert afstanden["a"] == pytest.approx(6371.0088 * math.pi / 360, rel=1e-9)
    assert afstanden["b"] is None


def test_zonder_punt_geen_afstand() -> None:
    index = index_met(doc("a", "Koor", punten=(UTRECHT,)))

    assert index.zoek("koor").treffers[0].afstand_km is None


def test_straal_sluit_verre_en_locatieloze_vermeldingen_uit() -> None:
    index = index_met(
        doc("utrecht", "Koor", punten=(UTRECHT,)),
        doc("zeist", "Koor", punten=(ZEIST,)),
        doc("amsterdam", "Koor", punten=(AMSTERDAM,)),
        doc("nergens", "Koor"),
    )

    uitkomst = index.zoek("koor", punt=UTRECHT, straal_km=10)

    assert sorted(t.id for t in uitkomst.treffers) == ["utrecht", "zeist"]
    assert uitkomst.totaal == 2
    assert all(t.afstand_km is not None and t.afstand_km <= 10 for t in uitkomst.treffers)


def test_sorteren_op_afstand_zonder_locatie_achteraan_gelijke_afstand_op_score() -> None:
    index = index_met(
        doc("nergens", "Koor"),
        doc("amersfoort", "Koor", punten=(AMERSFOORT,)),
        doc("zeist_b", "Koor", punten=(ZEIST,)),
        doc("zeist_a", "Koor", punten=(ZEIST,)),
        doc("zeist_sterk", "Koor", "Koor koor", punten=(ZEIST,)),
    )

    volgorde = ids(index, "koor", punt=UTRECHT, sorteer="afstand")

    assert volgorde == ["zeist_sterk", "zeist_a", "zeist_b", "amersfoort", "nergens"]


def test_met_een_plek_eerst_dichtbij_dan_zonder_plek_dan_ver_weg() -> None:
    index = index_met(
        doc("a_amsterdam", "Koor", punten=(AMSTERDAM,)),
        doc("b_nergens", "Koor"),
        doc("c_amersfoort", "Koor", punten=(AMERSFOORT,)),  # 19.6 km from Utrecht
        doc("d_zeist", "Koor", punten=(ZEIST,)),
        doc("e_sterk_ver", "Koor", "Koor koor", punten=(AMSTERDAM,)),
    )

    # Within 20 km the nearest first; then what has no place; a better match farther away
    # only before an equal one just as far.
    verwacht = ["d_zeist", "c_amersfoort", "b_nergens", "e_sterk_ver", "a_amsterdam"]
    assert ids(index, "koor", punt=UTRECHT) == verwacht
    assert ids(index, "koor", punt=UTRECHT, straal_km=100) == [
        "d_zeist", "c_amersfoort", "e_sterk_ver", "a_amsterdam"
    ]  # fmt: skip
    # Without a point the scores and then the ids decide.
    assert ids(index, "koor") == [
        "e_sterk_ver", "a_amsterdam", "b_nergens", "c_amersfoort", "d_zeist"
    ]  # fmt: skip


def test_dichtbij_gaat_voor_een_betere_treffer_in_een_andere_stad() -> None:
    index = index_met(
        doc("sterk_ver", "Wandelgroep", "Wandelen wandelen wandelen", punten=(AMSTERDAM,)),
        doc("zwak_dichtbij", "Buurthuis", "Ook wandelen", punten=(ZEIST,)),
    )

    assert ids(index, "wandelen", punt=UTRECHT) == ["zwak_dichtbij", "sterk_ver"]


def test_binnen_de_buurt_weegt_een_veel_betere_treffer_zwaarder_dan_iets_dichterbij() -> None:
    om_de_hoek = (52.0920, 5.1230)  # 200 m from the point
    verderop = (52.1040, 5.1214)  # 1.5 km
    index = index_met(
        doc("zwak_om_de_hoek", "Buurthuis", "Van alles, ook wandelen " + "en meer " * 20,
            punten=(om_de_hoek,)),
        doc("sterk_verderop", "Wandelen", "Wandelen", punten=(verderop,)),
        doc("even_sterk_om_de_hoek", "Wandelen", "Wandelen", punten=(om_de_hoek,)),
        doc("sterk_in_zeist", "Wandelen", "Wandelen", punten=(ZEIST,)),  # 7.7 km
    )  # fmt: skip

    # Nearness weighs in: at 7.7 km even a strong match comes after a weak one next door.
    assert ids(index, "wandelen", punt=UTRECHT) == [
        "even_sterk_om_de_hoek", "sterk_verderop", "zwak_om_de_hoek", "sterk_in_zeist"
    ]  # fmt: skip


def test_meer_woorden_geraakt_gaat_binnen_de_buurt_voor_nabijheid() -> None:
    index = index_met(
        doc("een_woord_dichtbij", "Koffie", punten=(UTRECHT,)),
        doc("twee_woorden_in_zeist", "Koffie en taal", punten=(ZEIST,)),
    )

    assert ids(index, "koffie taal", punt=UTRECHT) == [
        "twee_woorden_in_zeist",
        "een_woord_dichtbij",
    ]


def test_bladeren_met_een_plek_zet_het_dichtstbij_eerst() -> None:
    index = index_met(
        doc("a_ver", "Aardappelclub", punten=(AMSTERDAM,)),
        doc("b_dichtbij", "Breiclub", punten=(ZEIST,)),
        doc("c_nergens", "Computerclub"),
    )

    assert ids(index, punt=UTRECHT) == ["b_dichtbij", "c_nergens", "a_ver"]


def test_sorteren_op_afstand_over_alle_vermeldingen_klopt_met_volledige_meting() -> None:
    rng = random.Random(11)
    documenten = [
        doc(
            f"d{n:04d}",
            "Buurthuis",
            punten=tuple(
                (rng.uniform(51.5, 53.0), rng.uniform(4.0, 6.5)) for _ in range(rng.randint(0, 2))
            ),
            gewicht=rng.choice([1.0, 0.6]),
        )
        for n in range(600)
    ]
    index = index_met(*documenten)
    punt = (52.2, 5.1)

    def sleutel(document: Document) -> tuple[float, float, str]:
        afstand = min((_haversine_km(punt, plek) for plek in document.punten), default=math.inf)
        return (afstand, -document.gewicht, document.id)

    verwacht = [d.id for d in sorted(documenten, key=sleutel)]
    # Empty text looks at every listing, which takes the growing-circle route.
    for begin, aantal in [(0, 10), (35, 20), (580, 40)]:
        uitkomst = index.zoek(punt=punt, sorteer="afstand", begin=begin, aantal=aantal)
        assert [t.id for t in uitkomst.treffers] == verwacht[begin : begin + aantal]
        assert uitkomst.totaal == 600


def test_straal_zonder_punt_wordt_genegeerd_en_afstand_valt_terug_op_relevantie() -> None:
    index = index_met(doc("b", "Koor", punten=(AMSTERDAM,)), doc("a", "Koor", "koor"))

    assert ids(index, "koor", straal_km=1) == ids(index, "koor") == ["a", "b"]
    assert ids(index, "koor", sorteer="afstand") == ["a", "b"]


def test_onbekende_sortering_of_negatieve_paginering_is_een_fout() -> None:
    index = index_met(doc("a", "Koor"))

    with pytest.raises(ValueError):
        index.zoek("koor", sorteer="alfabetisch")
    with pytest.raises(ValueError):
        index.zoek("koor", begin=-1)


# -- paginering ------------------------------------------------------------------------------


def test_paginering_geeft_deel_van_de_volgorde_en_het_volledige_totaal() -> None:
    index = index_met(*(doc(f"id-{n:02d}", "Taalmaatje") for n in range(25)))

    alles = ids(index, "taalmaatje")
    pagina = index.zoek("taalmaatje", begin=10, aantal=10)
    voorbij_het_eind = index.zoek("taalmaatje", begin=40, aantal=10)

    assert pagina.totaal == 25
    assert [t.id for t in pagina.treffers] == alles[10:20]
    assert voorbij_het_eind.treffers == []
    assert voorbij_het_eind.totaal == 25


# -- bijwerken -------------------------------------------------------------------------------


def test_bewerkte_vermelding_niet_meer_gevonden_op_oude_woorden() -> None:
    index = index_met(doc("a", "Moestuin De Bongerd"), doc("b", "Koor"))

    index.zet(doc("a", "Kledingbank De Bongerd"))

    assert ids(index, "kledingbank") == ["a"]
    assert ids(index, "moestuin") == []
    assert ids(index, "moes") == []  # no stale prefix ...
    assert index.zoek("moestiun").termen == ["moestiun"]  # ... nor a stale typo correction
    assert ids(index, "bongerd") == ["a"]
    assert len(index) == 2


def test_bewerkte_vermelding_krijgt_nieuwe_facetten_locatie_en_gewicht() -> None:
    index = index_met(
        doc("a", "Koor", bouwsteen="ontmoeting", punten=(AMSTERDAM,)), doc("b", "Koor")
    )

    index.zet(doc("a", "Koor", bouwsteen="meedoen", punten=(UTRECHT,), gewicht=0.6))

    assert index.zoek(facetten=["bouwsteen"]).facetten == {"bouwsteen": {"meedoen": 1}}
    assert ids(index, punt=UTRECHT, straal_km=5) == ["a"]
    assert ids(index, punt=AMSTERDAM, straal_km=5) == []
    assert ids(index) == ["b", "a"]


def test_verwijderen_haalt_uit_resultaten_en_facettellingen() -> None:
    index = _bouwsteen_index()

    index.verwijder("a")
    index.verwijder("bestaat-niet")  # no error

    uitkomst = index.zoek("koor", facetten=["bouwsteen", "sector"])
    assert [t.id for t in uitkomst.treffers] == ["d"]
    assert uitkomst.facetten == {"bouwsteen": {"meedoen": 1}, "sector": {"informeel": 1}}
    assert "a" not in index
    assert len(index) == 3


def test_verwijderde_plek_wordt_hergebruikt_zonder_oude_gegevens() -> None:
    index = index_met(doc("a", "Moestuin", bouwsteen="ontmoeting", punten=(UTRECHT,)))

    index.verwijder("a")
    index.zet(doc("nieuw", "Kledingbank"))

    assert ids(index) == ["nieuw"]
    assert ids(index, "moestuin") == []
    assert ids(index, punt=UTRECHT, straal_km=50) == []
    assert index.zoek(facetten=["bouwsteen"]).facetten == {"bouwsteen": {}}


def test_nieuwe_vermelding_die_weer_weggaat_is_direct_nergens_meer_te_vinden() -> None:
    index = index_met(doc("a", "Koor", punten=(UTRECHT,)))
    index.zet(doc("b", "Koor", punten=(UTRECHT,)))
    assert ids(index, "koor") == ids(index, punt=UTRECHT, straal_km=1) == ["a", "b"]

    index.verwijder("b")
    assert ids(index, "koor") == ids(index, punt=UTRECHT, straal_km=1) == ["a"]

    index.zet(doc("c", "Koor", punten=(ZEIST,)))
    assert ids(index, "koor") == ["a", "c"]
    assert ids(index, punt=ZEIST, straal_km=1) == ["c"]
    index.zet(doc("c", "Dans", punten=(AMSTERDAM,)))
    assert ids(index, "koor") == ["a"]
    assert ids(index, punt=ZEIST, straal_km=1) == []


def test_kopie_van_de_index_bevat_geen_teksten_en_blijft_bij_te_werken() -> None:
    # Per listing the index keeps only its words as numbers, its field lengths and its
    # locations, not the listing itself: its copy on disk holds no name or description, and
    # after loading that copy a listing is still replaced and removed as in a fresh build.
    omschrijving = "Elke dinsdagmiddag breien wij sokken voor de voedselbank"
    koor = doc("b", "Koor Zuilen", "Zingen op dinsdagmiddag", punten=(ZEIST,), bouwsteen="meedoen")
    index = index_met(
        doc("a", "Breiclub Lunetten", omschrijving, punten=(UTRECHT,), bouwsteen="meedoen"), koor
    )
    index.zet(doc("c", "Taalcafé", "Oefenen met praten", punten=(AMERSFOORT, ZEIST)))

    kopie = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    for tekst in [omschrijving, "Breiclub Lunetten", "Oefenen met praten"]:
        assert tekst.encode() not in kopie

    geladen = pickle.loads(kopie)  # noqa: S301  (the copy this test just made)
    bewerkt = doc("a", "Breiclub Lunetten", "Breien op woensdag", punten=(AMSTERDAM,))
    geladen.zet(bewerkt)
    geladen.verwijder("c")
    opnieuw = index_met(bewerkt, koor)
    for tekst in ["dinsdagmiddag", "woensdag", "breien", "taalcafe", "koor"]:
        a, b = geladen.zoek(tekst, punt=UTRECHT), opnieuw.zoek(tekst, punt=UTRECHT)
        assert [(t.id, t.afstand_km) for t in a.treffers] == [
            (t.id, t.afstand_km) for t in b.treffers
        ]
    for opties in [{"punt": AMERSFOORT, "sorteer": "afstand"}, {"facetten": ["bouwsteen"]}]:
        assert geladen.zoek(**opties) == opnieuw.zoek(**opties)


def test_lengte_en_bevat() -> None:
    index = ZoekIndex()
    assert len(index) == 0
    assert "a" not in index

    index.zet(doc("a", "Koor"))
    index.zet(doc("a", "Koor bewerkt"))
    index.zet(doc("b", "Dans"))

    assert len(index) == 2
    assert "a" in index and "b" in index


def test_vervang_bouwt_alles_opnieuw() -> None:
    index = index_met(doc("oud", "Moestuin", bouwsteen="ontmoeting"))

    index.vervang([doc("nieuw", "Kledingbank", bouwsteen="meedoen")])

    assert "oud" not in index
    assert ids(index, "moestuin") == []
    assert ids(index, "kledingbank") == ["nieuw"]
    assert index.zoek(facetten=["bouwsteen"]).facetten == {"bouwsteen": {"meedoen": 1}}


def _willekeurige_documenten(rng: random.Random, aantal: int) -> list[Document]:
    woorden = ["koor", "dans", "yoga", "bingo", "koffie", "wandelen", "taalcafe", "moestuin"]
    return [
        doc(
            f"d{n:03d}",
            " ".join(rng.sample(woorden, 2)),
            " ".join(rng.choices(woorden, k=5)),
            punten=((rng.uniform(52.0, 52.2), rng.uniform(5.0, 5.3)),) if n % 7 else (),
            gewicht=rng.choice([1.0, 0.6]),
            bouwsteen=set(rng.sample(["ontmoeting", "meedoen", "geldzaken"], rng.randint(1, 2))),
            sector=rng.choice(["formeel", "informeel"]),
            # More values than are counted with bitsets, so both ways of counting are used.
            wijk=f"WK{rng.randrange(90):02d}",
        )
        for n in range(aantal)
    ]


@pytest.mark.parametrize("tekst", ["", "koor", "dans yoga"])
def test_filters_en_facetten_kloppen_met_naief_tellen(tekst: str) -> None:
    rng = random.Random(len(tekst))
    documenten = _willekeurige_documenten(rng, 400)
    index = index_met(*documenten)
    facetten = ["bouwsteen", "sector", "wijk"]
    for _ in range(20):
        filters = {
            "bouwsteen": rng.sample(["ontmoeting", "meedoen", "geldzaken"], rng.randint(0, 2)),
            "sector": rng.sample(["formeel", "informeel"], rng.randint(0, 1)),
            "wijk": [f"WK{n:02d}" for n in rng.sample(range(90), rng.choice([0, 0, 30]))],
        }

        uitkomst = index.zoek(tekst, filters=filters, facetten=facetten, aantal=1000)

        def past(d: Document, behalve: str = "", filters: dict = filters) -> bool:
            woorden = (d.velden["naam"] + " " + d.velden["omschrijving"]).split()
            return (not tekst or any(w in woorden for w in tekst.split())) and all(
                not waarden or d.filters[f] & set(waarden)
                for f, waarden in filters.items()
                if f != behalve
            )

        assert sorted(t.id for t in uitkomst.treffers) == sorted(
            d.id for d in documenten if past(d)
        )
        assert uitkomst.totaal == len(uitkomst.treffers)
        for facet in facetten:
            verwacht = Counter(
                waarde for d in documenten if past(d, behalve=facet) for waarde in d.filters[facet]
            )
            assert uitkomst.facetten[facet] == dict(verwacht), facet


def test_stap_voor_stap_bijgewerkte_index_geeft_hetzelfde_als_opnieuw_opgebouwde() -> None:
    rng = random.Random(5)
    pool = _willekeurige_documenten(rng, 500)
    incrementeel = ZoekIndex()
    actueel: dict[str, Document] = {}
    opties = {"facetten": ["bouwsteen", "sector", "wijk"], "punt": (52.1, 5.15), "aantal": 1000}
    for stap in range(600):
        id = f"d{rng.randrange(120):03d}"
        if stap % 5 == 4:
            incrementeel.verwijder(id)
            actueel.pop(id, None)
        else:
            # Same id, other content: an edit of text, facets, location and weight at once.
            actueel[id] = Document(id, *_velden_van(rng.choice(pool)))
            incrementeel.zet(actueel[id])
        if stap % 50 == 0:  # build and then keep using the lazily made structures
            incrementeel.zoek(filters={"bouwsteen": ["meedoen"]}, **opties)
    opnieuw = index_met(*actueel.values())

    assert len(incrementeel) == len(opnieuw) == len(actueel)
    for filters in [None, {"bouwsteen": ["meedoen"]}, {"sector": ["formeel"], "wijk": ["WK01"]}]:
        # Without text the scores are the document weights: everything must be identical.
        for sorteer in ["relevantie", "afstand"]:
            a = incrementeel.zoek(filters=filters, sorteer=sorteer, **opties)
            assert a == opnieuw.zoek(filters=filters, sorteer=sorteer, **opties)
        # With text the length normalisation may differ slightly, the matches may not.
        for tekst in ["koor", "koffie wandel", "taalcafe", "moestiun", "dans koor yoga"]:
            a = incrementeel.zoek(tekst, filters=filters, straal_km=8, **opties)
            b = opnieuw.zoek(tekst, filters=filters, straal_km=8, **opties)
            assert {t.id for t in a.treffers} == {t.id for t in b.treffers}
            assert (a.totaal, a.facetten, a.termen) == (b.totaal, b.facetten, b.termen)


def _velden_van(document: Document) -> tuple:
    return (document.velden, document.filters, document.punten, document.gewicht)


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


# -- tegen een naïeve referentie -------------------------------------------------------------
#
# The index answers with arrays, overlays and group tables; the reference below spells the
# same semantics out document by document. Only resolving query words against the vocabulary
# (exact, prefix, typo) is borrowed from the index: the tests above pin that down.


def _naief_zoeken(
    documenten: list[Document],
    index: ZoekIndex,
    tekst: str = "",
    *,
    filters: dict | None = None,
    facetten: list[str] | tuple[str, ...] = (),
    punt: tuple[float, float] | None = None,
    straal_km: float | None = None,
    sorteer: str = "relevantie",
    begin: int = 0,
    aantal: int = 20,
) -> Indexuitkomst:
    termen = [index._interpreteer(woord) for woord in list(dict.fromkeys(tokens(tekst)))[:12]]
    if punt is None:
        straal_km, sorteer = None, "relevantie"
    keuzes = {
        facet: {waarden} if isinstance(waarden, str) else set(waarden)
        for facet, waarden in (filters or {}).items()
        if waarden
    }
    gewichten = _naieve_termgewichten(documenten)
    df = Counter(stamwoord for per_stam in gewichten.values() for stamwoord in per_stam)

    def tekstscore(document: Document) -> tuple[float, tuple[int, int]] | None:
        """Score and layer: fewer words matched, or more only by a synonym, is a later one."""
        totaal = 0.0
        woorden = eigen = 0
        for term in termen:
            beste = 0.0
            zelf = False
            for stamwoord, factor in term.stammen.items():
                if stamwoord in gewichten[document.id]:
                    idf = math.log(
                        1 + (len(documenten) - df[stamwoord] + 0.5) / (df[stamwoord] + 0.5)
                    )
                    beste = max(beste, gewichten[document.id][stamwoord] * (factor * idf))
                    zelf = zelf or stamwoord not in term.synoniemen
            if beste:
                totaal += beste
                woorden += 1
                eigen += zelf
        if not woorden:
            return None  # at least one word must match
        return totaal * document.gewicht, (len(termen) - woorden, woorden - eigen)

    def past(document: Document, behalve: str = "") -> bool:
        return all(
            document.filters.get(facet, frozenset()) & waarden
            for facet, waarden in keuzes.items()
            if facet != behalve
        )

    kandidaten = []
    lagen = {}
    for document in documenten:
        if termen:
            gevonden = tekstscore(document)
            if gevonden is None:
                continue
            score, lagen[document.id] = gevonden
        else:
            score, lagen[document.id] = document.gewicht, (0, 0)
        afstand = None
        if punt is not None:
            afstand = min((_haversine_km(punt, plek) for plek in document.punten), default=math.inf)
            if straal_km is not None and not afstand <= straal_km:
                continue
        kandidaten.append((document, score, afstand))

    tellingen = {}
    for facet in dict.fromkeys(facetten):
        geteld = Counter(
            waarde
            for document, _, _ in kandidaten
            if past(document, behalve=facet)
            for waarde in document.filters.get(facet, ())
        )
        tellingen[facet] = dict(sorted(geteld.items(), key=lambda paar: (-paar[1], paar[0])))

    def vast(document: Document) -> tuple:
        if termen:
            return (document.id,)
        return (-document.gewicht, normaliseer(document.velden["naam"]), document.id)

    def met_plek(k: tuple) -> tuple:
        # The engine's `rangorde`, spelled out.
        document, score, afstand = k
        band = 0 if afstand <= 20 else 1 if math.isinf(afstand) else 2
        nabijheid = 1.0 if math.isinf(afstand) else 5.0 / (5.0 + afstand)
        return (band, lagen[document.id], -(score * nabijheid), afstand, vast(document))

    resultaat = [kandidaat for kandidaat in kandidaten if past(kandidaat[0])]
    if sorteer == "afstand":
        resultaat.sort(key=lambda k: (k[2], -k[1], k[0].id))
    elif punt is not None:
        resultaat.sort(key=met_plek)
    elif termen:
        resultaat.sort(key=lambda k: (lagen[k[0].id], -k[1], k[0].id))
    else:
        resultaat.sort(key=lambda k: vast(k[0]))
    treffers = [
        Indextreffer(
            document.id, score, None if afstand is None or math.isinf(afstand) else afstand
        )
        for document, score, afstand in resultaat[begin : begin + aantal]
    ]
    return Indexuitkomst(len(resultaat), treffers, tellingen, [term.weergave for term in termen])


def _naieve_termgewichten(documenten: list[Document]) -> dict[str, dict[str, float]]:
    """BM25F weights per document and stem, as documented in the engine."""
    velden = {
        document.id: {
            veld: tokens(tekst) for veld, tekst in document.velden.items() if tokens(tekst)
        }
        for document in documenten
    }
    som: Counter[str] = Counter()
    aantal: Counter[str] = Counter()
    for per_veld in velden.values():
        for veld, woorden in per_veld.items():
            som[veld] += len(woorden)
            aantal[veld] += 1
    uitkomst = {}
    for id, per_veld in velden.items():
        frequentie: dict[str, float] = {}
        for veld, woorden in per_veld.items():
            normalisatie = 1 - 0.75 + 0.75 * len(woorden) / (som[veld] / aantal[veld])
            bijdrage = VELDGEWICHTEN.get(veld, 1.0) / normalisatie
            for woord in woorden:
                frequentie[stam(woord)] = frequentie.get(stam(woord), 0.0) + bijdrage
        uitkomst[id] = {
            stamwoord: round(gewicht, 4) or gewicht
            for stamwoord, tf in frequentie.items()
            if (gewicht := tf * (1.2 + 1) / (1.2 + tf))
        }
    return uitkomst


def _zelfde(uitkomst: Indexuitkomst, verwacht: Indexuitkomst) -> None:
    assert (uitkomst.totaal, uitkomst.termen) == (verwacht.totaal, verwacht.termen)
    # Facet counts in the same order too: most frequent first, then by value.
    assert {f: list(t.items()) for f, t in uitkomst.facetten.items()} == {
        f: list(t.items()) for f, t in verwacht.facetten.items()
    }
    assert [(t.id, t.score) for t in uitkomst.treffers] == [
        (t.id, t.score) for t in verwacht.treffers
    ]
    for treffer, bedoeld in zip(uitkomst.treffers, verwacht.treffers, strict=True):
        if bedoeld.afstand_km is None:
            assert treffer.afstand_km is None
        else:
            # numpy and the math module may differ in the last bit of a sine.
            assert treffer.afstand_km == pytest.approx(bedoeld.afstand_km, rel=1e-12, abs=1e-12)


# Words that share beginnings, compounds and a verb in -t, so prefix and typo matching and
# the union over several stems all come up.
_WOORDEN = [
    "koor", "koorzang", "koffie", "koffieochtend", "wandelen", "wandelgroep", "wandelt",
    "taal", "taalcafe", "moestuin", "dans", "yoga",
]  # fmt: skip
_BOUWSTENEN = ["ontmoeting", "meedoen", "geldzaken"]
_WIJKEN = [f"WK{n:02d}" for n in range(12)]  # more combinations than are grouped: a mask
_ROOSTER_LAT = [52.0 + 0.013 * n for n in range(8)]
_ROOSTER_LON = [5.0 + 0.021 * n for n in range(8)]
# Not on the grid, so no two different locations are at exactly the same distance.
_PUNT = (52.0412345, 5.0567891)


@st.composite
def _document(draw: st.DrawFn, id: str) -> Document:
    # Every name two words, every description four: the average field lengths then never
    # change, so an index updated step by step must score exactly like a rebuilt one.
    naam = " ".join(draw(st.lists(st.sampled_from(_WOORDEN), min_size=2, max_size=2)))
    omschrijving = " ".join(draw(st.lists(st.sampled_from(_WOORDEN), min_size=4, max_size=4)))
    filters = {
        "bouwsteen": draw(st.frozensets(st.sampled_from(_BOUWSTENEN), max_size=2)),
        "sector": draw(st.sampled_from([frozenset(), frozenset({"formeel"}), frozenset({"x"})])),
        "wijk": frozenset({draw(st.sampled_from(_WIJKEN))}),
    }
    punten = draw(
        st.lists(
            st.tuples(st.sampled_from(_ROOSTER_LAT), st.sampled_from(_ROOSTER_LON)), max_size=2
        )
    )
    gewicht = draw(st.sampled_from([1.0, 0.6]))
    return Document(
        id, {"naam": naam, "omschrijving": omschrijving}, filters, tuple(punten), gewicht
    )


_IDS = st.sampled_from([f"d{n:02d}" for n in range(24)])
# So that synonyms, also of compounds, come up in the comparisons with the reference.
_SYNONIEMEN = [("koor", "dans"), ("taal", "koffie", "yoga")]
_documenten = st.lists(_IDS.flatmap(_document), max_size=24)


@st.composite
def _vraag(draw: st.DrawFn) -> dict:
    filters: dict[str, list[str]] = {}
    if draw(st.booleans()):
        filters["bouwsteen"] = draw(st.lists(st.sampled_from([*_BOUWSTENEN, "geen"]), max_size=2))
    if draw(st.booleans()):
        filters["sector"] = draw(st.lists(st.sampled_from(["formeel", "x"]), max_size=1))
    if draw(st.booleans()):
        filters["wijk"] = draw(st.lists(st.sampled_from(_WIJKEN), max_size=4))
    if draw(st.integers(0, 9)) == 0:
        filters["bestaat_niet"] = ["ja"]
    return {
        "tekst": draw(
            st.sampled_from(
                ["", "", "koor", "koffie wandelen", "wandelgreop", "koo", "wandelt dans", "taal"]
            )
        ),
        "filters": filters,
        "facetten": draw(st.lists(st.sampled_from(["bouwsteen", "sector", "wijk", "geen"]))),
        "punt": draw(st.sampled_from([None, _PUNT])),
        "straal_km": draw(st.sampled_from([None, 1.5, 4.0, 50.0])),
        "sorteer": draw(st.sampled_from(["relevantie", "afstand"])),
        "begin": draw(st.integers(0, 4)),
        "aantal": draw(st.integers(0, 8)),
    }


def _zoek_beide(index: ZoekIndex, documenten: list[Document], vraag: dict) -> None:
    vraag = dict(vraag)
    tekst = vraag.pop("tekst")
    _zelfde(index.zoek(tekst, **vraag), _naief_zoeken(documenten, index, tekst, **vraag))


@settings(max_examples=100, deadline=None)
@given(documenten=_documenten, vragen=st.lists(_vraag(), min_size=1, max_size=6))
def test_opgebouwde_index_zoekt_als_de_naieve_referentie(
    documenten: list[Document], vragen: list[dict]
) -> None:
    index = index_met(*documenten, synoniemen=_SYNONIEMEN)
    actueel = list({document.id: document for document in documenten}.values())

    for vraag in vragen:
        _zoek_beide(index, actueel, vraag)


@settings(max_examples=100, deadline=None)
@given(
    begin=_documenten,
    stappen=st.lists(
        st.one_of(_IDS.flatmap(_document), _IDS.map(lambda id: ("weg", id))), max_size=60
    ),
    tussendoor=st.lists(_vraag(), max_size=3),
    vragen=st.lists(_vraag(), min_size=1, max_size=6),
)
def test_stap_voor_stap_bijgewerkt_is_hetzelfde_als_opnieuw_opgebouwd(
    begin: list[Document], stappen: list, tussendoor: list[dict], vragen: list[dict]
) -> None:
    index = index_met(*begin, synoniemen=_SYNONIEMEN)
    actueel = {document.id: document for document in begin}
    for nummer, stap in enumerate(stappen):
        if isinstance(stap, Document):
            index.zet(stap)
            actueel[stap.id] = stap
        else:
            index.verwijder(stap[1])
            actueel.pop(stap[1], None)
        if tussendoor and nummer % 7 == 0:
            # Queries in between make the lazily built parts, which edits must then keep up.
            vraag = dict(tussendoor[nummer % len(tussendoor)])
            index.zoek(vraag.pop("tekst"), **vraag)
    opnieuw = index_met(*actueel.values(), synoniemen=_SYNONIEMEN)

    assert len(index) == len(opnieuw) == len(actueel)
    for vraag in vragen:
        tekst, rest = vraag["tekst"], {k: v for k, v in vraag.items() if k != "tekst"}
        assert index.zoek(tekst, **rest) == opnieuw.zoek(tekst, **rest)
        _zoek_beide(index, list(actueel.values()), vraag)


def test_vele_bewerkingen_blijven_gelijk_aan_opnieuw_opbouwen() -> None:
    # Enough edits that the per-word overlays and the location overlay are merged back into
    # the sorted arrays several times, and that the arrays grow.
    rng = random.Random(17)

    def willekeurig(id: str) -> Document:
        return Document(
            id,
            {
                "naam": " ".join(rng.choices(_WOORDEN, k=2)),
                "omschrijving": " ".join(rng.choices(_WOORDEN, k=4)),
            },
            {
                "bouwsteen": frozenset(rng.sample(_BOUWSTENEN, rng.randint(0, 2))),
                "wijk": frozenset({rng.choice(_WIJKEN)}),
            },
            tuple(
                (rng.choice(_ROOSTER_LAT), rng.choice(_ROOSTER_LON))
                for _ in range(rng.randint(0, 2))
            ),
            rng.choice([1.0, 0.6]),
        )

    begin = [willekeurig(f"d{n:03d}") for n in range(300)]
    index = index_met(*begin, synoniemen=_SYNONIEMEN)
    actueel = {document.id: document for document in begin}
    for stap in range(3_000):
        id = f"d{rng.randrange(450):03d}"
        if stap % 6 == 5:
            index.verwijder(id)
            actueel.pop(id, None)
        else:
            actueel[id] = willekeurig(id)
            index.zet(actueel[id])
        if stap % 400 == 0:  # the same filters as below: they must be kept up to date
            index.zoek("koor", filters={"wijk": ["WK03", "WK04"]}, facetten=["bouwsteen"])
            index.zoek(filters={"bouwsteen": ["meedoen"]}, facetten=["bouwsteen", "wijk"])
    opnieuw = index_met(*actueel.values(), synoniemen=_SYNONIEMEN)

    for tekst in ["", "koor", "koffie wandelt", "taalcfe", "moes"]:
        for opties in [
            {},
            {"filters": {"bouwsteen": ["meedoen"]}, "facetten": ["bouwsteen", "wijk"]},
            {"filters": {"wijk": ["WK03", "WK04"]}, "punt": _PUNT, "sorteer": "afstand"},
            {"punt": _PUNT, "straal_km": 3.0, "facetten": ["wijk"], "aantal": 50},
            {"punt": _PUNT, "aantal": 40},
        ]:
            assert index.zoek(tekst, **opties) == opnieuw.zoek(tekst, **opties)
            vraag = {"tekst": tekst, **opties}
            _zoek_beide(index, list(actueel.values()), vraag)


def test_grote_aantallen_kloppen_met_de_referentie() -> None:
    # Thousands of matches take other routes: a sampled cut-off for the top results, a
    # growing circle for the nearest, counting spread over every document.
    rng = random.Random(23)
    documenten = [
        Document(
            f"d{n:05d}",
            {
                "naam": rng.choice(["Koor", "Koorzang", "Koor en dans"]),
                # A few with a word in several forms: one word, several short posting lists.
                "omschrijving": "wandelen wandelgroep wandelt koor" if n % 97 == 0 else "koor",
            },
            {"bouwsteen": frozenset(rng.sample(_BOUWSTENEN, rng.randint(1, 2)))},
            tuple(
                (rng.uniform(51.5, 53.0), rng.uniform(4.0, 6.5)) for _ in range(rng.choice([0, 1]))
            ),
            rng.choice([1.0, 0.6]),
        )
        for n in range(10_000)
    ]
    index = index_met(*documenten, synoniemen=[("dans", "wandelen")])
    punt = (52.2, 5.1)

    for vraag in [
        {"tekst": "koor", "begin": 0, "aantal": 20},
        {"tekst": "wandel", "facetten": ["bouwsteen"]},
        {"tekst": "koor wandelen", "punt": punt, "straal_km": 40.0},
        {"tekst": "dans koorzang", "begin": 3, "aantal": 7},
        {"tekst": "koor", "begin": 40, "aantal": 20, "facetten": ["bouwsteen"]},
        {"tekst": "koo", "filters": {"bouwsteen": ["meedoen"]}, "facetten": ["bouwsteen"]},
        {"tekst": "koor", "punt": punt, "sorteer": "afstand", "begin": 10},
        {"tekst": "koor wandelen", "punt": punt, "aantal": 50},
        {"tekst": "", "punt": punt, "begin": 100, "aantal": 30},
        {"tekst": "dans wandelt", "punt": (52.0, 9.0)},
        {"tekst": "", "punt": punt, "sorteer": "afstand", "begin": 5_990, "aantal": 30},
        {"tekst": "", "filters": {"bouwsteen": ["geldzaken"]}, "begin": 3_000},
    ]:
        _zoek_beide(index, documenten, vraag)


def test_facetten_met_heel_veel_combinaties_tellen_goed() -> None:
    # Two facets counted together with thousands of values each: too many possible
    # combinations to number by counting, so the groups are found by sorting.
    documenten = [
        doc(f"d{n:04d}", "Koor", a=f"a{n % 2_200}", b={f"b{n % 2_100}", f"b{n % 7}"})
        for n in range(4_400)
    ]
    index = index_met(*documenten)

    for filters in [{}, {"a": ["a1", "a2"]}, {"b": ["b3"]}]:
        vraag = {"tekst": "koor", "filters": filters, "facetten": ["a", "b"], "aantal": 5}
        _zoek_beide(index, documenten, vraag)


@settings(max_examples=60, deadline=None)
@given(
    aantal=st.integers(8_192, 30_000),
    nodig=st.integers(1, 120),
    verschillend=st.integers(1, 50),
    lokaas=st.booleans(),
    zaad=st.integers(0, 2**32 - 1),
)
def test_beste_selectie_klopt_ook_als_de_steekproef_misleidt(
    aantal: int, nodig: int, verschillend: int, lokaas: bool, zaad: int
) -> None:
    # The top results are found via a sample of every so-many-th value. Few distinct values
    # make many ties; a "decoy" puts the smallest values exactly on the sampled positions,
    # so the sample promises more small values than there are.
    rng = np.random.default_rng(zaad)
    waarden = rng.integers(0, verschillend, aantal).astype(float)
    if lokaas:
        waarden[:: aantal // 2_048] = -np.arange(len(waarden[:: aantal // 2_048]), dtype=float)
    tweede = rng.permutation(aantal)

    keus = _kleinste(waarden, nodig, lambda plekken: [tweede[plekken]])

    verwacht = sorted(range(aantal), key=lambda i: (waarden[i], tweede[i]))[:nodig]
    assert keus.tolist() == verwacht


def test_ondergrens_op_een_getal_houdt_alleen_wat_erboven_ligt_ook_na_bijwerken():
    """`vanaf` (the HSDS API's modified_after): exact totals, edits and removals count, and a
    document without the number never passes."""

    def met_getal(id: str, waarde: float | None) -> Document:
        getallen = {} if waarde is None else {"gewijzigd": waarde}
        return Document(
            id, {"naam": "wandelen"}, {"sector": frozenset({"informeel"})}, (), 1.0, getallen
        )

    index = index_met(met_getal("oud", 10), met_getal("nieuw", 30), met_getal("zonder", None))

    def ids(tekst: str = "", grens: float = 20) -> set[str]:
        uitkomst = index.zoek(tekst, vanaf={"gewijzigd": grens}, aantal=10)
        assert uitkomst.totaal == len(uitkomst.treffers)
        return {treffer.id for treffer in uitkomst.treffers}

    assert ids() == ids("wandelen") == {"nieuw"}
    assert ids(grens=30) == {"nieuw"} and ids(grens=31) == set()
    index.zet(met_getal("oud", 25))
    index.zet(met_getal("later", 40))  # a new document, the arrays grow
    assert ids() == {"oud", "nieuw", "later"}
    index.verwijder("nieuw")
    index.zet(met_getal("zonder getal", None))  # may reuse the removed one's place
    assert ids("wandelen") == {"oud", "later"}
    assert index.zoek(vanaf={"onbekend": 0}).totaal == 0


def test_filter_op_een_facet_met_duizenden_waarden_vindt_precies_die_waarden():
    index = index_met(
        *(doc(f"d{i}", "koor", organisatie=f"org{i % 3000}") for i in range(6000)),
        doc("twee", "koor", organisatie={"org1", "org2"}),
    )
    uitkomst = index.zoek("koor", filters={"organisatie": ["org1", "bestaat-niet"]}, aantal=10)
    assert {t.id for t in uitkomst.treffers} == {"d1", "d3001", "twee"} and uitkomst.totaal == 3
