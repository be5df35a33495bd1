"""`samenspel backup` and `samenspel herstel`: a restore gives back every row of every table,
refuses what is not a backup of this database, and is all or nothing.

These run on the test database of the suite, SQLite or PostgreSQL (DATABASE_URL). On SQLite
pytest-django's test database lives in memory; the backup module reaches it through Django's
own connection, the same path as for a file, so the round trip is the real one. The end of
this file runs the command itself on an SQLite file, as on a server.
"""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.apps import apps
from django.db import connection

from samenspel import cli
from samenspel.core import backup

ANDERE_DATABASE = {"sqlite": "PostgreSQL", "postgresql": "SQLite"}


def _tabellen() -> list[str]:
    """Every table in the database; it includes the table of every model and m2m relation."""
    alle = connection.introspection.table_names()
    modellen = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    assert modellen <= set(alle), modellen - set(alle)
    return alle


def _inhoud() -> dict[str, list]:
    """All rows of all tables, and where each table's ids go on (the sequences)."""
    inhoud = {}
    with connection.cursor() as cursor:
        for tabel in _tabellen():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
            inhoud[tabel] = sorted(cursor.fetchall(), key=repr)
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
        else:
            cursor.execute(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE schemaname = current_schema()"
            )
        inhoud["(sequences)"] = sorted(cursor.fetchall())
    return inhoud


def _verander_van_alles(django_user_model):
    """Rows added, changed and deleted in several apps, m2m included."""
    from samenspel.areas.models import Gebied
    from samenspel.directory import models as m
    from samenspel.referrals.models import Verwijzing

    nieuw = django_user_model.objects.create_user(username="na-de-backup", password="x" * 20)
    nieuw.gebieden.add(*Gebied.objects.wijken()[:2])
    Gebied.objects.filter(niveau="buurt").update(naam="Hernoemd")
    m.Service.objects.filter(pk__in=m.Service.objects.values("pk")[:5]).delete()
    Verwijzing.objects.filter(pk__in=Verwijzing.objects.values("pk")[:3]).delete()


@pytest.mark.django_db(transaction=True)
def test_een_backup_en_herstel_geven_elke_tabel_terug(
    taxonomieen, django_user_model, tmp_path, capsys
):
    from samenspel.demo import laden

    # The demo fills nearly every app: areas, listings, accounts, referrals, the web, …
    laden.laad_alles()
    voor = _inhoud()
    gevuld = {tabel for tabel, rijen in voor.items() if rijen}
    assert len(gevuld) >= 40, sorted(gevuld)

    pad = tmp_path / "samenspel.backup"
    cli.main(["backup", str(pad), "--stil"])
    assert pad.is_file()
    assert "Backup gemaakt" in capsys.readouterr().out

    _verander_van_alles(django_user_model)
    veranderd = _inhoud()
    assert sum(veranderd[t] != voor[t] for t in voor) >= 5

    cli.main(["herstel", str(pad), "--ja", "--stil"])
    assert "Database hersteld" in capsys.readouterr().out
    na = _inhoud()
    for tabel in voor:
        assert na[tabel] == voor[tabel], tabel
    assert na.keys() == voor.keys()


@pytest.fixture
def een_backup(transactional_db, django_user_model, tmp_path):
    """A database with a few rows and a backup of it; then a row more than in the backup."""
    django_user_model.objects.create_user(username="in-de-backup", password="x" * 20)
    pad = tmp_path / "samenspel.backup"
    backup.maak_backup(pad)
    django_user_model.objects.create_user(username="na-de-backup", password="x" * 20)
    return pad


def _namen(django_user_model) -> set[str]:
    return set(django_user_model.objects.values_list("username", flat=True))


def _herstel_geweigerd(*argv) -> str:
    with pytest.raises(SystemExit) as uitgang:
        cli.main(["herstel", *map(str, argv)])
    # sys.exit with a sentence: printed on stderr, exit status 1.
    assert isinstance(uitgang.value.code, str)
    return uitgang.value.code


def test_herstel_weigert_een_bestand_dat_er_niet_is(een_backup, django_user_model, tmp_path):
    weg = tmp_path / "bestaat-niet.backup"
    melding = _herstel_geweigerd(weg, "--ja")
    assert str(weg) in melding
    assert "bestaat niet" in melding
    assert _namen(django_user_model) == {"in-de-backup", "na-de-backup"}


def _tekst(pad):
    pad.write_text("id,naam\n1,Buurthuis\n")


