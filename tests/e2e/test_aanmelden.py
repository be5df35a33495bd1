"""An initiative registers itself in a real browser, a netwerkhouder approves it, and it is found.

The e-mails the product sends are read from Django's test outbox (the live server runs in this
process); their links are opened in the browser like a resident would.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.directory import actions, registratie
from samenspel.directory.models import Moderatie, Organization, Service, Zichtbaarheid
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EIGENAAR = "breister@example.org"
LINK = re.compile(r"https?://\S+")


# --- helpers --------------------------------------------------------------------------------


def vul_verplichte_velden(
    pagina,
    naam="Handwerkgroep De Steek",
    omschrijving="Elke week een gezellig breicafé met koffie, thee en bolletjes wol.",
    wanneer="elke donderdag 14-16 uur in buurthuis De Boog",
    buurt="Zambesidreef e.o.",
    bouwsteen="Sociale contacten en ontmoeting",
    contact=EIGENAAR,
):
    """The six required questions of "Meld je initiatief aan", and nothing else."""
    pagina.get_by_label("Naam van je initiatief of activiteit").fill(naam)
    pagina.get_by_label("Wat doen jullie?").fill(omschrijving)
    pagina.get_by_label("Wanneer en waar?").fill(wanneer)
    pagina.get_by_label("In welke buurt?").select_option(label=buurt)
    pagina.get_by_label("Waar helpt jullie initiatief vooral bij?").select_option(label=bouwsteen)
    pagina.get_by_label("E-mailadres of telefoonnummer").fill(contact)


def versturen(pagina):
    naar(pagina, pagina.get_by_role("button", name="Aanmelding versturen"))


def mails_aan(adres: str, onderwerp: str = "", wacht: float = 5.0) -> list:
    """Messages to one address whose subject contains `onderwerp` (waits briefly for them)."""
    einde = time.monotonic() + wacht
    while True:
        gevonden = [
            bericht
            for bericht in mail.outbox
            if adres in bericht.to and onderwerp.lower() in bericht.subject.lower()
        ]
        if gevonden or time.monotonic() > einde:
            return gevonden
        time.sleep(0.1)


def link_uit(bericht, deel: str) -> str:
    """The site-relative path of the one link in a message's text that contains `deel`."""
    paden = [urlsplit(url).path for url in LINK.findall(bericht.body)]
    passend = [pad for pad in paden if deel in pad]
    assert len(passend) == 1, f"geen of meer links met {deel!r} in:\n{bericht.body}"
    return passend[0]


def zoek(pagina, woord: str):
    pagina.goto(pagina.basis + "/")
    pagina.get_by_label("Wat zoek je?").fill(woord)
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Zoek in de sociale kaart")


def geen_resultaten(pagina):
    expect(pagina.get_by_role("heading", name=re.compile(r"^0 resultaten"))).to_be_visible()


def uitloggen(pagina, gebruikersnaam: str):
    pagina.get_by_role("button", name=f"Uitloggen ({gebruikersnaam})").click()
    expect(pagina.get_by_role("link", name="Inloggen")).to_be_visible()


def geregistreerd(naam="Handwerkgroep De Steek", **over) -> Service:
    """A registration made through the product's own form and action, e-mail confirmed."""
    gegevens = {
        "naam": naam,
        "omschrijving": "Elke week een gezellig breicafé met koffie, thee en bolletjes wol.",
        "wanneer": "elke donderdag 14-16 uur in buurthuis De Boog",
        "buurt": "BU03440301",
        "contact": EIGENAAR,
        "bouwsteen": "sociale-contacten-en-ontmoeting",
        **over,
    }
    form = registratie.AanmeldFormulier(gegevens)
    assert form.is_valid(), form.errors
    service = actions.registreer(form.cleaned_data)
    assert actions.bevestig_email(service)
    service.refresh_from_db()
    return service


# --- the whole way: register, confirm, approve, found ---------------------------------------


