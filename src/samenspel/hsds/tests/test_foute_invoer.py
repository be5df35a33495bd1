"""Malformed input: a clear message naming the place, exit status 2, and nothing written.

Each case writes one broken input next to a valid package, runs the real `samenspel` command
and checks the three promises of an import: the message names file, row and field; the exit
status is not zero; the database is exactly as before.
"""

import json
from dataclasses import dataclass, field

import pytest
from openpyxl import Workbook

from samenspel import cli
from samenspel.areas.models import Gebied
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.models import Importrun

from .conftest import momentopname, origineel, voorbeeld

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"
DIENST = "22222222-2222-4222-8222-222222222222"
PLEK = "33333333-3333-4333-8333-333333333333"
KOPPELING = "44444444-4444-4444-8444-444444444444"
ONBEKEND = "99999999-9999-4999-8999-999999999999"

PAKKET = {
    "organizations.csv": f"id,name,description\n{ORG},Buurtvereniging,Een vereniging\n",
    "services.csv": (
        "id,organization_id,name,status,minimum_age,email,url,assured_date,description\n"
        f"{DIENST},{ORG},Wandelgroep,active,12,info@example.org,https://example.org,"
        "2024-01-01,Samen wandelen\n"
    ),
    "locations.csv": (
        f"id,location_type,name,latitude,longitude\n{PLEK},physical,Buurthuis,52.1,5.1\n"
    ),
    "service_at_location.csv": f"id,service_id,location_id\n{KOPPELING},{DIENST},{PLEK}\n",
}
TABEL_KOP = "Naam;Organisatie;Adres;Postcode;Plaats;Buurt;Bouwsteen\n"
TABEL_RIJ = (
    "Taalcafé;De Brug;Zambesidreef 4;3561 GK;Utrecht;BU03440301;sociale-contacten-en-ontmoeting\n"
)


@dataclass
class Geval:
    naam: str
    soort: str  # hsds, tabel, gebieden
    bestanden: dict = field(default_factory=dict)  # file -> text, bytes, or a callable(path)
    doel: str = "pakket"  # what to import: the package folder or one file
    verwacht: tuple[str, ...] = ()


def _vervang(bestand: str, oud: str, nieuw: str) -> dict:
    return {bestand: PAKKET[bestand].replace(oud, nieuw)}


def _xlsx(rijen, samenvoegen=None):
    def schrijf(pad):
        boek = Workbook()
        blad = boek.active
        for rij in rijen:
            blad.append(rij)
        if samenvoegen:
            blad.merge_cells(samenvoegen)
        boek.save(pad)

    return schrijf


