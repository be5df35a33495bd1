"""A place with a rollator in mind: registered as drempelvrij, approved, and found by filter.

The focus group's case (seed 000, Bijlage 4A) is a woman with a rollator; before, "rollator"
found nothing and no filter asked about access.
"""

import re

import pytest
from playwright.sync_api import expect

from samenspel.directory import actions
from samenspel.directory.models import Service
from tests.e2e.conftest import axe_overtredingen, naar
from tests.e2e.test_aanmelden import (
    EIGENAAR,
    geregistreerd,
    link_uit,
    mails_aan,
    uitloggen,
    versturen,
    vul_verplichte_velden,
    zoek,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def zichtbaar_maken(pagina, vinkje) -> None:
    """Filters may sit folded away (a "Filters" control): open it as a visitor would.

    On a wide screen the page's script opens them itself; it runs before the load event, so
    only after that event does the folded state say whether a visitor has to click."""
    pagina.wait_for_load_state("load")
    filters = pagina.locator("details:has(input[name='toegankelijkheid'])").first
    if filters.get_attribute("open") is None:
        filters.locator("> summary").click()
    expect(vinkje).to_be_visible()


def test_drempelvrij_aangemeld_goedgekeurd_en_gevonden_met_het_filter(
    page, netwerkhouder, inloggen, maak_aanbod
):
    maak_aanbod(naam="Zolderatelier", omschrijving="Schilderen op zolder, via de trap.")

    page.goto(page.basis + "/aanmelden/")
    vul_verplichte_velden(page)
    toegang = page.get_by_role("group", name=re.compile("Hoe toegankelijk is de plek?"))
    for label in ("Rolstoeltoegankelijk", "Aangepast toilet", "Ringleiding", "Parkeren dichtbij"):
        expect(toegang.get_by_label(label)).not_to_be_checked()
    toegang.get_by_label("Drempelvrij (rollator)").check()
    assert axe_overtredingen(page) == []
    versturen(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding!")
    service = Service.objects.get(name="Handwerkgroep De Steek")

    (bevestigmail,) = mails_aan(EIGENAAR, "Bevestig je aanmelding")
    page.goto(page.basis + link_uit(bevestigmail, "/aanmelden/bevestig/"))
    page.get_by_role("button", name="Ja, bevestig mijn aanmelding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanmelding is bevestigd")

    inloggen(page, "netwerkhouder")
    page.goto(page.basis + "/beheer/aanmeldingen/")
    page.get_by_role("link", name="Handwerkgroep De Steek").click()
    # The netwerkhouder sees what was claimed before she approves it.
    expect(page.locator("dl.gegevens")).to_contain_text("Drempelvrij (rollator)")
    page.get_by_role("button", name="Goedkeuren en op de kaart zetten").click()
    expect(page.get_by_role("status")).to_contain_text("staat nu op de kaart")
    uitloggen(page, "netwerkhouder")

    # The resident: every listing first, then only those she can enter with her rollator.
    zoek(page, "")
    expect(page.get_by_role("link", name="Zolderatelier")).to_be_visible()
    filter_ = page.get_by_role("group", name="Toegankelijkheid")
    vinkje = filter_.get_by_label("Drempelvrij (rollator)")
    zichtbaar_maken(page, vinkje)
    vinkje.check()
    naar(page, page.get_by_role("button", name="Filters toepassen"))

    expect(page.get_by_role("heading", name=re.compile(r"^1 resultaat"))).to_be_visible()
    expect(page.get_by_role("link", name="Zolderatelier")).to_have_count(0)
    assert axe_overtredingen(page) == []
    page.get_by_role("link", name="Handwerkgroep De Steek").click()
    expect(page).to_have_url(page.basis + service.get_absolute_url())
    expect(page.get_by_role("listitem").filter(has_text="Drempelvrij (rollator)")).to_be_visible()
    assert axe_overtredingen(page) == []

    # And the word she would type finds it too.
    zoek(page, "rollator")
    expect(page.get_by_role("link", name="Handwerkgroep De Steek")).to_be_visible()
    expect(page.get_by_role("link", name="Zolderatelier")).to_have_count(0)


def test_toegankelijkheid_aanpassen_via_de_bewerklink(page, netwerkhouder):
    actions.keur_goed(geregistreerd(toegankelijkheid=["drempelvrij"]), netwerkhouder)
    (goedgekeurd,) = mails_aan(EIGENAAR, "staat op de sociale kaart")
    page.goto(page.basis + link_uit(goedgekeurd, "/bewerken/"))

    toegang = page.get_by_role("group", name=re.compile("Hoe toegankelijk is de plek?"))
    expect(toegang.get_by_label("Drempelvrij (rollator)")).to_be_checked()
    toegang.get_by_label("Drempelvrij (rollator)").uncheck()
    toegang.get_by_label("Ringleiding").check()
    assert axe_overtredingen(page) == []
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Opgeslagen.")

    zoek(page, "ringleiding")
    expect(page.get_by_role("link", name="Handwerkgroep De Steek")).to_be_visible()
    zoek(page, "rollator")
    expect(page.get_by_role("heading", name=re.compile(r"^0 resultaten"))).to_be_visible()
