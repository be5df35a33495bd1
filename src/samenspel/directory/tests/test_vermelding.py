"""A listing says what its owner said, and no more.

The owner's "wanneer en waar" stays whole on the published page; what nobody said (cost,
referral, sector) is not shown as a fact and never counts for a filter; imported cost options
and schedule validity are honoured.
"""

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from samenspel.directory import models as m
from samenspel.hsds import exporteren
from samenspel.hsds.importeren.uitvoeren import importeer_hsds

pytestmark = pytest.mark.django_db

WAAR = "elke donderdag 10-11 uur, start bij winkelcentrum Overvecht"
ZOEKEN = reverse("search:zoeken")
ORG = "11111111-1111-4111-8111-111111111111"
DIENST = "22222222-2222-4222-8222-222222222222"
PLEK = "33333333-3333-4333-8333-333333333333"


def _pagina(client, service) -> str:
    antwoord = client.get(service.get_absolute_url())
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _hsds_dienst(tmp_path, **extra) -> m.Service:
    """An HSDS JSON service from another system, as a municipality would import it."""
    dienst = {
        "id": DIENST,
        "name": "Schuldhulp Maatje",
        "description": "Een maatje helpt je met je post en je geld.",
        "status": "active",
        "organization": {"id": ORG, "name": "Stichting Geldzorg", "description": ""},
        "service_at_locations": [
            {
                "id": "44444444-4444-4444-8444-444444444444",
                "service_id": DIENST,
                "location_id": PLEK,
                "location": {
                    "id": PLEK,
                    "location_type": "physical",
                    "name": "Buurthuis",
                    "latitude": 52.119,
                    "longitude": 5.115,
                },
            }
        ],
        **extra,
    }
    pad = tmp_path / "dienst.json"
    pad.write_text(json.dumps(dienst), encoding="utf-8")
    importeer_hsds(pad, bron="gemeente")
    return m.Service.objects.get(pk=DIENST)


# --- the "waar" of "Wanneer en waar?" -------------------------------------------------------


def test_waar_uit_de_aanmelding_staat_op_de_gepubliceerde_pagina(
    client, gebieden, netwerkhouder, met_commit
):
    """Registration, confirmation link, approval: the owner's whole sentence is published."""
    gegevens = {
        "naam": "Wandelclub Overvecht",
        "omschrijving": "Samen een uur wandelen door de wijk.",
        "wanneer": WAAR,
        "buurt": "BU03440301",
        "contact": "wandel@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
    }
    assert met_commit(client.post, "/aanmelden/", gegevens).status_code == 302
    gevonden = re.search(
        rf"{re.escape(settings.SITE_URL)}(/\S*/bevestig/\S+/)", mail.outbox[0].body
    )
    met_commit(client.post, gevonden.group(1))
    service = m.Service.objects.get(name="Wandelclub Overvecht")
    client.force_login(netwerkhouder)
    beoordeel = reverse("directory:beoordeel", args=[service.pk])
    met_commit(client.post, beoordeel, {"actie": "goedkeuren"})
    client.logout()

    pagina = _pagina(client, service)
    assert "Wanneer en waar" in pagina
    assert "start bij winkelcentrum Overvecht" in pagina
    assert "do 10:00–11:00" not in pagina
    # The card in the search results says it too.
    resultaten = client.get(ZOEKEN, {"q": "wandelclub"}).content.decode()
    assert "start bij winkelcentrum Overvecht" in resultaten
    # The times read from it still count for "open op donderdag".
    assert "Wandelclub Overvecht" in client.get(ZOEKEN, {"dag": "TH"}).content.decode()
    assert "Wandelclub Overvecht" not in client.get(ZOEKEN, {"dag": "MO"}).content.decode()


