"""Logging in in two steps: setting up an app, the code after the password, recovery codes,
turning it off, and the rule of who must (tweestaps.py), also on the admin's login.

The codes are computed here from the device's own secret with django-otp's TOTP at a clock
of the test's own, so nothing waits for or depends on the wall clock.
"""

import datetime as dt
import re
import types

import pytest
from django.urls import reverse
from django_otp import models as otp_models
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp import models as totp_models
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts import actions
from samenspel.accounts.models import Accountgebeurtenis

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-123"
INLOGGEN = reverse("accounts:inloggen")
TWEEDE_STAP = reverse("accounts:tweede_stap")
INSTELLEN = reverse("accounts:twee_stappen_instellen")
BEHEREN = reverse("accounts:twee_stappen")
HERSTELCODES = reverse("accounts:herstelcodes")
INBOX = reverse("referrals:inbox")
FOUT = "Deze code klopt niet."


class Klok:
    """The clock django-otp reads for the codes and for how long a wrong code makes wait."""

    def __init__(self):
        self.nu = 1_900_000_000.0

    def verder(self, seconden):
        self.nu += seconden

    def datum(self):
        return dt.datetime.fromtimestamp(self.nu, tz=dt.UTC)


@pytest.fixture
def klok(monkeypatch):
    klok = Klok()
    monkeypatch.setattr(totp_models, "time", types.SimpleNamespace(time=lambda: klok.nu))
    nep = types.SimpleNamespace(now=klok.datum)
    monkeypatch.setattr(otp_models, "timezone", nep)
    monkeypatch.setattr(actions, "timezone", nep)
    return klok


def code_van(apparaat, klok) -> str:
    apparaat.refresh_from_db()
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = klok.nu
    return f"{totp.token():0{apparaat.digits}d}"


def met_app(gebruiker, klok) -> tuple[TOTPDevice, list[str]]:
    """A user who already set up the app (the action the set-up page calls)."""
    apparaat = actions.app_in_wording(gebruiker)
    controle, codes = actions.zet_twee_stappen_aan(gebruiker, code_van(apparaat, klok))
    assert controle.apparaat is not None
    klok.verder(30)  # the code of set-up is used; the next one is the app's next
    return controle.apparaat, codes


def wachtwoord(client, naam="professional", pad=INLOGGEN, **extra):
    return client.post(pad, {"username": naam, "password": WACHTWOORD, **extra})


def ingelogd(client, gebruiker) -> bool:
    return client.session.get("_auth_user_id") == str(gebruiker.pk)


# --- setting up ---------------------------------------------------------------------------


def test_wie_de_app_instelt_ziet_qr_code_en_sleutel_en_krijgt_herstelcodes_een_keer(
    client, professional, klok
):
    client.force_login(professional)
    pagina = client.get(INSTELLEN).content.decode()
    apparaat = TOTPDevice.objects.get(user=professional, confirmed=False)
    sleutel = re.search(r'<code class="geheim" id="sleutel">([A-Z2-7 ]+)</code>', pagina).group(1)
    assert sleutel.replace(" ", "") in apparaat.config_url
    assert '<svg role="img"' in pagina and "<title>QR-code" in pagina
    assert "style=" not in pagina  # the strict CSP allows no inline style

    antwoord = client.post(INSTELLEN, {"code": code_van(apparaat, klok)})
    assert antwoord["Location"] == HERSTELCODES
    pagina = client.get(HERSTELCODES).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", pagina)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert "maar één keer" in pagina
    assert not re.findall(r"<li><code>", client.get(HERSTELCODES).content.decode())
    assert Accountgebeurtenis.objects.filter(
        gebruiker=professional, soort=Accountgebeurtenis.Soort.TWEE_STAPPEN_AAN
    ).exists()
    assert client.get(INBOX).status_code == 200  # this session proved the code


