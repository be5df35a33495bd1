"""Result cards are kept per listing version: fast on a new question, never out of date."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samenspel.directory import models as m
from samenspel.search.tests.pagina import kaartnamen

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def _waar(client, **params) -> list[str]:
    pagina = client.get(ZOEKEN, params).content.decode()
    data = re.search(r'<script id="kaartpunten" type="application/json">(.*?)</script>', pagina)
    return [punt["waar"] for kaartpunt in json.loads(data.group(1)) for punt in kaartpunt["punten"]]


def _afstanden(client, **params) -> list[str]:
    pagina = client.get(ZOEKEN, params).content.decode()
    return re.findall(r'<span class="afstand">([^<]*)</span>', pagina)


def test_nieuwe_naam_staat_op_het_kaartje_bij_de_volgende_vraag(client, maak_aanbod):
    service = maak_aanbod(naam="Wandelgroep Zuilen", omschrijving="Samen wandelen in het park.")
    assert kaartnamen(client.get(ZOEKEN, {"q": "wandelen"})) == ["Wandelgroep Zuilen"]
    service.name = "Wandelclub Zuilen"
    service.save()
    # Another question finds the same listing: its card is made again, not taken as kept.
    assert kaartnamen(client.get(ZOEKEN, {"q": "park"})) == ["Wandelclub Zuilen"]


def test_nieuw_adres_staat_meteen_in_de_kaartdata(client, maak_aanbod):
    service = maak_aanbod(naam="Taalcafé Middelland", buurt="middelland_noord")
    assert _waar(client, q="taalcafe") == ["Middelland-Noord"]
    m.Address.objects.create(
        location=service.service_at_locations.get().location,
        address_1="Nieuwe Binnenweg 10",
        postal_code="3014 GE",
        city="Rotterdam",
    )
    assert _waar(client, q="middelland") == ["Nieuwe Binnenweg 10, 3014 GE Rotterdam"]


def test_hetzelfde_kaartje_toont_per_vraag_zijn_eigen_afstand(client, maak_aanbod):
    maak_aanbod(naam="Buurtkamer", punt=(52.1100, 5.1000))
    assert _afstanden(client, q="buurtkamer", lat="52.1100", lon="5.1000") == ["0 m"]
    assert _afstanden(client, q="buurtkamer", lat="52.1280", lon="5.1000") == ["2,0 km"]
    # Without a place to measure from, no distance at all.
    assert _afstanden(client, q="buurtkamer") == []


def test_kaartje_in_het_engels_na_het_nederlandse(client, maak_aanbod):
    maak_aanbod(naam="Repair Café", gratis=True)
    assert "gratis" in client.get(ZOEKEN, {"q": "repair"}).content.decode()
    with translation.override("en"):
        pagina = client.get(ZOEKEN, {"q": "repair"}, headers={"accept-language": "en"})
    kenmerken = re.search(r'<ul class="kenmerken"[^>]*>(.*?)</ul>', pagina.content.decode(), re.S)
    assert "free" in kenmerken.group(1)
    assert "gratis" not in kenmerken.group(1)


def test_een_nieuwe_vraag_leest_bekende_kaartjes_niet_opnieuw(client, maak_aanbod):
    for n in range(20):
        maak_aanbod(naam=f"Wandelgroep {n}", omschrijving="Samen wandelen in het park.")
    assert len(kaartnamen(client.get(ZOEKEN, {"q": "wandelen"}))) == 20
    with CaptureQueriesContext(connection) as vragen:
        # A question not asked before (no ready answer) that finds the same twenty listings.
        assert len(kaartnamen(client.get(ZOEKEN, {"q": "park"}))) == 20
    tabellen = " ".join(v["sql"] for v in vragen.captured_queries)
    for tabel in ("directory_service", "directory_schedule", "directory_location"):
        assert f'"{tabel}"' not in tabellen, tabel
    assert len(vragen.captured_queries) <= 3


def test_het_kaartje_toont_wat_de_eigenaar_schreef_als_tekst(client, maak_aanbod):
    service = maak_aanbod(
        naam="Koffie <script>alert(1)</script>",
        omschrijving="Samen <b>koffie</b> & praten.",
        tijden_omschrijving="di <i>10</i>-12",
        organisatie="Buurt & <Co>",
    )
    paginas = {
        "zoeken": client.get(ZOEKEN, {"q": "koffie"}).content.decode(),
        "organisatie": client.get(service.organization.get_absolute_url()).content.decode(),
    }
    for waar, pagina in paginas.items():
        kaartje = re.search(r'<article class="kaartje".*?</article>', pagina, re.S).group(0)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in kaartje, waar
        assert "Samen &lt;b&gt;koffie&lt;/b&gt; &amp; praten." in kaartje, waar
        assert "di &lt;i&gt;10&lt;/i&gt;-12" in kaartje, waar
        assert "Buurt &amp; &lt;Co&gt;" in kaartje, waar
        assert "<script>alert" not in pagina and "<b>koffie" not in pagina, waar
