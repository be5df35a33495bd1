"""Who may see a listing is one rule (`directory.models.zichtbaarheden_voor`, `toont_plaats`):
its page, the search and the HSDS API agree for every visitor, and a listing reached via a
contact person shows only that route everywhere a resident looks."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from samenspel.hsds.models import ApiToken
from samenspel.search.zoeken import Zoekvraag, zoek

API = "/api/hsds"
ADRES = "Buurtkamer Zambesidreef 12"
ALLE = {"Koffie voor iedereen", "Koffie voor professionals", "Koffie via Sam"}
VOOR_BEWONERS = {"Koffie voor iedereen", "Koffie via Sam"}


@pytest.fixture
def aanbod(maak_aanbod):
    diensten = {
        "openbaar": maak_aanbod(naam="Koffie voor iedereen", organisatie="Buurthuis"),
        "prof": maak_aanbod(
            naam="Koffie voor professionals", zichtbaarheid="professionals", organisatie="Buurthuis"
        ),
        "contact": maak_aanbod(
            naam="Koffie via Sam", zichtbaarheid="via_contactpersoon", organisatie="Maatjes"
        ),
    }
    m.Contact.objects.create(service=diensten["contact"], name="Sam", email="sam@example.org")
    for service in diensten.values():
        locatie = service.service_at_locations.get().location
        m.Address.objects.create(
            location=locatie, address_1=ADRES, city="Utrecht", postal_code="3561 GK"
        )
    return diensten


@pytest.fixture
def bezoekers(aanbod, django_user_model, netwerkhouder):
    def lid(naam, organisatie):
        return django_user_model.objects.create_user(
            username=naam,
            email=f"{naam}@example.org",
            rol=Rol.INITIATIEFNEMER,
            organisatie=organisatie,
        )

    buitenstaander_org = m.Organization.objects.create(name="Elders", description="")
    return {
        "anoniem": AnonymousUser(),
        "buitenstaander": lid("buitenstaander", buitenstaander_org),
        "eigen organisatie": lid("eigen", aanbod["prof"].organization),
        "netwerkhouder": netwerkhouder,
    }


def _op_de_pagina(client, gebruiker, aanbod) -> set[str]:
    client.logout()
    if gebruiker.is_authenticated:
        client.force_login(gebruiker)
    return {s.name for s in aanbod.values() if client.get(s.get_absolute_url()).status_code == 200}


def _gevonden(gebruiker) -> set[str]:
    return {t.service.name for t in zoek(Zoekvraag(tekst="koffie"), gebruiker).treffers}


def _in_de_api(client, sleutel: str | None, pad="/services", **params) -> list[dict]:
    kop = {"HTTP_AUTHORIZATION": f"Bearer {sleutel}"} if sleutel else {}
    antwoord = client.get(API + pad, {"per_page": 50, **params}, **kop)
    assert antwoord.status_code == 200
    return antwoord.json()["contents"]


@pytest.mark.parametrize(
    ("wie", "ziet"),
    [
        ("anoniem", VOOR_BEWONERS),
        ("buitenstaander", VOOR_BEWONERS),
        # Belonging to the organisation adds nothing: its owner edits through e-mailed links.
        ("eigen organisatie", VOOR_BEWONERS),
        ("netwerkhouder", ALLE),
    ],
)
def test_pagina_en_zoeken_zijn_het_eens(client, aanbod, bezoekers, wie, ziet):
    gebruiker = bezoekers[wie]
    assert _op_de_pagina(client, gebruiker, aanbod) == ziet
    assert _gevonden(gebruiker) == ziet
    assert {s.name for s in m.Service.objects.zichtbaar_voor(gebruiker)} == ziet


def test_de_api_zonder_sleutel_ziet_wat_een_bewoner_ziet_en_met_sleutel_wat_een_professional_ziet(
    client, aanbod, bezoekers
):
    client.logout()
    zonder = {s["name"] for s in _in_de_api(client, None)}
    gezocht = {s["name"] for s in _in_de_api(client, None, search="koffie")}
    assert zonder == gezocht == _gevonden(bezoekers["anoniem"]) == VOOR_BEWONERS

    _, sleutel = ApiToken.maak(aanbod["prof"].organization)
    met = {s["name"] for s in _in_de_api(client, sleutel)}
    gezocht = {s["name"] for s in _in_de_api(client, sleutel, search="koffie")}
    assert met == gezocht == _gevonden(bezoekers["netwerkhouder"]) == ALLE


def test_via_contactpersoon_toont_overal_alleen_de_contactroute(client, aanbod, bezoekers):
    contact = aanbod["contact"]
    for wie in ("anoniem", "buitenstaander", "eigen organisatie", "netwerkhouder"):
        client.logout()
        if bezoekers[wie].is_authenticated:
            client.force_login(bezoekers[wie])
        pagina = client.get(contact.get_absolute_url()).content.decode()
        assert "Sam" in pagina and ADRES not in pagina, wie
        assert ADRES in client.get(aanbod["openbaar"].get_absolute_url()).content.decode()
    assert contact.publieke_locaties() == [] and contact.toegankelijkheid() == []

    client.logout()
    (dienst,) = [s for s in _in_de_api(client, None, full="true") if s["name"] == contact.name]
    assert not dienst.get("service_at_locations") and not dienst.get("phones")
    plekken = {
        r["service_id"] for r in _in_de_api(client, None, "/service_at_locations", search="koffie")
    }
    assert str(contact.pk) not in plekken and str(aanbod["openbaar"].pk) in plekken

    # An organisation's key exchanges whole records, the contact listing's place included.
    _, sleutel = ApiToken.maak(aanbod["openbaar"].organization)
    plekken = {
        r["service_id"]
        for r in _in_de_api(client, sleutel, "/service_at_locations", search="koffie")
    }
    assert str(contact.pk) in plekken
