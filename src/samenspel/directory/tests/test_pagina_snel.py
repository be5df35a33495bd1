"""A listing's page reads what it shows in a fixed number of queries, however many places."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenspel.directory import models as m

pytestmark = pytest.mark.django_db


def _vragen(client, service) -> list[str]:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(service.get_absolute_url()).status_code == 200
    return [v["sql"] for v in vastgelegd.captured_queries]


def test_aanbodpagina_met_meer_plekken_kost_niet_meer_vragen(client, maak_aanbod, gebieden):
    service = maak_aanbod(naam="Buurtkamer", buurt="zambesidreef")
    client.get(service.get_absolute_url())  # sessions, caches: the same for both
    een_plek = _vragen(client, service)
    for buurt in ("vechtzoom", "middelland_noord"):
        locatie = m.Location.objects.create(
            organization=service.organization,
            name=f"Buurtkamer {buurt}",
            latitude=gebieden[buurt].latitude,
            longitude=gebieden[buurt].longitude,
            buurt=gebieden[buurt],
        )
        m.ServiceAtLocation.objects.create(service=service, location=locatie)
    pagina = client.get(service.get_absolute_url()).content.decode()
    assert "Vechtzoom" in pagina
    assert len(_vragen(client, service)) == len(een_plek)


def test_aanbodpagina_leest_geen_buurtgrenzen(client, maak_aanbod):
    service = maak_aanbod(naam="Buurtkamer")
    # An area's outline can be hundreds of kilobytes; the page only names the buurt.
    assert not any('"geometrie"' in sql for sql in _vragen(client, service))


# --- what a listing's page shows of it is kept per version (directory/bewaard.py) -----------


def test_een_tweede_bezoek_leest_plekken_tijden_en_contact_niet_opnieuw(client, maak_aanbod):
    service = maak_aanbod(naam="Buurtkamer")
    eerst = _vragen(client, service)
    daarna = _vragen(client, service)
    tabellen = " ".join(daarna)
    for tabel in ("directory_schedule", "directory_location", "directory_contact"):
        assert f'"{tabel}"' in " ".join(eerst), tabel
        assert f'"{tabel}"' not in tabellen, tabel
    assert len(daarna) < len(eerst)


def _nieuwe_naam_van_de_organisatie(service):
    service.organization.name = "Stichting Buurtkracht"
    service.organization.save()


WIJZIGINGEN = {
    "contactpersoon": (
        lambda s: m.Contact.objects.create(service=s, name="Fenna de Vries"),
        "Fenna de Vries",
    ),
    "telefoon": (
        lambda s: m.Phone.objects.create(service=s, number="030 123 45 67"),
        "030 123 45 67",
    ),
    "tijden": (
        lambda s: m.Schedule.objects.create(
            service=s, byday="FR", opens_at=dt.time(14), closes_at=dt.time(16)
        ),
        "vr 14:00–16:00",
    ),
    "kosten": (
        lambda s: m.CostOption.objects.create(service=s, amount=2, option="per keer"),
        "per keer",
    ),
    "organisatie": (_nieuwe_naam_van_de_organisatie, "Stichting Buurtkracht"),
}


@pytest.mark.parametrize("wat", sorted(WIJZIGINGEN))
def test_een_wijziging_staat_bij_het_volgende_bezoek_op_de_pagina(client, maak_aanbod, wat):
    verander, te_zien = WIJZIGINGEN[wat]
    service = maak_aanbod(naam="Buurtkamer")
    assert te_zien not in client.get(service.get_absolute_url()).content.decode()
    verander(service)
    assert te_zien in client.get(service.get_absolute_url()).content.decode()


def test_wie_naar_de_contactroute_gaat_toont_het_adres_meteen_niet_meer(client, maak_aanbod):
    service = maak_aanbod(naam="Maatjes op afspraak")
    m.Address.objects.create(
        location=service.service_at_locations.get().location,
        address_1="Geheimeweg 1",
        postal_code="3500 AA",
        city="Utrecht",
        address_type="physical",
    )
    assert "Geheimeweg 1" in client.get(service.get_absolute_url()).content.decode()
    service.zichtbaarheid = "via_contactpersoon"
    service.save()
    pagina = client.get(service.get_absolute_url()).content.decode()
    assert "Maatjes op afspraak" in pagina and "Geheimeweg 1" not in pagina


def test_de_pagina_in_het_engels_na_de_nederlandse(client, maak_aanbod):
    service = maak_aanbod(naam="Repair Café", inloop=True)
    assert "Vrije inloop" in client.get(service.get_absolute_url()).content.decode()
    engels = client.get(service.get_absolute_url(), headers={"accept-language": "en"})
    assert "Vrije inloop" not in engels.content.decode()
