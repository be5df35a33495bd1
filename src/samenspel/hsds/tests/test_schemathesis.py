"""Schemathesis fuzzes the served HSDS API against its own OpenAPI document, with every check.

The demo (`samenspel demo --geen-server`) is loaded into a database of this test's own and
served by `samenspel serve` on a free port, as a person would run it; Schemathesis then sends
over a thousand generated requests, valid and invalid, to every operation and checks each
answer: no server error, only documented status codes, content types and headers, bodies that
match the schemas, invalid input refused and valid input accepted. The exceptions, each with
its reason, and the demo ids it draws from are in `schemathesis.toml` at the repository root.

Where the server's database lives: the test database pytest-django prepares is of no use to
another process (on SQLite it may be in memory, on PostgreSQL it is emptied per test inside a
transaction the server would never see). So the server gets a database of its own: a SQLite
file in a temporary folder, or, when the suite runs on PostgreSQL (DATABASE_URL), a fresh
PostgreSQL database beside the test databases, so the fuzzing also meets what only PostgreSQL
refuses (a NUL character in a query was one). It is dropped afterwards.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CONFIG = Path(__file__).resolve().parents[4] / "schemathesis.toml"
ST = Path(sys.executable).with_name("st")
API = "/api/hsds"
# Bounded: about 1,200 requests, half a minute to a minute on two cores; the seed makes every
# run send the same requests, so a failure can be replayed.
MAX_VOORBEELDEN = 40
ZAADJE = 2025
MIN_VERZOEKEN = 1000
# The whole run must stay well within five minutes, also on a busy machine.
MAX_SECONDEN = 240

# A gunicorn access-log line of a request Schemathesis sent: method, path, status.
VERZOEK = re.compile(r'^\S+ \S+ \S+ \[[^\]]*\] "(\S+) (\S+) [^"]*" (\d{3}) .*"schemathesis/[^"]*"$')


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _omgeving(thuis: Path, database_url: str | None) -> dict:
    """The environment of a demo on its own: no outside database, cache or mail server."""
    weg = ("DATABASE_URL", "REDIS_URL", "EMAIL_", "SAMENSPEL_POST_OUDER")
    env = {k: v for k, v in os.environ.items() if not k.startswith(weg)}
    env.update(SAMENSPEL_HOME=str(thuis), SAMENSPEL_DEMO="1", PYTHONUNBUFFERED="1")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


@contextmanager
def _eigen_database():
    """None (a SQLite file in SAMENSPEL_HOME), or the URL of a fresh PostgreSQL database."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres", "pgsql")):
        yield None
        return
    import psycopg
    from psycopg import sql

    delen = urlsplit(url)
    # Named after the suite's database and this process: two runs never share one.
    naam = f"{delen.path.lstrip('/') or 'samenspel'}_schemathesis_{os.getpid()}"
    beheer = delen._replace(scheme="postgresql", path="/postgres").geturl()
    weg = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(naam))
    with psycopg.connect(beheer, autocommit=True) as verbinding:
        verbinding.execute(weg)  # left by a run that was killed
        verbinding.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(naam)))
    try:
        yield delen._replace(path=f"/{naam}").geturl()
    finally:
        with psycopg.connect(beheer, autocommit=True) as verbinding:
            verbinding.execute(weg)


