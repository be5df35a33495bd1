"""The benchmark's own databases and processes, kept apart from the demo and the tests.

Samenspel runs against a SQLite file under ``bench/data/<schaal>/`` (and, for the
PostgreSQL check, a database ``samenspel_bench`` that the runner creates), configured only
through the environment variables the product reads.
"""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

PG_BEHEER = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DATABASE = "samenspel_bench"
PG_URL = f"postgresql://postgres@127.0.0.1:5432/{PG_DATABASE}"
SAMENSPEL = Path(sys.executable).parent / "samenspel"


def sqlite_url(map_: Path) -> str:
    return f"sqlite:///{map_ / 'samenspel.sqlite3'}"


def omgeving(map_: Path, database_url: str | None = None) -> dict[str, str]:
    """Environment for a Samenspel process on the benchmark database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url or sqlite_url(map_),
        "SAMENSPEL_HOME": str(map_),
        "DJANGO_SETTINGS_MODULE": "samenspel.settings",
        "SAMENSPEL_DEMO": "0",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
    }


def zet_omgeving(map_: Path, database_url: str | None = None) -> None:
    """Point this process at the benchmark database (before django.setup())."""
    os.environ.update(omgeving(map_, database_url))


@dataclass
class Proces:
    seconden: float
    max_rss_mb: float
    code: int


def voer_uit(
    argv: list[str], env: dict[str, str], *, tijdslimiet: float = 1800, log: Path | None = None
) -> Proces:
    """Run a command, with its wall time and its own peak memory (not that of earlier ones).

    Output goes to `log` (appended) when given, else to this process's output."""
    uitvoer = open(log, "a") if log else None  # noqa: SIM115
    begin = time.perf_counter()
    # Our own commands, no shell.
    proces = subprocess.Popen(argv, env=env, stdout=uitvoer, stderr=uitvoer)  # noqa: S603
    einde = begin + tijdslimiet
    while True:
        pid, status, gebruik = os.wait4(proces.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > einde:
            proces.kill()
            pid, status, gebruik = os.wait4(proces.pid, 0)
            break
        time.sleep(0.05)
    proces.returncode = os.waitstatus_to_exitcode(status)
    if uitvoer:
        uitvoer.close()
    return Proces(time.perf_counter() - begin, gebruik.ru_maxrss / 1e3, proces.returncode)


def samenspel(*args: str, env: dict[str, str], log: Path | None = None) -> Proces:
    return voer_uit([str(SAMENSPEL), *args], env, log=log)


# -- PostgreSQL ------------------------------------------------------------------------------


def pg_beschikbaar() -> bool:
    try:
        with psycopg.connect(PG_BEHEER, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def pg_nieuwe_database() -> None:
    """Drop and create the benchmark database, so every run imports into an empty one."""
    with psycopg.connect(PG_BEHEER, autocommit=True) as verbinding:
        verbinding.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        verbinding.execute(f"CREATE DATABASE {PG_DATABASE}")


# -- the machine -----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "?"
    with open("/proc/cpuinfo") as bestand:
        for regel in bestand:
            if regel.startswith("model name"):
                cpu = regel.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as bestand:
        kb = int(bestand.readline().split()[1])
    pg = "?"
    if pg_beschikbaar():
        with psycopg.connect(PG_BEHEER) as verbinding:
            pg = verbinding.execute("SHOW server_version").fetchone()[0]
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": f"{kb / 1024 / 1024:.0f} GB",
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg,
        "wrk": "ja" if shutil.which("wrk") else "nee",
        "belasting": belasting(),
        "code": versie(),
    }


def versie() -> str:
    """The commit measured, and whether the working tree differed from it."""
    hier = Path(__file__).resolve().parent
    try:
        commit = subprocess.run(  # noqa: S603
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=hier,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        gewijzigd = subprocess.run(  # noqa: S603
            ["git", "status", "--porcelain", "--", "../src"],  # noqa: S607
            cwd=hier,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return f"{commit}{' with uncommitted changes in src/' if gewijzigd else ''}"


def belasting() -> str:
    with open("/proc/loadavg") as bestand:
        return " ".join(bestand.read().split()[:3])
