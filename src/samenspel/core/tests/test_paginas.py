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
