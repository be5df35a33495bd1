"""Import, export, import again: the records come back identical (SQLite and PostgreSQL)."""

import io
import zipfile

import pytest

from samenspel.directory import models as m
from samenspel.hsds import exporteren
from samenspel.hsds.importeren.uitvoeren import importeer_hsds

from .conftest import json_voorbeelden, momentopname, voorbeeld, wis_kaart

pytestmark = pytest.mark.django_db


def _rondgang(tmp_path) -> tuple[dict, dict]:
    voor = momentopname()
    exporteren.exporteer(tmp_path / "export")
    wis_kaart()
    assert m.Service.objects.count() == 0
    importeer_hsds(tmp_path / "export", bron="rondgang")
    return voor, momentopname()


def test_rondgang_van_de_csv_voorbeelden(tmp_path):
    importeer_hsds(voorbeeld("csv"))
    voor, na = _rondgang(tmp_path)
    assert na == voor
    assert na["service"] and na["metadata"] and na["meta_table_description"]


def test_rondgang_van_de_json_voorbeelden(tmp_path):
    for pad in json_voorbeelden():
        importeer_hsds(pad)
    voor, na = _rondgang(tmp_path)
    assert na == voor
    assert na["phone"] and na["attribute"]


def test_rondgang_via_zip_zoals_de_downloadknop_hem_geeft():
    importeer_hsds(voorbeeld("service_full.json"))
    voor = momentopname()
    buffer = io.BytesIO()
    exporteren.exporteer_zip(buffer)
    wis_kaart()
    pad = _schrijf(buffer.getvalue())
    importeer_hsds(pad)
    assert momentopname() == voor


def test_export_opnieuw_importeren_in_dezelfde_kaart_verandert_niets(tmp_path):
    importeer_hsds(voorbeeld("csv"))
    exporteren.exporteer(tmp_path / "export")
    voor = momentopname()
    uitkomst = importeer_hsds(tmp_path / "export")
    assert all(t.nieuw == t.gewijzigd == 0 for t in uitkomst.tellingen.values())
    assert momentopname() == voor


def test_export_bevat_datapackage_met_alle_hsds_tabellen(tmp_path):
    import json

    exporteren.exporteer(tmp_path)
    beschrijving = json.loads((tmp_path / "datapackage.json").read_text())
    namen = {bron["name"] for bron in beschrijving["resources"]}
    assert {"service", "organization", "metadata", "service_at_location"} <= namen
    for bron in beschrijving["resources"]:
        assert (tmp_path / bron["path"]).exists()
        assert bron["schema"]["primaryKey"] == "id"


def test_export_vult_de_metadata_tabel_met_de_herkomst(tmp_path):
    importeer_hsds(voorbeeld("service_list.json"), bron="gemeente-utrecht")
    exporteren.exporteer(tmp_path)
    tekst = (tmp_path / "metadata.csv").read_text(encoding="utf-8")
    assert "import gemeente-utrecht" in tekst
    assert "create" in tekst


def _schrijf(inhoud: bytes):
    import tempfile
    from pathlib import Path

    pad = Path(tempfile.mkdtemp()) / "export.zip"
    pad.write_bytes(inhoud)
    assert zipfile.is_zipfile(pad)
    return pad
