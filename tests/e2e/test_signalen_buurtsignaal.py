"""A signal about the neighbourhood in a real browser (issue 13, item 4).

A resident sends an anonymous signal about Zambesidreef, allowing it to be public; the
netwerkhouder of Overvecht reads it, answers, and puts it on the wijkagenda; the public page of
the wijk shows the signal and the answer without names. Every page: axe at 1280 and 360 px, and
no sideways scrolling on the phone.
"""

import pytest
from playwright.sync_api import expect

from samenspel.signals import forms_buurtsignaal
from samenspel.signals.models import Agendapunt, Buurtsignaal
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEKST = "Sinds het buurthuis dicht is zitten er ouderen alleen thuis."


def _goed(pagina, telefoon, pad):
    """Zero axe violations at 1280 px and at 360 px, and no sideways scroll on the phone."""
    assert axe_overtredingen(pagina) == []
    telefoon.context.add_cookies(pagina.context.cookies())
    telefoon.goto(telefoon.basis + pad)
    assert axe_overtredingen(telefoon) == []
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360, f"{pad} schuift opzij op 360 px ({breedte})"


def test_bewoner_stuurt_anoniem_en_netwerkhouder_antwoordt_en_zet_op_de_agenda(
    page, telefoon, gebieden, netwerkhouder, inloggen
):
    # The resident, without an account.
    page.goto(page.basis + "/signalen/buurt/")
    _goed(page, telefoon, "/signalen/buurt/")
    page.get_by_label("Over welke buurt gaat het?").select_option(
        label="Zambesidreef e.o., Overvecht, Utrecht"
    )
    page.get_by_label("Ouderen of anderen zitten alleen thuis").check()
    page.get_by_label("Wat zie je in de buurt?").fill(TEKST)
    page.get_by_label("Dit signaal mag openbaar").check()
    page.get_by_role("button", name="Signaal versturen").click()
    expect(page.get_by_role("heading", name="Bedankt voor je signaal")).to_be_visible()
    _goed(page, telefoon, "/signalen/buurt/verstuurd/")
    signaal = Buurtsignaal.objects.get()
    assert signaal.email == "" and signaal.openbaar

    # The netwerkhouder of Overvecht.
    inloggen(page, netwerkhouder.username)
    page.goto(page.basis + "/signalen/buurtsignalen/")
    _goed(page, telefoon, "/signalen/buurtsignalen/")
    page.get_by_role("link", name="Ouderen of anderen zitten alleen thuis").click()
    expect(page.get_by_text(TEKST)).to_be_visible()
    _goed(page, telefoon, f"/signalen/buurtsignalen/{signaal.pk}/")
    page.get_by_label("Je antwoord").fill("We bespreken het in het wijkoverleg.")
    page.get_by_role("button", name="Antwoord opslaan").click()
    expect(page.get_by_text("Je antwoord is opgeslagen.")).to_be_visible()
    page.get_by_label("Of een nieuw punt: het onderwerp").fill("Ontmoeten na het buurthuis")
    page.get_by_role("button", name="Op de wijkagenda zetten").click()
    expect(page.get_by_role("heading", name="Ontmoeten na het buurthuis")).to_be_visible()
    _goed(page, telefoon, "/signalen/wijkagenda/WK034403/")
    assert Agendapunt.objects.get().signalen.get() == signaal

    # Anyone: the public page of the wijk, without names or address.
    telefoon.context.clear_cookies()
    page.context.clear_cookies()
    page.goto(page.basis + "/signalen/wijk/WK034403/")
    expect(page.get_by_text(TEKST)).to_be_visible()
    expect(page.get_by_text("We bespreken het in het wijkoverleg.")).to_be_visible()
    expect(page.get_by_text("Ontmoeten na het buurthuis")).to_be_visible()
    _goed(page, telefoon, "/signalen/wijk/WK034403/")


def test_bij_veel_buurten_kiest_een_bewoner_op_de_telefoon_eerst_de_gemeente(
    page, telefoon, gebieden, monkeypatch
):
    # A whole country's buurten do not fit one list: the gemeente comes first, without script.
    monkeypatch.setattr(forms_buurtsignaal, "BUURTEN_IN_EEN_LIJST", 2)
    page.goto(page.basis + "/signalen/buurt/")
    _goed(page, telefoon, "/signalen/buurt/")
    telefoon.get_by_label("In welke gemeente is het?").select_option(label="Utrecht")
    naar(telefoon, telefoon.get_by_role("button", name="Verder: kies de buurt"))
    buurten = telefoon.get_by_label("Over welke buurt gaat het?")
    expect(buurten.locator("option")).to_have_text(
        ["Kies een buurt", "Vechtzoom, Overvecht, Utrecht", "Zambesidreef e.o., Overvecht, Utrecht"]
    )
    assert axe_overtredingen(telefoon) == []
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360