def test_bewoner_meldt_initiatief_aan_bevestigt_en_na_goedkeuring_vinden_buren_het(
    page, netwerkhouder, inloggen
):
    page.goto(page.basis + "/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="Meld je initiatief aan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meld je initiatief aan")
    vul_verplichte_velden(page)
    versturen(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding!")
    expect(page.get_by_text(EIGENAAR)).to_be_visible()
    service = Service.objects.get()
    assert service.moderatie == Moderatie.ONBEVESTIGD
    assert service.zichtbaarheid == Zichtbaarheid.OPENBAAR

    # Not on the kaart before anyone looked at it.
    zoek(page, "breicafe")
    geen_resultaten(page)
    assert page.goto(page.basis + service.get_absolute_url()).status == 404

    bevestigmails = mails_aan(EIGENAAR, "Bevestig je aanmelding")
    assert len(bevestigmails) == 1
    page.goto(page.basis + link_uit(bevestigmails[0], "/aanmelden/bevestig/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig je aanmelding")
    page.get_by_role("button", name="Ja, bevestig mijn aanmelding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanmelding is bevestigd")
    assert mails_aan(netwerkhouder.email, "Handwerkgroep De Steek")

    inloggen(page, "netwerkhouder")
    page.get_by_role("link", name="Aanmeldingen").click()
    expect(page).to_have_url(page.basis + "/beheer/aanmeldingen/")
    page.get_by_role("link", name="Handwerkgroep De Steek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handwerkgroep De Steek")
    page.get_by_role("button", name="Goedkeuren en op de kaart zetten").click()
    expect(page.get_by_role("status")).to_contain_text(
        "“Handwerkgroep De Steek” staat nu op de kaart."
    )
    expect(page.get_by_text("Hier staat nu niets. Goed bezig!")).to_be_visible()
    uitloggen(page, "netwerkhouder")

    zoek(page, "breicafe")
    resultaat = page.get_by_role("link", name="Handwerkgroep De Steek")
    expect(resultaat).to_be_visible()
    resultaat.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Handwerkgroep De Steek")
    expect(page.get_by_text("gezellig breicafé met koffie")).to_be_visible()

    goedgekeurd = mails_aan(EIGENAAR, "staat op de sociale kaart")
    assert len(goedgekeurd) == 1
    bewerkpad = link_uit(goedgekeurd[0], "/bewerken/")
    assert bewerkpad.startswith(f"/aanbod/{service.pk}/bewerken/")
    page.goto(page.basis + bewerkpad)
    expect(page.get_by_role("heading", level=1)).to_have_text("“Handwerkgroep De Steek” aanpassen")


# --- editing with the magic link ------------------------------------------------------------


def test_eigenaar_past_aanbod_aan_via_link_uit_goedkeuringsmail(page, netwerkhouder):
    service = actions.keur_goed(geregistreerd(), netwerkhouder)
    zoek(page, "breicafe")
    expect(page.get_by_role("link", name="Handwerkgroep De Steek")).to_be_visible()

    (goedgekeurd,) = mails_aan(EIGENAAR, "staat op de sociale kaart")
    page.goto(page.basis + link_uit(goedgekeurd, "/bewerken/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("“Handwerkgroep De Steek” aanpassen")
    naam = page.get_by_label("Naam van je initiatief of activiteit")
    expect(naam).to_have_value("Handwerkgroep De Steek")
    naam.fill("Haakclub De Lus")
    page.get_by_label("Wat doen jullie?").fill("Elke week een haakmiddag met garen en thee.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Opgeslagen. Je wijzigingen staan meteen op de kaart."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("“Haakclub De Lus” aanpassen")

    zoek(page, "haakmiddag")
    expect(page.get_by_role("link", name="Haakclub De Lus")).to_be_visible()
    for oud in ("breicafe", "steek"):
        zoek(page, oud)
        geen_resultaten(page)

    page.goto(page.basis + service.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Haakclub De Lus")
    expect(page.get_by_text("Elke week een haakmiddag met garen en thee.")).to_be_visible()
    expect(page.get_by_text("breicafé")).to_have_count(0)
    expect(page.get_by_text("Handwerkgroep De Steek")).to_have_count(0)


# --- professional-only ----------------------------------------------------------------------


def test_aanbod_alleen_voor_professionals_blijft_verborgen_voor_bewoners(
    page, netwerkhouder, professional, inloggen
):
    page.goto(page.basis + "/aanmelden/")
    vul_verplichte_velden(
        page,
        naam="Consultatie Wijkverpleging",
        omschrijving="Overleg over een kwetsbare bewoner met de wijkverpleegkundige.",
    )
    zichtbaarheid = page.get_by_role("group", name=re.compile("Wie mag jullie aanbod zien?"))
    expect(zichtbaarheid.get_by_label("Iedereen mag het zien")).to_be_checked()
    zichtbaarheid.get_by_label("Alleen professionals, zoals het wijkteam of de huisarts").check()
    versturen(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding!")

    service = Service.objects.get()
    assert service.zichtbaarheid == Zichtbaarheid.PROFESSIONALS
    actions.bevestig_email(service)
    actions.keur_goed(service, netwerkhouder)

    zoek(page, "wijkverpleegkundige")
    geen_resultaten(page)
    antwoord = page.goto(page.basis + service.get_absolute_url())
    assert antwoord.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze pagina bestaat niet (meer)")
    expect(page.get_by_text("kwetsbare bewoner")).to_have_count(0)

    inloggen(page, "professional")
    zoek(page, "wijkverpleegkundige")
    resultaat = page.get_by_role("link", name="Consultatie Wijkverpleging")
    expect(resultaat).to_be_visible()
    resultaat.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultatie Wijkverpleging")
    expect(page.get_by_text("Overleg over een kwetsbare bewoner")).to_be_visible()


# --- bad input ------------------------------------------------------------------------------


def test_onvolledige_aanmelding_toont_alle_fouten_en_slaat_niets_op(page, gebieden):
    page.goto(page.basis + "/aanmelden/")
    page.get_by_label("E-mailadres of telefoonnummer").fill("abc")
    versturen(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Meld je initiatief aan")
    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_contain_text("Controleer wat je hebt ingevuld:")
    fouten = {
        "naam": ("Naam van je initiatief of activiteit", "Vul de naam van je initiatief in."),
        "omschrijving": ("Wat doen jullie?", "Vertel kort wat jullie doen."),
        "wanneer": (
            "Wanneer en waar?",
            "Vul in wanneer en waar het is, of vink 'op afspraak' aan.",
        ),
        "buurt": ("In welke buurt?", "Kies de buurt waar jullie initiatief is."),
        "bouwsteen": (
            "Waar helpt jullie initiatief vooral bij?",
            "Kies waar jullie initiatief vooral bij helpt.",
        ),
        "contact": (
            "E-mailadres of telefoonnummer",
            "Vul een e-mailadres of een Nederlands telefoonnummer in, "
            "bijvoorbeeld naam@voorbeeld.nl of 06 12345678.",
        ),
    }
    expect(samenvatting.get_by_role("link")).to_have_count(len(fouten))
    for veld, (label, melding) in fouten.items():
        link = samenvatting.get_by_role("link", name=label, exact=True)
        expect(link).to_have_attribute("href", f"#id_{veld}")
        regel = samenvatting.get_by_role("listitem").filter(
            has=page.get_by_role("link", name=label, exact=True)
        )
        expect(regel).to_have_text(f"{label}: {melding}")
        invoer = page.locator(f"#id_{veld}")
        expect(invoer).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_label(label, exact=True)).to_have_id(f"id_{veld}")
        veldblok = page.locator(".utrecht-form-field").filter(has=page.locator(f"#id_{veld}"))
        expect(veldblok).to_contain_text(melding)
    # What was typed stays, so the resident only corrects it.
    expect(page.get_by_label("E-mailadres of telefoonnummer")).to_have_value("abc")

    assert axe_overtredingen(page) == []
    assert Service.objects.count() == 0
    assert Organization.objects.count() == 0
    assert mail.outbox == []

    # A screen reader reads each message when its field gets focus (aria-describedby).
    for veld, (_label, melding) in fouten.items():
        expect(page.locator(f"#id_{veld}")).to_have_accessible_description(
            re.compile(re.escape(melding))
        )


# --- likely duplicates ----------------------------------------------------------------------


def test_waarschuwing_voor_dubbele_aanmelding_en_pas_opslaan_na_vinkje(page, maak_aanbod):
    bestaand = maak_aanbod(naam="Wandelgroep Overvecht")
    page.goto(page.basis + "/aanmelden/")
    vul_verplichte_velden(
        page,
        naam="Wandelgroep Overvecht",
        omschrijving="Wij wandelen op zaterdag door park De Gagel.",
        contact="wandelaar@example.org",
    )
    versturen(page)

    waarschuwing = page.locator("#dubbelen")
    expect(
        waarschuwing.get_by_role("heading", name="Staat je initiatief er al op?")
    ).to_be_visible()
    bestaande_link = waarschuwing.get_by_role("link", name="Wandelgroep Overvecht")
    expect(bestaande_link).to_have_attribute("href", bestaand.get_absolute_url())
    vinkje = page.get_by_label("Mijn initiatief staat hier niet tussen")
    expect(vinkje).not_to_be_checked()
    vakje = page.locator(".utrecht-form-field").filter(has=page.locator("#id_niet_dubbel"))
    expect(vakje).to_contain_text("Vink dan dit vakje aan en verstuur opnieuw.")
    assert Service.objects.count() == 1
    # The rest of the answers are kept.
    expect(page.get_by_label("Wat doen jullie?")).to_have_value(
        "Wij wandelen op zaterdag door park De Gagel."
    )

    versturen(page)  # again without the tick: still not saved
    expect(page.locator("#dubbelen")).to_be_visible()
    assert Service.objects.count() == 1

    page.get_by_label("Mijn initiatief staat hier niet tussen").check()
    versturen(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding!")
    nieuw = Service.objects.exclude(pk=bestaand.pk).get()
    assert nieuw.name == "Wandelgroep Overvecht"
    assert nieuw.beheerder_email == "wandelaar@example.org"


# --- the queue is per area ------------------------------------------------------------------


def test_netwerkhouder_elders_ziet_aanmelding_uit_overvecht_niet(
    page, netwerkhouder, andere_netwerkhouder, inloggen
):
    service = geregistreerd()
    assert mails_aan(netwerkhouder.email, "Handwerkgroep De Steek")
    assert not mails_aan(andere_netwerkhouder.email, wacht=0)

    inloggen(page, andere_netwerkhouder.username)
    page.goto(page.basis + "/beheer/aanmeldingen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmeldingen")
    expect(page.get_by_text("Er staan 0 aanmeldingen open in jouw gebied.")).to_be_visible()
    expect(page.get_by_text("Handwerkgroep De Steek")).to_have_count(0)
    antwoord = page.goto(page.basis + f"/beheer/aanmeldingen/{service.pk}/")
    assert antwoord.status == 404
    uitloggen(page, andere_netwerkhouder.username)

    # The Overvecht netwerkhouder does see it: the queue itself works.
    inloggen(page, "netwerkhouder")
    page.goto(page.basis + "/beheer/aanmeldingen/")
    expect(page.get_by_text("Er staat 1 aanmelding open in jouw gebied.")).to_be_visible()
    expect(page.get_by_role("link", name="Handwerkgroep De Steek")).to_be_visible()


# --- on a phone -----------------------------------------------------------------------------


def _scrollbreedte(pagina) -> int:
    return pagina.evaluate("document.documentElement.scrollWidth")


def test_aanmelden_werkt_op_telefoonscherm_zonder_horizontaal_scrollen(telefoon, gebieden):
    telefoon.goto(telefoon.basis + "/aanmelden/")
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Meld je initiatief aan")
    assert _scrollbreedte(telefoon) <= 360

    versturen(telefoon)  # the error state has the longest texts
    expect(telefoon.get_by_role("alert")).to_be_visible()
    assert _scrollbreedte(telefoon) <= 360

    vul_verplichte_velden(telefoon, contact="06 12345678")
    assert _scrollbreedte(telefoon) <= 360
    versturen(telefoon)
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding!")
    assert _scrollbreedte(telefoon) <= 360
    service = Service.objects.get()
    assert service.beheerder_telefoon == "06 12345678"
    assert service.moderatie == Moderatie.WACHTRIJ
