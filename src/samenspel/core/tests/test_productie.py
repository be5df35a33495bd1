"""`check --deploy` is clean with production settings, and refuses demo settings."""

import os
import secrets
import subprocess
import sys


def _check_deploy(**omgeving) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SAMENSPEL_DEMO",
            "SECRET_KEY",
            "SAMENSPEL_PRODUCTIE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(omgeving, DJANGO_SETTINGS_MODULE="samenspel.settings")
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_check_deploy_schoon_met_productie_instellingen():
    uitkomst = _check_deploy(
        SAMENSPEL_PRODUCTIE="1",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="samenspel.example.org",
    )
    assert uitkomst.returncode == 0, uitkomst.stderr + uitkomst.stdout


def test_check_deploy_schoon_met_redis_voor_cache_en_inlogblokkade():
    uitkomst = _check_deploy(
        SAMENSPEL_PRODUCTIE="1",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="samenspel.example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
        SAMENSPEL_VERTROUWDE_PROXIES="127.0.0.1,10.0.0.0/8",
    )
    assert uitkomst.returncode == 0, uitkomst.stderr + uitkomst.stdout


def test_check_deploy_weigert_demosleutel_en_demostand():
    uitkomst = _check_deploy(SAMENSPEL_PRODUCTIE="1", SAMENSPEL_DEMO="1")
    assert uitkomst.returncode != 0
    assert "samenspel.E002" in uitkomst.stderr
    assert "samenspel.E003" in uitkomst.stderr


def test_check_deploy_weigert_een_korte_sleutel():
    uitkomst = _check_deploy(
        SAMENSPEL_PRODUCTIE="1",
        SECRET_KEY="kort-maar-geheim",
        ALLOWED_HOSTS="samenspel.example.org",
    )
    assert uitkomst.returncode != 0
    assert "samenspel.E005" in uitkomst.stderr
    # The demo key is long enough: its own error (E002) says what is wrong with it.
    assert "samenspel.E005" not in _check_deploy(SAMENSPEL_PRODUCTIE="1").stderr


def test_check_deploy_weigert_elke_hostnaam():
    uitkomst = _check_deploy(
        SAMENSPEL_PRODUCTIE="1", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="*"
    )
    assert uitkomst.returncode != 0
    assert "samenspel.E006" in uitkomst.stderr
    assert "samenspel.E005" not in uitkomst.stderr


def _twee_stappen_verplicht(**omgeving) -> str:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SAMENSPEL_DEMO", "SAMENSPEL_PRODUCTIE", "SAMENSPEL_TWEE_STAPPEN_VERPLICHT"}
    }
    env.update(omgeving, DJANGO_SETTINGS_MODULE="samenspel.settings")
    code = "from django.conf import settings; print(settings.SAMENSPEL['TWEE_STAPPEN_VERPLICHT'])"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.strip()


def test_inloggen_in_twee_stappen_is_verplicht_in_productie_en_niet_in_de_demo():
    assert _twee_stappen_verplicht(SAMENSPEL_PRODUCTIE="1") == "True"
    assert _twee_stappen_verplicht(SAMENSPEL_DEMO="1") == "False"
    assert _twee_stappen_verplicht() == "False"
    # The operator's own choice wins either way.
    assert _twee_stappen_verplicht(SAMENSPEL_TWEE_STAPPEN_VERPLICHT="1") == "True"
    assert (
        _twee_stappen_verplicht(SAMENSPEL_PRODUCTIE="1", SAMENSPEL_TWEE_STAPPEN_VERPLICHT="0")
        == "False"
    )