def _stop(server: subprocess.Popen) -> None:
    """Gunicorn's master stops its workers on SIGTERM; one that hangs is killed with them."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the server's own group (start_new_session)
        server.wait(timeout=10)


def _antwoordt(adres: str) -> bool:
    try:
        with urllib.request.urlopen(adres + f"{API}/openapi.json", timeout=5) as antwoord:  # noqa: S310
            return antwoord.status == 200
    except OSError:
        return False


def _start(env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    """`samenspel serve` on a free port, once it answers; another port if that one was taken."""
    for _poging in range(3):
        poort = _vrije_poort()
        with log.open("ab") as uitvoer:
            server = subprocess.Popen(  # noqa: S603  (our own command)
                [sys.executable, "-m", "samenspel.cli", "serve", "--poort", str(poort)]
                + ["--workers", "1", "--zonder-post"],
                env=env,
                stdout=uitvoer,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        adres = f"http://127.0.0.1:{poort}"
        einde = time.monotonic() + 120
        while server.poll() is None and time.monotonic() < einde:
            if _antwoordt(adres):
                return server, adres
            time.sleep(0.3)
        _stop(server)
    pytest.fail("samenspel serve kwam niet op:\n" + log.read_text(errors="replace")[-5000:])


@pytest.fixture
def demo_server(tmp_path):
    """The demo, loaded and served on 127.0.0.1; stopped, and its database gone, afterwards."""
    with _eigen_database() as database_url:
        env = _omgeving(tmp_path, database_url)
        opzet = subprocess.run(  # noqa: S603  (our own command)
            [sys.executable, "-m", "samenspel.cli", "demo", "--geen-server"],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert opzet.returncode == 0, opzet.stdout + opzet.stderr
        log = tmp_path / "server.log"
        server, adres = _start(env, log)
        try:
            yield adres, log
        finally:
            _stop(server)


def _demo_ids_bestaan(adres: str) -> None:
    """Each id the config offers for a single-record operation is a record of the demo."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    gecontroleerd = 0
    for operatie in config["operations"]:
        binding = operatie.get("parameters", {}).get("path.id")
        if not binding:
            continue
        _, pad = operatie["include-name"].split(" ", 1)
        for waarde in config["dictionaries"][binding["dictionary"]]["values"]:
            url = adres + pad.replace("{id}", waarde)
            try:
                urllib.request.urlopen(url, timeout=30).close()  # noqa: S310
            except urllib.error.HTTPError as fout:
                pytest.fail(f"{CONFIG.name}: {waarde} is geen record van de demo ({url}: {fout})")
            gecontroleerd += 1
    assert gecontroleerd >= 5


def _verzoeken(log: Path) -> list[tuple[str, str, str]]:
    regels = log.read_text(encoding="utf-8", errors="replace").splitlines()
    gevonden = [m.groups() for regel in regels if (m := VERZOEK.match(regel))]
    return [(methode, pad, status) for methode, pad, status in gevonden
            if pad.startswith(API) and not pad.startswith(f"{API}/openapi.json")]  # fmt: skip


def test_schemathesis_vindt_niets_in_de_hsds_api(demo_server, tmp_path):
    adres, log = demo_server
    assert ST.exists(), f"{ST} ontbreekt: Schemathesis hoort bij de test-extra (pyproject.toml)"
    _demo_ids_bestaan(adres)
    begin = time.monotonic()
    run = subprocess.run(  # noqa: S603  (our own command)
        [str(ST), "--config-file", str(CONFIG), "run", f"{adres}{API}/openapi.json"]
        + ["--checks", "all", "--workers", "1", "--seed", str(ZAADJE)]
        + ["--max-examples", str(MAX_VOORBEELDEN), "--request-timeout", "60"]
        # Only the seed decides what is sent: no examples kept from earlier runs.
        + ["--generation-database", "none", "--no-color"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=MAX_SECONDEN,
    )
    duur = time.monotonic() - begin
    uitvoer = run.stdout + run.stderr
    verzoeken = _verzoeken(log)
    # Shown with a failure: Schemathesis's own report, each failure with its curl command.
    print(uitvoer)
    print(f"{len(verzoeken)} verzoeken in {duur:.0f} s")
    if run.returncode != 0:
        # The server's side of it: the tracebacks in its log (the access lines left out).
        fouten = "\n".join(r for r in log.read_text(errors="replace").splitlines()
                           if not VERZOEK.match(r))  # fmt: skip
        bericht = uitvoer[uitvoer.find("FAILURES") :] if "FAILURES" in uitvoer else uitvoer
        pytest.fail(f"{bericht[:20000]}\n--- server ---\n{fouten[-8000:]}")
    assert len(verzoeken) >= MIN_VERZOEKEN, uitvoer[-3000:]
    # Every operation answered with data at least once, not only with refusals.
    beantwoord = {_operatie(pad) for methode, pad, status in verzoeken
                  if methode == "GET" and status == "200"}  # fmt: skip
    assert beantwoord == _operaties(adres), beantwoord
    assert {status for _, _, status in verzoeken} >= {"200", "400", "404", "422"}


def _operatie(pad: str) -> str:
    """`/api/hsds/services/65944f49-…?full=true` as `/api/hsds/services/{id}`."""
    delen = pad.split("?")[0].removeprefix(API).strip("/").split("/")
    return API + "/" + "/".join(delen[:1] + ["{id}"] * (len(delen) > 1))


def _operaties(adres: str) -> set[str]:
    with urllib.request.urlopen(adres + f"{API}/openapi.json", timeout=30) as antwoord:  # noqa: S310
        document = json.load(antwoord)
    return set(document["paths"])
