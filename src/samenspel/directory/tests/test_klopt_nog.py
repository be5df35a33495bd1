""" "Klopt nog": the reminder's link opens the listing as the kaart shows it, with one button.

Lists nobody maintains go stale (seed 001, lines 2170-2172); checking must be easy, so the
page shows the times, place and contact to check, and one POST confirms them (a mail
scanner opening the link confirms nothing).
"""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from samenspel.directory import herinneren, links
from samenspel.directory import models as m

OUD = timezone.localdate() - dt.timedelta(days=200)


@pytest.fixture
def oud_aanbod(maak_aanbod):
    service = maak_aanbod(
        naam="Breicafé Overvecht",
        bevestigd=OUD,
        beheerder_email="anna@example.org",
        tijden_omschrijving="elke dinsdag in buurthuis De Boog",
    )
    locatie = service.service_at_locations.get().location
    m.Address.objects.create(
        location=locatie, address_1="Zambesidreef 1", postal_code="3564 AA", city="Utrecht"
    )
    m.Contact.objects.create(service=service, name="Anna Jansen", email="anna@example.org")
    m.Phone.objects.create(service=service, number="030 123 4567")
    return service


def _link_uit_herinnering() -> str:
    herinneren.verstuur_herinneringen()
    gevonden = re.search(
        rf"{re.escape(settings.SITE_URL)}(/aanbod/\S+/klopt-nog/\S+/)", mail.outbox[0].body
    )
    return gevonden.group(1)


def test_pagina_uit_de_herinnering_toont_tijden_plek_en_contact(client, oud_aanbod):
    tekst = client.get(_link_uit_herinnering()).content.decode()
    assert "di 10:00–12:00" in tekst
    assert "elke dinsdag in buurthuis De Boog" in tekst
    assert "Zambesidreef 1, 3564 AA Utrecht" in tekst
    assert "Anna Jansen" in tekst and "030 123 4567" in tekst
    assert "Ja, dit klopt nog" in tekst
    assert "Pas het aan" in tekst


def test_een_knop_op_de_pagina_bevestigt_en_de_pagina_zegt_het(
    client, oud_aanbod, django_capture_on_commit_callbacks
):
    link = _link_uit_herinnering()
    antwoord = client.post(link, follow=True)

    oud_aanbod.refresh_from_db()
    assert oud_aanbod.assured_date == timezone.localdate()
    assert oud_aanbod.herinnerd_op is None
    tekst = antwoord.content.decode()
    assert "Dank je wel!" in tekst
    assert "is bevestigd" in tekst
    assert "Ja, dit klopt nog" not in tekst  # done: no second button to press
    assert m.Wijziging.objects.filter(
        resource_id=oud_aanbod.pk, last_action_type="bevestigd", field_name="assured_date"
    ).exists()


def test_link_openen_zoals_een_mailscanner_bevestigt_niets(client, oud_aanbod):
    client.get(_link_uit_herinnering())
    client.head(_link_uit_herinnering())
    oud_aanbod.refresh_from_db()
    assert oud_aanbod.assured_date == OUD


def test_herinnering_belooft_niet_meer_dan_de_pagina_doet(oud_aanbod):
    herinneren.verstuur_herinneringen()
    bericht = mail.outbox[0]
    assert "Eén klik is genoeg" not in bericht.body
    assert "één knop" in bericht.body


def test_verzonnen_of_andere_link_toont_geen_gegevens(client, oud_aanbod, maak_aanbod):
    ander = maak_aanbod(naam="Taalcafé", beheerder_email="bob@example.org")
    bewerklink_token = links.pad(oud_aanbod, links.BEWERK).rstrip("/").rsplit("/", 1)[1]
    andermans_token = links.pad(ander, links.KLOPT_NOG).rstrip("/").rsplit("/", 1)[1]
    for token in ("verzonnen", bewerklink_token, andermans_token):
        antwoord = client.get(f"/aanbod/{oud_aanbod.pk}/klopt-nog/{token}/")
        assert antwoord.status_code == 403, token
        tekst = antwoord.content.decode()
        assert "Zambesidreef" not in tekst and "030 123 4567" not in tekst
        client.post(f"/aanbod/{oud_aanbod.pk}/klopt-nog/{token}/")
    oud_aanbod.refresh_from_db()
    assert oud_aanbod.assured_date == OUD


def test_gestopt_aanbod_kan_niet_meer_bevestigd_worden(client, oud_aanbod):
    link = links.pad(oud_aanbod, links.KLOPT_NOG)
    m.Service.objects.filter(pk=oud_aanbod.pk).update(status=m.ServiceStatus.INACTIVE)
    tekst = client.get(link).content.decode()
    assert "gestopt" in tekst and "Ja, dit klopt nog" not in tekst
    client.post(link)
    oud_aanbod.refresh_from_db()
    assert oud_aanbod.assured_date == OUD
