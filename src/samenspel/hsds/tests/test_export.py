"""The export download for beheerders, the open export, and the export command."""

import csv
import io
import zipfile

import pytest

from samenspel import cli
from samenspel.directory import models as m
from samenspel.hsds import exporteren

pytestmark = pytest.mark.django_db

EXPORT = "/api/hsds/uitwisselen/export.zip"


def _tabel(archief: zipfile.ZipFile, naam: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archief.read(naam).decode("utf-8"))))


@pytest.fixture
def kaart(maak_aanbod):
    openbaar = maak_aanbod(naam="Wandelgroep")
    prof = maak_aanbod(
        naam="Consultatie FACT-team", omschrijving="x", zichtbaarheid="professionals"
    )
    contactroute = maak_aanbod(naam="Maatjes", omschrijving="y", zichtbaarheid="via_contactpersoon")
    m.Address.objects.create(
        location=contactroute.service_at_locations.get().location,
        address_1="Geheimstraat 1",
        city="Utrecht",
        postal_code="3561 GK",
    )
    m.Contact.objects.create(service=contactroute, name="Sam", email="sam@example.org")
    return {"openbaar": openbaar, "prof": prof, "contactroute": contactroute}


def test_beheerder_downloadt_de_volledige_export(client, beheerder, kaart):
    client.force_login(beheerder)
    antwoord = client.get(EXPORT)
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"].startswith('attachment; filename="samenspel-hsds-')
    archief = zipfile.ZipFile(io.BytesIO(b"".join(antwoord.streaming_content)))
    assert "datapackage.json" in archief.namelist()
    namen = {r["name"] for r in _tabel(archief, "services.csv")}
    assert namen == {"Wandelgroep", "Consultatie FACT-team", "Maatjes"}


@pytest.mark.parametrize("persona", ["professional", "netwerkhouder", "initiatiefnemer"])
def test_anderen_dan_de_beheerder_krijgen_geen_export(client, request, kaart, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(EXPORT).status_code == 403


def test_bewoner_moet_eerst_inloggen(client, kaart):
    antwoord = client.get(EXPORT)
    assert antwoord.status_code == 302 and "inloggen" in antwoord["Location"]


def test_open_export_bevat_alleen_wat_iedereen_mag_zien(client, beheerder, kaart):
    client.force_login(beheerder)
    archief = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(EXPORT, {"openbaar": "1"}).streaming_content))
    )
    diensten = {r["name"]: r for r in _tabel(archief, "services.csv")}
    assert set(diensten) == {"Wandelgroep", "Maatjes"}
    adressen = archief.read("addresses.csv").decode()
    assert "Geheimstraat" not in adressen
    koppelingen = {r["service_id"] for r in _tabel(archief, "service_at_location.csv")}
    assert str(kaart["contactroute"].pk) not in koppelingen
    assert "sam@example.org" in archief.read("contacts.csv").decode()


def test_export_laat_beheergegevens_weg(tmp_path, kaart):
    m.Wijziging.objects.create(
        resource_id=kaart["openbaar"].pk,
        resource_type="service",
        last_action_type="update",
        field_name="beheerder_email",
        replacement_value="eigenaar@example.org",
        updated_by="x",
    )
    exporteren.exporteer(tmp_path)
    alles = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    assert "eigenaar@example.org" not in alles


def test_exporteer_commando_schrijft_map_en_zip(tmp_path, kaart, capsys):
    cli.main(["exporteer", "hsds", str(tmp_path / "map"), "--stil"])
    assert (tmp_path / "map" / "services.csv").exists()
    cli.main(["exporteer", "hsds", str(tmp_path / "kaart.zip"), "--openbaar"])
    assert zipfile.is_zipfile(tmp_path / "kaart.zip")
    assert "HSDS-open export" in capsys.readouterr().out


def test_beheerder_ziet_importruns_en_sleutels_in_beheer(client, beheerder, sleutel, tmp_path):
    from samenspel.hsds.importeren.uitvoeren import importeer_hsds

    from .conftest import voorbeeld

    importeer_hsds(voorbeeld("taxonomy.json"))
    client.force_login(beheerder)
    assert "taxonomy" in client.get("/beheer/admin/hsds/importrun/").content.decode()
    assert "Buurtteam Overvecht" in client.get("/beheer/admin/hsds/apitoken/").content.decode()