def _backup_van_de_andere_soort(pad):
    if connection.vendor == "sqlite":
        pad.write_bytes(backup.PG_DUMP_KOP + b"\x01\x0e\x00" + bytes(200))
    else:
        sqlite3.connect(pad).execute(
            "CREATE TABLE django_migrations (id integer)"
        ).connection.close()


def _sqlite_zonder_migraties(pad):
    if connection.vendor != "sqlite":
        pytest.skip("op PostgreSQL is elke SQLite-database de andere soort (hierboven)")
    verbinding = sqlite3.connect(pad)
    verbinding.execute("CREATE TABLE iets (id integer)")
    verbinding.close()


@pytest.mark.parametrize(
    ("maak", "verwacht"),
    [
        (_tekst, "geen backup van Samenspel"),
        (_backup_van_de_andere_soort, "deze database is"),
        (_sqlite_zonder_migraties, "geen backup van Samenspel"),
    ],
    ids=["tekstbestand", "andere-soort-database", "andere-sqlite-database"],
)
def test_herstel_weigert_een_bestand_dat_geen_backup_van_deze_database_is(
    een_backup, django_user_model, tmp_path, maak, verwacht
):
    pad = tmp_path / "iets.backup"
    maak(pad)
    melding = _herstel_geweigerd(pad, "--ja")
    assert str(pad) in melding
    assert verwacht in melding
    if maak is _backup_van_de_andere_soort:
        assert ANDERE_DATABASE[connection.vendor] in melding
    assert _namen(django_user_model) == {"in-de-backup", "na-de-backup"}


def test_herstel_vraagt_eerst_en_doet_niets_zonder_ja(een_backup, django_user_model, monkeypatch):
    vragen = []
    monkeypatch.setattr("builtins.input", lambda vraag: vragen.append(vraag) or "n")
    melding = _herstel_geweigerd(een_backup)
    assert "niet bevestigd" in melding
    assert str(een_backup) in vragen[0]
    assert _namen(django_user_model) == {"in-de-backup", "na-de-backup"}

    monkeypatch.setattr("builtins.input", lambda vraag: "j")
    cli.main(["herstel", str(een_backup), "--stil"])
    assert _namen(django_user_model) == {"in-de-backup"}


def test_een_herstel_dat_halverwege_stopt_laat_de_database_zoals_hij_was(
    een_backup, django_user_model, monkeypatch
):
    voor = _inhoud()
    if connection.vendor == "sqlite":
        # Stopped after half the pages, as Ctrl+C or an error would stop it.
        monkeypatch.setattr(backup, "PAGINAS_PER_STAP", 8)

        def stop_halverwege(gedaan, totaal):
            if gedaan > totaal / 2:
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            backup.herstel(een_backup, voortgang=stop_halverwege)
    else:
        # The restore's session ends partway, as when pg_restore is killed or the network
        # drops: another session holds a table it must alter, and once pg_restore waits for
        # it, having changed other tables already, its session is terminated.
        sloten = _onderbreek_pg_restore_halverwege(lambda: backup.herstel(een_backup))
        assert sloten > 0
    assert _inhoud() == voor
    assert _namen(django_user_model) == {"in-de-backup", "na-de-backup"}


def _onderbreek_pg_restore_halverwege(herstel) -> int:
    """Run ``herstel`` and terminate pg_restore's session once it waits for a lock; return how
    many tables it had locked to change by then (more than 0: it was halfway)."""
    import threading
    import time

    import psycopg

    params = {
        k: v
        for k, v in connection.get_connection_params().items()
        if k in ("dbname", "user", "password", "host", "port")
    }
    gezien = {}

    def onderbreek(houder_pid):
        with psycopg.connect(**params, autocommit=True) as toezicht:
            for _ in range(600):
                wachtend = toezicht.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                ).fetchone()
                if wachtend:
                    break
                time.sleep(0.05)
            else:
                # Never seen waiting: let it go on, so the test fails instead of hanging.
                toezicht.execute("SELECT pg_terminate_backend(%s)", [houder_pid])
                return
            gezien["sloten"] = toezicht.execute(
                "SELECT count(*) FROM pg_locks WHERE pid = %s AND granted "
                "AND locktype = 'relation' AND mode = 'AccessExclusiveLock'",
                wachtend,
            ).fetchone()[0]
            toezicht.execute("SELECT pg_terminate_backend(%s)", wachtend)

    with psycopg.connect(**params) as houder:
        houder.execute("LOCK TABLE django_migrations IN ACCESS SHARE MODE")
        toezicht = threading.Thread(target=onderbreek, args=[houder.info.backend_pid])
        toezicht.start()
        try:
            with pytest.raises(backup.BackupFout, match="de database is niet veranderd"):
                herstel()
        finally:
            toezicht.join()
    return gezien.get("sloten", 0)