def test_een_foute_code_bij_instellen_zet_niets_aan_en_noemt_het_veld(client, professional, klok):
    client.force_login(professional)
    client.get(INSTELLEN)
    pagina = client.post(INSTELLEN, {"code": "000000"}).content.decode()
    assert f'href="#id_code">Code</a>: {FOUT}' in pagina
    assert 'aria-invalid="true"' in pagina
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.post(INSTELLEN, {"code": ""}).content.decode().count("Vul de code in.") == 2


# --- the second step ----------------------------------------------------------------------


def test_na_het_wachtwoord_vraagt_samenspel_de_code_en_opent_dan_de_gevraagde_pagina(
    client, professional, klok
):
    apparaat, _codes = met_app(professional, klok)
    antwoord = wachtwoord(client, next="/zoeken/")
    assert antwoord["Location"] == TWEEDE_STAP + "?next=%2Fzoeken%2F"
    # With only the password, every page leads to the second step.
    assert client.get(INBOX)["Location"] == TWEEDE_STAP + "?next=%2Fverwijzingen%2F"
    assert client.get(reverse("search:zoeken"))["Location"].startswith(TWEEDE_STAP)
    # Halfway the header offers logging out only: no menu of the work, no counts.
    kop = client.get(TWEEDE_STAP).content.decode()
    assert reverse("signals:mijn") not in kop and INBOX not in kop
    assert "Uitloggen" in kop

    antwoord = client.post(TWEEDE_STAP, {"code": "123456", "next": "/zoeken/"})
    assert f'href="#id_code">Code</a>: {FOUT}' in antwoord.content.decode()
    klok.verder(2)
    sessie = client.session.session_key
    antwoord = client.post(TWEEDE_STAP, {"code": code_van(apparaat, klok), "next": "/zoeken/"})
    assert antwoord["Location"] == "/zoeken/"
    assert client.session.session_key != sessie  # a cookie from before the code is worthless
    assert reverse("signals:mijn") in client.get(INBOX).content.decode()
    assert ingelogd(client, professional)


def test_een_herstelcode_werkt_een_keer(client, professional, klok):
    _apparaat, codes = met_app(professional, klok)
    wachtwoord(client)
    antwoord = client.post(TWEEDE_STAP, {"code": codes[0].upper()}, follow=True)
    assert antwoord.redirect_chain[-1][0] == INBOX
    assert "Je hebt een herstelcode gebruikt. Je hebt er nog 9." in antwoord.content.decode()
    assert (
        Accountgebeurtenis.objects.filter(
            soort=Accountgebeurtenis.Soort.HERSTELCODE_GEBRUIKT
        ).count()
        == 1
    )

    client.post(reverse("accounts:uitloggen"))
    wachtwoord(client)
    antwoord = client.post(TWEEDE_STAP, {"code": codes[0]})
    assert FOUT in antwoord.content.decode()
    assert client.get(INBOX)["Location"].startswith(TWEEDE_STAP)
    klok.verder(2)
    assert client.post(TWEEDE_STAP, {"code": codes[1]})["Location"] == INBOX


def test_raden_naar_de_code_wordt_steeds_langer_tegengehouden(client, professional, klok):
    apparaat, _codes = met_app(professional, klok)
    wachtwoord(client)
    client.post(TWEEDE_STAP, {"code": "111111"})
    # Straight after a wrong code even the right one is not checked: guessing must wait.
    tekst = client.post(TWEEDE_STAP, {"code": code_van(apparaat, klok)}).content.decode()
    assert "Te vaak een verkeerde code. Wacht 1 seconde en probeer het opnieuw." in tekst
    for _ in range(4):
        klok.verder(60)
        client.post(TWEEDE_STAP, {"code": "111111"})
    tekst = client.post(TWEEDE_STAP, {"code": code_van(apparaat, klok)}).content.decode()
    assert "Wacht 16 seconden" in tekst
    assert not client.get(INBOX).status_code == 200
    klok.verder(16)
    assert client.post(TWEEDE_STAP, {"code": code_van(apparaat, klok)})["Location"] == INBOX


