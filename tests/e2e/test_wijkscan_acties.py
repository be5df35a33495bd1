"""A gap in the wijkscan becomes an action with an owner, and its status changes."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.directory.models import Organization
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GATEN = "/wijkscan/GM0344/gaten/?wijk=WK034403&bouwsteen=24-uurszorg"


@pytest.fixture
def utrecht(gebieden, netwerkhouder):
    Organization.objects.create(
        name="Buurtteam Overvecht", description="Buurtteam", gemeente=gebieden["utrecht"]
    )
    return netwerkhouder


def _past_op_de_telefoon(pagina):
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360


def test_een_gat_wordt_een_actie_met_een_eigenaar_en_de_status_verandert(
    telefoon, utrecht, inloggen
):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + "/wijkscan/GM0344/")
    telefoon.get_by_role("link", name="Gaten per wijk en bouwsteen").click()
    telefoon.goto(telefoon.basis + GATEN)
    expect(telefoon.get_by_text("geen aanbod", exact=False).first).to_be_visible()
    _past_op_de_telefoon(telefoon)

    telefoon.get_by_role("link", name="Maak er een actie van", exact=False).first.click()
    assert telefoon.get_by_label("Wijk of buurt").input_value() == "WK034403"
    assert telefoon.get_by_label("Bouwsteen").input_value() == "24-uurszorg"
    # Without owner and date first: the form names both fields.
    telefoon.get_by_label("Wat gaat er gebeuren?").fill("Een nachtlijn met de wijkpost")
    telefoon.get_by_role("button", name="Actie opslaan").click()
    expect(telefoon.get_by_role("link", name="Eigenaar")).to_be_visible()
    expect(telefoon.get_by_role("link", name="Streefdatum")).to_be_visible()
    _past_op_de_telefoon(telefoon)

    telefoon.get_by_label("Eigenaar").select_option(label="Buurtteam Overvecht")
    datum = timezone.localdate() + dt.timedelta(days=60)
    telefoon.get_by_label("Streefdatum").fill(datum.isoformat())
    telefoon.get_by_role("button", name="Actie opslaan").click()
    expect(telefoon.get_by_text("De actie staat op de actielijst.")).to_be_visible()

    telefoon.get_by_role("link", name="Actielijst").first.click()
    rij = telefoon.get_by_role("row", name="Een nachtlijn met de wijkpost", exact=False)
    assert "Buurtteam Overvecht" in rij.inner_text() and "open" in rij.inner_text()
    _past_op_de_telefoon(telefoon)

    # Back on the gap list, the gap says it has an action.
    telefoon.goto(telefoon.basis + GATEN)
    expect(telefoon.get_by_text("Er loopt al een actie (open)", exact=False).first).to_be_visible()

    telefoon.get_by_role("link", name="Een nachtlijn met de wijkpost").first.click()
    telefoon.get_by_label("Nieuwe status").select_option("bezig")
    telefoon.get_by_role("button", name="Status opslaan").click()
    expect(telefoon.get_by_text("Status van open naar bezig.")).to_be_visible()
    _past_op_de_telefoon(telefoon)

    telefoon.get_by_role("link", name="Actielijst").first.click()
    rij = telefoon.get_by_role("row", name="Een nachtlijn met de wijkpost", exact=False)
    assert "bezig" in rij.inner_text()


def test_de_24_uurszorg_pagina_past_op_de_telefoon(telefoon, utrecht, inloggen):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + "/wijkscan/GM0344/etmaal/")
    expect(telefoon.get_by_role("heading", name="24-uurszorg in Utrecht")).to_be_visible()
    _past_op_de_telefoon(telefoon)
