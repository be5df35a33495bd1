"""Refusals that say what is wrong with the package itself, not with one of its rows.

A datapackage.json that promises a file the package does not hold is refused, naming the
resource and the path; before, a resource of an unknown table was skipped and the import went
on. Each refusal is checked where a user meets it, on the command line (status 2, the
message on stderr) and through the import function the other callers use, and in both cases
nothing is written.
"""

import json

import pytest

from samenspel import cli
from samenspel.directory import models as m
from samenspel.hsds.importeren.fouten import ImportFout
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.models import Importrun

pytestmark = pytest.mark.django_db

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
