"""Accessibility of places through HSDS: export, import, round trips and foreign data.

A feature travels as an HSDS `accessibility` record whose description is the feature's
text; anything else a source says about access is kept and shown as it is.
"""

import csv
import json
from io import BytesIO

import pytest
from openpyxl import load_workbook

from samenspel.directory import actions, registratie
from samenspel.directory import models as m
from samenspel.hsds import exporteren
from samenspel.hsds.bereik import Bereik
from samenspel.hsds.importeren.gemeenteblad import importeer_tabel
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.serialiseren import Serialiseerder
from samenspel.search.zoeken import Zoekvraag, zoek

from .conftest import momentopname, voorbeeld, wis_kaart

pytestmark = pytest.mark.django_db


@pytest.fixture
def buurthuis(maak_aanbod):
    service = maak_aanbod(naam="Buurthuis De Boog", omschrijving="Koffie en een praatje.")
    locatie = service.service_at_locations.get().location
    m.Accessibility.objects.create(location=locatie, description="Drempelvrij (rollator)")
    m.Accessibility.objects.create(
        location=locatie,
        description="Ringleiding",
        details="In de grote zaal.",
        url="https://example.org/boog/toegankelijk",
    )
    m.Accessibility.objects.create(location=locatie, description="Lift naar de eerste verdieping")
    return service


def toegang(service) -> list[tuple[str, str]]:
    return [(v.tekst, v.details) for v in m.Service.objects.get(pk=service.pk).toegankelijkheid()]


def gevonden(**filters) -> set[str]:
    return {t.service.name for t in zoek(Zoekvraag(filters=filters)).treffers}


def test_csv_export_schrijft_de_voorziening_als_leesbare_hsds_tekst(tmp_path, buurthuis):
    exporteren.exporteer(tmp_path)
    with (tmp_path / "accessibility.csv").open(encoding="utf-8") as bestand:
        rijen = list(csv.DictReader(bestand))
    assert {r["description"] for r in rijen} == {
        "Drempelvrij (rollator)",
        "Ringleiding",
        "Lift naar de eerste verdieping",
    }
    locatie = str(buurthuis.service_at_locations.get().location_id)
    assert {r["location_id"] for r in rijen} == {locatie}
    assert "In de grote zaal." in {r["details"] for r in rijen}


def test_rondgang_als_csv_datapakket_houdt_toegankelijkheid_en_filter(tmp_path, buurthuis):
    voor = momentopname()
    verwacht = toegang(buurthuis)
    exporteren.exporteer(tmp_path / "export")
    wis_kaart()
    assert gevonden(toegankelijkheid=["drempelvrij"]) == set()

    importeer_hsds(tmp_path / "export", bron="rondgang")

    assert momentopname()["accessibility"] == voor["accessibility"]
    assert toegang(buurthuis) == verwacht
    assert gevonden(toegankelijkheid=["drempelvrij"]) == {"Buurthuis De Boog"}


def test_aangemeld_en_goedgekeurd_met_drempelvrij_komt_heel_terug_uit_de_zip(
    tmp_path, gebieden, netwerkhouder
):
    """The whole way: the form, approval, the beheerder's zip download, another kaart."""
    form = registratie.AanmeldFormulier(
        {
            "naam": "Handwerkgroep De Steek",
            "omschrijving": "Breien met koffie.",
            "wanneer": "donderdag 14-16 uur",
            "buurt": "BU03440301",
            "contact": "breister@example.org",
            "bouwsteen": "sociale-contacten-en-ontmoeting",
            "toegankelijkheid": ["drempelvrij"],
        }
    )
    assert form.is_valid(), form.errors
    service = actions.registreer(form.cleaned_data)
    actions.bevestig_email(service)
    actions.keur_goed(service, netwerkhouder)
    assert gevonden(toegankelijkheid=["drempelvrij"]) == {"Handwerkgroep De Steek"}
    pad = tmp_path / "export.zip"
    with pad.open("wb") as stroom:
        exporteren.exporteer_zip(stroom)
    wis_kaart()
    assert gevonden(toegankelijkheid=["drempelvrij"]) == set()

    importeer_hsds(pad)

    assert toegang(service) == [("Drempelvrij (rollator)", "")]
    assert gevonden(toegankelijkheid=["drempelvrij"]) == {"Handwerkgroep De Steek"}


def test_open_export_laat_toegankelijkheid_van_plekken_via_contactpersoon_weg(
    tmp_path, maak_aanbod
):
    service = maak_aanbod(naam="Maatje via de coördinator", zichtbaarheid="via_contactpersoon")
    locatie = service.service_at_locations.get().location
    m.Accessibility.objects.create(location=locatie, description="Drempelvrij (rollator)")
    exporteren.exporteer(tmp_path, openbaar=True)
    assert "Drempelvrij" not in (tmp_path / "accessibility.csv").read_text(encoding="utf-8")


def test_rondgang_als_hsds_json_houdt_toegankelijkheid_en_filter(tmp_path, buurthuis):
    verwacht = toegang(buurthuis)
    documenten = Serialiseerder(Bereik()).volledig("service", [buurthuis.pk])
    locatie = documenten[0]["service_at_locations"][0]["location"]
    assert [a["description"] for a in locatie["accessibility"]].count("Drempelvrij (rollator)") == 1
    pad = tmp_path / "aanbod.json"
    pad.write_text(json.dumps(documenten), encoding="utf-8")
    wis_kaart()

    importeer_hsds(pad, bron="andere-kaart")

    assert toegang(buurthuis) == verwacht
    assert gevonden(toegankelijkheid=["drempelvrij"]) == {"Buurthuis De Boog"}
    assert gevonden(toegankelijkheid=["ringleiding"]) == {"Buurthuis De Boog"}


