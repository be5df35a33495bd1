"""The map data on the results page: what a popup says, and what it must never say."""

import json
import re

import pytest
from django.urls import reverse

from samenspel.directory import models as m

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("search:zoeken")


def _kaartpunten(client, **params) -> list[dict]:
    pagina = client.get(ZOEKEN, params).content.decode()
    gevonden = re.search(r'<script id="kaartpunten" type="application/json">(.*?)</script>', pagina)
    return json.loads(gevonden.group(1))


def test_kaartpunt_zegt_wanneer_en_waar_zoals_het_kaartje(client, maak_aanbod):
    service = maak_aanbod(naam="Taalcafé Middelland", buurt="middelland_noord", dagen="TH")
    locatie = service.service_at_locations.get().location
    m.Address.objects.create(
        location=locatie, address_1="Nieuwe Binnenweg 10", postal_code="3014 GE", city="Rotterdam"
    )
    assert _kaartpunten(client, q="taalcafe") == [
        {
            "naam": "Taalcafé Middelland",
            "url": service.get_absolute_url(),
            "wanneer": "do 10:00–12:00",
            "punten": [
                {"lat": 51.9185, "lon": 4.4610, "waar": "Nieuwe Binnenweg 10, 3014 GE Rotterdam"}
            ],
        }
    ]


def test_kaartpunt_zonder_adres_noemt_de_buurt(client, maak_aanbod):
    maak_aanbod(naam="Breicafé")
    assert _kaartpunten(client)[0]["punten"][0]["waar"] == "Zambesidreef e.o."


def test_via_contactpersoon_staat_niet_op_de_kaart_ook_niet_in_de_data(client, maak_aanbod):
    maak_aanbod(
        naam="Maatjesproject",
        zichtbaarheid="via_contactpersoon",
        tijden_omschrijving="dinsdagmiddag in het buurthuis",
    )
    assert _kaartpunten(client, q="maatjesproject") == []
    pagina = client.get(ZOEKEN, {"q": "maatjesproject"}).content.decode()
    assert "Maatjesproject" in pagina
    assert "dinsdagmiddag" not in pagina
    assert "10:00" not in pagina