def test_eigen_woorden_gaan_als_hsds_schedule_description_mee_in_de_export(
    client, gebieden, met_commit, tmp_path
):
    gegevens = {
        "naam": "Wandelclub Overvecht",
        "omschrijving": "Samen wandelen.",
        "wanneer": WAAR,
        "buurt": "BU03440301",
        "contact": "wandel@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
    }
    met_commit(client.post, "/aanmelden/", gegevens)
    schema = m.Service.objects.get().schedules.get()
    assert (schema.byday, schema.opens_at, schema.description) == ("TH", dt.time(10), WAAR)

    exporteren.exporteer(tmp_path / "uit")
    assert WAAR in (tmp_path / "uit" / "schedules.csv").read_text(encoding="utf-8")


def test_wanneer_zonder_leesbare_tijd_wordt_een_rooster_met_alleen_de_omschrijving(
    client, gebieden, met_commit
):
    gegevens = {
        "naam": "Repair Café",
        "omschrijving": "Samen repareren.",
        "wanneer": "elke eerste zaterdag van de maand in de bibliotheek",
        "buurt": "BU03440301",
        "contact": "repair@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
    }
    met_commit(client.post, "/aanmelden/", gegevens)
    schema = m.Service.objects.get().schedules.get()
    assert (schema.byday, schema.opens_at) == ("", None)
    assert schema.description == "elke eerste zaterdag van de maand in de bibliotheek"


# --- unknown stays unknown ------------------------------------------------------------------


def test_onbekende_kosten_en_verwijzing_tonen_geen_standaardzin(client, maak_aanbod):
    service = maak_aanbod(naam="Buurtkoor")
    assert (service.gratis, service.zonder_indicatie) == (None, None)
    pagina = _pagina(client, service)
    assert "Vraag het na" not in pagina
    assert "Geen verwijzing of indicatie nodig" not in pagina
    assert "Via een verwijzing of indicatie" not in pagina
    assert "<dt>Kosten</dt>" not in pagina


def test_wat_de_eigenaar_wel_zei_staat_er(client, maak_aanbod):
    gratis = maak_aanbod(naam="Buurtkoor", gratis=True, zonder_indicatie=True)
    pagina = _pagina(client, gratis)
    assert "<dd>Gratis" in pagina and "Geen verwijzing of indicatie nodig." in pagina

    betaald = maak_aanbod(naam="Budgetcursus", gratis=False, zonder_indicatie=False)
    pagina = _pagina(client, betaald)
    assert "Niet gratis. Vraag wat het kost." in pagina
    assert "Via een verwijzing of indicatie." in pagina


def test_zoekfilters_tellen_onbekend_niet_als_ja(client, maak_aanbod):
    maak_aanbod(naam="Buurtkoor gratis", gratis=True, zonder_indicatie=True)
    maak_aanbod(naam="Buurtkoor onbekend")
    maak_aanbod(naam="Buurtkoor betaald", gratis=False, zonder_indicatie=False)
    for filter_ in ("gratis", "zonder_indicatie"):
        pagina = client.get(ZOEKEN, {"q": "buurtkoor", filter_: "on"}).content.decode()
        assert "Buurtkoor gratis" in pagina
        assert "Buurtkoor onbekend" not in pagina
        assert "Buurtkoor betaald" not in pagina


def test_geimporteerde_organisatie_zonder_sector_heet_niet_informeel(client, gebieden, tmp_path):
    service = _hsds_dienst(tmp_path)
    assert service.organization.sector == ""
    assert (service.gratis, service.zonder_indicatie) == (None, None)
    for pagina in (_pagina(client, service), _pagina(client, service.organization)):
        assert "informeel" not in pagina
        assert not re.search(r"label--(formeel|informeel|hybride)", pagina)
    # Not counted under any sector in the search facet, nor found by a sector filter.
    resultaten = client.get(ZOEKEN, {"q": "schuldhulp", "sector": "informeel"})
    assert "Schuldhulp Maatje" not in resultaten.content.decode()
    zonder_filter = client.get(ZOEKEN, {"q": "schuldhulp"})
    assert "Schuldhulp Maatje" in zonder_filter.content.decode()
    assert all(k["aantal"] == 0 for k in zonder_filter.context["facetten"][1][2])


