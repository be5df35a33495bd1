"""De synoniemenlijst: een tekstbestand dat een netwerkhouder kan aanpassen."""

import pytest
from django.core import checks

from samenspel.search import synoniemen
from samenspel.search.synoniemen import SynoniemFout, lees


def test_meegeleverde_lijst_is_leesbaar_en_heeft_de_sociale_groepen():
    groepen = synoniemen.lees_bestand()
    samen = [set(groep) for groep in groepen]
    for woorden in [
        {"les", "cursus", "leren"},
        {"eenzaam", "ontmoeting", "contact"},
        {"geld", "schulden", "budget", "formulieren"},
        {"psychisch", "ggz"},
    ]:
        assert any(woorden <= groep for groep in samen), woorden


def test_commentaar_lege_regels_hoofdletters_en_accenten_tellen_niet():
    tekst = "# uitleg\n\n  Les, CURSUS ,leren  # na een hekje ook uitleg\nTaalcafé, taal\n"

    assert lees(tekst) == [("les", "cursus", "leren"), ("taalcafe", "taal")]


@pytest.mark.parametrize(
    ("regel", "melding"),
    [
        ("les", "minstens twee verschillende woorden"),
        ("les, les", "minstens twee verschillende woorden"),
        ("les,, cursus", "lege plek tussen twee komma's"),
        ("psychische klachten, ggz", "'psychische klachten' is meer dan één woord"),
        ("de, het", "op 'de' kan niet gezocht worden"),
    ],
)
def test_foute_regel_wordt_gemeld_met_zijn_regelnummer(regel, melding):
    with pytest.raises(SynoniemFout) as fout:
        lees(f"# kop\ngeld, schulden\n{regel}\n", "synoniemen.txt")

    assert "synoniemen.txt, regel 3" in str(fout.value)
    assert melding in str(fout.value)


def test_systeemcontrole_meldt_een_kapot_bestand(tmp_path, monkeypatch):
    kapot = tmp_path / "synoniemen.txt"
    kapot.write_text("geld, schulden\nalleen\n", encoding="utf-8")
    monkeypatch.setattr(synoniemen, "BESTAND", kapot)
    monkeypatch.setattr(synoniemen.lees_bestand, "__defaults__", (kapot,))

    fouten = [f for f in checks.run_checks() if f.id == "samenspel.search.E001"]

    assert len(fouten) == 1
    assert "regel 2" in fouten[0].msg


def test_systeemcontrole_is_stil_bij_het_meegeleverde_bestand():
    assert not [f for f in checks.run_checks() if f.id == "samenspel.search.E001"]
