"""Samenspel over HTTP: gunicorn with 2 sync workers on 127.0.0.1, one client, then load.

Every request goes to loopback only; every loop has a request budget and a time limit.
Load comes from wrk (Debian package) when it is installed: a Python load generator on the
same two cores would take CPU from the server it measures.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from meten import Meting

WORKERS = 2
VERBINDINGEN = 8
LAST_SECONDEN = 15
MAX_VERZOEKEN = 60_000
OPSTART_SECONDEN = 900


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving the benchmark database; stopped by its own process id."""

    def __init__(self, env: dict[str, str], logmap: Path, workers: int = WORKERS):
        self.poort = _vrije_poort()
        self.log = open(logmap / "gunicorn.log", "w")  # noqa: SIM115
        argv = [
            # As `samenspel serve` starts it: the index built once, before the workers fork.
            sys.executable, "-m", "gunicorn", "samenspel.wsgi:application",
            "--config", "python:samenspel.gunicorn_conf",
            "--bind", f"127.0.0.1:{self.poort}", "--workers", str(workers),
            "--timeout", str(OPSTART_SECONDEN), "--log-level", "warning",
        ]  # fmt: skip
        self.gestart = time.monotonic()
        self.proces = subprocess.Popen(argv, env=env, stdout=self.log, stderr=self.log)  # noqa: S603

    def get(
        self, pad: str, timeout: float = 30, koppen: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        verbinding = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=timeout)
        try:
            verbinding.request("GET", pad, headers=koppen or {})
            antwoord = verbinding.getresponse()
            return antwoord.status, antwoord.read()
        finally:
            verbinding.close()

    def wacht(self) -> None:
        """Until the port answers: the master opens it once the index is built."""
        einde = time.monotonic() + OPSTART_SECONDEN
        while time.monotonic() < einde and self.proces.poll() is None:
            try:
                self.get("/", timeout=5)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn start niet")

    def warm(self, paden: list[str]) -> float:
        """Until searches come back within a second on both workers.

        Returns the seconds since the server was started: how long a fresh server keeps
        residents waiting (index build included)."""
        einde = time.monotonic() + OPSTART_SECONDEN
        with ThreadPoolExecutor(4) as pool:
            while time.monotonic() < einde:
                starts = time.monotonic()
                list(pool.map(lambda p: self.get(p, OPSTART_SECONDEN), paden[:4]))
                if time.monotonic() - starts < 1.0:
                    return time.monotonic() - self.gestart
        raise RuntimeError("de workers werden niet warm")

    def vul(self, paden: list[str], max_rondes: int = 8, max_seconden: float = 600) -> int:
        """Ask every question until each worker has answered it once (untimed, as each query
        runs once untimed in-process): rounds of two clients at a time, until a round in which
        every answer came back fast. Returns the number of rounds."""
        einde = time.monotonic() + max_seconden
        for ronde in range(1, max_rondes + 1):

            def duur(pad: str) -> float:
                begin = time.perf_counter()
                self.get(pad)
                return time.perf_counter() - begin

            with ThreadPoolExecutor(2) as pool:
                tijden = list(pool.map(duur, paden))
            # A ready answer takes about a millisecond, a rendered one twenty or more.
            if max(tijden) < 0.015 or time.monotonic() > einde:
                return ronde
        return max_rondes

    def stop(self) -> None:
        if self.proces.poll() is None:
            self.proces.send_signal(signal.SIGTERM)
            try:
                self.proces.wait(30)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()
        self.log.close()


def sequentieel(server: Server, paden: list[str], max_seconden: float = 60) -> Meting:
    """One client, one request at a time: latency as a single visitor sees it."""
    meting = Meting(paden[0].split("?")[0])
    statussen = set()
    einde = time.monotonic() + max_seconden
    for pad in paden:
        begin = time.perf_counter_ns()
        status, _ = server.get(pad)
        meting.ns.append(time.perf_counter_ns() - begin)
        statussen.add(status)
        if time.monotonic() > einde:
            break
    meting.rondes = 1
    meting.uitkomsten = sorted(statussen)
    return meting