def test_registratie_houdt_de_gekozen_sector(client, maak_aanbod):
    service = maak_aanbod(naam="Taalcafé", sector="informeel")
    assert "label--informeel" in _pagina(client, service)


# --- HSDS cost options ----------------------------------------------------------------------


def test_kostenopties_uit_hsds_staan_op_de_pagina_en_gaan_mee_in_de_export(
    client, gebieden, tmp_path
):
    service = _hsds_dienst(
        tmp_path,
        cost_options=[
            {
                "id": "55555555-5555-4555-8555-555555555555",
                "service_id": DIENST,
                "option": "per gesprek",
                "currency": "EUR",
                "amount": 2.5,
                "amount_description": "met U-pas gratis",
            },
            {
                "id": "66666666-6666-4666-8666-666666666666",
                "service_id": DIENST,
                "option": "oude prijs",
                "currency": "EUR",
                "amount": 9,
                "valid_to": "2005-12-31",
            },
        ],
    )
    assert service.cost_options.get(option="per gesprek").amount == Decimal("2.50")
    pagina = _pagina(client, service)
    assert "<dt>Kosten</dt>" in pagina
    assert "€ 2,50: per gesprek (met U-pas gratis)" in pagina
    assert "oude prijs" not in pagina  # valid until 2005: not today's price

    exporteren.exporteer(tmp_path / "uit")
    regels = (tmp_path / "uit" / "cost_options.csv").read_text(encoding="utf-8")
    assert "per gesprek" in regels and "2.5" in regels and "EUR" in regels


def test_kostenoptie_in_andere_munt_noemt_die_munt(client, gebieden, tmp_path):
    service = _hsds_dienst(
        tmp_path,
        cost_options=[
            {
                "id": "55555555-5555-4555-8555-555555555555",
                "service_id": DIENST,
                "option": "per session",
                "currency": "GBP",
                "amount": 3,
            }
        ],
    )
    assert "3,00 GBP: per session" in _pagina(client, service)


# --- schedule validity ----------------------------------------------------------------------


def test_rooster_dat_in_2005_afliep_is_niet_actueel(client, gebieden, tmp_path):
    service = _hsds_dienst(
        tmp_path,
        schedules=[
            {
                "id": "77777777-7777-4777-8777-777777777777",
                "service_id": DIENST,
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
                "valid_to": "2005-06-30",
            },
            {
                "id": "88888888-8888-4888-8888-888888888888",
                "service_id": DIENST,
                "freq": "WEEKLY",
                "byday": "WE",
                "opens_at": "13:00",
                "closes_at": "15:00",
                "valid_from": "2020-01-01",
            },
        ],
    )
    pagina = _pagina(client, service)
    assert "wo 13:00–15:00" in pagina
    assert "ma 09:00" not in pagina
    assert "Schuldhulp Maatje" not in client.get(ZOEKEN, {"dag": "MO"}).content.decode()
    assert "Schuldhulp Maatje" in client.get(ZOEKEN, {"dag": "WE"}).content.decode()


def test_rooster_dat_pas_later_ingaat_telt_nog_niet(maak_aanbod):
    service = maak_aanbod(dagen="")
    vandaag = dt.date(2026, 3, 1)
    later = m.Schedule.objects.create(
        service=service, byday="FR", opens_at=dt.time(19), valid_from=dt.date(2026, 9, 1)
    )
    altijd = m.Schedule.objects.create(service=service, byday="SA", opens_at=dt.time(10))
    voorbij = m.Schedule.objects.create(
        service=service, byday="SU", valid_from=dt.date(2004, 1, 1), valid_to=dt.date(2005, 1, 1)
    )
    assert not later.is_geldig_op(vandaag) and later.is_geldig_op(dt.date(2026, 9, 1))
    assert altijd.is_geldig_op(vandaag)
    assert not voorbij.is_geldig_op(vandaag) and voorbij.is_geldig_op(dt.date(2005, 1, 1))
    assert set(m.Schedule.objects.geldig_op(vandaag)) == {altijd}
    assert set(m.Schedule.objects.geldig_op(dt.date(2026, 9, 1))) == {altijd, later}
