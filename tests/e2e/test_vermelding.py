"""In a real browser: the published listing says when and where in its owner's own words."""

import pytest
from playwright.sync_api import expect

from samenspel.directory import actions
from samenspel.directory.models import CostOption, Service
from tests.e2e.conftest import axe_overtredingen
from tests.e2e.test_aanmelden import EIGENAAR, link_uit, mails_aan, versturen, vul_verplichte_velden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAAR = "elke donderdag 10-11 uur, start bij winkelcentrum Overvecht"


def test_aanmelding_met_wanneer_en_waar_toont_de_waar_na_publicatie(page, netwerkhouder):
    page.goto(page.basis + "/aanmelden/")
    vul_verplichte_velden(page, naam="Wandelclub Overvecht", wanneer=WAAR)
    versturen(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanmelding!")
    (bevestigmail,) = mails_aan(EIGENAAR, "Bevestig je aanmelding")
    page.goto(page.basis + link_uit(bevestigmail, "/aanmelden/bevestig/"))
    page.get_by_role("button", name="Ja, bevestig mijn aanmelding").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanmelding is bevestigd")
    service = actions.keur_goed(Service.objects.get(), netwerkhouder)

    page.goto(page.basis + service.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Wandelclub Overvecht")
    expect(page.get_by_text("Wanneer en waar", exact=True)).to_be_visible()
    expect(page.get_by_text(WAAR)).to_be_visible()
    # Nobody said whether it is free or needs a referral: the page does not claim either.
    expect(page.get_by_text("Vraag het na")).to_have_count(0)
    expect(page.get_by_text("Geen verwijzing of indicatie nodig")).to_have_count(0)
    assert axe_overtredingen(page) == []


def test_kostenopties_staan_leesbaar_en_toegankelijk_op_de_aanbodpagina(telefoon, maak_aanbod):
    service = maak_aanbod(naam="Budgetcursus", gratis=False)
    CostOption.objects.create(
        service=service, option="per les", amount="4.50", amount_description="met U-pas gratis"
    )
    telefoon.goto(telefoon.basis + service.get_absolute_url())
    expect(telefoon.get_by_text("€ 4,50: per les (met U-pas gratis)")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
