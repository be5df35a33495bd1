"""An analyst reads in the CBS figures of their gemeente on a phone and sees them on the wijk."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from samenspel.accounts.models import Rol
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[2] / "src/samenspel/hsds/tests/data/cijfers"
BREEDTE = "() => document.documentElement.scrollWidth"


@pytest.fixture
def analist_utrecht(django_user_model, gebieden):
    gebruiker = django_user_model.objects.create_user(
        username="analist_utrecht", password="geheim-wachtwoord-123", rol=Rol.GEMEENTE_ANALIST
    )
    gebruiker.gebieden.add(gebieden["utrecht"])
    return gebruiker


def test_analist_leest_cbs_cijfers_in_en_ziet_ze_op_de_wijkpagina(
    telefoon, inloggen, analist_utrecht
):
    pagina = telefoon
    inloggen(pagina, "analist_utrecht")
    pagina.get_by_role("link", name="Wijkscan").click()
    pagina.get_by_role("link", name="Gemeente Utrecht").click()
    pagina.get_by_role("link", name="Lees cijfers van CBS of RIVM in").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Cijfers inlezen voor Utrecht")
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate(BREEDTE) <= 360

    # Forgetting the year is named, and nothing is read in.
    pagina.get_by_label("Bestand (.csv)").set_input_files(DATA / "cbs_kerncijfers.csv")
    pagina.get_by_label("CBS Kerncijfers wijken en buurten").check()
    pagina.get_by_role("button", name="Lees de cijfers in").click()
    expect(pagina.get_by_role("alert")).to_contain_text("Jaar van de cijfers")
    assert axe_overtredingen(pagina) == []

    pagina.get_by_label("Bestand (.csv)").set_input_files(DATA / "cbs_kerncijfers.csv")
    pagina.get_by_label("Jaar van de cijfers").fill("2023")
    pagina.get_by_role("button", name="Lees de cijfers in").click()
    expect(pagina.get_by_role("status")).to_contain_text("gebieden kregen nieuwe cijfers")
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate(BREEDTE) <= 360

    pagina.get_by_role("link", name="Overvecht").click()
    rij = pagina.get_by_role("row", name="Inwoners", exact=False).first
    expect(rij).to_contain_text("34.120")
    expect(rij).to_contain_text("2023")
