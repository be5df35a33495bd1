"""Chosen filters stay visible on the search page as chips that remove one choice each."""

from urllib.parse import parse_qs

import pytest
from django import forms
from django.http import QueryDict
from django.urls import reverse

from samenspel.search import gekozen
from samenspel.search.forms import ZoekFormulier

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def _gekozen(query: str):
    form = ZoekFormulier(QueryDict(query))
    form.is_valid()
    return {f.tekst: parse_qs(f.zonder) for f in gekozen.gekozen_filters(form)}


def test_elke_gekozen_filter_wordt_een_chip_die_alleen_zichzelf_weghaalt(gebieden):
    chips = _gekozen(
        "q=wandelen&bij=Overvecht&sorteer=afstand&pagina=2"
        "&bouwsteen=preventie&bouwsteen=sociale-contacten-en-ontmoeting&gratis=on&dag=TU"
    )
    assert set(chips) == {
        "Soort hulp: Preventie",
        "Soort hulp: Sociale contacten en ontmoeting",
        "Gratis",
        "Open op: dinsdag",
    }
    zonder_preventie = chips["Soort hulp: Preventie"]
    assert zonder_preventie["bouwsteen"] == ["sociale-contacten-en-ontmoeting"]
    # The query, the place and the order stay; back to page 1.
    assert zonder_preventie["q"] == ["wandelen"]
    assert zonder_preventie["bij"] == ["Overvecht"]
    assert zonder_preventie["sorteer"] == ["afstand"]
    assert "pagina" not in zonder_preventie
    assert "gratis" not in chips["Gratis"]
    assert "dag" not in chips["Open op: dinsdag"]


def test_zoekwoord_plaats_en_volgorde_zijn_geen_filters(gebieden):
    assert _gekozen("q=taal&bij=Overvecht&sorteer=afstand") == {}


def test_ongeldige_keuze_wordt_geen_chip(gebieden):
    assert list(_gekozen("bouwsteen=bestaat-niet&gratis=on")) == ["Gratis"]


def test_een_nieuw_filter_in_het_formulier_wordt_vanzelf_een_chip(gebieden):
    class MetNieuwFilter(ZoekFormulier):
        avond = forms.BooleanField(label="Na kantoortijd", required=False)
        taal = forms.MultipleChoiceField(
            label="Taal", required=False, choices=[("ar", "Arabisch"), ("tr", "Turks")]
        )

    form = MetNieuwFilter(QueryDict("avond=on&taal=tr"))
    form.is_valid()
    assert [f.tekst for f in gekozen.gekozen_filters(form)] == ["Na kantoortijd", "Taal: Turks"]


def test_alle_filters_weghalen_houdt_zoekwoord_en_plaats(gebieden):
    form = ZoekFormulier(QueryDict("q=taal&bij=Overvecht&gratis=on&bouwsteen=preventie&pagina=3"))
    form.is_valid()
    assert parse_qs(gekozen.zonder_filters(form)) == {"q": ["taal"], "bij": ["Overvecht"]}


def test_zoekpagina_toont_aantal_filters_en_chips_zonder_javascript(client, maak_aanbod):
    maak_aanbod(naam="Wandelgroep", gratis=True)
    pagina = client.get(ZOEKEN, {"q": "wandel", "gratis": "on", "dag": "TU"}).content.decode()
    assert "Filters (2)" in pagina
    assert "<details" in pagina and "<summary" in pagina
    assert 'href="?q=wandel&amp;dag=TU"' in pagina  # the "Gratis" chip
    assert 'href="?q=wandel&amp;gratis=on"' in pagina  # the "Open op: dinsdag" chip


def test_filter_met_fout_staat_open_zodat_de_melding_te_zien_is(client, gebieden):
    pagina = client.get(ZOEKEN, {"bouwsteen": "bestaat-niet"}).content.decode()
    assert '<details class="facetten filters" open>' in pagina
    dicht = client.get(ZOEKEN, {"q": "taal"}).content.decode()
    assert '<details class="facetten filters">' in dicht
