"""Refusals that say what is wrong with the package itself, not with one of its rows.

- An HSDS 1.x package is named as such and refused as a whole, listing the files HSDS 3.0
  does not know; before, it failed on a missing column, and with two columns added it
  imported, leaving out its addresses, opening hours and eligibility.
- A datapackage.json that promises a file the package does not hold is refused, naming the
  resource and the path; before, a resource of an unknown table was skipped.

Each refusal is checked where a user meets it, on the command line (status 2, the message on
stderr) and through the import function the other callers use, and in both cases nothing is
written.
"""

import json
import shutil
import zipfile

import pytest
from django.utils import translation

from samenspel import cli
from samenspel.directory import models as m
from samenspel.hsds.importeren.fouten import ImportFout
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.models import Importrun

from .conftest import DATA

pytestmark = pytest.mark.django_db

# A small package of our own in the layout of HSDS 1.1 (the Open Referral sample package):
# its datapackage.json made from the HSDS template, declaring version 1.1.
HSDS_11 = DATA / "hsds-1.1-pakket"
ORG = "11111111-1111-4111-8111-111111111111"
DIENST = "22222222-2222-4222-8222-222222222222"


def _pakket(map_, bronnen: list[dict]) -> None:
    map_.mkdir(exist_ok=True)
    (map_ / "organizations.csv").write_text(
        f"id,name,description\n{ORG},Buurtvereniging,Een vereniging\n", encoding="utf-8"
    )
    (map_ / "services.csv").write_text(
        f"id,organization_id,name,status\n{DIENST},{ORG},Wandelgroep,active\n", encoding="utf-8"
    )
    beschrijving = {
        "name": "buurtaanbod",
        "resources": [
            {"name": "organization", "path": "organizations.csv"},
            {"name": "service", "path": "services.csv"},
            *bronnen,
        ],
    }
    (map_ / "datapackage.json").write_text(json.dumps(beschrijving), encoding="utf-8")


def _weigering_op_de_opdrachtregel(pad, capsys) -> str:
    with pytest.raises(SystemExit) as uitgang:
        cli.main(["importeer", "hsds", str(pad), "--stil"])
    assert uitgang.value.code == 2
    fout = capsys.readouterr().err
    assert "Import geweigerd; er is niets opgeslagen." in fout
    return fout


def _niets_geschreven() -> None:
    assert m.Organization.objects.count() == 0
    assert m.Service.objects.count() == 0
    assert Importrun.objects.count() == 0


# -- a resource whose file is not in the package -----------------------------------------------


def test_een_bron_die_naar_een_ontbrekend_bestand_wijst_wordt_geweigerd(tmp_path, capsys):
    # Not an HSDS table: this one used to be skipped with a warning, and the import went on.
    _pakket(tmp_path / "pakket", [{"name": "toelichting", "path": "toelichting.csv"}])
    fout = _weigering_op_de_opdrachtregel(tmp_path / "pakket", capsys)
    assert (
        "datapackage.json, resources[2], veld path: de bron 'toelichting' wijst naar "
        "toelichting.csv, maar dat bestand staat niet in het pakket" in fout
    )
    _niets_geschreven()


def test_een_hsds_tabel_waarvan_het_bestand_ontbreekt_wordt_geweigerd(tmp_path):
    _pakket(tmp_path / "pakket", [{"name": "location", "path": "locations.csv"}])
    with pytest.raises(ImportFout) as fout:
        importeer_hsds(tmp_path / "pakket")
    assert [str(f) for f in fout.value.fouten] == [
        "datapackage.json, resources[2], veld path: de bron 'location' wijst naar "
        "locations.csv, maar dat bestand staat niet in het pakket"
    ]
    _niets_geschreven()


def test_een_bron_zonder_naam_noemt_het_pad_van_het_ontbrekende_bestand(tmp_path, capsys):
    _pakket(tmp_path / "pakket", [{"path": "bijlage.csv"}])
    fout = _weigering_op_de_opdrachtregel(tmp_path / "pakket", capsys)
    assert (
        "datapackage.json, resources[2], veld path: deze bron wijst naar bijlage.csv, "
        "maar dat bestand staat niet in het pakket" in fout
    )
    _niets_geschreven()


def test_een_pakket_waarvan_elk_bestand_er_is_importeert_nog_steeds(tmp_path, capsys):
    _pakket(tmp_path / "pakket", [])
    cli.main(["importeer", "hsds", str(tmp_path / "pakket"), "--stil"])
    assert m.Service.objects.get().name == "Wandelgroep"


# -- HSDS 1.x ----------------------------------------------------------------------------------

ONBEKEND_IN_HSDS_30 = [
    "services_at_location.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in "
    "service_at_location.csv",
    "physical_addresses.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in addresses.csv",
    "postal_addresses.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in addresses.csv",
    "regular_schedules.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in schedules.csv",
    "holiday_schedules.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in schedules.csv",
    "eligibility.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in services.csv "
    "(eligibility_description, minimum_age, maximum_age)",
    "payments_accepted.csv: HSDS 3.0 kent dit bestand niet en heeft er geen tabel voor",
    "accessibility_for_disabilities.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in "
    "accessibility.csv",
]
HSDS_11_GEWEIGERD = (
    "datapackage.json, veld version: dit is HSDS 1.1; Samenspel leest HSDS 3.0. "
    "Zet het pakket om naar HSDS 3.0 en probeer het opnieuw."
)


