"""Verwijzen met toestemming in a real browser, in both directions.

A professional refers a resident with recorded verbal consent and "status only" feedback;
the initiative accepts from its e-mail without logging in; the professional sees "aangenomen"
but not the note; the resident opens their own link, sees who sees what, and withdraws, after
which their data is gone. And the reverse: an initiative refers to the buurtteam.
"""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from samenspel.referrals.models import Status, Verwijzing
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTITIE = "Sanne komt dinsdag om tien uur langs."


@pytest.fixture
def aanbod(maak_aanbod):
    return {
        "wandel": maak_aanbod(
            naam="Wandelgroep Overvecht",
            organisatie="Stichting Samen Lopen",
            route="aanmelden",
            beheerder_email="wandel@example.org",
        ),
        "buurtteam": maak_aanbod(
            naam="Buurtteam Overvecht",
            organisatie="Buurtteam Overvecht (organisatie)",
            sector="formeel",
            route="aanmelden",
            bouwstenen=("zorg-en-begeleiding",),
            beheerder_email="buurtteam@example.org",
        ),
    }


@pytest.fixture
def mensen(django_user_model, aanbod, gebieden):
    wijkteam = m.Organization.objects.create(
        name="Wijkteam Overvecht", description="Wijkteam", sector="formeel"
    )

    def persoon(naam, rol, organisatie):
        return django_user_model.objects.create_user(
            username=naam,
            email=f"{naam}@example.org",
            password="geheim-wachtwoord-123",
            rol=rol,
            first_name=naam.capitalize(),
            organisatie=organisatie,
        )

    return {
        "pim": persoon("pim", Rol.PROFESSIONAL, wijkteam),
        "ine": persoon("ine", Rol.INITIATIEFNEMER, aanbod["wandel"].organization),
        "bart": persoon("bart", Rol.PROFESSIONAL, aanbod["buurtteam"].organization),
    }


def _pad_uit_mail(aan: str, patroon: str) -> str:
    """The site-relative link from the newest e-mail to `aan` that matches `patroon`."""
    bericht = [b for b in mail.outbox if b.to == [aan]][-1]
    link = next(x for x in re.findall(r"https?://\S+", bericht.body) if re.search(patroon, x))
    deel = urlparse(link)
    return deel.path + (f"?{deel.query}" if deel.query else "")


def _nieuwe_pagina(browser, live_server, breedte=1280, **opties):
    context = browser.new_context(
        viewport={"width": breedte, "height": 900}, locale="nl-NL", **opties
    )
    pagina = context.new_page()
    pagina.set_default_timeout(15000)
    pagina.basis = live_server.url
    return context, pagina


def _verwijs(pagina, service, terugkoppeling):
    pagina.goto(pagina.basis + f"/verwijzingen/nieuw/{service.pk}/")
    pagina.get_by_label("Naam of roepnaam").fill("Sanne")
    pagina.get_by_label("e-mail", exact=True).check()
    pagina.get_by_label("Telefoonnummer of e-mailadres").fill("sanne@example.org")
    pagina.get_by_label("Wat zou helpen?").fill("Houdt van de buitenlucht en praat graag.")
    pagina.get_by_label("De bewoner gaf mij net mondeling toestemming.").check()
    pagina.get_by_label(terugkoppeling).check()
    pagina.get_by_role("button", name="Verwijzing versturen").click()


