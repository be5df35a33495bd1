"""Ik maak me zorgen: a neighbour on a phone answers two questions and sees whom to call now.

The acute route comes first, in large type, with tel: links, with or without JavaScript;
the gemeente's whole matrix prints on one landscape A4 for the notice board (seed 003
l.1974–1997). Every page is axe-clean at 360 and 1280 px and never scrolls sideways.
"""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from samenspel.signals import actions
from samenspel.signals.models import RegionaleRoute
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TELEFOON = {"width": 360, "height": 740}


@pytest.fixture
def routes(gebieden):
    for soort, naam, telefoon in [
        ("crisisdienst", "Crisisdienst Altrecht", "030 222 22 22"),
        ("meldpunt", "Meldpunt Zorg en Overlast Utrecht", "030 111 11 11"),
        ("wijkteam", "Buurtteam Overvecht", "030 333 33 33"),
    ]:
        actions.bewaar_route(
            RegionaleRoute(
                gemeente=gebieden["utrecht"],
                soort=soort,
                naam=naam,
                telefoon=telefoon,
                openingstijden="Dag en nacht",
                website="https://www.example.org/" + soort,
            ),
            None,
        )
    return gebieden


def _geen_zijwaarts_scrollen(pagina):
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= pagina.viewport_size["width"], f"{pagina.url}: {breedte} px breed"


def _schoon(pagina):
    assert axe_overtredingen(pagina) == [], pagina.url


def _beantwoord(pagina):
    pagina.get_by_label("Ik ben een buur of bewoner").check()
    pagina.get_by_label("Ja, het is acuut: er is nu gevaar").check()
    pagina.get_by_label("Gemeente", exact=True).select_option(label="Utrecht")
    naar(pagina, pagina.get_by_role("button", name="Laat zien wie ik kan bellen"))


def _acuut_eerst_en_groot(pagina):
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Acuut: bel nu")
    eerste = pagina.locator("main a[href^='tel:']").first
    expect(eerste).to_have_attribute("href", "tel:0302222222")
    expect(eerste).to_have_text("030 222 22 22")
    groot = float(eerste.evaluate("a => parseFloat(getComputedStyle(a).fontSize)"))
    gewoon = float(pagina.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))
    assert groot >= 1.75 * gewoon, (groot, gewoon)
    expect(pagina.locator("main a[href='tel:112']").first).to_be_visible()
    # Only the acute cell: the non-acute meldpunt is not on this page.
    expect(pagina.get_by_text("Meldpunt Zorg en Overlast Utrecht")).to_have_count(0)


def test_een_buur_op_de_telefoon_ziet_de_acute_route_eerst_en_groot(telefoon, routes):
    telefoon.goto(telefoon.basis + "/")
    telefoon.get_by_role("link", name="Ik maak me zorgen om iemand").click()
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Ik maak me zorgen")
    _geen_zijwaarts_scrollen(telefoon)
    _schoon(telefoon)
    _beantwoord(telefoon)
    _acuut_eerst_en_groot(telefoon)
    _geen_zijwaarts_scrollen(telefoon)
    _schoon(telefoon)
    telefoon.get_by_role("link", name="Het is toch niet acuut").click()
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Geen spoed: wie kun je bellen?")
    expect(telefoon.get_by_text("Meldpunt Zorg en Overlast Utrecht")).to_be_visible()
    _geen_zijwaarts_scrollen(telefoon)
    _schoon(telefoon)


def test_zonder_javascript_werkt_de_meldroute_ook(browser, live_server, routes):
    context = browser.new_context(viewport=TELEFOON, locale="nl-NL", java_script_enabled=False)
    pagina = context.new_page()
    try:
        pagina.goto(live_server.url + "/signalen/")
        _beantwoord(pagina)
        _acuut_eerst_en_groot(pagina)
        _geen_zijwaarts_scrollen(pagina)
    finally:
        context.close()