def _kopie_van_hsds_11(doel):
    shutil.copytree(HSDS_11, doel)
    return doel


def _voeg_kolom_toe(pad, kolom: str, waarde: str) -> None:
    kop, *rijen = pad.read_text(encoding="utf-8").splitlines()
    regels = [f"{kop},{kolom}"] + [f"{rij},{waarde}" for rij in rijen]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def test_een_hsds_11_pakket_wordt_herkend_en_geweigerd(capsys, db):
    fout = _weigering_op_de_opdrachtregel(HSDS_11, capsys)
    regels = [regel.strip() for regel in fout.splitlines()[1:]]
    assert regels == [HSDS_11_GEWEIGERD, *ONBEKEND_IN_HSDS_30]
    _niets_geschreven()


def test_een_hsds_11_pakket_in_een_zip_wordt_herkend_en_geweigerd(tmp_path):
    zip_pad = tmp_path / "hsds-1.1.zip"
    with zipfile.ZipFile(zip_pad, "w") as archief:
        for bestand in sorted(HSDS_11.iterdir()):
            archief.write(bestand, f"export/{bestand.name}")
    with pytest.raises(ImportFout) as fout:
        importeer_hsds(zip_pad)
    assert [str(f) for f in fout.value.fouten] == [HSDS_11_GEWEIGERD, *ONBEKEND_IN_HSDS_30]
    _niets_geschreven()


def test_een_hsds_11_pakket_zonder_datapackage_wordt_herkend_aan_zijn_bestanden(tmp_path, capsys):
    # The two columns HSDS 3.0 requires and 1.1 lacks: with them, the package used to import.
    pakket = _kopie_van_hsds_11(tmp_path / "hsds-11")
    (pakket / "datapackage.json").unlink()
    _voeg_kolom_toe(pakket / "locations.csv", "location_type", "physical")
    _voeg_kolom_toe(pakket / "programs.csv", "description", "Een programma")
    fout = _weigering_op_de_opdrachtregel(pakket, capsys)
    assert (
        "hsds-11: dit is HSDS van vóór versie 3.0 (1.x of 2.x), te zien aan de bestanden "
        "hieronder; Samenspel leest HSDS 3.0." in fout
    )
    for regel in ONBEKEND_IN_HSDS_30:
        assert regel in fout
    assert "location_type" not in fout
    _niets_geschreven()


def test_een_los_bestand_uit_hsds_11_wordt_herkend_en_geweigerd(capsys, db):
    fout = _weigering_op_de_opdrachtregel(HSDS_11 / "regular_schedules.csv", capsys)
    assert "regular_schedules.csv: dit is HSDS van vóór versie 3.0 (1.x of 2.x)" in fout
    assert (
        "regular_schedules.csv: HSDS 3.0 kent dit bestand niet; daar staat dit in schedules.csv"
        in fout
    )
    _niets_geschreven()


def test_een_datapackage_uit_het_hsds_sjabloon_noemt_zijn_versie_ook_zonder_oude_tabellen(
    tmp_path,
):
    _pakket(tmp_path / "pakket", [])
    beschrijving = json.loads((tmp_path / "pakket" / "datapackage.json").read_text())
    beschrijving.update(name="human_services_data", version="1.0")
    (tmp_path / "pakket" / "datapackage.json").write_text(json.dumps(beschrijving))
    with pytest.raises(ImportFout) as fout:
        importeer_hsds(tmp_path / "pakket")
    assert [str(f) for f in fout.value.fouten] == [
        "datapackage.json, veld version: dit is HSDS 1.0; Samenspel leest HSDS 3.0. "
        "Zet het pakket om naar HSDS 3.0 en probeer het opnieuw."
    ]
    _niets_geschreven()


@pytest.mark.parametrize(
    "naam, versie",
    [("buurtaanbod", "1.0"), ("buurtaanbod", "2.1"), ("human_services_data", "3.0.0")],
)
def test_alleen_het_hsds_sjabloon_zegt_met_version_welke_hsds_het_is(tmp_path, naam, versie):
    # Elsewhere `version` numbers the publisher's own data: a 3.0 package at its version 1.0.
    _pakket(tmp_path / "pakket", [])
    beschrijving = json.loads((tmp_path / "pakket" / "datapackage.json").read_text())
    beschrijving.update(name=naam, version=versie)
    (tmp_path / "pakket" / "datapackage.json").write_text(json.dumps(beschrijving))
    importeer_hsds(tmp_path / "pakket")
    assert m.Service.objects.get().name == "Wandelgroep"


def test_de_weigering_van_hsds_11_is_ook_in_het_engels_te_lezen(db):
    with translation.override("en"), pytest.raises(ImportFout) as fout:
        importeer_hsds(HSDS_11)
    assert str(fout.value.fouten[0]) == (
        "datapackage.json, veld version: this is HSDS 1.1; Samenspel reads HSDS 3.0. "
        "Convert the package to HSDS 3.0 and try again."
    )
    assert str(fout.value.fouten[2]) == (
        "physical_addresses.csv: HSDS 3.0 does not know this file; there, this belongs in "
        "addresses.csv"
    )