def test_de_wachtwoordblokkade_geldt_ook_met_twee_stappen(client, professional, klok):
    met_app(professional, klok)
    for _ in range(5):
        client.post(INLOGGEN, {"username": "professional", "password": "raden"})
    antwoord = wachtwoord(client)
    assert "Te vaak een verkeerd wachtwoord" in antwoord.content.decode()
    assert not ingelogd(client, professional)


def test_de_beheerlogin_slaat_de_tweede_stap_niet_over(client, beheerder, klok):
    met_app(beheerder, klok)
    antwoord = wachtwoord(client, naam="beheerder", pad="/beheer/admin/login/")
    assert antwoord.status_code == 302
    assert client.get("/beheer/admin/")["Location"].startswith(TWEEDE_STAP)
    assert client.get("/beheer/admin/accounts/gebruiker/")["Location"].startswith(TWEEDE_STAP)


def test_wie_zonder_app_de_tweede_stap_opent_gaat_naar_zijn_werk(client, professional):
    client.force_login(professional)
    assert client.get(TWEEDE_STAP)["Location"] == INBOX


# --- required (production) ----------------------------------------------------------------


@pytest.fixture
def verplicht(settings):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "TWEE_STAPPEN_VERPLICHT": True}


@pytest.mark.parametrize("persona", ["professional", "netwerkhouder", "beheerder"])
def test_verplicht_eerst_instellen_en_verder_niets_open(client, verplicht, persona, request, klok):
    gebruiker = request.getfixturevalue(persona)
    antwoord = wachtwoord(client, naam=persona)
    assert antwoord["Location"].startswith(INSTELLEN)
    for pad in ("/zoeken/", INBOX, reverse("directory:wachtrij"), "/beheer/admin/", BEHEREN):
        assert client.get(pad)["Location"].startswith(INSTELLEN), pad
    assert client.get(reverse("core:taal", args=["en"])).status_code == 302
    assert client.get(INSTELLEN).status_code == 200

    client.post(INSTELLEN, {"code": code_van(TOTPDevice.objects.get(user=gebruiker), klok)})
    assert client.get("/zoeken/").status_code == 200
    antwoord = client.post(reverse("accounts:uitloggen"))
    assert antwoord.status_code == 302 and not ingelogd(client, gebruiker)


@pytest.mark.parametrize("persona", ["initiatiefnemer", "analist"])
def test_andere_rollen_worden_niet_gevraagd(client, verplicht, persona, request):
    gebruiker = request.getfixturevalue(persona)
    antwoord = wachtwoord(client, naam=persona)
    assert not antwoord["Location"].startswith((INSTELLEN, TWEEDE_STAP))
    assert client.get(antwoord["Location"]).status_code == 200
    assert ingelogd(client, gebruiker)
    for pad in (INSTELLEN, BEHEREN, HERSTELCODES):
        assert client.get(pad).status_code == 403
    assert "Inloggen in twee stappen" not in client.get("/zoeken/").content.decode()


def test_niet_verplicht_logt_wie_geen_app_heeft_in_met_alleen_het_wachtwoord(client, professional):
    antwoord = wachtwoord(client)
    assert antwoord["Location"] == INBOX
    assert client.get(INBOX).status_code == 200
    assert "Inloggen in twee stappen" in client.get(INBOX).content.decode()


# --- turning off, new recovery codes -------------------------------------------------------


