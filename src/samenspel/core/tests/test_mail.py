"""E-mail is rendered in one place: plain subjects, escaped HTML, a clear word when the
mail server is down (said by the sender, since actions only queue)."""

import logging
import socket

import pytest
from django.core import mail as postvak

from samenspel.core import mail
from samenspel.directory import models as m

NAAM = "Koffie & Thee bij Fatima's <3"


def _dichte_poort() -> int:
    """A port on this machine where nothing listens (so connecting is refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def mailserver_plat(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _dichte_poort()
    settings.EMAIL_TIMEOUT = 5


def test_onderwerp_en_tekst_zijn_platte_tekst_zonder_html_codes(db):
    service = m.Service(name=NAAM)
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": service, "reden": "x"})
    (bericht,) = postvak.outbox
    assert bericht.subject == f"Over je aanmelding van {NAAM}"
    assert "&amp;" not in bericht.subject and "&#x27;" not in bericht.subject
    assert f"“{NAAM}”" in bericht.body or f'"{NAAM}"' in bericht.body


def test_html_deel_blijft_wel_ontsnapt(db):
    service = m.Service(name=NAAM)
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": service, "reden": "x"})
    html = postvak.outbox[0].alternatives[0][0]
    assert "Koffie &amp; Thee bij Fatima&#x27;s &lt;3" in html
    assert "<3" not in html


def test_onderwerp_heeft_geen_regeleinde(db):
    service = m.Service(name="Naam\nmet regeleinde")
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": service, "reden": "x"})
    assert "\n" not in postvak.outbox[0].subject


def test_mailserver_plat_geeft_een_zin_en_geen_technische_fout(
    db, mailserver_plat, settings, caplog
):
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": m.Service(name="x")})
    regels = [r for r in caplog.records if r.name == "samenspel.core.postbode"]
    assert regels, "the sender says why the e-mail is waiting"
    assert f"127.0.0.1:{settings.EMAIL_PORT}" in regels[0].getMessage()
    assert "weigert de verbinding" in regels[0].getMessage()
    assert regels[0].exc_info is None  # one clear line, no traceback


def test_controleer_mailserver_zegt_het_als_hij_plat_ligt(mailserver_plat):
    with pytest.raises(mail.MailNietVerstuurd, match="EMAIL_HOST"):
        mail.controleer_mailserver()


def test_aanmelding_lukt_ook_als_de_mailserver_plat_ligt(
    client, gebieden, mailserver_plat, django_capture_on_commit_callbacks, caplog
):
    gegevens = {
        "naam": "Breicafé Overvecht",
        "omschrijving": "Samen breien en koffie drinken.",
        "wanneer": "elke dinsdag 10-12 uur",
        "buurt": "BU03440301",
        "contact": "anna@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
    }
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post("/aanmelden/", gegevens)
    # Saved, and the visitor sees the normal next page instead of a server error.
    assert antwoord.status_code == 302
    assert m.Service.objects.filter(name="Breicafé Overvecht").exists()
    regels = [r for r in caplog.records if r.name == "samenspel.core.postbode"]
    assert regels and "e-mail(s) niet verstuurd" in regels[0].getMessage()
    assert regels[0].exc_info is None  # one clear line, no traceback
