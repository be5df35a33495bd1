"""Wachtwoord vergeten: a link by e-mail, without telling anyone who has an account."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from post_office.models import Email

from samenspel.accounts.models import Accountgebeurtenis

pytestmark = pytest.mark.django_db
VERGETEN = reverse("accounts:wachtwoord_vergeten")
NIEUW_WACHTWOORD = "bruine-beer-fietst-naar-huis"


def _vraag_link(client, email="professional@example.org"):
    return client.post(VERGETEN, {"email": email}, follow=True)


def _link_uit(bericht) -> str:
    gevonden = re.search(rf"{re.escape(settings.SITE_URL)}(/wachtwoord-nieuw/\S+/)", bericht.body)
    assert gevonden, bericht.body
    return gevonden.group(1)


def _kies_wachtwoord(client, link, wachtwoord=NIEUW_WACHTWOORD, herhaling=None):
    pagina = client.get(link, follow=True)  # Django moves the token out of the address
    return client.post(
        pagina.redirect_chain[-1][0] if pagina.redirect_chain else link,
        {"new_password1": wachtwoord, "new_password2": herhaling or wachtwoord},
        follow=True,
    )


def test_inlogpagina_heeft_link_wachtwoord_vergeten(client):
    tekst = client.get(reverse("accounts:inloggen")).content.decode()
    assert "Wachtwoord vergeten?" in tekst
    assert VERGETEN in tekst


def test_professional_kiest_nieuw_wachtwoord_via_link_in_mail_en_logt_in(client, professional):
    antwoord = _vraag_link(client)
    assert "Kijk in je e-mail" in antwoord.content.decode()
    (bericht,) = mail.outbox
    assert bericht.to == ["professional@example.org"]
    assert bericht.subject == "Kies een nieuw wachtwoord voor Samenspel"
    html = bericht.alternatives[0][0]
    assert _link_uit(bericht) in html

    antwoord = _kies_wachtwoord(client, _link_uit(bericht))
    assert "Je nieuwe wachtwoord is opgeslagen" in antwoord.content.decode()
    assert antwoord.redirect_chain[-1][0] == reverse("accounts:inloggen")

    ingelogd = client.post(
        reverse("accounts:inloggen"), {"username": "professional", "password": NIEUW_WACHTWOORD}
    )
    assert ingelogd.status_code == 302
    soorten = list(professional.gebeurtenissen.values_list("soort", flat=True))
    assert sorted(soorten) == ["herstel_gevraagd", "wachtwoord_hersteld"]


def test_onbekend_adres_krijgt_dezelfde_pagina_en_er_gaat_geen_mail(client, professional):
    bekend = _vraag_link(client, "professional@example.org")
    onbekend = _vraag_link(client, "niemand@example.org")
    # Same page, same words, same address: nothing tells a stranger who has an account.
    assert bekend.redirect_chain == onbekend.redirect_chain
    assert bekend.content == onbekend.content
    assert [b.to for b in mail.outbox] == [["professional@example.org"]]


def test_adres_van_gedeactiveerd_account_krijgt_geen_link(client, professional):
    professional.is_active = False
    professional.save()
    _vraag_link(client)
    assert mail.outbox == []


def test_mailserver_plat_verraadt_het_account_niet(client, professional, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    bekend = _vraag_link(client, "professional@example.org")
    onbekend = _vraag_link(client, "niemand@example.org")
    assert bekend.status_code == onbekend.status_code == 200
    assert bekend.content == onbekend.content
    # The link waits in the outbox until the server is back, so the request is recorded once.
    assert Email.objects.filter(to="professional@example.org").count() == 1
    assert Accountgebeurtenis.objects.count() == 1


def test_hoogstens_drie_links_per_uur_naar_een_adres(client, professional):
    for _ in range(5):
        _vraag_link(client, "Professional@Example.org")
    assert len(mail.outbox) == 3


def test_link_werkt_maar_een_keer(client, professional):
    _vraag_link(client)
    link = _link_uit(mail.outbox[0])
    _kies_wachtwoord(client, link)

    tweede = client.get(link, follow=True).content.decode()
    assert "Deze link werkt niet meer" in tweede
    assert "Vraag een nieuwe link" in tweede


def test_verzonnen_link_toont_dat_hij_niet_werkt_en_wijzigt_niets(client, professional):
    antwoord = client.post(
        reverse("accounts:wachtwoord_nieuw", args=["MQ", "verzonnen-token"]),
        {"new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD},
    )
    assert antwoord.status_code == 200
    assert "Deze link werkt niet meer" in antwoord.content.decode()
    professional.refresh_from_db()
    assert professional.check_password("geheim-wachtwoord-123")


def test_twee_verschillende_wachtwoorden_geven_een_duidelijke_melding(client, professional):
    _vraag_link(client)
    antwoord = _kies_wachtwoord(client, _link_uit(mail.outbox[0]), herhaling="iets-heel-anders-1")
    assert "De twee wachtwoorden zijn niet hetzelfde." in antwoord.content.decode()
    professional.refresh_from_db()
    assert professional.check_password("geheim-wachtwoord-123")


def test_link_van_een_ander_account_verandert_alleen_dat_account(
    client, professional, initiatiefnemer
):
    _vraag_link(client, "initiatiefnemer@example.org")
    _kies_wachtwoord(client, _link_uit(mail.outbox[0]))
    professional.refresh_from_db()
    initiatiefnemer.refresh_from_db()
    assert professional.check_password("geheim-wachtwoord-123")
    assert initiatiefnemer.check_password(NIEUW_WACHTWOORD)


def _log_in(client, wachtwoord):
    return client.post(
        reverse("accounts:inloggen"), {"username": "professional", "password": wachtwoord}
    )


def test_nieuw_wachtwoord_heft_de_inlogblokkade_op(client, professional):
    for _ in range(5):
        _log_in(client, "fout")
    assert "Te vaak een verkeerd wachtwoord" in _log_in(client, NIEUW_WACHTWOORD).content.decode()
    _vraag_link(client)
    _kies_wachtwoord(client, _link_uit(mail.outbox[0]))
    assert _log_in(client, NIEUW_WACHTWOORD).status_code == 302
    assert client.session.get("_auth_user_id") == str(professional.pk)


def test_link_in_de_mail_volgt_site_url_niet_de_host_van_het_verzoek(client, professional):
    client.post(VERGETEN, {"email": "professional@example.org"}, HTTP_HOST="localhost")
    assert f"{settings.SITE_URL}/wachtwoord-nieuw/" in mail.outbox[0].body
    assert "localhost/wachtwoord-nieuw" not in mail.outbox[0].body


def test_geen_adres_of_fout_adres_noemt_het_veld(client):
    leeg = client.post(VERGETEN, {"email": ""}).content.decode()
    assert "Vul je e-mailadres in." in leeg
    fout = client.post(VERGETEN, {"email": "geen-adres"}).content.decode()
    assert "Dit is geen e-mailadres." in fout
