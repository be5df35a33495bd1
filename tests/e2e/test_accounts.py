"""Accounts and messages in a real browser: a forgotten password, landing where the work is,
logging out, a stale form, the "klopt nog" page and an answered question, on a phone too."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.directory import actions, links
from samenspel.directory import models as m
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NIEUW = "bruine-beer-fietst-naar-huis"


def _pad(url: str) -> str:
    delen = urlsplit(url)
    return delen.path + (f"?{delen.query}" if delen.query else "")


def _past_op_het_scherm(pagina) -> None:
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= pagina.viewport_size["width"], (pagina.url, breedte)


def _netjes(pagina) -> None:
    _past_op_het_scherm(pagina)
    assert axe_overtredingen(pagina) == [], pagina.url


def test_professional_vergeet_wachtwoord_en_komt_na_inloggen_in_de_inbox(telefoon, professional):
    p = telefoon
    p.goto(p.basis + "/inloggen/")
    p.get_by_role("link", name="Wachtwoord vergeten?").click()
    expect(p.get_by_role("heading", level=1)).to_have_text("Wachtwoord vergeten")
    _netjes(p)
    p.get_by_label("Je e-mailadres").fill("professional@example.org")
    p.get_by_role("button", name="Stuur mij een link").click()
    expect(p.get_by_role("heading", level=1)).to_have_text("Kijk in je e-mail")
    _netjes(p)

    link = re.search(r"https?://\S+/wachtwoord-nieuw/\S+/", mail.outbox[0].body).group(0)
    p.goto(p.basis + _pad(link))
    expect(p.get_by_role("heading", level=1)).to_have_text("Kies een nieuw wachtwoord")
    _netjes(p)
    p.get_by_label("Nieuw wachtwoord", exact=True).fill(NIEUW)
    p.get_by_label("Nog een keer hetzelfde wachtwoord").fill(NIEUW)
    p.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(p.get_by_text("Je nieuwe wachtwoord is opgeslagen")).to_be_visible()

    p.get_by_label("Gebruikersnaam").fill("professional")
    p.get_by_label("Wachtwoord", exact=True).fill(NIEUW)
    p.get_by_role("button", name="Inloggen").click()
    expect(p).to_have_url(p.basis + "/verwijzingen/")

    p.get_by_role("button", name=re.compile("Uitloggen")).click()
    expect(p.get_by_text("Je bent uitgelogd.")).to_be_visible()
    _netjes(p)


def test_netwerkhouder_landt_na_inloggen_bij_de_aanmeldingen(page, netwerkhouder, inloggen):
    inloggen(page, "netwerkhouder")
    expect(page).to_have_url(page.basis + "/beheer/aanmeldingen/")


def test_formulier_dat_te_lang_openstond_geeft_eigen_pagina_met_weg_terug(telefoon, gebieden):
    p = telefoon
    p.goto(p.basis + "/bewerklink/")
    p.context.clear_cookies()  # as when the session ran out while the page stood open
    p.get_by_label("Je e-mailadres").fill("anna@example.org")
    p.get_by_role("button", name="Stuur mij een link").click()
    expect(p.get_by_role("heading", level=1)).to_have_text("Dit is niet verstuurd")
    _netjes(p)
    p.get_by_role("link", name="Terug naar de pagina").click()
    expect(p).to_have_url(p.basis + "/bewerklink/")


def test_klopt_nog_pagina_toont_wat_er_staat_en_bevestigt_met_een_knop(telefoon, maak_aanbod):
    p = telefoon
    oud = timezone.localdate() - dt.timedelta(days=200)
    service = maak_aanbod(
        naam="Koffie & Thee bij Fatima's",
        bevestigd=oud,
        beheerder_email="fatima.koffie.en.thee.in.overvecht@example.org",
    )
    m.Phone.objects.create(service=service, number="030 123 4567")
    m.Contact.objects.create(
        service=service, name="Fatima", email="fatima.koffie.en.thee.in.overvecht@example.org"
    )

    p.goto(p.basis + links.pad(service, links.KLOPT_NOG))
    expect(p.get_by_text("030 123 4567")).to_be_visible()
    _netjes(p)
    p.get_by_role("button", name="Ja, dit klopt nog").click()
    expect(p.get_by_text("Dank je wel!")).to_be_visible()
    expect(p.get_by_role("button", name="Ja, dit klopt nog")).to_have_count(0)
    _netjes(p)
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()


def test_beantwoorde_vraag_staat_als_antwoord_in_de_wachtrij(
    telefoon, netwerkhouder, maak_aanbod, inloggen
):
    p = telefoon
    service = maak_aanbod(
        naam="Taalcafé Overvecht",
        moderatie=m.Moderatie.WACHTRIJ,
        beheerder_email="anna@example.org",
        tijden_omschrijving="dinsdag 10-12 uur",
    )
    actions.stel_vraag(service, netwerkhouder, "Is het gratis?")
    p.goto(p.basis + links.pad(service, links.BEWERK))
    p.get_by_label("Wat doen jullie?").fill("Samen Nederlands praten. Het is gratis.")
    naar(p, p.get_by_role("button", name=re.compile("Opslaan")))

    inloggen(p, "netwerkhouder")
    expect(p.get_by_text("Antwoord op je vraag")).to_be_visible()
    _netjes(p)
    p.get_by_role("link", name="Taalcafé Overvecht").click()
    expect(p.get_by_role("heading", name="Antwoord op je vraag")).to_be_visible()
    expect(p.get_by_text("Is het gratis?").first).to_be_visible()
    geschiedenis = p.locator("ol.historie").inner_text()
    assert "moderatie" not in geschiedenis and "description" not in geschiedenis
    _netjes(p)