def test_tweede_import_met_nieuwe_voorziening_werkt_de_zoekindex_bij(tmp_path, buurthuis):
    exporteren.exporteer(tmp_path)
    assert gevonden(toegankelijkheid=["parkeren-dichtbij"]) == set()
    locatie = str(buurthuis.service_at_locations.get().location_id)
    with (tmp_path / "accessibility.csv").open("a", encoding="utf-8", newline="") as bestand:
        csv.writer(bestand, lineterminator="\r\n").writerow(
            ["5a0c7e2e-0d7b-4a39-9d4e-1f8b2b1c9a01", locatie, "Parkeren dichtbij", "", ""]
        )

    importeer_hsds(tmp_path)

    assert gevonden(toegankelijkheid=["parkeren-dichtbij"]) == {"Buurthuis De Boog"}


def test_vreemde_hsds_tekst_blijft_staan_zoals_hij_is(client, tmp_path):
    """The official HSDS example describes access in one English sentence: shown, not guessed."""
    importeer_hsds(voorbeeld("service_full.json"))
    service = m.Service.objects.get()
    tekst = (
        "The building is equipped with induction loops for hearing aids. "
        "Wheelchair access is possible on all levels."
    )
    assert toegang(service) == [
        (tekst, "Switch hearing aid to T-coil to access the induction loop facility.")
    ]
    assert zoek(Zoekvraag()).facetten["toegankelijkheid"] == {}
    assert zoek(Zoekvraag(tekst="wheelchair")).totaal == 1


def test_bekende_engelse_tekst_uit_een_andere_bron_wordt_de_voorziening(tmp_path, gebieden):
    pad = tmp_path / "bron.json"
    pad.write_text(
        json.dumps(
            {
                "id": "c2a4f1de-9a8b-4c55-9c1c-0d9e1f2a3b4c",
                "name": "Community Centre",
                "status": "active",
                "organization": {"id": "0b5e8f9a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "name": "Org"},
                "service_at_locations": [
                    {
                        "id": "1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5c",
                        "location": {
                            "id": "2a3b4c5d-6e7f-4809-9a0b-1c2d3e4f5a6d",
                            "location_type": "physical",
                            "name": "Centre",
                            "latitude": 52.119,
                            "longitude": 5.115,
                            "accessibility": [
                                {
                                    "id": "3b4c5d6e-7f80-4910-8a1b-2c3d4e5f6a7e",
                                    "description": "Wheelchair accessible",
                                }
                            ],
                        },
                    }
                ],
            }
        ),
        encoding="utf-8",
    )

    importeer_hsds(pad, bron="buitenland")

    service = m.Service.objects.get(name="Community Centre")
    assert toegang(service) == [("Rolstoeltoegankelijk", "")]
    assert gevonden(toegankelijkheid=["rolstoeltoegankelijk"]) == {"Community Centre"}


# --- the spreadsheet template ---------------------------------------------------------------

KOP = "Naam;Adres;Postcode;Buurt;Bouwsteen;Toegankelijkheid\n"
RIJ = "Buurthuis De Boog;Zambesidreef 4;3561 GK;BU03440301;sociale-contacten-en-ontmoeting;{}\n"


def test_sjabloon_heeft_een_kolom_toegankelijkheid_met_uitleg(client, taxonomieen):
    boek = load_workbook(BytesIO(client.get("/api/hsds/uitwisselen/sjabloon.xlsx").content))
    assert "Toegankelijkheid" in [c.value for c in boek["Aanbod"][1]]
    uitleg = [rij[0] for rij in boek["Uitleg"].iter_rows(values_only=True)]
    assert {"Toegankelijkheid", "drempelvrij", "ringleiding", "parkeren-dichtbij"} <= set(uitleg)
    assert "Toegankelijkheid" in client.get("/api/hsds/uitwisselen/sjabloon.csv").content.decode()


def test_spreadsheet_met_toegankelijkheid_wordt_vindbaar_en_werkt_bij(tmp_path, gebieden):
    pad = tmp_path / "aanbod.csv"
    pad.write_text(KOP + RIJ.format('"Drempelvrij (rollator); aangepast-toilet"'), encoding="utf-8")
    importeer_tabel(pad)
    service = m.Service.objects.get(name="Buurthuis De Boog")
    assert toegang(service) == [("Drempelvrij (rollator)", ""), ("Aangepast toilet", "")]
    assert gevonden(toegankelijkheid=["drempelvrij"]) == {"Buurthuis De Boog"}

    # What the row no longer says goes; a second import of the same file changes nothing.
    pad.write_text(KOP + RIJ.format("ringleiding"), encoding="utf-8")
    importeer_tabel(pad)
    importeer_tabel(pad)
    assert toegang(service) == [("Ringleiding", "")]
    assert gevonden(toegankelijkheid=["drempelvrij"]) == set()
    assert gevonden(toegankelijkheid=["ringleiding"]) == {"Buurthuis De Boog"}
