"""Searches by residents are answered from a cache that never hides a saved change."""

import time

import pytest
from django.urls import reverse

from samenspel.areas.models import Gebied
from samenspel.search.antwoordcache import Antwoordcache

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def test_zelfde_zoekvraag_tweede_keer_kant_en_klaar(client, maak_aanbod):
    maak_aanbod(naam="Wandelgroep Overvecht")
    eerste = client.get(ZOEKEN, {"q": "wandelen"})
    tweede = client.get(ZOEKEN, {"q": "wandelen"})
    assert eerste.templates and not tweede.templates  # not rendered again
    assert tweede.status_code == 200
    assert tweede.content == eerste.content
    assert "Wandelgroep Overvecht" in tweede.content.decode()
    anders = client.get(ZOEKEN, {"q": "wandelen", "inloop": "on"})
    assert anders.templates


def test_gewijzigd_aanbod_meteen_zichtbaar_ondanks_bewaarde_pagina(client, maak_aanbod):
    service = maak_aanbod(
        naam="Breiclub", omschrijving="Samen breien in de club.", organisatie="De Ster"
    )
    assert "Breiclub" in client.get(ZOEKEN, {"q": "club"}).content.decode()
    service.name = "Schaakclub"
    service.save()
    pagina = client.get(ZOEKEN, {"q": "club"}).content.decode()
    assert "Schaakclub" in pagina
    assert "Breiclub" not in pagina


def test_gestopt_aanbod_verdwijnt_meteen_uit_bewaarde_pagina(client, maak_aanbod):
    service = maak_aanbod(naam="Breiclub", omschrijving="Samen breien.", organisatie="De Ster")
    assert "Breiclub" in client.get(ZOEKEN, {"q": "breien"}).content.decode()
    service.status = "inactive"
    service.save()
    assert "Breiclub" not in client.get(ZOEKEN, {"q": "breien"}).content.decode()


def test_ingelogde_professional_krijgt_niet_de_pagina_van_een_bewoner(
    client, maak_aanbod, professional
):
    maak_aanbod(naam="Consultatie FACT-team", zichtbaarheid="professionals")
    assert "Consultatie FACT-team" not in client.get(ZOEKEN, {"q": "consultatie"}).content.decode()
    client.force_login(professional)
    assert "Consultatie FACT-team" in client.get(ZOEKEN, {"q": "consultatie"}).content.decode()
    client.logout()
    assert "Consultatie FACT-team" not in client.get(ZOEKEN, {"q": "consultatie"}).content.decode()


def test_hernoemde_gemeente_meteen_in_de_keuzelijst(client, gebieden):
    assert "Utrecht" in client.get(ZOEKEN).content.decode()
    gemeente = Gebied.objects.get(code="GM0344")
    gemeente.naam = "Gemeente Utrecht"
    gemeente.save()
    assert "Gemeente Utrecht" in client.get(ZOEKEN).content.decode()


def test_foutmelding_in_formulier_wordt_ook_bewaard_en_blijft_kloppen(client):
    pagina = client.get(ZOEKEN, {"pagina": "nul"}).content.decode()
    assert "Het paginanummer moet een getal zijn." in pagina
    assert pagina == client.get(ZOEKEN, {"pagina": "nul"}).content.decode()


def test_cache_houdt_zich_aan_zijn_grootte_en_gooit_het_oudste_weg():
    cache = Antwoordcache(max_bytes=16 * 100)
    for n in range(20):
        cache.bewaar(("pagina", n), b"x" * 100, "text/html")
    assert len(cache) == 16
    assert cache.haal(("pagina", 0)) is None
    assert cache.haal(("pagina", 19)) == (b"x" * 100, "text/html")


def test_cache_vergeet_oude_antwoorden():
    cache = Antwoordcache(max_leeftijd=0.01)
    cache.bewaar(("pagina",), b"oud", "text/html")
    time.sleep(0.02)
    assert cache.haal(("pagina",)) is None


def test_veel_te_grote_pagina_wordt_niet_bewaard():
    cache = Antwoordcache(max_bytes=1600)
    cache.bewaar(("groot",), b"x" * 1000, "text/html")
    assert cache.haal(("groot",)) is None


API = "/api/hsds/services"


def test_api_lijst_voor_iedereen_kant_en_klaar_en_meteen_bijgewerkt(client, maak_aanbod):
    service = maak_aanbod(
        naam="Breiclub", omschrijving="Samen breien in de club.", organisatie="De Ster"
    )
    eerste = client.get(API, {"search": "club"})
    assert [s["name"] for s in eerste.json()["contents"]] == ["Breiclub"]
    assert client.get(API, {"search": "club"}).content == eerste.content
    service.name = "Schaakclub"
    service.save()
    assert [s["name"] for s in client.get(API, {"search": "club"}).json()["contents"]] == [
        "Schaakclub"
    ]


def test_api_met_sleutel_krijgt_niet_het_antwoord_voor_bewoners(client, maak_aanbod):
    from samenspel.hsds.models import ApiToken

    service = maak_aanbod(naam="Consultatie FACT-team", zichtbaarheid="professionals")
    assert client.get(API, {"search": "consultatie"}).json()["contents"] == []
    _, sleutel = ApiToken.maak(service.organization)
    antwoord = client.get(API, {"search": "consultatie"}, HTTP_AUTHORIZATION=f"Bearer {sleutel}")
    assert [s["name"] for s in antwoord.json()["contents"]] == ["Consultatie FACT-team"]
