"""E-mail goes through the outbox: with the mail server down every action succeeds once and
nothing is lost or doubled; when the server is back every e-mail is delivered exactly once.

The mail server is a real SMTP server (aiosmtpd) on a free port of this machine, which the
tests start and stop; "down" is that port with nothing listening.
"""

import datetime as dt
import socket

import pytest
from aiosmtpd.controller import Controller
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from post_office.models import STATUS, Email, Log

from samenspel import cli
from samenspel.core import mail, postbode
from samenspel.directory import actions
from samenspel.directory import models as m
from samenspel.referrals.models import Verwijzing

pytestmark = [pytest.mark.django_db, pytest.mark.eigen_postbode]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ontvanger:
    """What the SMTP server received: one entry per message, with its recipients."""

    def __init__(self):
        self.berichten: list[tuple[tuple[str, ...], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.berichten.append((tuple(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """A mail server on a free port: down until ``start()``; stopped after the test."""
    poort = _vrije_poort()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", poort, 5

    class Server:
        ontvanger = Ontvanger()
        controller = None

        def start(self):
            self.controller = Controller(self.ontvanger, hostname="127.0.0.1", port=poort)
            self.controller.start()

    server = Server()
    yield server
    if server.controller:
        server.controller.stop()


def _alles_is_aan_de_beurt() -> None:
    """As if the waiting time of every deferred message has passed."""
    Email.objects.filter(status=STATUS.requeued).update(
        scheduled_time=timezone.now() - dt.timedelta(seconds=1)
    )


def _aanmelding_formulier() -> dict:
    return {
        "naam": "Breicafé Overvecht",
        "omschrijving": "Samen breien en koffie drinken.",
        "wanneer": "elke dinsdag 10-12 uur",
        "buurt": "BU03440301",
        "contact": "anna@example.org",
        "bouwsteen": "sociale-contacten-en-ontmoeting",
    }


def _verwijs_formulier() -> dict:
    return {
        "naam": "Sanne",
        "contactmanier": "email",
        "contact": "sanne@example.org",
        "wat_helpt": "Houdt van de buitenlucht.",
        "toestemming": "mondeling",
        "geldig_maanden": "6",
        "terugkoppeling": "status",
    }


def test_zonder_mailserver_lukt_elke_actie_een_keer_en_daarna_komt_elke_mail_een_keer_aan(
    client, smtp, maak_aanbod, netwerkhouder, professional, capsys
):
    wandelgroep = maak_aanbod(
        naam="Wandelgroep Overvecht", route="aanmelden", beheerder_email="wandel@example.org"
    )
    professional.organisatie = m.Organization.objects.create(
        name="Wijkteam Overvecht", description="Wijkteam", sector="formeel"
    )
    professional.save()
    wachtend = maak_aanbod(
        naam="Taalcafé", beheerder_email="bob@example.org", moderatie=m.Moderatie.WACHTRIJ
    )
    oud = maak_aanbod(naam="Moestuin", beheerder_email="carla@example.org")
    m.Service.objects.filter(pk=oud.pk).update(assured_date=dt.date(2020, 1, 1))

    # A registration: the confirmation e-mail to the registrant.
    assert client.post(reverse("directory:aanmelden"), _aanmelding_formulier()).status_code == 302
    # Moderation: the approval e-mail to the owner.
    client.force_login(netwerkhouder)
    antwoord = client.post(
        reverse("directory:beoordeel", args=[wachtend.pk]), {"actie": "goedkeuren"}
    )
    assert antwoord.status_code == 302
    # A referral: to the receiving service, and the resident's own link.
    client.force_login(professional)
    antwoord = client.post(reverse("referrals:nieuw", args=[wandelgroep.pk]), _verwijs_formulier())
    assert antwoord.status_code == 302
    client.logout()
    # A magic link: fresh edit links on request.
    antwoord = client.post(
        reverse("directory:nieuwe_bewerklink"), {"email": "wandel@example.org"}, follow=True
    )
    assert antwoord.status_code == 200
    # A forgotten password.
    antwoord = client.post(
        reverse("accounts:wachtwoord_vergeten"), {"email": "professional@example.org"}, follow=True
    )
    assert antwoord.status_code == 200
    # The reminders, from the command line: queued, one sentence about the server, no error.
    cli.main(["herinner"])
    assert "weigert de verbinding" in capsys.readouterr().out

    verwacht = {
        ("anna@example.org",),
        ("bob@example.org",),
        ("wandel@example.org",),  # the referral
        ("sanne@example.org",),  # the resident's link
        ("professional@example.org",),
        ("carla@example.org",),  # klopt-nog reminder
    }
    # The sender runs while the server is down: everything waits, nothing is lost.
    assert postbode.bezorg_wat_klaarstaat().uitgesteld == Email.objects.count()
    assert Email.objects.exclude(status=STATUS.requeued).count() == 0
    assert Verwijzing.objects.count() == 1
    assert {tuple(e.to) for e in Email.objects.all()} >= verwacht

    smtp.start()
    _alles_is_aan_de_beurt()
    cli.main(["post", "--eenmalig"])
    cli.main(["post", "--eenmalig"])  # a second sender run sends nothing again

    ontvangen = [aan for aan, _inhoud in smtp.ontvanger.berichten]
    assert len(ontvangen) == Email.objects.count()
    assert sorted(ontvangen) == sorted(tuple(e.to) for e in Email.objects.all())
    assert set(ontvangen) >= verwacht
    assert Email.objects.exclude(status=STATUS.sent).count() == 0
    # Running the reminders again the same day queues nothing twice.
    aantal = Email.objects.count()
    cli.main(["herinner"])
    assert Email.objects.count() == aantal


def test_mislukte_mail_wacht_en_wacht_na_elke_mislukking_langer(smtp, settings):
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": m.Service(name="x")})
    (email,) = Email.objects.all()

    assert postbode.bezorg().uitgesteld == 1
    email.refresh_from_db()
    eerste = email.scheduled_time - timezone.now()
    assert dt.timedelta(seconds=25) < eerste <= dt.timedelta(seconds=30)
    # Not tried again at once: a server that is down makes no hot loop.
    for _ in range(5):
        assert postbode.bezorg().aangeboden == 0
    assert Log.objects.filter(email=email).count() == 1

    _alles_is_aan_de_beurt()
    postbode.bezorg()
    email.refresh_from_db()
    assert email.number_of_retries == 2
    assert email.scheduled_time - timezone.now() > dt.timedelta(seconds=55)  # doubled

    smtp.start()
    _alles_is_aan_de_beurt()
    assert postbode.bezorg().verstuurd == 1
    assert len(smtp.ontvanger.berichten) == 1


def test_wachttijd_verdubbelt_tot_het_maximum(settings):
    settings.POST_MAX_WACHT = dt.timedelta(minutes=15)
    wachten = [postbode.wachttijd(n).total_seconds() for n in range(1, 8)]
    assert wachten == [30, 60, 120, 240, 480, 900, 900]


def test_na_het_maximum_aantal_pogingen_wordt_een_mail_opgegeven(smtp, settings, caplog):
    settings.POST_OFFICE = {**settings.POST_OFFICE, "MAX_RETRIES": 2}
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": m.Service(name="x")})
    postbode.bezorg()
    _alles_is_aan_de_beurt()
    assert postbode.bezorg().opgegeven == 1
    assert Email.objects.get().status == STATUS.failed
    assert "opgegeven na 2 pogingen" in caplog.text


def test_teruggedraaide_actie_zet_niets_in_de_wachtrij(maak_aanbod):
    aanbod = maak_aanbod(beheerder_email="anna@example.org")
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.stop(aanbod, "anna@example.org")
        assert Email.objects.count() == 1  # queued inside the transaction …
        raise RuntimeError("iets anders ging mis")
    assert Email.objects.count() == 0  # … and gone with it
    aanbod.refresh_from_db()
    assert aanbod.status == m.ServiceStatus.ACTIVE


def test_twee_verzenders_versturen_een_mail_niet_twee_keer(smtp):
    smtp.start()
    mail.verstuur("aanmelding_afgewezen", ["a@example.org"], {"service": m.Service(name="x")})
    (email,) = Email.objects.all()
    # The other sender claimed it between our read and our send.
    assert postbode._neem(Email.objects.get(pk=email.pk))
    assert not postbode._neem(email)


def test_onderwerp_en_tekst_komen_ongewijzigd_over_smtp(smtp):
    smtp.start()
    mail.verstuur(
        "aanmelding_afgewezen", ["a@example.org"], {"service": m.Service(name="Koffie & Thee")}
    )
    postbode.bezorg()
    ((aan, inhoud),) = smtp.ontvanger.berichten
    assert aan == ("a@example.org",)
    assert b"Koffie & Thee" in inhoud


def test_verstuurde_mail_bewaart_geen_links_in_de_database(smtp, maak_aanbod):
    smtp.start()
    actions.vraag_bewerklinks(maak_aanbod(beheerder_email="anna@example.org").beheerder_email)
    assert "/bewerken/" in Email.objects.get().message
    postbode.bezorg()
    email = Email.objects.get()
    assert (email.status, email.message, email.html_message) == (STATUS.sent, "", "")
    assert email.subject  # who got what, and when, stays
    ((_aan, inhoud),) = smtp.ontvanger.berichten
    assert b"/bewerken/" in inhoud
