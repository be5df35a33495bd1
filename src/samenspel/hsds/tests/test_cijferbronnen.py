"""Area figures from CBS and RIVM files in their published layout, with year and source."""

import shutil
from pathlib import Path

import pytest

from samenspel.areas.models import Gebied
from samenspel.hsds.importeren.fouten import ImportFout
from samenspel.hsds.importeren.gebieden import importeer_gebieden

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "cijfers"
CBS = "CBS Kerncijfers wijken en buurten"
RIVM = "RIVM Gezondheidsmonitor"


def _cbs(waarde, jaar=2023):
    return {"waarde": waarde, "jaar": jaar, "bron": CBS}


def test_cbs_kerncijfers_met_jaar_en_bron(gebieden):
    uitkomst = importeer_gebieden(DATA / "cbs_kerncijfers.csv", bron="cbs", jaar=2023)
    assert Gebied.objects.get(code="WK034403").cijfers == {
        "inwoners": _cbs(34120),
        "leeftijd_0_15": _cbs(7830),
        "leeftijd_15_25": _cbs(4630),
        "leeftijd_25_45": _cbs(10110),
        "leeftijd_45_65": _cbs(7195),
        "leeftijd_65_plus": _cbs(4355),
        "eenpersoonshuishoudens": _cbs(6915),
        "lage_inkomens": _cbs(16.8),
    }
    # "." is unknown or secret at CBS: empty, not zero.
    assert Gebied.objects.get(code="BU03440301").cijfers["lage_inkomens"] == _cbs(None)
    assert Gebied.objects.get(code="GM0344").cijfers["inwoners"] == _cbs(367984)
    # An unknown area is named with its line, not dropped silently.
    meldingen = [str(m) for m in uitkomst.waarschuwingen]
    assert meldingen == [
        "cbs_kerncijfers.csv, regel 5, veld Codering_3: BU03449999 is een onbekend gebied; "
        "overgeslagen"
    ]
    assert Gebied.objects.get(code="BU03440302").cijfers == {}


def test_rivm_gezondheidsmonitor_neemt_de_waarde_voor_alle_volwassenen(gebieden):
    importeer_gebieden(DATA / "rivm_gezondheidsmonitor.csv", bron="rivm", jaar=2022)

    def rivm(waarde):
        return {"waarde": waarde, "jaar": 2022, "bron": RIVM}

    assert Gebied.objects.get(code="WK034403").cijfers == {
        "psychische_klachten": rivm(11.9),
        "eenzaamheid": rivm(53.4),
        "ernstige_eenzaamheid": rivm(17.2),
    }
    assert Gebied.objects.get(code="BU03440301").cijfers["psychische_klachten"] == rivm(None)


def test_twee_bronnen_vullen_elkaar_aan(gebieden):
    importeer_gebieden(DATA / "cbs_kerncijfers.csv", bron="cbs", jaar=2023)
    importeer_gebieden(DATA / "rivm_gezondheidsmonitor.csv", bron="rivm", jaar=2022)
    cijfers = Gebied.objects.get(code="WK034403").cijfers
    assert cijfers["inwoners"]["bron"] == CBS
    assert cijfers["eenzaamheid"]["bron"] == RIVM


def test_fout_noemt_regel_en_kolom_en_er_wordt_niets_opgeslagen(gebieden, tmp_path):
    pad = tmp_path / "kapot.csv"
    tekst = (DATA / "cbs_kerncijfers.csv").read_text(encoding="utf-8")
    # Line 4 (BU03440301) gets a word where the number of residents belongs.
    pad.write_text(tekst.replace('"4215"', '"veel"'), encoding="utf-8")
    with pytest.raises(ImportFout) as fout:
        importeer_gebieden(pad, bron="cbs", jaar=2023)
    assert [str(m) for m in fout.value.fouten] == [
        "kapot.csv, regel 4, veld AantalInwoners_5: 'veel' is geen getal"
    ]
    # The rows before the bad one are not half-written either.
    assert Gebied.objects.get(code="WK034403").cijfers == {}
    assert Gebied.objects.get(code="GM0344").cijfers == {}


