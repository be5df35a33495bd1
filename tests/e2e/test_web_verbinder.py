""" "Vraag een verbinder" and "Samen beginnen" in a real browser, on a 360 px phone.

A professional opens a listing, sees who in the web knows the initiative and sends one of
them a question; then invites an ervaringsdeskundige to a resident's first conversation with
the resident's verbal consent, and the ervaringsdeskundige answers from the e-mail without
an account. Every page is checked with axe and for horizontal scrolling.
"""

import datetime as dt
import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from samenspel.network import actions
from samenspel.network.models import Antwoord, Bandsoort, Samen, Verbinderrol
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VRAAG = "Wie kan mij voorstellen aan de coördinator? Ik zoek een klusser voor dinsdag."


@pytest.fixture
def web(maak_aanbod, gebieden, django_user_model):
    aanbod = maak_aanbod(naam="Klussen met Handjehelpen", organisatie="Handjehelpen")
    team = m.Organization.objects.create(
        name="Buurtteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )
    enik = m.Organization.objects.create(
        name="Enik Recovery College",
        description="-",
        sector="informeel",
        gemeente=gebieden["utrecht"],
    )
    django_user_model.objects.create_user(
        username="pim",
        email="pim@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.PROFESSIONAL,
        first_name="Pim",
        last_name="de Boer",
        organisatie=team,
    )

    def persoon(org, naam, **velden):
        sleutel = naam.split()[0].lower()
        p = actions.voeg_persoon_toe(org, naam, "test", email=f"{sleutel}@example.org", **velden)
        return actions.stem_in(p)

    fatima = persoon(team, "Fatima el Idrissi", functie="buurtteamer")
    marieke = persoon(
        aanbod.organization, "Marieke Bos", verbinderrol=Verbinderrol.VRIJWILLIGERSCOORDINATOR
    )
    persoon(enik, "Sanne de Groot", verbinderrol=Verbinderrol.ERVARINGSDESKUNDIGE)
    actions.leg_band(fatima, marieke, Bandsoort.VERWIJZEN, "test")
    return {"aanbod": aanbod}


def _pad_uit_mail(aan: str) -> str:
    bericht = [b for b in mail.outbox if b.to == [aan]][-1]
    link = re.findall(r"https?://\S+", bericht.body)[-1]
    deel = urlparse(link)
    return deel.path


def _schoon(pagina):
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360


def test_een_professional_vraagt_een_verbinder_vanaf_een_aanbod(telefoon, web, inloggen):
    inloggen(telefoon, "pim")
    telefoon.goto(telefoon.basis + web["aanbod"].get_absolute_url())
    expect(telefoon.get_by_role("heading", name="Wie kent dit initiatief?")).to_be_visible()
    expect(telefoon.get_by_role("heading", name="Fatima el Idrissi")).to_be_visible()
    _schoon(telefoon)

    telefoon.get_by_role("link", name="Vraag Fatima el Idrissi").click()
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Vraag Fatima el Idrissi")
    _schoon(telefoon)
    # An empty question is named in the error summary.
    telefoon.get_by_role("button", name="Vraag versturen").click()
    expect(telefoon.get_by_role("alert")).to_contain_text("Je vraag: Schrijf je vraag.")
    _schoon(telefoon)

    telefoon.get_by_label("Je vraag").fill(VRAAG)
    telefoon.get_by_role("button", name="Vraag versturen").click()
    expect(telefoon.get_by_text("Je vraag is verstuurd naar Fatima el Idrissi.")).to_be_visible()
    [bericht] = mail.outbox
    assert bericht.to == ["fatima@example.org"]
    assert VRAAG in bericht.body and "pim@example.org" in bericht.body


def test_een_ervaringsdeskundige_uitnodigen_en_antwoorden_vanuit_de_mail(
    telefoon, browser, live_server, web, inloggen
):
    inloggen(telefoon, "pim")
    telefoon.goto(telefoon.basis + "/web/samen/")
    expect(telefoon.get_by_text("Je hebt nog niemand uitgenodigd.")).to_be_visible()
    _schoon(telefoon)
    telefoon.get_by_role("link", name="Iemand uitnodigen").click()
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Samen beginnen")
    _schoon(telefoon)

    # Without the resident's consent nothing is sent.
    telefoon.get_by_label("Wie nodig je uit?").select_option(
        label="Sanne de Groot — ervaringsdeskundige in een team, Enik Recovery College"
    )
    telefoon.get_by_label("eerste gesprek").check()
    morgen = timezone.localtime() + dt.timedelta(days=1)
    telefoon.get_by_label("Wanneer?").fill(morgen.strftime("%Y-%m-%dT10:00"))
    telefoon.get_by_label("Waar?").fill("Buurtteamkantoor Zambesidreef")
    telefoon.get_by_role("button", name="Uitnodiging versturen").click()
    expect(telefoon.get_by_role("alert")).to_contain_text("Zonder toestemming van de bewoner")
    _schoon(telefoon)
    assert not Samen.objects.exists() and mail.outbox == []

    telefoon.get_by_label("De bewoner gaf mij net mondeling toestemming").check()
    telefoon.get_by_label("De bewoner wil dat ik de voornaam deel.").check()
    telefoon.get_by_label("Voornaam of roepnaam van de bewoner").fill("Piet")
    telefoon.get_by_role("button", name="Uitnodiging versturen").click()
    expect(telefoon.get_by_text("De uitnodiging is verstuurd naar Sanne de Groot.")).to_be_visible()
    expect(telefoon.get_by_text("nog geen antwoord", exact=True)).to_be_visible()
    _schoon(telefoon)
    samen = Samen.objects.get()
    assert samen.toestemming.manier == "mondeling" and samen.toestemming.gegevens == ["naam"]

    # The ervaringsdeskundige answers from the e-mail, on her own phone, without an account.
    uitnodiging = [b for b in mail.outbox if b.to == ["sanne@example.org"]][-1]
    assert "Piet" in uitnodiging.body and "Buurtteamkantoor Zambesidreef" in uitnodiging.body
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    sanne = context.new_page()
    sanne.goto(live_server.url + _pad_uit_mail("sanne@example.org"))
    expect(sanne.get_by_role("heading", level=1)).to_have_text(
        "Uitnodiging voor een eerste gesprek"
    )
    expect(sanne.get_by_text("Piet", exact=True)).to_be_visible()
    _schoon(sanne)
    sanne.get_by_role("button", name="Ja, ik kom").click()
    expect(sanne.get_by_text("We hebben je antwoord doorgegeven.")).to_be_visible()
    _schoon(sanne)
    samen.refresh_from_db()
    assert samen.antwoord == Antwoord.JA
    context.close()

    # The professional sees the answer; and can withdraw only after a confirmation.
    telefoon.reload()
    expect(telefoon.get_by_text("komt", exact=True)).to_be_visible()
    telefoon.get_by_role("link", name=re.compile("uitnodiging intrekken")).click()
    expect(telefoon.get_by_role("heading", name="Uitnodiging intrekken?")).to_be_visible()
    _schoon(telefoon)
    telefoon.get_by_role("link", name="Nee, terug").click()
    assert Samen.objects.get().loopt
