import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_toont_zoeken_bouwstenen_en_wijken(client, gebieden):
    pagina = client.get(reverse("core:home")).content.decode()
    assert 'role="search"' in pagina
    assert "Overvecht" in pagina
    assert "Ervaringsdeskundigheid" in pagina


def test_onbekende_pagina_geeft_nette_404(client, db):
    antwoord = client.get("/bestaat-niet/")
    assert antwoord.status_code == 404
    assert "bestaat niet" in antwoord.content.decode()


def test_demopost_alleen_in_demo(client, settings, db):
    settings.DEMO = False
    assert client.get("/demo/post/").status_code == 404
    settings.DEMO = True
    assert client.get("/demo/post/").status_code == 200


def test_demo_mail_komt_in_het_postvak(client, settings, db):
    from django.core.mail import send_mail

    settings.DEMO = True
    settings.EMAIL_BACKEND = "samenspel.demo.mail.PostvakBackend"
    send_mail("Bevestig je aanmelding", "Klik op https://example.org/x", None, ["a@example.org"])
    pagina = client.get("/demo/post/").content.decode()
    assert "Bevestig je aanmelding" in pagina


# --- a form without a valid safety code ---------------------------------------------------


def _zonder_geldige_code():
    from django.test import Client

    return Client(enforce_csrf_checks=True)


def test_verlopen_formulier_geeft_uitleg_in_gewone_woorden_met_link_terug(gebieden):
    client = _zonder_geldige_code()
    client.get("/aanmelden/")  # the browser has a cookie, but the form's code is stale
    antwoord = client.post(
        "/aanmelden/?gemeente=GM0344", {"naam": "x", "csrfmiddlewaretoken": "oud"}
    )
    assert antwoord.status_code == 403
    tekst = antwoord.content.decode()
    assert "Dit is niet verstuurd" in tekst
    assert "te lang open" in tekst
    assert 'href="/aanmelden/?gemeente=GM0344"' in tekst
    assert 'class="kop"' in tekst  # our own page, with the site's header
    assert "CSRF" not in tekst and " u " not in tekst  # no jargon, no formal "u"


def test_geblokkeerde_cookies_worden_genoemd(db):
    antwoord = _zonder_geldige_code().post("/inloggen/", {"username": "x", "password": "y"})
    assert antwoord.status_code == 403
    assert "Je browser stuurde geen cookie mee" in antwoord.content.decode()


def test_mislukt_formulier_slaat_niets_op(gebieden):
    from samenspel.directory.models import Service

    _zonder_geldige_code().post(
        "/aanmelden/",
        {
            "naam": "Breicafé",
            "omschrijving": "Breien.",
            "wanneer": "dinsdag 10-12 uur",
            "buurt": "BU03440301",
            "contact": "anna@example.org",
            "bouwsteen": "sociale-contacten-en-ontmoeting",
        },
    )
    assert not Service.objects.exists()


def test_elke_pagina_zet_camera_en_microfoon_uit_en_locatie_alleen_voor_deze_site(client, db):
    for pad in ("/", "/bestaat-niet/"):
        beleid = client.get(pad)["Permissions-Policy"]
        regels = dict(r.strip().split("=", 1) for r in beleid.split(","))
        assert regels["camera"] == regels["microphone"] == "()"
        assert regels["geolocation"] == "(self)"


def test_elke_pagina_staat_alleen_scripts_en_stijlen_van_deze_site_toe(client, db):
    for pad in ("/", "/bestaat-niet/", "/api/hsds/docs"):
        beleid = client.get(pad)["Content-Security-Policy"]
        regels = {r.split()[0]: r.split()[1:] for r in beleid.split(";") if r.strip()}
        # No inline script or style, no eval, nothing from other sites.
        assert regels["script-src"] == regels["style-src"] == ["'self'"]
        assert regels["default-src"] == ["'self'"]
        assert regels["object-src"] == ["'none'"]
        assert regels["frame-ancestors"] == ["'none'"]


def test_de_api_documentatie_laadt_zijn_scripts_van_deze_site(client, db):
    pagina = client.get("/api/hsds/docs").content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', pagina)
    assert scripts and all(s.startswith("/static/") for s in scripts)
    assert "cdn" not in pagina.lower()
