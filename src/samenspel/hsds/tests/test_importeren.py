"""HSDS import behaviour: provenance, dry runs, the summary, search, and work per batch."""

import io
import uuid

import pytest

from samenspel import cli
from samenspel.directory import models as m
from samenspel.hsds.importeren.uitvoeren import importeer_hsds
from samenspel.hsds.models import ApiToken, Importrun
from samenspel.hsds.voortgang import Voortgang
from samenspel.search.models import Zoekwijziging
from samenspel.search.zoeken import Zoekvraag, zoek

from .conftest import momentopname, voorbeeld

pytestmark = pytest.mark.django_db

ORG = "11111111-1111-4111-8111-111111111111"


def _pakket(map_, diensten: int = 1, namen=None, extra: str = "") -> None:
    map_.mkdir(exist_ok=True)
    (map_ / "organizations.csv").write_text(f"id,name,description\n{ORG},Buurtvereniging,x\n")
    regels = ["id,organization_id,name,status,description"]
    for i in range(diensten):
        naam = (namen or {}).get(i, f"Activiteit {i}")
        regels.append(f"dienst-{i},{ORG},{naam},active,Samen {extra}koken")
    (map_ / "services.csv").write_text("\n".join(regels) + "\n")


def test_eigen_ids_van_een_bron_worden_vaste_uuids_en_blijven_bewaard(tmp_path):
    _pakket(tmp_path / "p")
    importeer_hsds(tmp_path / "p", bron="gemeente-x")
    service = m.Service.objects.get()
    assert service.bron == "gemeente-x" and service.bron_id == "dienst-0"
    run = Importrun.objects.get()
    assert service.bron_import == run.pk
    _pakket(tmp_path / "p", namen={0: "Kookclub"})
    importeer_hsds(tmp_path / "p", bron="gemeente-x")
    assert list(m.Service.objects.values_list("pk", "name")) == [(service.pk, "Kookclub")]


def test_dezelfde_ids_uit_een_andere_bron_zijn_andere_records(tmp_path):
    _pakket(tmp_path / "p")
    importeer_hsds(tmp_path / "p", bron="a")
    importeer_hsds(tmp_path / "p", bron="b")
    assert m.Service.objects.count() == 2


def test_wijziging_komt_in_de_historie_met_oude_en_nieuwe_waarde(tmp_path):
    _pakket(tmp_path / "p")
    importeer_hsds(tmp_path / "p", bron="x")
    _pakket(tmp_path / "p", namen={0: "Kookclub"})
    importeer_hsds(tmp_path / "p", bron="x")
    regel = m.Wijziging.objects.get(field_name="name")
    assert (regel.previous_value, regel.replacement_value) == ("Activiteit 0", "Kookclub")
    assert regel.updated_by == "import x" and regel.last_action_type == "update"
    service = m.Service.objects.get()
    assert service.last_modified == regel.last_action_date


def test_proef_schrijft_niets_maar_toont_wat_er_zou_gebeuren(tmp_path, capsys):
    _pakket(tmp_path / "p", diensten=2)
    voor = momentopname()
    cli.main(["importeer", "hsds", str(tmp_path / "p"), "--proef", "--stil"])
    uit = capsys.readouterr().out
    assert "PROEF" in uit and "+ service" in uit and "Activiteit 1" in uit
    assert momentopname() == voor
    assert not Importrun.objects.exists()


def test_samenvatting_en_voortgangsbalk(tmp_path, capsys):
    _pakket(tmp_path / "p", diensten=3)
    cli.main(["importeer", "hsds", str(tmp_path / "p")])
    uitvoer = capsys.readouterr()
    assert "service" in uitvoer.out and "3" in uitvoer.out and "importrun" in uitvoer.out
    # One line per tenth into a pipe: the table, all of it done, and the pace.
    regel = next(r for r in uitvoer.err.splitlines() if r.startswith("services.csv: 100%|"))
    assert "| 3/3 [" in regel and " rijen/s]" in regel


def test_voortgangsbalk_tekent_het_deel_dat_klaar_is():
    balk = Voortgang(aan=False)
    balk.start("services.csv", 4)
    balk.stap(1)
    # Label, share, a bar a quarter full, done of total, then elapsed < left, rows/s.
    assert balk.regel().startswith("services.csv:  25%|##5       | 1/4 [00:00<")
    assert balk.regel().endswith(" rijen/s]")


