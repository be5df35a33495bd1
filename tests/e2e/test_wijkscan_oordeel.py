"""Local judgement in the browser: a netwerkhouder invites two partners, who judge without an
account; the netwerkhouder sees both answers and closes the round. Axe-clean, and readable on
a 360 px phone."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _past_op_telefoon(pagina):
    pagina.set_viewport_size({"width": 360, "height": 740})
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_overtredingen(pagina) == []
    pagina.set_viewport_size({"width": 1280, "height": 900})


def _nodig_uit(pagina, label, soort):
    pagina.get_by_label("Wie nodig je uit?").fill(label)
    pagina.get_by_label(soort, exact=True).check()
    pagina.get_by_role("button", name="Maak een link").click()
    return pagina.get_by_label(f"Link voor {label}").input_value()


def test_twee_partners_oordelen_zonder_account_en_de_netwerkhouder_sluit_de_ronde(
    page, browser, netwerkhouder, inloggen
):
    inloggen(page, "netwerkhouder")
    page.goto(page.basis + "/wijkscan/GM0344/")
    page.get_by_role("link", name="Rondes waarin partners", exact=False).click()
    page.get_by_label("Wijk").select_option("WK034403")
    page.get_by_role("button", name="Start een ronde").click()
    expect(page.get_by_role("heading", name="Oordeelronde Overvecht")).to_be_visible()

    links = [
        _nodig_uit(page, "Buurtteam Overvecht", "formele partner (zorg, welzijn, corporatie)"),
        _nodig_uit(page, "bewoner Zambesidreef", "bewoner"),
    ]
    _past_op_telefoon(page)

    for link, oordeel, tekst in zip(
        links, ["onvoldoende", "afwezig"], ["Na 22 uur niemand", "Nooit iemand gezien"], strict=True
    ):
        partner = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
        scherm = partner.new_page()
        scherm.goto(link)
        expect(scherm.get_by_role("link", name="Inloggen")).to_be_visible()  # not logged in
        breed = scherm.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 361)
            .map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8)""")
        assert scherm.evaluate("document.documentElement.scrollWidth") <= 360, breed
        assert axe_overtredingen(scherm) == []
        deel = scherm.locator("section", has=scherm.get_by_role("heading", name="24-uurszorg"))
        deel.get_by_label(oordeel, exact=True).check()
        deel.get_by_label("telefonisch bereikbaar", exact=False).check()
        deel.get_by_label("Waarop baseer je dit?").fill(tekst)
        scherm.get_by_role("button", name="Bewaar mijn oordeel").click()
        expect(scherm.get_by_text("Je oordeel is bewaard", exact=False)).to_be_visible()
        assert axe_overtredingen(scherm) == []
        partner.close()

    page.reload()
    inhoud = page.content()
    assert "Na 22 uur niemand" in inhoud and "Nooit iemand gezien" in inhoud
    expect(page.get_by_text("2 van 2 partners")).to_be_visible()
    page.get_by_label("Ja, ik wil deze ronde sluiten").check()
    page.get_by_role("button", name="Sluit de ronde").click()
    expect(page.get_by_text("De ronde is gesloten", exact=False).first).to_be_visible()
    expect(page.get_by_text("Middelste oordeel: afwezig")).to_be_visible()
    _past_op_telefoon(page)

    page.get_by_role("link", name="Alle gesloten rondes van Overvecht").click()
    expect(page.get_by_text("Middelste oordeel: afwezig")).to_be_visible()
    _past_op_telefoon(page)


@pytest.mark.parametrize(
    "pad",
    [
        "/wijkscan/GM0344/oordelen/",
        "/wijkscan/GM0344/criteria/",
        "/wijkscan/GM0344/criteria/sociale-contacten-en-ontmoeting/",
        "/wijkscan/GM0344/wijk/WK034403/oordelen/",
    ],
)
def test_criteria_en_rondes_zonder_axe_fouten_op_een_telefoon(
    telefoon, netwerkhouder, inloggen, pad
):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + pad)
    expect(telefoon.get_by_role("heading", level=1)).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360