GEVALLEN = [
    # -- HSDS data packages ------------------------------------------------------------------
    Geval(
        "aanhalingsteken niet gesloten",
        "hsds",
        {"services.csv": PAKKET["services.csv"] + f'{ONBEKEND},{ORG},"Kapot,active\n'},
        verwacht=("services.csv, regel 3", "aanhalingsteken"),
    ),
    Geval(
        "tekst na gesloten aanhalingsteken",
        "hsds",
        _vervang("services.csv", "Wandelgroep", '"Wandel"groep'),
        verwacht=("services.csv, regel 2", "aanhalingsteken"),
    ),
    Geval(
        "geen getal",
        "hsds",
        _vervang("services.csv", ",12,", ",twaalf,"),
        verwacht=("services.csv, regel 2, veld minimum_age", "geen getal"),
    ),
    Geval(
        "negatieve leeftijd",
        "hsds",
        _vervang("services.csv", ",12,", ",-4,"),
        verwacht=("services.csv, regel 2, veld minimum_age", "negatief"),
    ),
    Geval(
        "geen geheel getal",
        "hsds",
        _vervang("services.csv", ",12,", ",12.5,"),
        verwacht=("veld minimum_age", "geen geheel getal"),
    ),
    Geval(
        "komma als decimaalteken",
        "hsds",
        _vervang("locations.csv", "52.1", '"52,1"'),
        verwacht=("locations.csv, regel 2, veld latitude", "punt"),
    ),
    Geval(
        "datum in verkeerde vorm",
        "hsds",
        _vervang("services.csv", "2024-01-01", "01-02-2024"),
        verwacht=("services.csv, regel 2, veld assured_date", "JJJJ-MM-DD"),
    ),
    Geval(
        "datum die niet bestaat",
        "hsds",
        _vervang("services.csv", "2024-01-01", "2024-02-30"),
        verwacht=("veld assured_date", "bestaande datum"),
    ),
    Geval(
        "onbekende status",
        "hsds",
        _vervang("services.csv", ",active,", ",open,"),
        verwacht=("services.csv, regel 2, veld status", "geen geldige keuze"),
    ),
    Geval(
        "ongeldig e-mailadres",
        "hsds",
        _vervang("services.csv", "info@example.org", "info@"),
        verwacht=("services.csv, regel 2, veld email", "e-mailadres"),
    ),
    Geval(
        "ongeldige url",
        "hsds",
        _vervang("services.csv", "https://example.org", "www example"),
        verwacht=("services.csv, regel 2, veld url", "URL"),
    ),
    Geval(
        "verplichte waarde leeg",
        "hsds",
        _vervang("services.csv", "Wandelgroep", ""),
        verwacht=("services.csv, regel 2, veld name", "leeg"),
    ),
    Geval(
        "verplichte kolom ontbreekt",
        "hsds",
        {"services.csv": f"id,name,status\n{DIENST},Wandelgroep,active\n"},
        verwacht=("services.csv, regel 1, veld organization_id", "ontbreekt"),
    ),
    Geval(
        "id ontbreekt",
        "hsds",
        _vervang("services.csv", DIENST, ""),
        verwacht=("services.csv, regel 2, veld id", "ontbreekt"),
    ),
    Geval(
        "onbekende organisatie",
        "hsds",
        _vervang("services.csv", f",{ORG},", f",{ONBEKEND},"),
        verwacht=("services.csv, regel 2, veld organization_id", "niet bestaat"),
    ),
    Geval(
        "onbekende locatie",
        "hsds",
        _vervang("service_at_location.csv", PLEK, ONBEKEND),
        verwacht=("service_at_location.csv, regel 2, veld location_id", "niet bestaat"),
    ),
    Geval(
        "dubbel id",
        "hsds",
        {"organizations.csv": PAKKET["organizations.csv"] + f"{ORG},Nog een,Dubbel\n"},
        verwacht=("organizations.csv, regel 3, veld id", "dubbel id", "regel 2"),
    ),
    Geval(
        "dubbele koppeling",
        "hsds",
        {
            "service_at_location.csv": PAKKET["service_at_location.csv"]
            + f"{ONBEKEND},{DIENST},{PLEK}\n"
        },
        verwacht=("service_at_location.csv, regel 3", "dubbel"),
    ),
    Geval(
        "verkeerde tekenset",
        "hsds",
        {
            "services.csv": PAKKET["services.csv"]
            .replace("Wandelgroep", "Caf\u00e9")
            .encode("cp1252")
        },
        verwacht=("services.csv, regel 2", "UTF-8"),
    ),
    Geval(
        "te veel velden",
        "hsds",
        _vervang("locations.csv", "5.1\n", "5.1,extra\n"),
        verwacht=("locations.csv, regel 2", "6 velden, de kopregel 5"),
    ),
    Geval(
        "leeg bestand", "hsds", {"services.csv": b""}, verwacht=("services.csv, regel 1", "leeg")
    ),
    Geval(
        "te lange naam",
        "hsds",
        _vervang("services.csv", "Wandelgroep", "W" * 300),
        verwacht=("services.csv, regel 2, veld name", "te lang: 300 tekens"),
    ),
    Geval(
        "reusachtig veld",
        "hsds",
        _vervang("services.csv", "Samen wandelen", '"' + "x" * 200_000 + '"'),
        verwacht=("services.csv, regel 2", "te groot"),
    ),
    Geval(
        "NUL-teken",
        "hsds",
        _vervang("services.csv", "Samen wandelen", "Samen\x00wandelen"),
        verwacht=("services.csv, regel 2, veld description", "NUL"),
    ),
    Geval(
        "kolom dubbel in kopregel",
        "hsds",
        {"locations.csv": f"id,name,name,location_type\n{PLEK},a,b,physical\n"},
        verwacht=("locations.csv, regel 1, veld name", "twee keer"),
    ),
    Geval(
        "datapackage wijst buiten de map",
        "hsds",
        {
            "datapackage.json": json.dumps(
                {"resources": [{"name": "service", "path": "../services.csv"}]}
            )
        },
        verwacht=("datapackage.json, resources[0], veld path", "ligt niet naast"),
    ),
    Geval(
        "datapackage noemt een bestand dat er niet is",
        "hsds",
        {
            "datapackage.json": json.dumps(
                {
                    "resources": [
                        {"name": "organization", "path": "organizations.csv"},
                        {"name": "service", "path": "services.csv"},
                        {"name": "bijlage", "path": "bijlage.csv"},
                    ]
                }
            )
        },
        verwacht=(
            "datapackage.json, resources[2], veld path: de bron 'bijlage' wijst naar "
            "bijlage.csv, maar dat bestand staat niet in het pakket",
        ),
    ),
    Geval(
        "tijd die niet bestaat",
        "hsds",
        {"schedules.csv": f"id,service_id,byday,opens_at\n{ONBEKEND},{DIENST},MO,25:00\n"},
        verwacht=("schedules.csv, regel 2, veld opens_at", "geen bestaande tijd"),
    ),
    # -- HSDS JSON ---------------------------------------------------------------------------
    Geval(
        "kapotte JSON",
        "hsds",
        {"dienst.json": '{"id": "x",\n "name": }'},
        doel="dienst.json",
        verwacht=("dienst.json, regel 2", "geen geldige JSON"),
    ),
    Geval(
        "leeg JSON-bestand",
        "hsds",
        {"dienst.json": ""},
        doel="dienst.json",
        verwacht=("dienst.json", "leeg"),
    ),
    Geval(
        "JSON zonder id",
        "hsds",
        {
            "dienst.json": json.dumps(
                {
                    "name": "x",
                    "status": "active",
                    "organization": {"id": ORG, "name": "o", "description": ""},
                    "phones": [{"number": "030 1234567"}],
                }
            )
        },
        doel="dienst.json",
        verwacht=("dienst.json", "veld id", "ontbreekt"),
    ),
    Geval(
        "JSON lijst is geen lijst",
        "hsds",
        {
            "dienst.json": json.dumps(
                {
                    "id": DIENST,
                    "name": "x",
                    "status": "active",
                    "organization": {"id": ORG, "name": "o", "description": ""},
                    "phones": {"number": "1"},
                }
            )
        },
        doel="dienst.json",
        verwacht=("dienst.json, $.phones", "verwacht een lijst"),
    ),
    Geval(
        "JSON service zonder organisatie",
        "hsds",
        {"dienst.json": json.dumps({"id": DIENST, "name": "x", "status": "active"})},
        doel="dienst.json",
        verwacht=("dienst.json, $, veld organization_id", "ontbreekt"),
    ),
    Geval(
        "JSON tegenstrijdig dubbel record",
        "hsds",
        {
            "dienst.json": json.dumps(
                [
                    {
                        "id": DIENST,
                        "name": "x",
                        "status": "active",
                        "organization": {"id": ORG, "name": "A", "description": ""},
                    },
                    {
                        "id": ONBEKEND,
                        "name": "y",
                        "status": "active",
                        "organization": {"id": ORG, "name": "B", "description": ""},
                    },
                ]
            )
        },
        doel="dienst.json",
        verwacht=("dienst.json, $[1].organization, veld name", "andere waarde"),
    ),
    Geval(
        "JSON verkeerd type",
        "hsds",
        {
            "dienst.json": json.dumps(
                {
                    "id": DIENST,
                    "name": "x",
                    "status": "active",
                    "minimum_age": "oud",
                    "organization": {"id": ORG, "name": "o", "description": ""},
                }
            )
        },
        doel="dienst.json",
        verwacht=("dienst.json, $, veld minimum_age", "geen getal"),
    ),
    Geval(
        "JSON niet in UTF-8",
        "hsds",
        {"dienst.json": '{"id": "Caf\u00e9"}'.encode("latin-1")},
        doel="dienst.json",
        verwacht=("dienst.json, regel 1", "UTF-8"),
    ),
    # -- spreadsheets ------------------------------------------------------------------------
    Geval(
        "samengevoegde kopcellen",
        "tabel",
        {
            "aanbod.xlsx": _xlsx(
                [
                    ["Naam", "Contact", None, "Buurt"],
                    ["Taalcafé", "a@b.nl", "06 12345678", "BU03440301"],
                ],
                "B1:C1",
            )
        },
        doel="aanbod.xlsx",
        verwacht=("aanbod.xlsx, rij 1", "samengevoegde cellen (B1:C1)"),
    ),
    Geval(
        "formule zonder berekende waarde",
        "tabel",
        {"aanbod.xlsx": _xlsx([["Naam", "Omschrijving"], ["Taalcafé", '=UPPER("praten")']])},
        doel="aanbod.xlsx",
        verwacht=(
            "aanbod.xlsx, blad Sheet, rij 2, veld Omschrijving (kolom B): een formule zonder "
            "berekende waarde",
        ),
    ),
    Geval(
        "spreadsheet zonder naamkolom",
        "tabel",
        {"aanbod.xlsx": _xlsx([["Organisatie", "Buurt"], ["De Brug", "BU03440301"]])},
        doel="aanbod.xlsx",
        verwacht=("aanbod.xlsx", "Naam ontbreekt"),
    ),
    Geval(
        "geen Excel-bestand",
        "tabel",
        {"aanbod.xlsx": b"dit is geen zip"},
        doel="aanbod.xlsx",
        verwacht=("aanbod.xlsx", "geen leesbaar Excel-bestand"),
    ),
    Geval(
        "lege spreadsheet",
        "tabel",
        {"aanbod.csv": b""},
        doel="aanbod.csv",
        verwacht=("aanbod.csv", "leeg"),
    ),
    Geval(
        "onbekende buurt",
        "tabel",
        {"aanbod.csv": TABEL_KOP + TABEL_RIJ.replace("BU03440301", "Atlantis")},
        doel="aanbod.csv",
        verwacht=("aanbod.csv, regel 2, veld Buurt", "ken ik niet"),
    ),
    Geval(
        "ongeldige postcode",
        "tabel",
        {"aanbod.csv": TABEL_KOP + TABEL_RIJ.replace("3561 GK", "35612")},
        doel="aanbod.csv",
        verwacht=("aanbod.csv, regel 2, veld Postcode", "postcode"),
    ),
    Geval(
        "onbekende bouwsteen",
        "tabel",
        {"aanbod.csv": TABEL_KOP + TABEL_RIJ.replace("sociale-contacten-en-ontmoeting", "yoga")},
        doel="aanbod.csv",
        verwacht=("aanbod.csv, regel 2, veld Bouwsteen", "'yoga' ken ik niet"),
    ),
    Geval(
        "onbekende toegankelijkheid",
        "tabel",
        {
            "aanbod.csv": TABEL_KOP.replace("\n", ";Toegankelijkheid\n")
            + TABEL_RIJ.replace("\n", ';"drempelvrij; lift"\n')
        },
        doel="aanbod.csv",
        verwacht=(
            "aanbod.csv, regel 2, veld Toegankelijkheid",
            "'lift' ken ik niet; kies uit rolstoeltoegankelijk, drempelvrij",
        ),
    ),
    Geval(
        "toegankelijkheid zonder plek",
        "tabel",
        {"aanbod.csv": "Naam;Toegankelijkheid\nTaalcafé;ringleiding\n"},
        doel="aanbod.csv",
        verwacht=("aanbod.csv, regel 2, veld Toegankelijkheid", "hoort bij een plek"),
    ),
    Geval(
        "dubbele rij",
        "tabel",
        {"aanbod.csv": TABEL_KOP + TABEL_RIJ + TABEL_RIJ},
        doel="aanbod.csv",
        verwacht=("aanbod.csv, regel 3, veld Naam", "dubbel"),
    ),
    Geval(
        "spreadsheet in Windows-tekenset",
        "tabel",
        {"aanbod.csv": (TABEL_KOP + TABEL_RIJ).encode("cp1252")},
        doel="aanbod.csv",
        verwacht=("aanbod.csv, regel 2", "--tekenset cp1252"),
    ),
    Geval(
        # Excel itself cuts a cell at 32,767 characters, still far too long for a name.
        "reusachtige cel",
        "tabel",
        {"aanbod.xlsx": _xlsx([["Naam", "Omschrijving"], ["T" * 40_000, "Taalcafé"]])},
        doel="aanbod.xlsx",
        verwacht=("aanbod.xlsx, rij 2, veld Naam", "te lang: 32767 tekens"),
    ),
    # -- areas -------------------------------------------------------------------------------
    Geval(
        "geen CBS-code",
        "gebieden",
        {
            "buurten.geojson": json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "properties": {"buurtcode": "XX12", "buurtnaam": "?"},
                            "geometry": None,
                        }
                    ],
                }
            )
        },
        doel="buurten.geojson",
        verwacht=("buurten.geojson, features[0], veld code", "geen CBS-code"),
    ),
    Geval(
        "buurt zonder wijk",
        "gebieden",
        {
            "buurten.geojson": json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "properties": {"buurtcode": "BU09990101", "buurtnaam": "Nergens"},
                            "geometry": None,
                        }
                    ],
                }
            )
        },
        doel="buurten.geojson",
        verwacht=("buurten.geojson, features[0], veld ouder", "WK099901"),
    ),
    Geval(
        "cijfers zonder codekolom",
        "gebieden",
        {"cijfers.csv": "naam;inwoners\nOvervecht;33000\n"},
        doel="cijfers.csv",
        verwacht=("cijfers.csv, regel 1", "CBS-code"),
    ),
    Geval(
        "cijfers met kapotte code",
        "gebieden",
        {"cijfers.csv": "code;inwoners\nOVERVECHT;33000\n"},
        doel="cijfers.csv",
        verwacht=("cijfers.csv, regel 2, veld code", "geen CBS-code"),
    ),
    # -- coordinates outside the Netherlands (areas.geo.NEDERLAND) -----------------------------
    Geval(
        "breedte en lengte verwisseld in een pakket",
        "hsds",
        _vervang("locations.csv", "52.1,5.1", "5.1,52.1"),
        verwacht=(
            "locations.csv, regel 2, veld latitude: 5.1 ligt buiten Nederland",
            "locations.csv, regel 2, veld longitude: 52.1 ligt buiten Nederland",
            "verwisseld?",
        ),
    ),
    Geval(
        "RD-meters als lengtegraad in een pakket",
        "hsds",
        _vervang("locations.csv", "52.1,5.1", "52.1,136000"),
        verwacht=("locations.csv, regel 2, veld longitude", "tussen 3.2 en 7.3"),
    ),
    Geval(
        "locatie in Londen in HSDS JSON",
        "hsds",
        {
            "plek.json": json.dumps(
                {
                    "id": PLEK,
                    "location_type": "physical",
                    "name": "Buurthuis",
                    "latitude": 51.5072,
                    "longitude": -0.1276,
                }
            )
        },
        doel="plek.json",
        verwacht=("plek.json, $, veld longitude: -0.1276 ligt buiten Nederland",),
    ),
    Geval(
        "officieel HSDS-voorbeeld met breedtegraad 100",
        "hsds",
        {"location.json": lambda pad: pad.write_bytes(origineel("location.json").read_bytes())},
        doel="location.json",
        verwacht=("location.json, $, veld latitude: 100 ligt buiten Nederland",),
    ),
    Geval(
        "spreadsheet met een punt buiten Nederland",
        "tabel",
        {
            "aanbod.csv": TABEL_KOP.replace("\n", ";Breedtegraad;Lengtegraad\n")
            + TABEL_RIJ.replace("\n", ";48,85;2,35\n")
        },
        doel="aanbod.csv",
        verwacht=(
            "aanbod.csv, regel 2, veld Breedtegraad: 48.85 ligt buiten Nederland",
            "aanbod.csv, regel 2, veld Lengtegraad: 2.35 ligt buiten Nederland",
        ),
    ),
    Geval(
        "Excel-sjabloon met een punt buiten Nederland",
        "tabel",
        {
            "aanbod.xlsx": _xlsx(
                [
                    ["Naam", "Buurt", "Bouwsteen", "Breedtegraad", "Lengtegraad"],
                    ["Taalcafé", "BU03440301", "sociale-contacten-en-ontmoeting", 5.12, 52.09],
                ]
            )
        },
        doel="aanbod.xlsx",
        verwacht=(
            "aanbod.xlsx, rij 2, veld Breedtegraad: 5.12 ligt buiten Nederland",
            "aanbod.xlsx, rij 2, veld Lengtegraad: 52.09 ligt buiten Nederland",
        ),
    ),
    Geval(
        "bestand bestaat niet",
        "hsds",
        {},
        doel="bestaat-niet.json",
        verwacht=("bestaat-niet.json", "bestaat niet"),
    ),
]


