"""Area figures on the wijk and buurt pages: axe-clean, and readable on a 360 px phone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from samenspel.hsds.importeren.gebieden import importeer_gebieden
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[2] / "src/samenspel/hsds/tests/data/cijfers"


@pytest.fixture
def ingelezen(gebieden):
    # As `samenspel importeer cijfers … --bron cbs --jaar 2023` does; the upload page has its
    # own test (test_wijkscan_cijfers).
    importeer_gebieden(DATA / "cbs_kerncijfers.csv", bron="cbs", jaar=2023)
    importeer_gebieden(DATA / "rivm_gezondheidsmonitor.csv", bron="rivm", jaar=2022)


@pytest.mark.parametrize("pad", ["/wijk/WK034403/", "/buurt/BU03440301/", "/buurt/BU03440302/"])
def test_cijfers_zonder_axe_fouten_en_zonder_zijwaarts_scrollen(telefoon, ingelezen, pad):
    telefoon.goto(telefoon.basis + pad)
    expect(telefoon.get_by_role("heading", name="Cijfers over", exact=False)).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360


def test_bezoeker_gaat_van_wijk_naar_buurt_en_ziet_jaar_en_bron(telefoon, ingelezen):
    telefoon.goto(telefoon.basis + "/wijk/WK034403/")
    assert "CBS Kerncijfers wijken en buurten" in telefoon.content()
    naar(telefoon, telefoon.get_by_role("link", name="Zambesidreef e.o."))
    rij = telefoon.get_by_role("row", name="Inwoners", exact=False).first
    assert "4.215" in rij.inner_text() and "2023" in rij.inner_text()
