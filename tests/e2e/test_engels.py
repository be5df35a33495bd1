"""English in a real browser: the header switch, then every main page of each role.

A page in English may show Dutch data (names and descriptions of listings), but no Dutch
message of the catalogue: no element whose whole text is a Dutch message, and no long piece
of one anywhere (see `vertalen.nederlands_op_pagina`). Every page is also axe-clean.
"""

import datetime as dt
import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from tests.e2e.conftest import axe_overtredingen, nederlands

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def controleer(pagina, wat: str) -> None:
    assert pagina.evaluate("document.documentElement.lang") == "en", wat
    assert nederlands(pagina) == [], f"{wat} ({pagina.url}) shows Dutch UI text"
    assert axe_overtredingen(pagina) == [], wat


@pytest.fixture
def wijk(maak_aanbod, django_user_model, gebieden):
    wandel = maak_aanbod(
        naam="Wandelgroep Overvecht",
        organisatie="Stichting Samen Lopen",
        route="aanmelden",
        beheerder_email="wandel@example.org",
        bevestigd=dt.date(2026, 10, 28),
    )
    maak_aanbod(
        naam="Taalcafé De Brug",
        omschrijving="Samen Nederlands oefenen bij een kop koffie.",
        bouwstenen=("zinvolle-daginvulling",),
        sector="formeel",
        dagen="TH",
    )
    wijkteam = m.Organization.objects.create(
        name="Wijkteam Overvecht", description="Wijkteam", sector="formeel"
    )
    django_user_model.objects.create_user(
        username="pim",
        email="pim@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.PROFESSIONAL,
        first_name="Pim",
        organisatie=wijkteam,
    )
    return {"wandel": wandel, "wijk": gebieden["overvecht"]}


def _pad_uit_mail(aan: str, patroon: str) -> str:
    bericht = [b for b in mail.outbox if b.to == [aan]][-1]
    link = next(x for x in re.findall(r"https?://\S+", bericht.body) if re.search(patroon, x))
    deel = urlparse(link)
    return deel.path + (f"?{deel.query}" if deel.query else "")


