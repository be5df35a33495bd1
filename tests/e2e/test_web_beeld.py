"""The web's overview and an area's web on a phone: readable, axe-clean, the picture described.

At 360 px nothing is wider than the screen; the SVG has a text alternative (role="img", an
aria-label, <title> and <desc>) and the table beside it holds the same facts (issue 11, item 8).
"""

import pytest
from playwright.sync_api import expect

from samenspel.network.tests.test_beeld import web_overvecht  # noqa: F401 (fixture)
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BREEDTE = "() => document.documentElement.scrollWidth"


def test_een_partner_opent_het_web_van_zijn_wijk_op_de_telefoon(
    telefoon,
    inloggen,
    professional,
    web_overvecht,  # noqa: F811
):
    pagina = telefoon
    inloggen(pagina, "professional")
    pagina.goto(pagina.basis + "/")
    pagina.get_by_role("link", name="Het web").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Het web")
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate(BREEDTE) <= 360

    pagina.get_by_role("link", name="Overvecht").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Het web van Overvecht")
    tekening = pagina.get_by_role("img", name="Tekening van het web van Overvecht")
    expect(tekening).to_be_visible()
    assert "3 organisaties" in tekening.locator(":scope > desc").text_content()
    assert tekening.locator(":scope > title").text_content() == "Het web van Overvecht"
    tabel = pagina.get_by_role("table", name="Banden tussen organisaties in Overvecht")
    expect(tabel).to_contain_text("Zwaantje Verbinder")
    expect(tabel).to_contain_text("ja, enige verbinding")
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate(BREEDTE) <= 360

    pagina.get_by_role("link", name="Marieke Bos").first.click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Wat als Marieke Bos vertrekt?")
    expect(pagina.get_by_text("Het web valt uiteen")).to_be_visible()
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate(BREEDTE) <= 360

    pagina.goto(pagina.basis + "/web/gebied/WK034403/afdruk/")
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate(BREEDTE) <= 360