def test_bestand_zonder_bekende_kolommen_wordt_geweigerd(gebieden, tmp_path):
    pad = tmp_path / "verkeerd.csv"
    shutil.copy(DATA / "rivm_gezondheidsmonitor.csv", pad)
    with pytest.raises(ImportFout) as fout:
        importeer_gebieden(pad, bron="cbs", jaar=2023)
    assert "regel 1" in str(fout.value.fouten[0])
    assert "geen bekende kolom van CBS Kerncijfers" in str(fout.value.fouten[0])


def test_jaar_is_nodig(gebieden):
    with pytest.raises(ImportFout, match="--jaar"):
        importeer_gebieden(DATA / "cbs_kerncijfers.csv", bron="cbs")


def test_opdrachtregel_importeer_cijfers(gebieden, capsys, monkeypatch):
    from samenspel import cli

    monkeypatch.setattr("samenspel.hsds.cli._django", lambda: None)
    cli.main(
        [
            "importeer",
            "cijfers",
            str(DATA / "cbs_kerncijfers.csv"),
            "--bron",
            "cbs",
            "--jaar",
            "2023",
            "--stil",
        ]
    )
    assert Gebied.objects.get(code="WK034403").cijfers["inwoners"] == _cbs(34120)
    assert "BU03449999 is een onbekend gebied" in capsys.readouterr().out


def test_ander_jaar_dan_opgegeven_wordt_geweigerd(gebieden):
    with pytest.raises(ImportFout) as fout:
        importeer_gebieden(DATA / "rivm_gezondheidsmonitor.csv", bron="rivm", jaar=2020)
    assert str(fout.value.fouten[0]) == (
        "rivm_gezondheidsmonitor.csv, regel 2, veld Perioden: "
        "'2022JJ00' is een ander jaar dan 2020 (--jaar)"
    )
    assert Gebied.objects.get(code="WK034403").cijfers == {}


def test_rivm_zonder_rij_voor_alle_volwassenen_wordt_geweigerd(gebieden, tmp_path):
    pad = tmp_path / "ouderen.csv"
    tekst = (DATA / "rivm_gezondheidsmonitor.csv").read_text(encoding="utf-8")
    pad.write_text(tekst.replace("18 jaar of ouder", "65 jaar of ouder"), encoding="utf-8")
    with pytest.raises(ImportFout) as fout:
        importeer_gebieden(pad, bron="rivm", jaar=2022)
    melding = str(fout.value.fouten[0])
    assert melding.startswith("ouderen.csv, regel 1: geen enkele rij met Leeftijd: '18 jaar")


def test_rivm_2022_met_beide_maten_neemt_angst_of_depressie_en_leest_ook_de_odata_sleutels(
    gebieden, tmp_path
):
    # The 2022 table holds both HoogRisicoOpAngstOfDepressie_25 (every year) and
    # PsychischeKlachten_20 (MHI-5, 2022 only), in whatever order a download puts them; the
    # figure keeps its meaning of every year.
    # The OData TypedDataSet names age group and margin by key, the region padded with spaces.
    bestand = tmp_path / "50120NED_TypedDataSet.csv"
    bestand.write_text(
        "ID;Leeftijd;Marges;WijkenEnBuurten;Perioden;HoogRisicoOpAngstOfDepressie_25;"
        "PsychischeKlachten_20;Eenzaam_27\n"
        "1;20300;MW00000;WK034403  ;2022JJ00;11.9;19.5;53.4\n"
        "2;20300;MOG0095;WK034403  ;2022JJ00;10.1;17.0;50.2\n"
        "3;80200;MW00000;WK034403  ;2022JJ00;6.0;14.0;57.0\n",
        encoding="utf-8",
    )
    importeer_gebieden(bestand, bron="rivm", jaar=2022)
    cijfers = Gebied.objects.get(code="WK034403").cijfers
    assert cijfers["psychische_klachten"]["waarde"] == 11.9
    assert cijfers["eenzaamheid"]["waarde"] == 53.4


def test_rivm_zonder_angst_of_depressie_leest_de_psychische_klachten(gebieden, tmp_path):
    bestand = tmp_path / "rivm.csv"
    bestand.write_text(
        "Leeftijd;Marges;Codering_3;PsychischeKlachten_20\n18 jaar of ouder;Waarde;WK034403;19.5\n",
        encoding="utf-8",
    )
    importeer_gebieden(bestand, bron="rivm", jaar=2022)
    assert Gebied.objects.get(code="WK034403").cijfers["psychische_klachten"]["waarde"] == 19.5