def test_een_tabel_van_na_de_backup_blijft_niet_achter_naast_de_herstelde(
    een_backup, django_user_model
):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE na_de_backup (id integer)")
    if connection.vendor == "sqlite":
        # SQLite's backup API replaces the whole database, so the table is gone.
        backup.herstel(een_backup)
        assert "na_de_backup" not in connection.introspection.table_names()
        assert _namen(django_user_model) == {"in-de-backup"}
    else:
        # pg_restore --clean only drops what the dump holds: refuse, naming the table.
        with pytest.raises(backup.BackupFout, match="na_de_backup"):
            backup.herstel(een_backup)
        assert _namen(django_user_model) == {"in-de-backup", "na-de-backup"}
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE na_de_backup")


def test_een_backup_in_een_map_heeft_een_eigen_naam_en_is_alleen_voor_de_eigenaar(
    een_backup, tmp_path
):
    map_ = tmp_path / "backups"
    map_.mkdir()
    pad = backup.maak_backup(map_)
    assert pad.parent == map_
    assert pad.name.startswith("samenspel-")
    # Personal data: no one but the owner may read it; no half-written file is left behind.
    assert pad.stat().st_mode & 0o777 == 0o600
    assert list(map_.iterdir()) == [pad]
    backup.controleer(pad)


# The command on an SQLite file, in a process of its own as on a server.


def _samenspel(thuis, *argv, invoer=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_URL")}
    env["SAMENSPEL_HOME"] = str(thuis)
    return subprocess.run(  # noqa: S603  (our own command)
        [sys.executable, "-m", "samenspel.cli", *argv],
        env=env,
        input=invoer,
        capture_output=True,
        text=True,
        check=False,
    )


def _rijen(bestand) -> dict[str, list]:
    verbinding = sqlite3.connect(bestand)
    try:
        namen = [
            rij[0]
            for rij in verbinding.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {n: sorted(verbinding.execute(f'SELECT * FROM "{n}"'), key=repr) for n in namen}  # noqa: S608
    finally:
        verbinding.close()


@pytest.mark.django_db
def test_op_een_sqlite_bestand_herstelt_samenspel_herstel_op_een_nieuwe_machine(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite-bestanden; PostgreSQL draait hierboven al het echte pg_restore")
    # The server's database: a migrated file (a copy of the migrated test database, which
    # saves a migrate of its own), with a row of its own.
    oud, nieuw = tmp_path / "oud", tmp_path / "nieuw"
    (oud / "var").mkdir(parents=True)
    database = oud / "var" / "samenspel.sqlite3"
    connection.ensure_connection()
    verbinding = sqlite3.connect(database)
    connection.connection.backup(verbinding)
    verbinding.execute("INSERT INTO auth_group (name) VALUES ('buurtteam')")
    verbinding.commit()
    verbinding.close()

    zelf = _samenspel(oud, "backup", str(database))
    assert zelf.returncode == 1
    assert "de database zelf" in zelf.stderr

    pad = tmp_path / "samenspel.backup"
    gemaakt = _samenspel(oud, "backup", str(pad))
    assert gemaakt.returncode == 0, gemaakt.stderr
    assert "backup: 100%" in gemaakt.stderr

    # A new machine: no var/ folder yet. Without --ja and with no one to answer: nothing.
    geweigerd = _samenspel(nieuw, "herstel", str(pad), invoer="")
    assert geweigerd.returncode == 1
    assert "niet bevestigd" in geweigerd.stderr
    hersteld = _samenspel(nieuw, "herstel", str(pad), invoer="ja\n")
    assert hersteld.returncode == 0, hersteld.stderr
    assert _rijen(nieuw / "var" / "samenspel.sqlite3") == _rijen(database)


def test_backup_zonder_database_zegt_dat_er_nog_niets_is(tmp_path):
    (tmp_path / "var").mkdir()
    uitkomst = _samenspel(tmp_path, "backup", str(tmp_path / "samenspel.backup"))
    assert uitkomst.returncode == 1
    assert "Er is nog geen database" in uitkomst.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["var"]
    assert list((tmp_path / "var").iterdir()) == []