_LUA = """
local paden = {%(paden)s}
local koppen = {%(koppen)s}
local max = %(max)d
local volgend = 1
local klaar = 0
function setup(thread)
  thread:set("begin", math.random(#paden))
end
function init(args)
  volgend = begin or 1
end
function request()
  local pad = paden[volgend]
  volgend = volgend %% #paden + 1
  return wrk.format("GET", pad, koppen)
end
function response(status, headers, body)
  klaar = klaar + 1
  if klaar >= max then wrk.thread:stop() end
end
function done(summary, latency, requests)
  io.write(string.format(
    '{"verzoeken": %%d, "duur_us": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, ' ..
    '"fout_status": %%d, "fout_verbinding": %%d, "fout_lezen": %%d, "fout_timeout": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.timeout))
end
"""


def belast(
    server: Server,
    paden: list[str],
    seconden: int = LAST_SECONDEN,
    koppen: dict[str, str] | None = None,
) -> dict:
    """Requests per second and latency under VERBINDINGEN concurrent connections."""
    if shutil.which("wrk"):
        return _met_wrk(server, paden, seconden, koppen or {})
    return _met_python(server, paden, seconden, koppen or {})


def _met_wrk(server: Server, paden: list[str], seconden: int, koppen: dict[str, str]) -> dict:
    lua = _LUA % {
        "paden": ", ".join(json.dumps(p) for p in paden),
        "koppen": ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in koppen.items()),
        "max": MAX_VERZOEKEN // 2,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    try:
        uitkomst = subprocess.run(  # noqa: S603
            [  # noqa: S607  (wrk from the PATH, as `shutil.which` found it)
                "wrk",
                "-t2",
                f"-c{VERBINDINGEN}",
                f"-d{seconden}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                f"http://127.0.0.1:{server.poort}",
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=seconden + 60,
        )
    finally:
        os.unlink(script.name)
    regel = next(r for r in uitkomst.stdout.splitlines() if r.startswith('{"verzoeken"'))
    gegevens = json.loads(regel)
    fouten = sum(v for k, v in gegevens.items() if k.startswith("fout_"))
    return {
        "gereedschap": "wrk",
        "verzoeken": gegevens["verzoeken"],
        "per_seconde": gegevens["verzoeken"] / (gegevens["duur_us"] / 1e6),
        "p50_ms": gegevens["p50_us"] / 1e3,
        "p95_ms": gegevens["p95_us"] / 1e3,
        "p99_ms": gegevens["p99_us"] / 1e3,
        "fouten": fouten,
    }


def _met_python(server: Server, paden: list[str], seconden: int, koppen: dict[str, str]) -> dict:
    tijden: list[int] = []
    fouten = 0
    slot = threading.Lock()
    einde = time.monotonic() + seconden

    def verbinding(nummer: int) -> None:
        nonlocal fouten
        i = nummer * 7
        while time.monotonic() < einde and len(tijden) < MAX_VERZOEKEN:
            begin = time.perf_counter_ns()
            try:
                status, _ = server.get(paden[i % len(paden)], koppen=koppen)
            except OSError:
                status = 0
            duur = time.perf_counter_ns() - begin
            with slot:
                tijden.append(duur)
                fouten += status != 200
            i += 1

    begin = time.monotonic()
    threads = [threading.Thread(target=verbinding, args=(n,)) for n in range(VERBINDINGEN)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    meting = Meting("load", tijden)
    return {
        "gereedschap": "python",
        "verzoeken": len(tijden),
        "per_seconde": len(tijden) / (time.monotonic() - begin),
        "p50_ms": meting.p50,
        "p95_ms": meting.p95,
        "p99_ms": meting.p99,
        "fouten": fouten,
    }
