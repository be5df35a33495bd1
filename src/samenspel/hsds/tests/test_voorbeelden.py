"""Every official HSDS 3.0 example imports, and the API serves those records per the schemas."""

import pytest

from samenspel.directory import models as m
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.models import Importrun

from .conftest import json_voorbeelden, momentopname, valideer, valideer_los, voorbeeld

pytestmark = pytest.mark.django_db

SERVICE = "ac148810-d857-441c-9679-408f346de14b"
ORGANISATIE = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
KOPPELING = "e94c9f38-1e8f-4564-91d4-d53501ab1765"
TAXONOMIE = "5c4d79d7-cc55-470e-9f1f-8cad074e4892"
TERM = "3f7b145d-84af-42d7-8fae-eaca714b02b2"


def _alle_voorbeelden():
    return [*json_voorbeelden(), voorbeeld("csv")]


@pytest.fixture
def voorbeelden_geimporteerd(db):
    # The tabular examples link the attribute to a record that does not exist; the nested
    # examples link it to the service. Nested last, so the service keeps its attribute.
    tabulair = [voorbeeld("csv"), voorbeeld("tabular.json")]
    for pad in tabulair + [p for p in json_voorbeelden() if p not in tabulair]:
        importeer_hsds(pad, bron="voorbeelden")


@pytest.mark.parametrize("pad", _alle_voorbeelden(), ids=lambda p: p.name)
def test_elk_officieel_voorbeeld_importeert(pad):
    uitkomst = importeer_hsds(pad)
    assert Importrun.objects.filter(pk=uitkomst.run_id).exists()
    if pad.name != "base.json":  # the API's own description holds no records
        assert sum(t.nieuw for t in uitkomst.tellingen.values()) > 0


@pytest.mark.parametrize("pad", _alle_voorbeelden(), ids=lambda p: p.name)
def test_tweede_import_van_een_voorbeeld_verandert_niets(pad):
    importeer_hsds(pad)
    voor = momentopname()
    historie = m.Wijziging.objects.count()
    uitkomst = importeer_hsds(pad)
    assert all(t.nieuw == 0 and t.gewijzigd == 0 for t in uitkomst.tellingen.values())
    assert momentopname() == voor
    assert m.Wijziging.objects.count() == historie


def test_voorbeeld_service_krijgt_alle_gekoppelde_gegevens():
    importeer_hsds(voorbeeld("service_full.json"))
    service = m.Service.objects.get(pk=SERVICE)
    telefoon = m.Phone.objects.get()
    # One phone, listed under service, organisation, location, contact and the link row.
    assert telefoon.service_id == service.pk
    assert str(telefoon.organization_id) == ORGANISATIE
    assert str(telefoon.service_at_location_id) == KOPPELING
    assert telefoon.contact_id is not None and telefoon.location_id is not None
    assert telefoon.extension == "100"
    assert service.program.name == "Community Mental Health Support"
    assert m.Schedule.objects.get().timezone == 3
    assert m.Attribute.objects.get().link_entity == "service"


def test_onbekende_optionele_verwijzing_in_voorbeeld_wordt_waarschuwing(db):
    uitkomst = importeer_hsds(voorbeeld("csv"))
    teksten = [str(w) for w in uitkomst.waarschuwingen]
    assert any("organizations.csv, regel 2, veld parent_organization_id" in t for t in teksten)
    assert m.Organization.objects.get(pk=ORGANISATIE).parent_organization_id is None


def test_metadata_van_het_voorbeeld_staat_in_de_historie():
    importeer_hsds(voorbeeld("csv"))
    regel = m.Wijziging.objects.get(pk="6cd71e9f-1013-49d9-8370-26b8f59d3e5a")
    assert (regel.field_name, regel.replacement_value) == ("name", "MyCity New Civic Center")


# --- the API for the imported examples --------------------------------------------------------


@pytest.mark.parametrize("scope", ["anoniem", "professioneel"])
@pytest.mark.parametrize(
    "url, schema, lijst",
    [
        ("/api/hsds/services", "service_list.json", True),
        ("/api/hsds/services?full=true", "service.json", True),
        (f"/api/hsds/services/{SERVICE}", "service.json", False),
        ("/api/hsds/organizations", "organization_list.json", True),
        ("/api/hsds/organizations?full=true", "organization.json", True),
        (f"/api/hsds/organizations/{ORGANISATIE}", "organization.json", False),
        (f"/api/hsds/organizations/{ORGANISATIE}?full_service=true", "organization.json", False),
        ("/api/hsds/service_at_locations", "service_at_location_list.json", True),
        ("/api/hsds/service_at_locations?full=true", "service_at_location.json", True),
        (f"/api/hsds/service_at_locations/{KOPPELING}", "service_at_location.json", False),
    ],
)
def test_api_antwoorden_voor_de_voorbeelden_volgen_het_schema(
    client, voorbeelden_geimporteerd, request, url, schema, lijst, scope
):
    extra = request.getfixturevalue("professioneel") if scope == "professioneel" else {}
    antwoord = client.get(url, **extra)
    assert antwoord.status_code == 200
    body = antwoord.json()
    items = body["contents"] if lijst else [body]
    assert items, "het voorbeeld hoort in de lijst te staan"
    for item in items:
        assert valideer(item, schema) == []


def test_volledige_service_bevat_alles_uit_het_voorbeeld(
    client, voorbeelden_geimporteerd, professioneel
):
    body = client.get(f"/api/hsds/services/{SERVICE}", **professioneel).json()
    for sleutel in (
        "phones",
        "schedules",
        "service_areas",
        "service_at_locations",
        "languages",
        "organization",
        "funding",
        "cost_options",
        "program",
        "required_documents",
        "contacts",
        "attributes",
        "metadata",
    ):
        assert body[sleutel], sleutel
    locatie = body["service_at_locations"][0]["location"]
    assert locatie["addresses"][0]["address_1"] == "1-30 Main Street"
    assert locatie["accessibility"][0]["details"].startswith("Switch hearing aid")
    assert body["attributes"][0]["taxonomy_term"]["taxonomy_detail"]["id"] == TAXONOMIE


@pytest.mark.parametrize(
    "url, schema, lijst",
    [
        ("/api/hsds/taxonomies", "taxonomy.json", True),
        (f"/api/hsds/taxonomies/{TAXONOMIE}", "taxonomy.json", False),
        ("/api/hsds/taxonomy_terms", "taxonomy_term.json", True),
        (f"/api/hsds/taxonomy_terms/{TERM}", "taxonomy_term.json", False),
    ],
)
def test_taxonomieen_volgen_het_schema(client, voorbeelden_geimporteerd, url, schema, lijst):
    body = client.get(url).json()
    items = body["contents"] if lijst else [body]
    for item in items:
        assert valideer_los(item, schema) == []


def test_api_metadata_volgt_het_voorbeeld(client):
    body = client.get("/api/hsds/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/hsds/openapi.json")
