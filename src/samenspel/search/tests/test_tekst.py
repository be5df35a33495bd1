"""Gedrag van de Nederlandse tekstanalyse."""

from __future__ import annotations

from samenspel.search.tekst import normaliseer, stam, tokens, zoekstammen


def test_normaliseren_verwijdert_hoofdletters_accenten_en_leestekens() -> None:
    assert normaliseer("Taalcafé in Överdorp: één keer per week!") == (
        "taalcafe in overdorp een keer per week"
    )


def test_normaliseren_houdt_cijfers_en_plakt_apostrof_vast() -> None:
    assert normaliseer("Auto's voor 65+ers") == "autos voor 65 ers"


def test_tokens_zonder_stopwoorden_en_losse_letters() -> None:
    assert tokens("Hulp bij de administratie voor u en mij, a b c") == ["hulp", "administratie"]


def test_tokens_splitsen_op_leestekens() -> None:
    assert tokens("buurt-huis/ontmoetingsplek") == ["buurt", "huis", "ontmoetingsplek"]


def test_lege_tekst_geeft_geen_tokens() -> None:
    assert tokens("") == []
    assert tokens("  --  ") == []


def test_stam_brengt_vervoegingen_samen() -> None:
    assert stam("wandelen") == stam("wandelingen") == stam("wandel")
    assert stam("vrijwilligers") == stam("vrijwilliger")


def test_stam_is_gecachet() -> None:
    stam.cache_clear()
    stam("kinderopvang")
    stam("kinderopvang")

    assert stam.cache_info().hits == 1


def test_zoekstammen_vangen_werkwoorden_op_t() -> None:
    assert zoekstammen("wandelt") == (stam("wandelt"), stam("wandel"))
    assert stam("wandel") in zoekstammen("wandelt")
    assert zoekstammen("koor") == (stam("koor"),)
