"""A backup of the whole database into one file, and putting one back (`samenspel backup`,
`samenspel herstel`).

SQLite is copied with SQLite's online backup API, which reads a consistent snapshot while a
running server keeps writing, and also works for an in-memory database. PostgreSQL is dumped
with `pg_dump --format=custom` and restored with `pg_restore`, the tools that match the
server's own format; both connect with the parameters of Django's DATABASES setting.

A restore is all or nothing. SQLite: the backup API writes the live database in one write
transaction, also when it is copied in steps for the progress, so a restore that stops halfway
(an error, kill -9, power) is rolled back by SQLite's journal and the database stays as it was.
Writing into the live connection instead of swapping files also keeps a running server's open
connections on the same file. PostgreSQL: `pg_restore --single-transaction`.

Before anything is overwritten the backup file is checked: it must exist, be of this
database's kind and be a Samenspel database (it has Django's migration table).
"""

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from django.db import connection

# Progress of a long copy: (done, total), in SQLite pages.
Voortgang = Callable[[int, int], None]

SQLITE_KOP = b"SQLite format 3\x00"
PG_DUMP_KOP = b"PGDMP"
# The table every migrated Django database has: without it a file is not our database.
MIGRATIETABEL = "django_migrations"
# SQLite pages per step (4 MiB at the default page size): often enough for the progress, and
# between steps a running server may write to the source.
PAGINAS_PER_STAP = 1024


class BackupFout(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


def soort() -> str:
    """'sqlite' or 'postgresql': the kind of database Django is connected to."""
    if connection.vendor not in ("sqlite", "postgresql"):
        raise BackupFout(
            f"Backup kan alleen van SQLite of PostgreSQL, niet van {connection.vendor}."
        )
    return connection.vendor


def bestandsnaam() -> str:
    """The name of a backup made into a folder: the moment it was made, sortable."""
    extensie = "sqlite3" if soort() == "sqlite" else "dump"
    return f"samenspel-{datetime.now():%Y%m%d-%H%M%S}.{extensie}"


def maak_backup(pad: Path, voortgang: Voortgang | None = None) -> Path:
    """Write a backup of the database to ``pad`` (a file, or a folder to put one in).

    The file appears only when it is complete: it is written under a temporary name in the
    same folder and then renamed, so an interrupted backup never leaves a file that looks
    whole, nor destroys an earlier backup of the same name. It is readable by its owner
    only: it holds personal data.
    """
    pad = Path(pad)
    if pad.is_dir():
        pad = pad / bestandsnaam()
    if not pad.parent.is_dir():
        raise BackupFout(f"De map {pad.parent} bestaat niet.")
    database = soort()
    _controleer_opgezet()
    if database == "sqlite" and not connection.is_in_memory_db():
        # Renaming the copy over the live file would pull it from under a running server.
        if pad.resolve() == Path(connection.settings_dict["NAME"]).resolve():
            raise BackupFout(f"{pad} is de database zelf; kies een ander bestand.")
    greep, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".deel")
    os.close(greep)
    try:
        if database == "sqlite":
            _sqlite_backup(Path(tijdelijk), voortgang)
        else:
            _pg_dump(Path(tijdelijk))
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return pad


def controleer(pad: Path) -> None:
    """Refuse, with a sentence naming the file, what cannot be restored into this database."""
    pad = Path(pad)
    if not pad.exists():
        raise BackupFout(f"{pad} bestaat niet.")
    if not pad.is_file():
        raise BackupFout(f"{pad} is geen bestand.")
    with open(pad, "rb") as bestand:
        kop = bestand.read(len(SQLITE_KOP))
    database = soort()
    gevonden = (
        "sqlite" if kop == SQLITE_KOP else "postgresql" if kop.startswith(PG_DUMP_KOP) else None
    )
    if gevonden is None:
        raise BackupFout(f"{pad} is geen backup van Samenspel (geen SQLite-database of pg_dump).")
    if gevonden != database:
        namen = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupFout(
            f"{pad} is een backup van een {namen[gevonden]}-database; deze database is "
            f"{namen[database]}."
        )
    if database == "sqlite":
        _sqlite_controleer(pad)
    else:
        _pg_controleer(pad)


def herstel(pad: Path, voortgang: Voortgang | None = None) -> None:
    """Replace the whole database by the backup in ``pad``: all of it, or nothing."""
    pad = Path(pad)
    controleer(pad)
    if connection.in_atomic_block:
        # The restore must be its own transaction: inside another it could not be one step.
        raise BackupFout("Herstellen kan niet binnen een lopende transactie.")
    if soort() == "sqlite":
        _sqlite_herstel(pad, voortgang)
    else:
        _pg_herstel(pad)


def _controleer_opgezet() -> None:
    if soort() == "sqlite" and not connection.is_in_memory_db():
        # Connecting would create an empty file; a backup of nothing helps nobody.
        naam = Path(connection.settings_dict["NAME"])
        if not naam.exists():
            raise BackupFout(f"Er is nog geen database: {naam} bestaat niet.")
    if MIGRATIETABEL not in connection.introspection.table_names():
        raise BackupFout(
            "De database is nog niet opgezet (niet gemigreerd); er is niets om te bewaren."
        )


# SQLite


