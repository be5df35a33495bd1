"""A netwerkhouder puts a person of each of two organisations and the bridge between them in the
web; the person agrees from the e-mail and corrects their entry. All on a 360 px phone.

Issue 11, "Done when", the first browser flow; axe on the organisation, person and own-entry
pages.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.directory.models import Organization
from samenspel.network.models import Band, Persoon
from samenspel.privacy.models import Actie, Auditregel
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://\S+")


def link_in_mail(adres: str, wacht: float = 5.0) -> str:
    einde = time.monotonic() + wacht
    while True:
        berichten = [b for b in mail.outbox if adres in b.to]
        if berichten or time.monotonic() > einde:
            break
        time.sleep(0.1)
    [bericht] = berichten
    [url] = [u for u in LINK.findall(bericht.body) if "/web/ik/" in u]
    return urlsplit(url).path


def toegankelijk_op_telefoon(pagina):
    assert axe_overtredingen(pagina) == [], pagina.url
    breedte = pagina.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360, (pagina.url, breedte)


def voeg_persoon_toe(pagina, organisatie, naam, email, rol="", functie=""):
    pagina.goto(pagina.basis + f"/web/organisatie/{organisatie.pk}/")
    pagina.get_by_role("link", name="Persoon toevoegen").click()
    pagina.get_by_label("Naam", exact=True).fill(naam)
    if functie:
        pagina.get_by_label("Functie").fill(functie)
    if rol:
        pagina.get_by_label("Verbinderrol").select_option(label=rol)
    pagina.get_by_label("Hoe bereikbaar").fill("bellen op dinsdag")
    pagina.get_by_label("E-mailadres").fill(email)
    pagina.get_by_role("button", name="Toevoegen en link sturen").click()
    expect(pagina.get_by_text("We hebben " + email)).to_be_visible()


def test_netwerkhouder_legt_een_brug_en_de_persoon_stemt_in_en_verbetert(
    telefoon, inloggen, netwerkhouder, gebieden
):
    pagina = telefoon
    team = Organization.objects.create(
        name="Buurtteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )
    initiatief = Organization.objects.create(
        name="Handjehelpen", description="-", sector="informeel", gemeente=gebieden["utrecht"]
    )
    inloggen(pagina, "netwerkhouder")

    # An empty organisation says so, and offers to add someone.
    pagina.goto(pagina.basis + f"/web/organisatie/{team.pk}/")
    expect(pagina.get_by_text("Er staan nog geen contactpersonen")).to_be_visible()
    toegankelijk_op_telefoon(pagina)

    # A form sent empty names each field that is missing, and stays accessible.
    pagina.get_by_role("link", name="Persoon toevoegen").click()
    pagina.get_by_role("button", name="Toevoegen en link sturen").click()
    fouten = pagina.get_by_role("alert")
    expect(fouten).to_contain_text("Naam")
    expect(fouten).to_contain_text("E-mailadres")
    toegankelijk_op_telefoon(pagina)

    voeg_persoon_toe(pagina, team, "Fatima el Idrissi", "fatima@example.org", functie="buurtteamer")
    voeg_persoon_toe(
        pagina, initiatief, "Marieke Bos", "marieke@example.org", rol="vrijwilligerscoördinator"
    )
    # Until she agrees, partners see only her role.
    expect(pagina.get_by_role("heading", name="Vrijwilligerscoördinator")).to_be_visible()
    expect(pagina.get_by_text("Marieke Bos")).to_have_count(0)

    pagina.get_by_role("link", name="Band toevoegen").click()
    toegankelijk_op_telefoon(pagina)
    pagina.get_by_label("Wie van jullie?").select_option(
        label="vrijwilligerscoördinator bij Handjehelpen"
    )
    pagina.get_by_label("Met wie bij een andere organisatie?").select_option(
        label="buurtteamer bij Buurtteam Overvecht"
    )
    pagina.get_by_label("Soort band").select_option(label="samenwerken")
    pagina.get_by_role("button", name="Band toevoegen").click()
    expect(pagina.get_by_text("De band staat in het web.")).to_be_visible()
    assert Band.objects.count() == 1
    toegankelijk_op_telefoon(pagina)

    # Marieke opens the link from her e-mail; she is not logged in.
    marieke = pagina.context.browser.new_context(
        viewport={"width": 360, "height": 740}, locale="nl-NL"
    ).new_page()
    marieke.goto(pagina.basis + link_in_mail("marieke@example.org"))
    expect(marieke.get_by_role("heading", level=1)).to_have_text("Doe je mee met het web?")
    expect(marieke.get_by_text("bellen op dinsdag")).to_be_visible()
    toegankelijk_op_telefoon(marieke)
    marieke.get_by_role("button", name="Ja, ik doe mee").click()
    expect(marieke.get_by_role("heading", level=1)).to_have_text("Je gegevens in het web")
    toegankelijk_op_telefoon(marieke)

    marieke.get_by_label("Hoe ben je bereikbaar?").fill("via de app, op maandag")
    marieke.get_by_label("Je functie").fill("coördinator vrijwilligers")
    marieke.get_by_role("button", name="Opslaan").click()
    expect(marieke.get_by_text("Opgeslagen.")).to_be_visible()
    expect(marieke.get_by_label("Hoe ben je bereikbaar?")).to_have_value("via de app, op maandag")
    marieke.context.close()

    # The netwerkhouder now sees her name and how to reach her, on both organisations.
    pagina.goto(pagina.basis + f"/web/organisatie/{initiatief.pk}/")
    expect(pagina.get_by_role("link", name="Marieke Bos")).to_be_visible()
    expect(pagina.get_by_text("via de app, op maandag")).to_be_visible()
    pagina.goto(pagina.basis + f"/web/organisatie/{team.pk}/")
    expect(pagina.get_by_role("heading", name="Marieke Bos")).to_be_visible()
    pagina.get_by_role("button", name="Noteer contact van vandaag").click()
    expect(pagina.get_by_text("Het contact is genoteerd.")).to_be_visible()
    toegankelijk_op_telefoon(pagina)

    pagina.goto(pagina.basis + f"/web/organisatie/{initiatief.pk}/")
    pagina.get_by_role("link", name="Marieke Bos").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Marieke Bos")
    expect(pagina.get_by_text("coördinator vrijwilligers")).to_be_visible()
    toegankelijk_op_telefoon(pagina)
    p = Persoon.objects.get(naam="Marieke Bos")
    assert Auditregel.objects.voor(p).filter(actie=Actie.BEKEKEN).exists()
