"""Search across processes: a change is found by another process as soon as it is committed,
however long its transaction took, and a running server picks up `samenspel zoekindex
herbouw` without a restart.

These start real processes on a real database: on PostgreSQL the suite's own test database
(committed for real, `transaction=True`), on SQLite a file of the test's own, since the
suite's SQLite database lives in memory.
"""

import json
import os
import select
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)

TRAAG = 30  # seconds between writing the rows and committing them


class Proces:
    """`samenspel.search.tests.proces`: one command per line, one answer per line."""

    def __init__(self, env: dict) -> None:
        self.proces = subprocess.Popen(  # noqa: S603  (our own module)
            [sys.executable, "-m", "samenspel.search.tests.proces"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __call__(self, opdracht: str, wacht: float = 60) -> str:
        self.proces.stdin.write(opdracht + "\n")
        self.proces.stdin.flush()
        klaar, _, _ = select.select([self.proces.stdout], [], [], wacht)
        assert klaar, f"geen antwoord op {opdracht!r} binnen {wacht} s"
        antwoord = self.proces.stdout.readline().strip()
        assert antwoord, f"het proces stopte bij {opdracht!r}"
        return antwoord

    def zoek(self, woord: str) -> list[str]:
        return json.loads(self(f"zoek {woord}"))

    def stop(self) -> None:
        self.proces.kill()
        self.proces.wait()


@pytest.fixture
def omgeving(tmp_path):
    """The environment of the processes: the same database as each other."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(SAMENSPEL_HOME=str(tmp_path), SAMENSPEL_DEMO="1", PYTHONUNBUFFERED="1")
    if connection.vendor == "postgresql":
        instellingen = connection.settings_dict
        gebruiker = urllib.parse.quote(instellingen["USER"] or "")
        wachtwoord = urllib.parse.quote(instellingen["PASSWORD"] or "")
        inlog = f"{gebruiker}:{wachtwoord}@" if wachtwoord else f"{gebruiker}@"
        env["DATABASE_URL"] = (
            f"postgres://{inlog}{instellingen['HOST'] or '127.0.0.1'}:"
            f"{instellingen['PORT'] or 5432}/{instellingen['NAME']}"
        )
    else:
        (tmp_path / "var").mkdir()
        subprocess.run(  # noqa: S603  (our own command)
            [sys.executable, "-m", "samenspel.cli", "beheer", "migrate", "-v0"],
            env=env,
            check=True,
        )
    return env


@pytest.fixture
def processen(omgeving):
    gestart = []

    def start() -> Proces:
        gestart.append(Proces(omgeving))
        return gestart[-1]

    yield start
    for proces in gestart:
        proces.stop()


def test_wijziging_van_een_trage_transactie_is_binnen_een_seconde_na_vastleggen_vindbaar(
    processen,
):
    schrijver, lezer = processen(), processen()
    schrijver("maak Breiclub Zuilen")
    assert lezer.zoek("breiclub") == ["Breiclub Zuilen"]

    schrijver("begin")
    schrijver("hernoem Breiclub Zuilen|Schaakclub Zuilen")
    geschreven = time.monotonic()
    if connection.vendor == "postgresql":
        # Meanwhile someone else's change commits, with a later id in the log. (On SQLite
        # one transaction writes at a time, so ids are committed in their order anyway.)
        processen()("maak Koor Zuilen")
        assert lezer.zoek("koor") == ["Koor Zuilen"]
    while time.monotonic() - geschreven < TRAAG:
        # The reader looks at the log again and again while the transaction is open.
        assert lezer.zoek("schaakclub") == []
        time.sleep(1)
    schrijver("vastleggen")
    vastgelegd = time.monotonic()

    gevonden = lezer.zoek("schaakclub")
    while not gevonden and time.monotonic() - vastgelegd < 1:
        gevonden = lezer.zoek("schaakclub")

    assert gevonden == ["Schaakclub Zuilen"]
    assert time.monotonic() - vastgelegd < 1
    assert lezer.zoek("breiclub") == []


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_draaiende_server_neemt_een_herbouw_over_zonder_herstart(processen, omgeving):
    processen()("maak Moestuin Lunetten")
    poort = _vrije_poort()
    server = subprocess.Popen(  # noqa: S603  (our own command)
        [sys.executable, "-m", "samenspel.cli", "serve", "--poort", str(poort), "--workers", "2"],
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def gevonden(woord: str) -> bool:
        adres = f"http://127.0.0.1:{poort}/zoeken/?q={woord}"
        with urllib.request.urlopen(adres, timeout=30) as antwoord:  # noqa: S310
            return "Moestuin" in antwoord.read().decode()

    try:
        begin = time.monotonic()
        while True:
            try:
                assert gevonden("moestuin")
                break
            except OSError:
                assert time.monotonic() - begin < 120, "de server startte niet"
                time.sleep(0.5)
        # A change the log never heard of, as after repairing the database by hand: the
        # running server cannot know it.
        processen()("hernoem-stil Moestuin Lunetten|Moestuin Hoograven")
        assert not any(gevonden("hoograven") for _ in range(6))

        subprocess.run(  # noqa: S603  (our own command)
            [sys.executable, "-m", "samenspel.cli", "zoekindex", "herbouw"],
            env=omgeving,
            check=True,
            stdout=subprocess.DEVNULL,
        )

        # Every worker answers with the rebuilt index (gunicorn hands the requests round).
        assert all(gevonden("hoograven") for _ in range(6))
        assert not any(gevonden("lunetten") for _ in range(6))
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=30)
