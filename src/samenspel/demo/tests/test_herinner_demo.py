"""`samenspel herinner` beside the demo: the e-mails land in the demo mailbox; against a
mail server that is down it says so in one sentence instead of a traceback, and the e-mails
wait in the outbox."""

import socket

import pytest
from django.core import mail as postvak
from post_office.models import Email

from samenspel import cli
from samenspel.demo import laden
from samenspel.demo.models import Bericht
from samenspel.directory import models as m

pytestmark = pytest.mark.django_db


def _dichte_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def zonder_mailserver(settings, monkeypatch):
    """As on a demo laptop: the default SMTP backend, and nothing listening."""
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _dichte_poort()


def test_herinner_op_de_demodatabase_mailt_naar_het_demopostvak(zonder_mailserver, capsys):
    laden.laad_alles()
    voor = Bericht.objects.count()

    cli.main(["herinner"])

    uitvoer = capsys.readouterr().out
    assert "demo-postvak" in uitvoer
    nieuw = Bericht.objects.order_by("id")[voor:]
    onderwerpen = [b.onderwerp for b in nieuw]
    assert any(o.startswith("Klopt") for o in onderwerpen), onderwerpen
    assert any("wacht" in o for o in onderwerpen), onderwerpen
    assert "0 herinnering(en) verstuurd over aanbod" not in uitvoer


def test_herinner_zonder_mailserver_zegt_dat_in_een_zin_en_zet_de_mail_klaar(
    zonder_mailserver, maak_aanbod, capsys
):
    service = maak_aanbod(beheerder_email="anna@example.org")
    m.Service.objects.filter(pk=service.pk).update(assured_date=None)

    cli.main(["herinner"])

    uitvoer = capsys.readouterr()
    assert "de mailserver 127.0.0.1:" in uitvoer.out
    assert "weigert de verbinding" in uitvoer.out
    assert "Traceback" not in uitvoer.err
    # In the outbox, marked as reminded: it goes out when the server is back, and the next
    # run does not queue it a second time.
    service.refresh_from_db()
    assert service.herinnerd_op is not None
    assert Email.objects.filter(to="anna@example.org").count() == 1
    cli.main(["herinner"])
    assert Email.objects.filter(to="anna@example.org").count() == 1


def test_gekozen_mailbackend_gaat_voor_het_demopostvak(settings, monkeypatch, capsys):
    laden.laad_alles()
    backend = "django.core.mail.backends.locmem.EmailBackend"
    monkeypatch.setenv("EMAIL_BACKEND", backend)
    settings.EMAIL_BACKEND = backend
    voor = Bericht.objects.count()

    cli.main(["herinner"])

    assert "demo-postvak" not in capsys.readouterr().out
    assert Bericht.objects.count() == voor
    assert postvak.outbox


def test_herinner_op_een_lege_database_legt_uit_wat_te_doen(settings, monkeypatch):
    from django.db import DatabaseError

    def geen_tabel(*_args, **_kwargs):
        raise DatabaseError("no such table: directory_organization")

    monkeypatch.setattr("samenspel.demo.mail.is_demodatabase", geen_tabel)
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with pytest.raises(SystemExit) as einde:
        cli.main(["herinner"])
    assert "samenspel demo --geen-server" in str(einde.value.code)
