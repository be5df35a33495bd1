"""A resident searches the kaart in a real browser; professionals see more."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def aanbod(maak_aanbod):
    return {
        "wandel": maak_aanbod(
            naam="Wandelgroep Overvecht",
            omschrijving="Elke dinsdag samen wandelen door het Gagelbos. Iedereen welkom.",
            gratis=True,
        ),
        "taal": maak_aanbod(
            naam="Taalcafé De Brug", omschrijving="Nederlands oefenen.", bouwstenen=("preventie",)
        ),
        "fact": maak_aanbod(
            naam="Consultatie FACT-team",
            omschrijving="Overleg voor professionals over een bewoner.",
            zichtbaarheid="professionals",
            sector="formeel",
        ),
    }


def test_bewoner_zoekt_wandelen_in_overvecht_en_vindt_wandelgroep(page, aanbod):
    page.goto(page.basis + "/")
    page.get_by_label("Wat zoek je?").fill("wandelen")
    page.get_by_label("Postcode of buurt").fill("Overvecht")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoek in de sociale kaart")
    resultaat = page.get_by_role("link", name="Wandelgroep Overvecht")
    expect(resultaat).to_be_visible()
    expect(page.get_by_text("Taalcafé De Brug")).to_have_count(0)
    resultaat.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelgroep Overvecht")
    expect(page.get_by_text("Gratis", exact=True)).to_be_visible()


def test_professioneel_aanbod_alleen_na_inloggen_als_professional(
    page, aanbod, professional, inloggen
):
    page.goto(page.basis + "/zoeken/?q=consultatie")
    expect(page.get_by_role("heading", name=re.compile("0 resultaten"))).to_be_visible()
    inloggen(page, "professional")
    page.goto(page.basis + "/zoeken/?q=consultatie")
    expect(page.get_by_role("link", name="Consultatie FACT-team")).to_be_visible()


def test_zoeken_werkt_op_telefoonscherm_zonder_horizontaal_scrollen(telefoon, aanbod):
    telefoon.goto(telefoon.basis + "/zoeken/?q=wandel")
    expect(telefoon.get_by_role("link", name="Wandelgroep Overvecht")).to_be_visible()
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360


def test_zoeken_werkt_zonder_javascript(browser, live_server, aanbod):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    pagina = context.new_page()
    pagina.goto(live_server.url + "/zoeken/?q=wandelen")
    expect(pagina.get_by_role("link", name="Wandelgroep Overvecht")).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    "pad",
    [
        "/",
        "/zoeken/?q=wandelen",
        "/zoeken/?q=wandelen&bouwsteen=bestaat-niet",
        "/wijk/WK034403/",
        "/wijk/WK034403/wijkwijzer/",
        "SERVICE",
        "/aanmelden/",
    ],
)
def test_geen_toegankelijkheidsfouten(page, aanbod, pad):
    if pad == "SERVICE":
        pad = aanbod["wandel"].get_absolute_url()
    page.goto(page.basis + pad)
    assert axe_overtredingen(page) == []


def test_toegankelijkheidscontrole_vindt_fouten_als_ze_er_zijn(page):
    # Guards the check above: axe must really run and report, not pass on an empty page.
    page.set_content('<html lang="nl"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in {v["id"] for v in axe_overtredingen(page)}


@pytest.fixture
def demo_aanbod(taxonomieen, settings):
    from samenspel.demo import laden

    settings.SAMENSPEL = {**settings.SAMENSPEL, "TEGEL_URL": ""}
    laden.laad_alles()


def test_op_een_telefoon_staat_het_eerste_resultaat_op_het_eerste_scherm(telefoon, demo_aanbod):
    # The filters fold away and the map follows the list, so a resident sees a result at once
    # instead of scrolling past every filter (it was about 2,600 px down).
    telefoon.set_viewport_size({"width": 360, "height": 740})
    telefoon.goto(telefoon.basis + "/zoeken/?q=taal")
    eerste = telefoon.locator("ul.resultaten > li").first
    expect(eerste).to_be_visible()
    assert telefoon.locator("ul.resultaten > li").count() >= 3
    boven = telefoon.evaluate(
        "el => el.getBoundingClientRect().top + window.scrollY", eerste.element_handle()
    )
    assert boven <= 900, f"het eerste resultaat begint op {boven:.0f} px"
    filters = telefoon.get_by_text("Filters (0)")
    expect(filters).to_be_visible()
    expect(telefoon.get_by_role("group", name="Soort hulp")).to_be_hidden()
    filters.click()
    expect(telefoon.get_by_role("group", name="Soort hulp")).to_be_visible()


def test_gekozen_filters_blijven_zichtbaar_en_zijn_weg_te_halen_zonder_javascript(
    browser, live_server, demo_aanbod
):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False, locale="nl-NL"
    )
    pagina = context.new_page()
    pagina.goto(live_server.url + "/zoeken/?q=taal&gratis=on&dag=TU")
    expect(pagina.get_by_text("Filters (2)")).to_be_visible()
    pagina.get_by_role("link", name="Filter weghalen: Gratis").click()
    expect(pagina.get_by_text("Filters (1)")).to_be_visible()
    expect(pagina.get_by_role("link", name="Filter weghalen: Open op: dinsdag")).to_be_visible()
    expect(pagina.get_by_role("link", name="Filter weghalen: Gratis")).to_have_count(0)
    assert "gratis" not in pagina.url and "q=taal" in pagina.url
    context.close()


def test_zoekvak_plaats_en_knop_staan_op_een_lijn_op_een_breed_scherm(page, aanbod):
    page.goto(page.basis + "/zoeken/?q=wandel")
    onderkanten = [
        page.locator(kiezer).evaluate("el => Math.round(el.getBoundingClientRect().bottom)")
        for kiezer in ("input[name=q]", "input[name=bij]", ".zoekbalk button[type=submit]")
    ]
    assert max(onderkanten) - min(onderkanten) <= 2, onderkanten
    # On a wide screen the filters are a side column, open beside the results.
    expect(page.get_by_role("group", name="Soort hulp")).to_be_visible()


def test_keuzelijsten_zien_eruit_als_keuzelijsten(page, aanbod):
    page.goto(page.basis + "/zoeken/")
    pijl = page.locator("select[name=dag]").evaluate("el => getComputedStyle(el).backgroundImage")
    assert "svg" in pijl