def test_voortgang_schrijft_in_een_pijp_een_regel_per_tiende(tmp_path):
    stroom = io.StringIO()
    balk = Voortgang(stroom=stroom)
    balk.start("locaties", 100)
    for _ in range(100):
        balk.stap()
    balk.klaar()
    regels = stroom.getvalue().splitlines()
    assert [r.split("|")[0] for r in regels] == [f"locaties: {p:3d}%" for p in range(0, 101, 10)]
    assert "\r" not in stroom.getvalue()


def test_stil_schrijft_niets():
    stroom = io.StringIO()
    balk = Voortgang(stroom=stroom, aan=False)
    balk.start("locaties", 10)
    balk.stap(10)
    balk.klaar()
    assert stroom.getvalue() == ""


def test_geimporteerd_aanbod_is_direct_vindbaar(tmp_path):
    _pakket(tmp_path / "p", diensten=2, extra="pannenkoeken ")
    assert zoek(Zoekvraag(tekst="pannenkoeken")).totaal == 0
    importeer_hsds(tmp_path / "p")
    assert Zoekwijziging.objects.count() == 2
    assert zoek(Zoekvraag(tekst="pannenkoeken")).totaal == 2


def test_geen_zoekwijziging_als_er_niets_verandert(tmp_path):
    _pakket(tmp_path / "p")
    importeer_hsds(tmp_path / "p")
    Zoekwijziging.objects.all().delete()
    importeer_hsds(tmp_path / "p")
    assert not Zoekwijziging.objects.exists()


@pytest.mark.parametrize("aantal", [10, 400])
def test_aantal_queries_groeit_niet_met_het_aantal_rijen(
    tmp_path, aantal, django_assert_max_num_queries
):
    _pakket(tmp_path / "p", diensten=aantal)
    with django_assert_max_num_queries(40):
        importeer_hsds(tmp_path / "p")
    assert m.Service.objects.count() == aantal


def test_api_json_van_een_service_importeert_terug_zonder_verschil(client, tmp_path):
    importeer_hsds(voorbeeld("service_full.json"))
    _, sleutel = ApiToken.maak(m.Organization.objects.get())
    service = m.Service.objects.get()
    body = client.get(f"/api/hsds/services/{service.pk}", HTTP_AUTHORIZATION=f"Bearer {sleutel}")
    (tmp_path / "terug.json").write_bytes(body.content)
    voor = momentopname()
    uitkomst = importeer_hsds(tmp_path / "terug.json")
    assert all(t.gewijzigd == 0 and t.nieuw == 0 for t in uitkomst.tellingen.values())
    assert momentopname() == voor


def test_apisleutel_commando_toont_de_sleutel_eenmaal(capsys, db):
    organisatie = m.Organization.objects.create(name="GGZ Centraal", description="")
    cli.main(["apisleutel", "nieuw", "GGZ Centraal", "--omschrijving", "koppeling"])
    sleutel = next(w for w in capsys.readouterr().out.split() if w.startswith("ss_"))
    assert ApiToken.objects.bij_sleutel(sleutel).organisatie == organisatie
    assert sleutel not in str(list(ApiToken.objects.values()))
    cli.main(["apisleutel", "intrekken", sleutel[:8]])
    assert ApiToken.objects.bij_sleutel(sleutel) is None


def test_onbekende_organisatie_voor_een_sleutel_geeft_status_2(capsys, db):
    with pytest.raises(SystemExit) as uitgang:
        cli.main(["apisleutel", "nieuw", str(uuid.uuid4())])
    assert uitgang.value.code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_voortgang_op_een_terminal_tekent_de_balk_op_zijn_plaats_opnieuw():
    stroom = _Terminal()
    balk = Voortgang(stroom=stroom)
    balk.start("services.csv", 3)
    balk.stap(3)
    balk.klaar()
    uit = stroom.getvalue()
    assert "\r" in uit and uit.endswith("\n")
    assert "services.csv: 100%" in uit and "3/3" in uit and " rijen/s]" in uit