def test_uitzetten_vraagt_een_code_en_een_vinkje(client, professional, klok):
    apparaat, _codes = met_app(professional, klok)
    client.force_login(professional)
    wachtwoord(client)
    client.post(TWEEDE_STAP, {"code": code_van(apparaat, klok)})
    klok.verder(30)

    tekst = client.post(BEHEREN, {"actie": "uit", "uit-code": code_van(apparaat, klok)})
    tekst = tekst.content.decode()
    assert "Vink aan dat je het zeker weet." in tekst
    assert TOTPDevice.objects.filter(user=professional).exists()
    tekst = client.post(BEHEREN, {"actie": "uit", "uit-code": "999999", "uit-zeker": "on"})
    assert f'href="#id_uit-code">Code</a>: {FOUT}' in tekst.content.decode()

    klok.verder(60)
    antwoord = client.post(
        BEHEREN, {"actie": "uit", "uit-code": code_van(apparaat, klok), "uit-zeker": "on"}
    )
    assert antwoord["Location"] == BEHEREN
    assert not TOTPDevice.objects.filter(user=professional).exists()
    assert not StaticToken.objects.exists()
    assert Accountgebeurtenis.objects.filter(soort=Accountgebeurtenis.Soort.TWEE_STAPPEN_UIT)
    client.post(reverse("accounts:uitloggen"))
    assert wachtwoord(client)["Location"] == INBOX


def test_nieuwe_herstelcodes_maken_de_oude_ongeldig(client, professional, klok):
    apparaat, oud = met_app(professional, klok)
    wachtwoord(client)
    client.post(TWEEDE_STAP, {"code": code_van(apparaat, klok)})
    klok.verder(30)
    antwoord = client.post(BEHEREN, {"actie": "nieuw", "nieuw-code": code_van(apparaat, klok)})
    assert antwoord["Location"] == HERSTELCODES
    nieuw = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", client.get(HERSTELCODES).text)
    assert len(nieuw) == 10 and not set(nieuw) & set(oud)
    client.post(reverse("accounts:uitloggen"))
    wachtwoord(client)
    assert FOUT in client.post(TWEEDE_STAP, {"code": oud[1]}).content.decode()
    klok.verder(2)
    assert client.post(TWEEDE_STAP, {"code": nieuw[0]})["Location"] == INBOX


# --- who may open the pages ---------------------------------------------------------------


@pytest.mark.parametrize("pad", [TWEEDE_STAP, INSTELLEN, BEHEREN, HERSTELCODES])
def test_een_bezoeker_zonder_account_moet_eerst_inloggen(client, pad):
    assert client.get(pad)["Location"].startswith(INLOGGEN)
    assert client.post(pad, {"code": "123456"})["Location"].startswith(INLOGGEN)


def test_een_ander_ziet_mijn_sleutel_en_codes_niet(client, professional, netwerkhouder, klok):
    client.force_login(professional)
    client.get(INSTELLEN)
    eigen = TOTPDevice.objects.get(user=professional)
    client.post(INSTELLEN, {"code": code_van(eigen, klok)})
    client.force_login(netwerkhouder)
    tekst = client.get(INSTELLEN).content.decode() + client.get(HERSTELCODES).content.decode()
    assert eigen.config_url.split("secret=")[1].split("&")[0] not in tekst.replace(" ", "")
    assert not re.findall(r"<li><code>", tekst)
    # Someone else's code does not switch off or renew mine.
    klok.verder(30)
    client.post(BEHEREN, {"actie": "uit", "uit-code": code_van(eigen, klok), "uit-zeker": "on"})
    assert TOTPDevice.objects.filter(user=professional, confirmed=True).exists()


def test_de_beheerder_haalt_een_verloren_app_weg_in_het_beheer_zonder_de_sleutel_te_zien(
    client, beheerder, professional, klok
):
    apparaat, _codes = met_app(professional, klok)
    client.force_login(beheerder)  # a beheerder without an app of their own, not required
    lijst = client.get("/beheer/admin/otp_totp/totpdevice/")
    assert lijst.status_code == 200 and "professional" in lijst.content.decode()
    wijzig = client.get(f"/beheer/admin/otp_totp/totpdevice/{apparaat.pk}/change/")
    assert apparaat.key not in wijzig.content.decode()
    client.post(f"/beheer/admin/otp_totp/totpdevice/{apparaat.pk}/delete/", {"post": "yes"})
    assert not TOTPDevice.objects.filter(user=professional).exists()
    client.logout()
    assert wachtwoord(client)["Location"] == INBOX  # the password alone again
