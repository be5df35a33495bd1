"""A resident, a person in het web and a signaller each ask, from their own link on a 360 px
phone, to erase everything about them: the confirmation and the result pages are axe-clean,
fit the screen and obey the strict CSP, and the same steps work without JavaScript."""

import pytest
from playwright.sync_api import expect

from samenspel.directory.models import Organization
from samenspel.network import actions as web
from samenspel.network import links as weblinks
from samenspel.network.models import Persoon
from samenspel.referrals.models import Verwijzing
from samenspel.referrals.tests.conftest import (  # noqa: F401
    organisaties,
    pim,
    verwijs,
    wandelgroep,
)
from samenspel.signals import zorglinks
from samenspel.signals.models import Zorgmelding
from samenspel.signals.tests.conftest import signaalwereld  # noqa: F401
from samenspel.signals.tests.zorg_hulp import zorg
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _op_telefoon(pagina):
    assert axe_overtredingen(pagina) == [], pagina.url
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360, (pagina.url, breedte)


def _bewoner(verwijs, pim, wandelgroep):  # noqa: F811
    v, token = verwijs(pim, wandelgroep)
    return f"/mijn/{token}/", "Wis alles over mij", lambda: Verwijzing.objects.get(pk=v.pk).naam


def _persoon(gebieden):
    team = Organization.objects.create(
        name="Buurtteam Noord", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )
    p = web.voeg_persoon_toe(team, "Zwaan Wisbaar", "test", email="zwaan@example.org")
    web.stem_in(p)
    return (
        weblinks.pad(p, weblinks.MIJN_GEGEVENS),
        "Wis alles over mij",
        lambda: Persoon.objects.get(pk=p.pk).naam,
    )


def _melder(signaalwereld):  # noqa: F811
    melding = zorg(signaalwereld, contact="melder.qz@example.org")
    return (
        zorglinks.pad(melding),
        "Wis mijn gegevens",
        lambda: Zorgmelding.objects.get(pk=melding.pk).contact,
    )


@pytest.fixture(params=["bewoner", "persoon", "melder"])
def eigen_link(request):
    if request.param == "bewoner":
        return _bewoner(*(request.getfixturevalue(n) for n in ("verwijs", "pim", "wandelgroep")))
    if request.param == "persoon":
        return _persoon(request.getfixturevalue("gebieden"))
    return _melder(request.getfixturevalue("signaalwereld"))


def test_alles_wissen_vanaf_de_eigen_link_op_een_telefoon(telefoon, eigen_link):
    pad, knop, waarde = eigen_link
    assert waarde()
    telefoon.goto(telefoon.basis + pad)
    naar(telefoon, telefoon.get_by_role("link", name=knop))
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Alles over mij wissen")
    expect(telefoon.get_by_role("heading", name="Dit blijft, zonder naam")).to_be_visible()
    _op_telefoon(telefoon)
    assert waarde(), "opening the page must not erase anything"
    naar(telefoon, telefoon.get_by_role("button", name="Ja, wis alles over mij"))
    expect(telefoon.get_by_text("Gewist.")).to_be_visible()
    _op_telefoon(telefoon)
    assert waarde() == ""


def test_alles_wissen_werkt_zonder_javascript(browser, live_server, eigen_link):
    pad, knop, waarde = eigen_link
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="nl-NL"
    )
    pagina = context.new_page()
    pagina.goto(live_server.url + pad)
    naar(pagina, pagina.get_by_role("link", name=knop))
    naar(pagina, pagina.get_by_role("button", name="Ja, wis alles over mij"))
    expect(pagina.get_by_text("Gewist.")).to_be_visible()
    assert waarde() == ""
    context.close()