def test_een_vergeten_vraag_wordt_genoemd(telefoon, routes):
    telefoon.goto(telefoon.basis + "/signalen/")
    telefoon.get_by_role("button", name="Laat zien wie ik kan bellen").click()
    expect(telefoon.get_by_role("alert")).to_contain_text("Kies wie je bent.")
    expect(telefoon.get_by_role("alert")).to_contain_text("Kies of het acuut is.")
    _geen_zijwaarts_scrollen(telefoon)
    _schoon(telefoon)


def test_de_pagina_s_zijn_schoon_op_een_breed_scherm(page, routes):
    page.goto(page.basis + "/signalen/")
    _schoon(page)
    for wie in ("zelf", "burger", "vrijwilliger", "professional"):
        for urgentie in ("acuut", "niet-acuut"):
            page.goto(page.basis + f"/signalen/meldroute/GM0344/{wie}/{urgentie}/")
            _schoon(page)
    page.goto(page.basis + "/signalen/meldroute/GM0599/zelf/acuut/")
    expect(
        page.get_by_text("De gemeente Rotterdam heeft dit nog niet ingevuld").first
    ).to_be_visible()
    _schoon(page)


def test_de_hele_matrix_past_geprint_op_een_liggend_a4(page, telefoon, routes):
    for pagina in (page, telefoon):
        pagina.goto(pagina.basis + "/signalen/meldroute/GM0344/")
        _schoon(pagina)
        _geen_zijwaarts_scrollen(pagina)
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    blad = pdf.pages[0]
    assert float(blad.mediabox.width) > float(blad.mediabox.height)  # landscape
    tekst = " ".join((blad.extract_text() or "").split())
    for nummer in ("030 222 22 22", "030 111 11 11", "030 333 33 33", "0800-1205", "112"):
        assert nummer in tekst, nummer
    assert "Hoofdmenu" not in tekst and "Zoeken" not in tekst


def test_de_beheerder_vult_een_route_in(telefoon, routes, django_user_model, inloggen):
    django_user_model.objects.create_user(
        username="beheerder", password="geheim-wachtwoord-123", rol="beheerder", is_staff=True
    )
    inloggen(telefoon, "beheerder")
    telefoon.goto(telefoon.basis + "/signalen/routes/?gemeente=GM0344")
    expect(telefoon.get_by_text("Crisisdienst Altrecht")).to_be_visible()
    _geen_zijwaarts_scrollen(telefoon)
    _schoon(telefoon)
    telefoon.get_by_role("link", name="Route toevoegen").click()
    telefoon.get_by_label("Soort route").select_option(label="Huisartsenpost")
    telefoon.get_by_label("Naam").fill("Huisartsenpost Utrecht Stad")
    telefoon.get_by_label("Telefoonnummer").fill("12345")
    telefoon.get_by_role("button", name="Bewaren").click()
    expect(telefoon.get_by_role("alert")).to_contain_text("Nederlands telefoonnummer")
    _geen_zijwaarts_scrollen(telefoon)
    _schoon(telefoon)
    telefoon.get_by_label("Telefoonnummer").fill("0900-4500000")
    telefoon.get_by_role("button", name="Bewaren").click()
    expect(telefoon.get_by_text("De route is toegevoegd.")).to_be_visible()
    telefoon.goto(telefoon.basis + "/signalen/meldroute/GM0344/zelf/acuut/")
    expect(telefoon.locator("main a[href='tel:09004500000']")).to_be_visible()
    telefoon.goto(telefoon.basis + "/signalen/routes/?gemeente=GM0344")
    telefoon.get_by_role("link", name="Wijzigen Huisartsenpost Utrecht Stad").click()
    telefoon.get_by_role("button", name="Route verwijderen").click()
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Weet je het zeker?")
    _schoon(telefoon)
    telefoon.get_by_role("button", name="Ja, verwijder deze route").click()
    expect(telefoon.get_by_text("De route is verwijderd.")).to_be_visible()
