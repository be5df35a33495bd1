# ruff: noqa: F811 (the signal world fixture is imported, then asked for by name)
"""A worry about a person in a real browser: handed to the wijkteam, acknowledged and picked
up; the signaller sees only the status on the private link; a corporatie forwards a
misrouted worry; the retention command erases the content and keeps the counts."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from samenspel.signals.models import Zorgmelding, Zorgstatus
from samenspel.signals.tests.conftest import signaalwereld  # noqa: F401 (fixture)
from samenspel.signals.tests.zorg_hulp import WAT, regels, zorg
from tests.e2e.conftest import axe_overtredingen, naar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _past_op_360(pagina) -> bool:
    return pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_een_vrijwilliger_geeft_een_zorg_door_en_ziet_alleen_de_status(
    page,
    telefoon,
    inloggen,
    signaalwereld,
):
    regels(signaalwereld)
    inloggen(page, "vrijwilliger")
    page.goto(page.basis + reverse("signals:doorgeven") + "?gemeente=GM0344")
    assert axe_overtredingen(page) == []
    page.get_by_label("Wat zie je?").fill(WAT)
    page.get_by_label("In welke buurt?").select_option("BU03440301")
    naar(page, page.get_by_role("button", name="Zorg doorgeven"))
    link = page.locator("#eigen-link").inner_text()
    assert axe_overtredingen(page) == []

    page.context.clear_cookies()
    inloggen(page, "teamlid")
    melding = Zorgmelding.objects.get()
    page.goto(page.basis + reverse("signals:zorg_detail", args=[melding.pk]))
    assert WAT in page.locator("#zorg-inhoud").inner_text()
    assert axe_overtredingen(page) == []
    page.get_by_label("ontvangen", exact=True).check()
    page.get_by_role("button", name="Status opslaan").click()
    page.get_by_label("opgepakt", exact=True).check()
    naar(page, page.get_by_role("button", name="Status opslaan"))
    assert Zorgmelding.objects.get().status == Zorgstatus.OPGEPAKT

    telefoon.goto(link)
    assert telefoon.locator("#status").inner_text() == "opgepakt"
    assert WAT not in telefoon.content()
    assert axe_overtredingen(telefoon) == []
    assert _past_op_360(telefoon)
    telefoon.goto(telefoon.basis + reverse("signals:doorgeven") + "?gemeente=GM0344")
    assert _past_op_360(telefoon)
    assert axe_overtredingen(telefoon) == []


def test_een_corporatie_stuurt_een_verkeerde_zorg_door(page, telefoon, inloggen, signaalwereld):
    melding = zorg(signaalwereld, soort="wonen")
    inloggen(page, "corporatielid")
    page.goto(page.basis + reverse("signals:zorg_detail", args=[melding.pk]))
    page.get_by_label("Naar welk team?").select_option(label="Buurtteam Overvecht")
    naar(page, page.get_by_role("button", name="Doorsturen"))
    assert "Doorgestuurd naar Buurtteam Overvecht" in page.content()
    assert axe_overtredingen(page) == []
    melding.refresh_from_db()
    assert melding.team == signaalwereld["wijkteam"]
    # The corporatie's inbox keeps the forwarded worry's status, at 1280 and at 360 px; the
    # way there is "Signalen" in the menu.
    inbox = reverse("signals:zorg_inbox", args=[signaalwereld["corporatie"].pk])
    naar(page, page.get_by_role("link", name="Signalen", exact=True))
    assert axe_overtredingen(page) == []
    naar(page, page.get_by_role("link", name="Zorgen voor Woningcorporatie Portaal"))
    assert page.url.endswith(inbox)
    assert "Buurtteam Overvecht" in page.locator("main").inner_text()
    assert axe_overtredingen(page) == []
    inloggen(telefoon, "corporatielid")
    telefoon.goto(telefoon.basis + inbox)
    assert "Buurtteam Overvecht" in telefoon.locator("main").inner_text()
    assert _past_op_360(telefoon)
    assert axe_overtredingen(telefoon) == []


def test_de_bewaartermijn_wist_de_inhoud_en_houdt_de_telling(
    page,
    telefoon,
    inloggen,
    signaalwereld,
    settings,
):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "SIGNALEN_BEWAAR_MAX_DAGEN": 0}
    for _ in range(3):
        zorg(signaalwereld)
    call_command("signalen_bewaartermijn")
    assert set(Zorgmelding.objects.values_list("wat", flat=True)) == {""}
    inloggen(page, "analist_utrecht")
    page.goto(page.basis + reverse("signals:zorg_tellingen") + "?gemeente=GM0344")
    assert "Overvecht" in page.content()
    assert axe_overtredingen(page) == []
    inloggen(telefoon, "analist_utrecht")
    telefoon.goto(telefoon.basis + reverse("signals:zorg_tellingen") + "?gemeente=GM0344")
    assert _past_op_360(telefoon)
    assert axe_overtredingen(telefoon) == []
    telefoon.context.clear_cookies()
    inloggen(telefoon, "teamlid")
    telefoon.goto(
        telefoon.basis + reverse("signals:zorg_detail", args=[Zorgmelding.objects.first().pk])
    )
    assert "inhoud gewist" in telefoon.content()
    assert _past_op_360(telefoon)
    assert axe_overtredingen(telefoon) == []
