"""Locking out password guessing behind a reverse proxy, as production runs.

Every request reaches the app from the proxy; the visitor's address is in X-Forwarded-For.
Failures count per account and visitor address, on the site's login and the admin's.
"""

import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
VREEMDE = "203.0.113.66"
EIGENAAR = "198.51.100.7"
WACHTWOORD = "geheim-wachtwoord-123"
INLOGGEN = reverse("accounts:inloggen")
BEHEER = "/beheer/admin/login/"
MELDING = "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw."


@pytest.fixture(autouse=True)
def achter_proxy(settings):
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = [PROXY]


def _log_in(client, vanaf, wachtwoord, naam="professional", pad=INLOGGEN, **extra):
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": vanaf, **extra}
    return client.post(pad, {"username": naam, "password": wachtwoord}, **meta)


def _ingelogd(client, gebruiker) -> bool:
    return client.session.get("_auth_user_id") == str(gebruiker.pk)


def test_fouten_van_een_vreemde_sluiten_de_eigenaar_niet_buiten(client, professional):
    for _ in range(20):
        _log_in(client, VREEMDE, "raden")
    assert _log_in(client, EIGENAAR, WACHTWOORD).status_code == 302
    assert _ingelogd(client, professional)


def test_te_vaak_fout_vanaf_een_adres_sluit_dat_adres_buiten_met_duidelijke_melding(
    client, professional
):
    for poging in range(1, 5):
        assert "kennen we niet" in _log_in(client, VREEMDE, "raden").content.decode(), poging
    assert MELDING in _log_in(client, VREEMDE, "raden").content.decode()  # the fifth
    antwoord = _log_in(client, VREEMDE, WACHTWOORD)  # even the right password
    assert antwoord.status_code == 200
    assert MELDING in antwoord.content.decode()
    assert not _ingelogd(client, professional)


def test_een_vreemde_die_de_kop_zelf_stuurt_kan_zijn_adres_niet_wisselen(client, professional):
    # Not through our proxy: X-Forwarded-For is the visitor's own invention and ignored.
    for nummer in range(5):
        _log_in(client, f"192.0.2.{nummer}", "raden", REMOTE_ADDR=VREEMDE)
    antwoord = _log_in(client, "192.0.2.99", WACHTWOORD, REMOTE_ADDR=VREEMDE)
    assert MELDING in antwoord.content.decode()
    assert not _ingelogd(client, professional)


def test_hoofdletters_en_spaties_in_de_naam_tellen_als_hetzelfde_account(client, professional):
    for naam in ("Professional", " professional", "PROFESSIONAL", "professional ", "Professional"):
        _log_in(client, VREEMDE, "raden", naam=naam)
    assert MELDING in _log_in(client, VREEMDE, WACHTWOORD).content.decode()


def test_de_blokkade_duurt_een_kwartier_ook_als_je_het_tussendoor_probeert(
    client, professional, monkeypatch
):
    for _ in range(5):
        _log_in(client, VREEMDE, "raden")
    begin = time.time()
    monkeypatch.setattr(time, "time", lambda: begin + 10 * 60)
    assert MELDING in _log_in(client, VREEMDE, WACHTWOORD).content.decode()
    monkeypatch.setattr(time, "time", lambda: begin + 16 * 60)
    assert _log_in(client, VREEMDE, WACHTWOORD).status_code == 302
    assert _ingelogd(client, professional)


def test_gelukt_inloggen_begint_de_telling_opnieuw(client, professional):
    for _ in range(4):
        _log_in(client, EIGENAAR, "typfout")
    assert _log_in(client, EIGENAAR, WACHTWOORD).status_code == 302
    client.logout()
    for _ in range(4):
        _log_in(client, EIGENAAR, "typfout")
    assert _log_in(client, EIGENAAR, WACHTWOORD).status_code == 302


# --- the Django admin's login -------------------------------------------------------------


def test_beheerlogin_is_ook_begrensd(client, beheerder):
    for _ in range(5):
        _log_in(client, VREEMDE, "raden", naam="beheerder", pad=BEHEER)
    antwoord = _log_in(client, VREEMDE, WACHTWOORD, naam="beheerder", pad=BEHEER)
    assert antwoord.status_code == 200
    assert MELDING in antwoord.content.decode()
    assert not _ingelogd(client, beheerder)


def test_beheerlogin_van_de_eigenaar_werkt_terwijl_een_vreemde_raadt(client, beheerder):
    for _ in range(10):
        _log_in(client, VREEMDE, "raden", naam="beheerder", pad=BEHEER)
    antwoord = _log_in(client, EIGENAAR, WACHTWOORD, naam="beheerder", pad=BEHEER)
    assert antwoord.status_code == 302
    assert _ingelogd(client, beheerder)


def test_raden_via_de_beheerlogin_telt_ook_voor_de_gewone_login(client, beheerder):
    for _ in range(5):
        _log_in(client, VREEMDE, "raden", naam="beheerder", pad=BEHEER)
    assert MELDING in _log_in(client, VREEMDE, WACHTWOORD, naam="beheerder").content.decode()


# --- with REDIS_URL: the counts are in Redis, shared by every app server -------------------


def test_met_redis_telt_de_blokkade_per_account_en_adres(client, professional, redis_cache):
    import redis

    for _ in range(5):
        _log_in(client, VREEMDE, "raden")
    assert MELDING in _log_in(client, VREEMDE, WACHTWOORD).content.decode()
    assert redis.Redis.from_url(redis_cache).keys("*axes-*")  # counted in Redis, not memory
    assert _log_in(client, EIGENAAR, WACHTWOORD).status_code == 302
    assert _ingelogd(client, professional)


def test_zonder_inlogpagina_is_de_blokkade_een_zin_en_geen_fout(rf):
    from samenspel.accounts.inlogbeveiliging import na_blokkade

    antwoord = na_blokkade(rf.post(INLOGGEN))
    assert antwoord.status_code == 429
    assert antwoord.content.decode() == MELDING