def _sqlite_verbinding() -> sqlite3.Connection:
    """Django's own connection, so an in-memory database (the tests') is reached as well."""
    if not connection.is_in_memory_db():
        # A first restore on a new machine: the folder of the database may not be there yet.
        Path(connection.settings_dict["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    return connection.connection


def _stappen(voortgang: Voortgang | None):
    if voortgang is None:
        return None
    return lambda _status, over, totaal: voortgang(totaal - over, totaal)


def _sqlite_backup(doel: Path, voortgang: Voortgang | None) -> None:
    bestand = sqlite3.connect(doel)
    try:
        _sqlite_verbinding().backup(bestand, pages=PAGINAS_PER_STAP, progress=_stappen(voortgang))
    finally:
        bestand.close()


def _sqlite_controleer(pad: Path) -> None:
    try:
        # Read-only: checking a file must never change it (nor create a journal beside it).
        bestand = sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
        try:
            goed = bestand.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            tabellen = {
                rij[0]
                for rij in bestand.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            bestand.close()
    except sqlite3.DatabaseError as fout:
        raise BackupFout(f"{pad} is geen leesbare SQLite-database ({fout}).") from fout
    if not goed:
        raise BackupFout(f"{pad} is beschadigd (SQLite quick_check faalt).")
    if MIGRATIETABEL not in tabellen:
        raise BackupFout(f"{pad} is een SQLite-database, maar geen backup van Samenspel.")


def _sqlite_herstel(pad: Path, voortgang: Voortgang | None) -> None:
    bron = sqlite3.connect(f"{pad.resolve().as_uri()}?mode=ro", uri=True)
    try:
        bron.backup(_sqlite_verbinding(), pages=PAGINAS_PER_STAP, progress=_stappen(voortgang))
    except sqlite3.Error as fout:
        raise BackupFout(
            f"Herstellen uit {pad} is mislukt ({fout}); de database is niet veranderd."
        ) from fout
    finally:
        bron.close()


# PostgreSQL


def _pg_programma(naam: str) -> str:
    gevonden = shutil.which(naam)
    if not gevonden:
        raise BackupFout(
            f"{naam} ontbreekt; installeer de PostgreSQL-client van dezelfde versie als de "
            "server (Debian: apt-get install postgresql-client)."
        )
    return gevonden


def _pg_verbinding() -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for pg_dump and pg_restore.

    The environment is the one Django's dbshell gives psql (password, service, SSL files):
    the password goes in PGPASSWORD, never on the command line, where every user of the
    machine could read it in the process list.
    """
    instellingen = connection.settings_dict
    _, omgeving = connection.client.settings_to_cmd_args_env(instellingen, [])
    opties = []
    if instellingen.get("USER"):
        opties += ["--username", instellingen["USER"]]
    if instellingen.get("HOST"):
        opties += ["--host", instellingen["HOST"]]
    if instellingen.get("PORT"):
        opties += ["--port", str(instellingen["PORT"])]
    if instellingen.get("NAME"):
        opties += ["--dbname", instellingen["NAME"]]
    return opties, {**os.environ, **(omgeving or {})}


def _pg_draai(opdracht: list[str], omgeving: dict[str, str], mislukt: str) -> str:
    """Run a PostgreSQL client program; if it fails, ``mislukt`` and its own error message."""
    uitkomst = subprocess.run(  # noqa: S603  (our own arguments, no shell)
        opdracht, env=omgeving, capture_output=True, text=True, check=False
    )
    if uitkomst.returncode != 0:
        raise BackupFout(f"{mislukt}: {uitkomst.stderr.strip()}")
    return uitkomst.stdout


def _pg_dump(doel: Path) -> None:
    opties, omgeving = _pg_verbinding()
    _pg_draai(
        [_pg_programma("pg_dump"), *opties, "--format=custom", "--file", str(doel)],
        omgeving,
        "pg_dump is mislukt",
    )


def _pg_tabellen_in_dump(pad: Path) -> set[tuple[str, str]]:
    """(schema, table) of every table in the dump, from its table of contents."""
    inhoud = _pg_draai(
        [_pg_programma("pg_restore"), "--list", str(pad)],
        os.environ.copy(),
        f"{pad} is geen leesbare pg_dump",
    )
    # A line of the list: "215; 1259 16385 TABLE public django_migrations postgres".
    return set(re.findall(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ", inhoud, re.MULTILINE))


def _pg_controleer(pad: Path) -> None:
    tabellen = _pg_tabellen_in_dump(pad)
    if not any(naam == MIGRATIETABEL for _, naam in tabellen):
        raise BackupFout(f"{pad} is een pg_dump, maar geen backup van Samenspel.")


def _pg_herstel(pad: Path) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = cursor.fetchone()[0]
    in_dump = {naam for s, naam in _pg_tabellen_in_dump(pad) if s == schema}
    # pg_restore --clean drops only what the dump holds. A table made after the backup (a
    # later migration) would stay behind, and one that refers to a restored table would make
    # the whole restore fail; refuse, naming them, rather than leave a mixed database.
    extra = sorted(set(connection.introspection.table_names()) - in_dump)
    if extra:
        raise BackupFout(
            f"De database heeft tabellen die niet in {pad} staan ({', '.join(extra)}): de backup "
            "is van een oudere versie. Herstel hem in een lege database."
        )
    # Django's own connection must hold no lock that pg_restore's DROPs would wait for.
    connection.close()
    opties, omgeving = _pg_verbinding()
    _pg_draai(
        [
            _pg_programma("pg_restore"),
            *opties,
            "--clean",
            "--if-exists",
            "--no-owner",
            # All or nothing: one transaction, and the first error ends (and undoes) it.
            "--single-transaction",
            "--exit-on-error",
            str(pad),
        ],
        omgeving,
        f"Herstellen uit {pad} is mislukt, de database is niet veranderd",
    )
