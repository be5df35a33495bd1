"""Expected versus present in the browser: an analyst changes a weight and the flag goes."""

import pytest
from playwright.sync_api import expect

from samenspel.wijkscan.tests.rekenwereld import bouw
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = "GM9997"


@pytest.fixture
def wereld(taxonomieen, django_user_model):
    return bouw(django_user_model)


def _zonder_fouten_en_smal_genoeg(pagina):
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360


def test_analist_past_een_gewicht_aan_en_ziet_het_signaal_veranderen(telefoon, wereld, inloggen):
    inloggen(telefoon, "analist_rekenstad")
    telefoon.goto(telefoon.basis + f"/wijkscan/{CODE}/")
    telefoon.get_by_role("link", name="Signalen: minder of meer aanbod dan verwacht").click()
    signaal = telefoon.get_by_role("heading", name="Oost: Zorg en begeleiding")
    expect(signaal).to_be_visible()
    assert "Minder dan verwacht: verwacht 1,7, aanwezig 1" in telefoon.inner_text("main")
    assert "zorgmijding" in telefoon.inner_text("main")
    _zonder_fouten_en_smal_genoeg(telefoon)

    naar(telefoon, telefoon.get_by_role("link", name="Zo rekenen we, en pas de gewichten aan"))
    _zonder_fouten_en_smal_genoeg(telefoon)
    gewichten = telefoon.get_by_role("link", name="Gewichten voor Zorg en begeleiding aanpassen")
    naar(telefoon, gewichten)
    _zonder_fouten_en_smal_genoeg(telefoon)
    telefoon.get_by_label("Volwassenen met grote kans op angst of depressie").fill("-1")
    telefoon.get_by_role("button", name="Gewichten bewaren").click()
    expect(telefoon.locator("main")).to_contain_text("Een gewicht is 0 of meer.")
    _zonder_fouten_en_smal_genoeg(telefoon)
    telefoon.get_by_label("Volwassenen met grote kans op angst of depressie").fill("0")
    telefoon.get_by_label("Huishoudens met een laag inkomen").fill("1")
    telefoon.get_by_role("button", name="Gewichten bewaren").click()
    expect(telefoon.locator("body")).to_contain_text("De nieuwe gewichten zijn bewaard.")

    telefoon.get_by_role("link", name="Bekijk de signalen").click()
    expect(telefoon.locator("main")).to_contain_text("Geen signalen")
    expect(telefoon.get_by_role("heading", name="Oost: Zorg en begeleiding")).to_have_count(0)
    _zonder_fouten_en_smal_genoeg(telefoon)


def test_kennis_uit_de_wijk_en_draagkracht_op_de_telefoon(telefoon, wereld, inloggen):
    inloggen(telefoon, "analist_rekenstad")
    telefoon.goto(telefoon.basis + f"/wijkscan/{CODE}/verwachting/signalen/")
    kennis = "Wat professionals weten over Zorg en begeleiding in West"
    naar(telefoon, telefoon.get_by_role("link", name=kennis))
    _zonder_fouten_en_smal_genoeg(telefoon)
    telefoon.get_by_label("Wat weten professionals in de wijk hierover?").fill(
        "Twee aanbieders doen hetzelfde."
    )
    telefoon.get_by_label("ja", exact=True).check()
    telefoon.get_by_label("Waarom?").fill("Dubbel aanbod.")
    telefoon.get_by_role("button", name="Bewaren").click()
    expect(telefoon.locator("main")).to_contain_text("Dubbel aanbod.")
    _zonder_fouten_en_smal_genoeg(telefoon)

    telefoon.goto(telefoon.basis + f"/wijkscan/{CODE}/draagkracht/")
    expect(telefoon.get_by_role("table", name="Buurten, meeste ruimte eerst")).to_be_visible()
    _zonder_fouten_en_smal_genoeg(telefoon)
    naar(telefoon, telefoon.get_by_role("link", name="Samenstelling van draaglast aanpassen"))
    _zonder_fouten_en_smal_genoeg(telefoon)