def _schrijf(map_, bestanden: dict) -> None:
    for naam, inhoud in bestanden.items():
        pad = map_ / naam
        if callable(inhoud):
            inhoud(pad)
        elif isinstance(inhoud, bytes):
            pad.write_bytes(inhoud)
        else:
            pad.write_text(inhoud, encoding="utf-8")


@pytest.fixture
def kaart_met_gegevens(gebieden):
    """Something already on the kaart, so 'nothing written' is a real check."""
    importeer_hsds(voorbeeld("service_full.json"))


def test_er_zijn_minstens_dertig_gevallen():
    assert len(GEVALLEN) >= 30


def test_het_geldige_pakket_zelf_importeert(tmp_path, kaart_met_gegevens, capsys):
    _schrijf(tmp_path, PAKKET)
    cli.main(["importeer", "hsds", str(tmp_path), "--stil"])
    assert "service" in capsys.readouterr().out


@pytest.mark.parametrize("geval", GEVALLEN, ids=lambda g: g.naam)
def test_foute_invoer_geeft_plaats_status_2_en_niets_geschreven(
    tmp_path, kaart_met_gegevens, capsys, geval
):
    if geval.soort == "hsds" and geval.doel == "pakket":
        _schrijf(tmp_path, PAKKET)
    _schrijf(tmp_path, geval.bestanden)
    doel = tmp_path if geval.doel == "pakket" else tmp_path / geval.doel
    voor, runs, gebieden = momentopname(), Importrun.objects.count(), list(Gebied.objects.values())
    with pytest.raises(SystemExit) as uitgang:
        cli.main(["importeer", geval.soort, str(doel), "--stil"])
    assert uitgang.value.code == 2
    fout = capsys.readouterr().err
    assert "niets opgeslagen" in fout
    for tekst in geval.verwacht:
        assert tekst in fout
    assert momentopname() == voor
    assert Importrun.objects.count() == runs
    assert list(Gebied.objects.values()) == gebieden


def test_veel_fouten_stoppen_na_vijftig(tmp_path, kaart_met_gegevens, capsys):
    rijen = "".join(f"{i:08d}-0000-4000-8000-000000000000,{ORG},x,kapot\n" for i in range(80))
    _schrijf(tmp_path, {**PAKKET, "services.csv": "id,organization_id,name,status\n" + rijen})
    with pytest.raises(SystemExit):
        cli.main(["importeer", "hsds", str(tmp_path), "--stil"])
    assert "50 fout(en)" in capsys.readouterr().err