def test_verwijzen_met_mondelinge_toestemming_aannemen_uit_mail_en_intrekken_door_bewoner(
    page, telefoon, browser, live_server, aanbod, mensen, inloggen
):
    wandel = aanbod["wandel"]

    # 1. The professional refers, with verbal consent, "status only".
    inloggen(page, "pim")
    _verwijs(page, wandel, "Alleen de status, zoals “aangenomen”.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verwijzing naar Wandelgroep Overvecht"
    )
    expect(page.get_by_text("Wacht op antwoord", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Geef deze link aan de bewoner")).to_be_visible()
    v = Verwijzing.objects.get()
    assert v.toestemming.manier == "mondeling" and v.toestemming.vastgelegd_door_naam == "Pim"

    # 2. The initiative opens the one-click link from its e-mail, without an account.
    antwoord_pad = _pad_uit_mail("wandel@example.org", r"keuze=aannemen")
    context, ontvanger = _nieuwe_pagina(browser, live_server, breedte=360)
    ontvanger.goto(ontvanger.basis + antwoord_pad)
    expect(ontvanger.get_by_label("Ja, welkom. We nemen contact op.")).to_be_checked()
    expect(ontvanger.get_by_text("Sanne", exact=True)).to_be_visible()
    v.refresh_from_db()
    assert v.status == Status.REQUESTED, "opening the link must not change anything"
    expect(ontvanger.get_by_text("De verwijzer ziet deze notitie niet.")).to_be_visible()
    ontvanger.get_by_label("Korte notitie").fill(NOTITIE)
    ontvanger.get_by_role("button", name="Antwoord versturen").click()
    expect(ontvanger.get_by_text("Opgeslagen. Dank je wel!")).to_be_visible()
    expect(ontvanger.get_by_text("Aangenomen", exact=True).first).to_be_visible()
    v.refresh_from_db()
    assert v.status == Status.ACCEPTED and v.notitie == NOTITIE

    # 3. The professional sees "aangenomen", but not the note; nor does his e-mail say it.
    page.reload()
    expect(page.get_by_text("Aangenomen", exact=True).first).to_be_visible()
    expect(page.get_by_text(NOTITIE)).to_have_count(0)
    assert NOTITIE not in page.content()
    status_mail = [b for b in mail.outbox if b.to == ["pim@example.org"]][-1]
    assert "aangenomen" in status_mail.subject and NOTITIE not in status_mail.body

    # 4. The resident opens her own link on a phone: who sees what, then withdraws.
    mijn_pad = _pad_uit_mail("sanne@example.org", r"/mijn/")
    telefoon.goto(telefoon.basis + mijn_pad)
    expect(telefoon.get_by_role("heading", name="Jouw aanmeldingen")).to_be_visible()
    expect(telefoon.get_by_role("heading", name="Wie ziet wat")).to_be_visible()
    expect(telefoon.get_by_text("hoort alleen de status.")).to_be_visible()
    expect(telefoon.get_by_text(NOTITIE)).to_be_visible()  # she sees what is written about her
    assert axe_overtredingen(telefoon) == []
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360

    telefoon.get_by_role("link", name="Toestemming intrekken voor Wandelgroep Overvecht").click()
    expect(telefoon.get_by_role("heading", name="Toestemming intrekken")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    telefoon.get_by_role("button", name="Ja, trek mijn toestemming in").click()
    expect(telefoon.get_by_text("Je toestemming is ingetrokken.")).to_be_visible()
    expect(telefoon.get_by_text("Niets meer: je gegevens zijn gewist.")).to_be_visible()
    assert axe_overtredingen(telefoon) == []

    v.refresh_from_db()
    assert (v.naam, v.contact, v.wat_helpt, v.notitie) == ("", "", "", "")
    assert v.status == Status.CANCELLED

    # 5. Her data is gone from that referral for everyone who could see it.
    ontvanger.goto(ontvanger.basis + antwoord_pad)
    expect(ontvanger.get_by_text("De persoonlijke gegevens zijn gewist.")).to_be_visible()
    assert "Sanne" not in ontvanger.content() and NOTITIE not in ontvanger.content()
    page.reload()
    assert "Sanne" not in page.content()
    context.close()


def test_initiatief_verwijst_naar_het_buurtteam(
    page, browser, live_server, aanbod, mensen, inloggen
):
    inloggen(page, "ine")
    _verwijs(page, aanbod["buurtteam"], "De status en een korte notitie.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verwijzing naar Buurtteam Overvecht")
    v = Verwijzing.objects.get()
    assert (v.herkomst, v.naar_sector) == ("informeel", "formeel")

    context, buurtteam = _nieuwe_pagina(browser, live_server)
    inloggen(buurtteam, "bart")
    buurtteam.goto(buurtteam.basis + "/verwijzingen/")
    # The count sits in the heading of what came in. (A loose text match would also hit a
    # referral's card whenever its time ends in 1: "… 16:01 Wacht op antwoord".)
    expect(
        buurtteam.get_by_role("heading", name="Ontvangen 1 wacht op antwoord", exact=True)
    ).to_be_visible()
    expect(buurtteam.get_by_text("Sanne")).to_have_count(0)  # no names in lists
    buurtteam.get_by_role("link", name=re.compile(f"Verwijzing {v.kenmerk}")).click()
    expect(buurtteam.get_by_text("Sanne", exact=True)).to_be_visible()
    buurtteam.get_by_label("Ja, welkom. We nemen contact op.").check()
    buurtteam.get_by_label("Korte notitie").fill("Welkom op het spreekuur van donderdag.")
    buurtteam.get_by_role("button", name="Antwoord versturen").click()
    expect(buurtteam.get_by_text("Opgeslagen. Dank je wel!")).to_be_visible()

    page.reload()
    expect(page.get_by_text("Aangenomen", exact=True).first).to_be_visible()
    expect(page.get_by_text("Welkom op het spreekuur van donderdag.")).to_be_visible()
    context.close()


def test_bewoner_meldt_zich_zelf_aan_met_ik_wil_meedoen(telefoon, aanbod):
    telefoon.goto(telefoon.basis + f"/meedoen/{aanbod['wandel'].pk}/")
    expect(telefoon.get_by_role("heading", level=1)).to_have_text(
        "Ik wil meedoen met Wandelgroep Overvecht"
    )
    assert axe_overtredingen(telefoon) == []
    telefoon.get_by_role("button", name="Aanmelden").click()
    expect(telefoon.get_by_text("Vul je naam of roepnaam in.").first).to_be_visible()
    assert axe_overtredingen(telefoon) == []

    telefoon.get_by_label("Naam of roepnaam").fill("Bo")
    telefoon.get_by_label("bellen of appen").check()
    telefoon.get_by_label("Telefoonnummer of e-mailadres").fill("06 12345678")
    telefoon.get_by_label("Ja, dit mag gedeeld worden.").check()
    telefoon.get_by_role("button", name="Aanmelden").click()
    expect(telefoon.get_by_role("heading", name="Je aanmelding is verstuurd")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= 360

    telefoon.locator(".bewonerlink a").click()
    expect(telefoon.get_by_role("heading", name="Wandelgroep Overvecht")).to_be_visible()
    expect(telefoon.get_by_text("Je meldde je zelf aan op", exact=False)).to_be_visible()
    assert Verwijzing.objects.get().herkomst == "bewoner"


def test_antwoorden_uit_de_mail_werkt_zonder_javascript(browser, live_server, aanbod, mensen):
    from django.utils import timezone

    from samenspel.referrals import actions

    v, _ = actions.verwijs(
        mensen["pim"],
        aanbod["wandel"],
        {
            "naam": "Sanne",
            "contactmanier": "telefoon",
            "contact": "06 12345678",
            "wat_helpt": "Wandelt graag.",
            "toestemming": "mondeling",
            "terugkoppeling": "status",
            "geldig_tot": timezone.localdate() + timezone.timedelta(days=90),
        },
    )
    pad = _pad_uit_mail("wandel@example.org", r"keuze=geen-plek")
    context, pagina = _nieuwe_pagina(browser, live_server, java_script_enabled=False)
    pagina.goto(pagina.basis + pad)
    expect(pagina.get_by_label("Nu geen plek.")).to_be_checked()
    pagina.get_by_role("button", name="Antwoord versturen").click()
    expect(pagina.get_by_text("Afgewezen", exact=True).first).to_be_visible()
    v.refresh_from_db()
    assert (v.status, v.reden_code) == (Status.REJECTED, "geen-plek")
    context.close()