def test_in_het_engels_staat_op_geen_pagina_nog_nederlandse_tekst(page, wijk):
    wandel, overvecht = wijk["wandel"], wijk["wijk"]

    # The switch in the header, on a Dutch page; it keeps the page.
    page.goto(page.basis + "/zoeken/?q=wandel")
    assert page.evaluate("document.documentElement.lang") == "nl"
    schakelaar = page.get_by_role("link", name="English")
    assert schakelaar.get_attribute("lang") == "en"
    schakelaar.click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=wandel$"))
    controleer(page, "search results")
    expect(page.get_by_role("link", name="Wandelgroep Overvecht")).to_be_visible()
    expect(page.get_by_role("link", name="Nederlands")).to_have_attribute("lang", "nl")

    pagina_s = {
        "home": "/",
        "service": f"/aanbod/{wandel.pk}/",
        "organisation": f"/organisatie/{wandel.organization.pk}/",
        "district": f"/wijk/{overvecht.code}/",
        "district guide": f"/wijk/{overvecht.code}/wijkwijzer/",
        "registration form": "/aanmelden/",
        "privacy": "/privacy/",
        "not found": "/bestaat-niet/",
        "join": f"/meedoen/{wandel.pk}/",
    }
    for wat, pad in pagina_s.items():
        page.goto(page.basis + pad)
        controleer(page, wat)
    page.goto(page.basis + f"/aanbod/{wandel.pk}/")
    expect(page.get_by_text("Last confirmed on 28 October 2026")).to_be_visible()

    # Validation messages: the registration form sent empty.
    page.goto(page.basis + "/aanmelden/")
    page.get_by_role("button", name="Send registration").click()
    expect(page.get_by_text("Check what you have filled in:")).to_be_visible()
    controleer(page, "registration form with errors")

    # A professional logs in, refers a resident with verbal consent, opens the inbox.
    page.goto(page.basis + "/inloggen/")
    controleer(page, "login")
    page.get_by_label("Username").fill("pim")
    page.get_by_label("Password").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Log in").click()
    page.goto(page.basis + f"/verwijzingen/nieuw/{wandel.pk}/")
    controleer(page, "new referral")
    page.get_by_label("Name or nickname").fill("Sanne")
    page.get_by_label("e-mail", exact=True).check()
    page.get_by_label("Phone number or e-mail address").fill("sanne@example.org")
    page.get_by_label("What would help?").fill("Houdt van de buitenlucht en praat graag.")
    page.get_by_label("The resident has just given me verbal consent.").check()
    page.get_by_label("Only the status, such as “accepted”.").check()
    page.get_by_role("button", name="Send referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Referral to Wandelgroep Overvecht")
    controleer(page, "referral")
    page.goto(page.basis + "/verwijzingen/")
    controleer(page, "inbox")
    page.goto(page.basis + f"/verwijzingen/plek/{wandel.pk}/")
    controleer(page, "is there room?")

    # The resident's own page, from the e-mail (in the language the referral was sent in).
    bewoner = _pad_uit_mail("sanne@example.org", r"/mijn/")
    page.goto(page.basis + bewoner)
    expect(page.get_by_role("heading", name="Your sign-ups")).to_be_visible()
    controleer(page, "resident page")
    onderwerp = [b for b in mail.outbox if b.to == ["sanne@example.org"]][-1].subject
    assert onderwerp == "Your sign-up for Wandelgroep Overvecht"

    # And back to Dutch, on the same page.
    page.get_by_role("link", name="Nederlands").click()
    expect(page.get_by_role("heading", name="Jouw aanmeldingen")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "nl"
    # The same check on the Dutch page finds the messages, so it can see them at all.
    assert {"Jouw aanmeldingen", "Wie ziet wat"} <= set(nederlands(page))


def test_de_netwerkhouder_beoordeelt_in_het_engels(page, maak_aanbod, django_user_model, gebieden):
    maak_aanbod(naam="Breicafé De Steek", moderatie="wachtrij")
    netwerkhouder = django_user_model.objects.create_user(
        username="nina",
        email="nina@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.NETWERKHOUDER,
    )
    netwerkhouder.gebieden.add(gebieden["overvecht"])

    page.goto(page.basis + "/inloggen/")
    page.get_by_role("link", name="English").click()
    page.get_by_label("Username").fill("nina")
    page.get_by_label("Password").fill("geheim-wachtwoord-123")
    page.get_by_role("button", name="Log in").click()
    page.goto(page.basis + "/beheer/aanmeldingen/")
    controleer(page, "registrations queue")
    page.get_by_role("link", name="Breicafé De Steek").click()
    expect(page).to_have_title(re.compile("^Registration: Breicafé De Steek"))
    controleer(page, "review")
    page.get_by_label("Your question to the registrant").fill("Is it every week?")
    page.get_by_role("button", name="Send question").click()
    expect(page.get_by_text("Your question has been e-mailed to the registrant.")).to_be_visible()
    controleer(page, "queue after a question")


def _in_het_engels(page) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": page.basis}])


def test_zoeken_met_de_nieuwe_filters_in_het_engels(page, wijk):
    locatie = wijk["wandel"].service_at_locations.get().location
    m.Accessibility.objects.create(location=locatie, description="Drempelvrij (rollator)")
    m.Attribute.objects.create(
        link_entity="service",
        link_id=wijk["wandel"].pk,
        taxonomy_term=m.TaxonomyTerm.objects.levensdomeinen().get(code="psychische-gezondheid"),
    )
    _in_het_engels(page)

    # The facets, from the built-in taxonomies and the accessibility list, in English.
    page.goto(page.basis + "/zoeken/?q=wandel")
    for label in ("Step-free (walker)", "Mental health", "Open now", "After office hours"):
        expect(page.get_by_label(label, exact=False).first).to_be_attached()
    controleer(page, "search page with the new filters")

    # Chosen filters become removable chips, named in English.
    page.goto(page.basis + "/zoeken/?q=wandel&toegankelijkheid=drempelvrij&na_kantoortijd=on")
    expect(page.get_by_role("link", name="Remove all filters")).to_be_visible()
    expect(page.locator(".gekozen").get_by_role("link").first).to_contain_text("Step-free")
    expect(page.get_by_text("Filters (2)")).to_be_attached()
    controleer(page, "search with chips")


def test_wegwijzer_wachtwoord_en_klopt_nog_in_het_engels(page, wijk):
    from samenspel.directory import links as eigenaarlinks

    wandel = wijk["wandel"]
    taalcafe = m.Service.objects.get(name="Taalcafé De Brug")
    _in_het_engels(page)

    # A personal guide with two listings, picked on their pages.
    for service in (wandel, taalcafe):
        page.goto(page.basis + service.get_absolute_url())
        page.get_by_role("button", name="Add to my guide").click()
        controleer(page, "service on the guide")
    page.goto(page.basis + "/wegwijzer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Personal guide")
    expect(page.get_by_role("heading", name="Taalcafé De Brug")).to_be_visible()
    controleer(page, "personal guide")

    # Password reset, from the e-mail to the new password.
    page.goto(page.basis + "/inloggen/")
    page.get_by_role("link", name="Forgot your password?").click()
    controleer(page, "forgot password")
    page.get_by_label("Your e-mail address").fill("pim@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    controleer(page, "password link sent")
    assert [b.subject for b in mail.outbox if b.to == ["pim@example.org"]] == [
        "Choose a new password for Samenspel"
    ]
    page.goto(page.basis + _pad_uit_mail("pim@example.org", r"/wachtwoord-nieuw/"))
    controleer(page, "new password")
    page.get_by_label("New password").fill("een-heel-nieuw-wachtwoord-42")
    page.get_by_label("The same password again").fill("een-heel-nieuw-wachtwoord-42")
    page.get_by_role("button", name="Save password").click()
    nieuw = "Your new password has been saved. Log in with it now."
    expect(page.get_by_text(nieuw)).to_be_visible()
    controleer(page, "login after a new password")

    # "Klopt nog" from the owner's e-mail: what to check, and confirm in one step.
    page.goto(page.basis + eigenaarlinks.pad(wandel, eigenaarlinks.KLOPT_NOG))
    controleer(page, "still correct?")
    page.get_by_role("button", name="Yes, this is still correct").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("is confirmed")
    controleer(page, "confirmed")
