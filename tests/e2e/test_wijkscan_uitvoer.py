"""The wijkscan's output in the browser: the matrix, two wijken side by side, the map, the trend,
the print view and the CSV download; axe-clean, and no sideways scrolling on a 360 px phone."""

import pytest
from playwright.sync_api import expect

from samenspel.areas.models import Gebied
from samenspel.wijkscan import actions
from samenspel.wijkscan.tests.test_aanbod import SOCIAAL, ZORG, _aanbod
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GM = "GM0344"


@pytest.fixture
def utrecht(gebieden, netwerkhouder):
    utrecht, zambesi = gebieden["utrecht"], gebieden["zambesidreef"]
    zuilen = Gebied.objects.create(
        code="WK034404",
        naam="Zuilen",
        niveau="wijk",
        ouder=utrecht,
        latitude=52.105,
        longitude=5.09,
    )
    ertskade = Gebied.objects.create(
        code="BU03440401",
        naam="Ertskade",
        niveau="buurt",
        ouder=zuilen,
        latitude=52.105,
        longitude=5.09,
        cijfers={"inwoners": 1800},
    )
    Gebied.objects.filter(pk=zambesi.pk).update(
        cijfers={"inwoners": 3000},
        geometrie={
            "type": "Polygon",
            "coordinates": [
                [[5.11, 52.116], [5.12, 52.116], [5.12, 52.122], [5.11, 52.122], [5.11, 52.116]]
            ],
        },
    )
    zambesi.refresh_from_db()
    _aanbod(utrecht, "Buurtkamer Zambesi", [(zambesi, (52.119, 5.115))], [SOCIAAL])
    _aanbod(utrecht, "Wijkteam Overvecht", [(zambesi, (52.118, 5.116))], [ZORG], "formeel")
    _aanbod(utrecht, "Koffie in Zuilen", [(ertskade, (52.105, 5.09))], [SOCIAAL])
    return {"netwerkhouder": netwerkhouder}


def _geen_zijwaarts_scrollen(pagina):
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360


def test_twee_wijken_vergelijken_afdrukken_en_csv_downloaden(page, inloggen, utrecht):
    inloggen(page, "netwerkhouder")
    page.goto(page.basis + f"/wijkscan/{GM}/")
    page.get_by_role("link", name="Matrix", exact=True).click()
    matrix = page.get_by_role("table", name="Aanbod per gebied en bouwsteen in Utrecht")
    expect(matrix).to_be_visible()
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Twee wijken vergelijken").click()
    page.get_by_role("button", name="Vergelijk").click()
    expect(page.get_by_text("Kies de eerste wijk.").first).to_be_visible()
    page.get_by_label("Eerste wijk").select_option(label="Overvecht")
    page.get_by_label("Tweede wijk").select_option(label="Zuilen")
    page.get_by_role("button", name="Vergelijk").click()
    tabel = page.get_by_role("table", name="Overvecht en Zuilen per bouwsteen")
    expect(tabel).to_be_visible()
    assert "1 aanbod" in tabel.inner_text()
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Matrix Utrecht").click()
    page.get_by_role("link", name="Afdrukken").click()
    expect(page.get_by_text("Stand van", exact=False).first).to_be_visible()
    expect(page.locator(".kop")).to_be_hidden()
    assert axe_overtredingen(page) == []

    page.get_by_role("link", name="Terug naar de matrix").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als CSV").click()
    bestand = download.value
    assert bestand.suggested_filename.startswith("wijkscan-GM0344-")
    inhoud = open(bestand.path(), encoding="utf-8-sig").read()
    assert inhoud.splitlines()[0].startswith("CBS-code;Gebied;Niveau")
    assert "Ertskade" in inhoud


def test_kaart_en_trend_op_het_scherm(page, inloggen, utrecht):
    inloggen(page, "netwerkhouder")
    page.goto(page.basis + f"/wijkscan/{GM}/kaart/")
    expect(page.locator("#wijkscankaart")).to_be_visible()
    assert page.locator("#wijkscankaart path").count() >= 1
    expect(page.get_by_role("table", name="per buurt", exact=False)).to_be_visible()
    assert axe_overtredingen(page) == []

    page.goto(page.basis + f"/wijkscan/{GM}/matrix/")
    page.get_by_role("button", name="Stand van vandaag vastleggen").click()
    expect(page.get_by_text("De stand van vandaag is vastgelegd", exact=False)).to_be_visible()
    page.goto(page.basis + f"/wijkscan/{GM}/trend/BU03440301/")
    expect(page.get_by_role("heading", name="Ontwikkeling Zambesidreef e.o.")).to_be_visible()
    assert page.locator("table").count() >= 1
    assert axe_overtredingen(page) == []


@pytest.mark.parametrize(
    "pad",
    [
        f"/wijkscan/{GM}/matrix/",
        f"/wijkscan/{GM}/matrix/wijk/WK034403/",
        f"/wijkscan/{GM}/kaart/",
        f"/wijkscan/{GM}/vergelijken/?wijk_a=WK034403&wijk_b=WK034404",
        f"/wijkscan/{GM}/trend/BU03440301/",
        f"/wijkscan/{GM}/matrix/afdrukken/",
    ],
)
def test_op_een_telefoon_zonder_axe_fouten_en_zonder_zijwaarts_scrollen(
    telefoon, inloggen, utrecht, pad
):
    actions.leg_stand_vast(Gebied.objects.get(code=GM), None)
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + pad)
    expect(telefoon.locator("h1")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    _geen_zijwaarts_scrollen(telefoon)


def test_de_matrix_op_een_telefoon_is_een_lijst_per_buurt(telefoon, inloggen, utrecht):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + f"/wijkscan/{GM}/matrix/")
    expect(telefoon.locator(".matrix-tabel")).to_be_hidden()
    expect(telefoon.get_by_role("heading", name="Ertskade", exact=False)).to_be_visible()
    _geen_zijwaarts_scrollen(telefoon)
