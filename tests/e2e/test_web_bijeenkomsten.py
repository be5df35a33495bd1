"""A network meeting in a real browser, on a 360 px phone (issue 11, fifth browser flow).

A netwerkhouder starts the Sirenelunch series (seed 000 l.473–478) and invites two people of
the web; one answers yes from the e-mail without an account; the series' iCal feed parses
back into the planned meetings; after the meeting she ticks whom she met, and a kennismaking
tie is in the web. The series, meeting and answer pages are axe-clean and fit the screen.
"""

import datetime as dt
import re
from urllib.parse import urlparse

import icalendar
import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.directory import models as m
from samenspel.network import actions
from samenspel.network.models import Band, Bandsoort, Bijeenkomst, Reeks
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def web(gebieden, netwerkhouder):
    utrecht = gebieden["utrecht"]
    team = m.Organization.objects.create(
        name="Buurtteam Overvecht", description="-", sector="formeel", gemeente=utrecht
    )
    handje = m.Organization.objects.create(
        name="Handjehelpen", description="-", sector="informeel", gemeente=utrecht
    )
    m.Service.objects.create(organization=handje, name="Steungezinnen", description="-")
    fatima = actions.stem_in(
        actions.voeg_persoon_toe(team, "Fatima el Idrissi", "test", email="fatima@example.org")
    )
    marieke = actions.stem_in(
        actions.voeg_persoon_toe(handje, "Marieke Bos", "test", email="marieke@example.org")
    )
    return {"fatima": fatima, "marieke": marieke}


def _pad_uit_mail(aan: str, patroon: str) -> str:
    bericht = [b for b in mail.outbox if b.to == [aan]][-1]
    link = next(x for x in re.findall(r"https?://\S+", bericht.body) if re.search(patroon, x))
    deel = urlparse(link)
    return deel.path + (f"?{deel.query}" if deel.query else "")


def _past_en_is_toegankelijk(pagina, wat: str):
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360, (wat, breedte)
    assert axe_overtredingen(pagina) == [], wat


def test_een_reeks_uitnodigen_antwoorden_agenda_en_kennismaken(
    browser, live_server, telefoon, inloggen, web
):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + "/web/bijeenkomsten/")
    expect(telefoon.get_by_text("Er zijn nog geen bijeenkomsten")).to_be_visible()
    telefoon.get_by_role("link", name="Nieuwe reeks bijeenkomsten").click()

    # A mistake first: the errors name the fields.
    telefoon.get_by_role("button", name="Reeks starten").click()
    expect(telefoon.get_by_role("alert")).to_contain_text("Vul een naam in.")
    expect(telefoon.get_by_role("alert")).to_contain_text("Vul in waar het is")
    _past_en_is_toegankelijk(telefoon, "nieuwe reeks met fouten")

    telefoon.get_by_label("Naam van de bijeenkomst").fill("Sirenelunch Overvecht")
    telefoon.get_by_label("Adres of naam van de plek").fill("Zamenhofdreef, Utrecht")
    telefoon.get_by_label("Welke week van de maand?").select_option(label="eerste")
    telefoon.get_by_label("Op welke dag?").select_option(label="maandag")
    telefoon.get_by_label("Hoe laat begint het?").fill("12:00")
    telefoon.get_by_label("Vanaf welke datum?").fill(timezone.localdate().isoformat())
    telefoon.get_by_label("Buurtteam Overvecht (formeel)").check()
    telefoon.get_by_label("Handjehelpen (informeel)").check()
    telefoon.get_by_role("button", name="Reeks starten").click()

    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Sirenelunch Overvecht")
    expect(telefoon.get_by_text("Elke eerste maandag van de maand om 12.00 uur")).to_be_visible()
    _past_en_is_toegankelijk(telefoon, "reeks")
    reeks = Reeks.objects.get()
    assert reeks.bijeenkomsten.count() == 3
    feed = telefoon.get_by_role("link", name="Agenda-abonnement (iCal)").get_attribute("href")

    # The meeting: a pitch linked to a listing, then the invitations.
    telefoon.get_by_role("link", name="Mensen uitnodigen").click()
    telefoon.get_by_label("Over welk aanbod op de kaart?").select_option(
        label="Steungezinnen (Handjehelpen)"
    )
    telefoon.get_by_label("Wie vertelt erover?").select_option(label="Marieke Bos (Handjehelpen)")
    telefoon.get_by_role("button", name="Op de agenda zetten").click()
    expect(telefoon.get_by_role("link", name="Steungezinnen")).to_be_visible()
    telefoon.get_by_label("Fatima el Idrissi (Buurtteam Overvecht)").check()
    telefoon.get_by_label("Marieke Bos (Handjehelpen)").check()
    telefoon.get_by_role("button", name="Uitnodiging versturen").click()
    expect(telefoon.get_by_text("2 uitnodigingen verstuurd")).to_be_visible()
    _past_en_is_toegankelijk(telefoon, "bijeenkomst")
    assert sorted(b.to[0] for b in mail.outbox) == ["fatima@example.org", "marieke@example.org"]

    # Without an account, from the e-mail: the answer is chosen, one button confirms it.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    gast = context.new_page()
    for wie in ("marieke@example.org", "fatima@example.org"):
        gast.goto(live_server.url + _pad_uit_mail(wie, r"antwoord=ja"))
        expect(gast.get_by_label("Ja, ik kom")).to_be_checked()
        if wie.startswith("marieke"):
            _past_en_is_toegankelijk(gast, "rsvp")
        gast.get_by_role("button", name="Antwoord bevestigen").click()
        expect(gast.get_by_role("status")).to_contain_text("Je antwoord is bewaard")

    # The series' feed, as a calendar app reads it.
    antwoord = gast.request.get(feed)
    assert antwoord.ok and antwoord.headers["content-type"].startswith("text/calendar")
    kalender = icalendar.Calendar.from_ical(antwoord.body())
    events = kalender.walk("VEVENT")
    assert len(events) == 3
    assert [str(t["TZID"]) for t in kalender.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    for event in events:
        for veld in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"):
            assert veld in event, veld
        assert event.decoded("DTSTART").astimezone(reeks_zone()).time() == dt.time(12, 0)
    assert "Steungezinnen" in str(events[0]["DESCRIPTION"])

    # After the meeting: "met wie heb je kennisgemaakt?", two clicks.
    eerste = reeks.bijeenkomsten.order_by("begint").first()
    begint = timezone.now() - dt.timedelta(days=1)
    Bijeenkomst.objects.filter(pk=eerste.pk).update(
        begint=begint, eindigt=begint + dt.timedelta(hours=1)
    )
    gast.goto(live_server.url + _pad_uit_mail("marieke@example.org", r"kennisgemaakt"))
    gast.get_by_label("Fatima el Idrissi (Buurtteam Overvecht)").check()
    gast.get_by_role("button", name="Kennismakingen bewaren").click()
    expect(gast.get_by_role("status")).to_contain_text("1 nieuwe kennismaking")
    _past_en_is_toegankelijk(gast, "kennisgemaakt")
    band = Band.objects.get(soort=Bandsoort.KENNISMAKING)
    assert {band.van_id, band.naar_id} == {web["fatima"].pk, web["marieke"].pk}
    context.close()


def reeks_zone():
    from samenspel.network import reeksregel

    return reeksregel.zone()
