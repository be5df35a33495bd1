"""`samenspel serve` starts the e-mail sender with the web server: in the demo a queued
e-mail shows up in the demo mailbox within seconds, and stopping the server stops both."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kinderen(pid: int) -> list[int]:
    gevonden = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            status = (proc / "status").read_text()
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ouder = next(r for r in status.splitlines() if r.startswith("PPid:")).split()[1]
        if int(ouder) == pid and b"post" in cmdline:
            gevonden.append(int(proc.name))
    return gevonden


def _leeft(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def _wacht_tot(voorwaarde, seconden: float):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if uitkomst := voorwaarde():
            return uitkomst
        time.sleep(0.2)
    return None


@pytest.fixture
def omgeving(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "EMAIL_"))}
    env.update(SAMENSPEL_HOME=str(tmp_path), SAMENSPEL_DEMO="1", PYTHONUNBUFFERED="1")
    env.pop("SAMENSPEL_POST_OUDER", None)
    return env


def test_serve_bezorgt_de_wachtrij_in_het_demopostvak_en_stopt_samen(omgeving, tmp_path):
    poort = _vrije_poort()
    server = subprocess.Popen(  # noqa: S603  (our own command)
        [sys.executable, "-m", "samenspel.cli", "serve", "--poort", str(poort), "--workers", "1"],
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        adres = f"http://127.0.0.1:{poort}"

        def bereikbaar():
            try:
                return urllib.request.urlopen(adres + "/demo/post/", timeout=2).status == 200  # noqa: S310
            except OSError:
                return False

        assert _wacht_tot(bereikbaar, 120), "the server did not start"
        (postbode,) = _kinderen(server.pid)

        code = (
            "from samenspel.core import mail; from samenspel.directory.models import Service; "
            "mail.verstuur('aanmelding_afgewezen', ['a@example.org'], "
            "{'service': Service(name='Proefcafé'), 'reden': 'x'})"
        )
        subprocess.run(  # noqa: S603  (our own command)
            [sys.executable, "-m", "samenspel.cli", "beheer", "shell", "-c", code],
            env=omgeving,
            check=True,
            capture_output=True,
        )
        klaargezet = time.monotonic()

        def in_postvak():
            with sqlite3.connect(tmp_path / "var" / "samenspel.sqlite3") as db:
                rijen = db.execute("select onderwerp from demo_bericht").fetchall()
            return [r[0] for r in rijen if "Proefcafé" in r[0]]

        assert _wacht_tot(in_postvak, 10) == ["Over je aanmelding van Proefcafé"]
        assert time.monotonic() - klaargezet < 10
        pagina = urllib.request.urlopen(adres + "/demo/post/", timeout=5).read().decode()  # noqa: S310
        assert "Proefcafé" in pagina
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert _wacht_tot(lambda: not _leeft(postbode), 10), "the sender outlived the server"
