"""Area figures on the wijk, buurt and gemeente pages: with year and source, or an empty state."""

from pathlib import Path

import pytest
from django.urls import reverse

from samenspel.hsds.importeren.gebieden import importeer_gebieden

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "hsds" / "tests" / "data" / "cijfers"


@pytest.fixture
def ingelezen(gebieden):
    importeer_gebieden(DATA / "cbs_kerncijfers.csv", bron="cbs", jaar=2023)
    importeer_gebieden(DATA / "rivm_gezondheidsmonitor.csv", bron="rivm", jaar=2022)
    return gebieden


def _rij(pagina: str, label: str) -> str:
    begin = pagina.index(label)
    return pagina[begin : pagina.index("</tr>", begin)]


def test_wijkpagina_toont_cijfers_met_jaar_en_bron(client, ingelezen):
    pagina = client.get(reverse("wegwijzer:wijk", args=["WK034403"])).content.decode()
    assert "Cijfers over Overvecht" in pagina
    inwoners = _rij(pagina, "Inwoners</th>")
    assert "34.120" in inwoners and "2023" in inwoners
    assert "CBS Kerncijfers wijken en buurten" in inwoners
    eenzaam = _rij(pagina, "Volwassenen die zich eenzaam voelen")
    assert "53,4%" in eenzaam and "2022" in eenzaam and "RIVM Gezondheidsmonitor" in eenzaam
    assert "Voorbeeldcijfers" not in pagina
    # The buurten are linked to their own page with their figures.
    assert reverse("areas:buurt", args=["BU03440301"]) in pagina


def test_buurtpagina_toont_onbekend_voor_een_punt_en_niet_nul(client, ingelezen):
    pagina = client.get(reverse("areas:buurt", args=["BU03440301"])).content.decode()
    assert "Zambesidreef e.o." in pagina
    assert "onbekend" in _rij(pagina, "Huishoudens met een laag inkomen")
    assert "4.215" in _rij(pagina, "Inwoners</th>")


def test_gemeentepagina_toont_cijfers(client, ingelezen):
    pagina = client.get(reverse("areas:gemeente", args=["GM0344"])).content.decode()
    assert "367.984" in _rij(pagina, "Inwoners</th>")


def test_zonder_cijfers_een_lege_staat(client, gebieden):
    pagina = client.get(reverse("areas:buurt", args=["BU03440302"])).content.decode()
    assert "Er zijn nog geen cijfers over dit gebied" in pagina
    wijk = client.get(reverse("wegwijzer:wijk", args=["WK059903"])).content.decode()
    assert "Er zijn nog geen cijfers over dit gebied" in wijk


def test_oude_cijfers_zonder_bron_worden_niet_getoond(client, gebieden):
    gebieden["vechtzoom"].cijfers = {"aantal_inwoners": 12}
    gebieden["vechtzoom"].save()
    pagina = client.get(reverse("areas:buurt", args=["BU03440302"])).content.decode()
    assert "Er zijn nog geen cijfers over dit gebied" in pagina


def test_onbekende_buurt_of_een_wijkcode_geeft_404(client, gebieden):
    assert client.get(reverse("areas:buurt", args=["BU99999999"])).status_code == 404
    assert client.get(reverse("areas:buurt", args=["WK034403"])).status_code == 404
