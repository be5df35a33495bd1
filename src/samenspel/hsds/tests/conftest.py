"""Fixtures for the HSDS tests: the official examples and schemas, snapshots, API keys."""

import atexit
import json
import shutil
import tempfile
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from samenspel.directory import models as m
from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.exporteren import _Selectie

DATA = Path(__file__).resolve().parent / "data"
# The official examples and schemas the tests need, vendored (see its README.md).
HSDS = DATA / "hsds-3.0"
VOORBEELDEN = HSDS / "examples"
COMPILED = HSDS / "schema" / "compiled"
# The list schemas ship with the app (its OpenAPI document uses them): not copied twice.
APP_SCHEMA = Path(__file__).resolve().parents[1] / "schema"
OAS_31 = DATA / "oas-3.1-schema.json"

# What a snapshot leaves out: bookkeeping, and where a record came from (an export read back
# legitimately came from the export).
NIET_VERGELEKEN = {"aangemaakt", "gewijzigd", "bron", "bron_id", "bron_import"}


def _verplicht(pad: Path) -> Path:
    # The HSDS files are part of the test data: their absence is a failure, not a skip.
    assert pad.exists(), f"HSDS-voorbeelden ontbreken: {pad}"
    return pad


# The official examples place their one location at latitude 100, longitude 101, which is no
# point on earth and certainly not in the Netherlands, so an import refuses it. The tests read
# copies in which only that placeholder is replaced by a point in Utrecht; `origineel` gives
# the untouched file (test_foute_invoer shows it is refused, naming the field).
_PLAATSHOUDER = (
    ('"latitude": 100,', '"latitude": 52.09,'),
    ('"longitude": 101,', '"longitude": 5.12,'),
    (",100,101,", ",52.09,5.12,"),
)


def origineel(naam: str) -> Path:
    return _verplicht(VOORBEELDEN / naam)


@cache
def _in_nederland() -> Path:
    doel = Path(tempfile.mkdtemp(prefix="hsds-voorbeelden-"))
    atexit.register(shutil.rmtree, doel, ignore_errors=True)
    for pad in _verplicht(VOORBEELDEN).rglob("*"):
        kopie = doel / pad.relative_to(VOORBEELDEN)
        if pad.is_dir():
            kopie.mkdir(parents=True, exist_ok=True)
            continue
        kopie.parent.mkdir(parents=True, exist_ok=True)
        tekst = pad.read_text(encoding="utf-8")
        for oud, nieuw in _PLAATSHOUDER:
            tekst = tekst.replace(oud, nieuw)
        kopie.write_text(tekst, encoding="utf-8")
    return doel


def voorbeeld(naam: str) -> Path:
    return _in_nederland() / naam


def json_voorbeelden() -> list[Path]:
    return sorted(_in_nederland().glob("*.json"))


@cache
def _compiled(naam: str) -> dict:
    pad = APP_SCHEMA / naam if (APP_SCHEMA / naam).exists() else COMPILED / naam
    return json.loads(_verplicht(pad).read_text(encoding="utf-8"))


def valideer(body, schema: str) -> list[str]:
    """Every error of `body` against a compiled HSDS schema, formats included."""
    validator = jsonschema.Draft202012Validator(
        _compiled(schema), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(body)]


@cache
def hsds_register() -> Registry:
    """The single-table HSDS schemas, so `taxonomy_term.json` can resolve `taxonomy.json`."""
    register = Registry()
    for pad in (_verplicht(HSDS) / "schema").glob("*.json"):
        inhoud = json.loads(pad.read_text(encoding="utf-8"))
        register = register.with_resource(f"https://hsds.test/{pad.name}", Resource.opaque(inhoud))
    return register


def valideer_los(body, schema: str) -> list[str]:
    inhoud = json.loads((HSDS / "schema" / schema).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        {**inhoud, "$id": f"https://hsds.test/{schema}"}, registry=hsds_register()
    )
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(body)]


def momentopname() -> dict:
    """Every directory record as plain values, to compare two databases or two moments."""
    uitkomst = {}
    metadata = _Selectie(openbaar=False).queryset(t.tabel("metadata"))
    for tabel in t.tabellen().values():
        velden = [
            f.attname for f in tabel.model._meta.concrete_fields if f.name not in NIET_VERGELEKEN
        ]
        qs = metadata if tabel.naam == "metadata" else tabel.model.objects.all()
        if tabel.naam == "metadata":
            # What an import writes about itself is new history, not the data it read.
            qs = qs.exclude(updated_by__startswith="import ")
        uitkomst[tabel.naam] = sorted(
            (tuple((v, _vergelijkbaar(r[v])) for v in velden) for r in qs.values(*velden)),
            key=repr,
        )
    return uitkomst


def _vergelijkbaar(waarde):
    return waarde.isoformat() if hasattr(waarde, "isoformat") else waarde


def wis_kaart() -> None:
    """Remove every directory record (areas stay): an empty kaart to import into."""
    for model in (
        m.Wijziging,
        m.Attribute,
        m.MetaTableDescription,
        m.Language,
        m.Phone,
        m.Contact,
        m.Schedule,
        m.Address,
        m.Accessibility,
        m.ServiceAtLocation,
        m.CostOption,
        m.Funding,
        m.ServiceArea,
        m.RequiredDocument,
        m.ServiceCapacity,
        m.Service,
        m.Location,
        m.Program,
        m.OrganizationIdentifier,
        m.Organization,
        m.TaxonomyTerm,
        m.Taxonomy,
    ):
        model.objects.all().delete()


@pytest.fixture
def oas_31_schema() -> dict:
    return json.loads(OAS_31.read_text(encoding="utf-8"))


@pytest.fixture
def sleutel(db):
    """An API key of a formal organisation: the professional scope."""
    from samenspel.hsds.models import ApiToken

    organisatie = m.Organization.objects.create(
        name="Buurtteam Overvecht", description="Wijkteam", sector="formeel"
    )
    _, sleutel = ApiToken.maak(organisatie, "tests")
    return sleutel


@pytest.fixture
def professioneel(sleutel):
    return {"HTTP_AUTHORIZATION": f"Bearer {sleutel}"}
