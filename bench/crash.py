"""kill -9 on PostgreSQL: of the server during referral updates, and of an HSDS import.

    python bench/crash.py                   # both: 5 kills of the server, 7 of an import
    python bench/crash.py --alleen server   # or: --alleen import

**Server.** Sets up the demo in its own database (``samenspel_bench_crash``), starts
``samenspel serve`` (gunicorn, 2 workers, the e-mail sender), sends a pool of referrals through
the site and lets 4 connections change their statuses as the receiving professional (as in
``gemengd.py``). In each trial, once 10 changes were acknowledged and a seeded 0.2-2 s later,
the master, its workers and the sender are killed at once with SIGKILL; the server is
started again and the database is checked: every referral's status is that of its last status
event, the events chain, each event has its audit row, every change the client saw
acknowledged is there, and of the changes in flight at the kill (no answer seen) each is
either wholly there or not at all.

**Import.** Imports the generated 15k areas into its own database (``samenspel_bench_import``),
keeps a copy (a PostgreSQL template), imports the 15k HSDS package once to completion (its
duration, its progress lines and the table counts after it), and then, each time on a fresh
copy, starts ``samenspel importeer hsds`` and kills it with SIGKILL once while it starts and
then when its log shows a given progress line (spread over the whole import, the last one
after the last table, while it still checks, logs and commits). Every
table's row count must be exactly that of before the import; a last run on the database of the
last kill must succeed and give exactly the counts of the complete import.

Prints a table of trials and outcomes; exits non-zero if any trial left something half-written.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import gemengd  # noqa: E402
import genereer  # noqa: E402
import omgeving  # noqa: E402
from gemengd import Bezoeker, Onverwacht, stap  # noqa: E402

MAP = HIER / "data" / "crash"
SERVER_DATABASE = "samenspel_bench_crash"
IMPORT_DATABASE = "samenspel_bench_import"
IMPORT_SCHAAL = "15k"
# A server trial's kill comes a seeded 0.2-2 s after this many acknowledged changes.
MIN_VOOR_KILL = 10
# Where each import trial is killed, as a share of a complete import's progress lines (1.0:
# the last one).
DELEN = (0.05, 0.2, 0.4, 0.6, 0.8, 1.0)


# -- the server, killed during referral updates ----------------------------------------------


class Wijzigers:
    """Connections that change their own referrals' statuses until stopped or cut off."""

    def __init__(self, adres: str, statussen: dict[str, str], verbindingen: int):
        self.adres = adres
        self.statussen = dict(statussen)
        self.verbindingen = verbindingen
        self.slot = threading.Lock()
        self.bevestigd: dict[str, int] = dict.fromkeys(statussen, 0)
        self.onderweg: dict[str, int] = dict.fromkeys(statussen, 0)  # no answer seen
        self.fouten: list[str] = []
        self.klaar = threading.Event()
        self.bezoekers = [Bezoeker(adres) for _ in range(verbindingen)]

    def log_in(self) -> None:
        for bezoeker in self.bezoekers:
            bezoeker.log_in(gemengd.ONTVANGER)

    def proef(self, kill, seed: int) -> dict:
        """Run the connections, call `kill` meanwhile, and count what they saw."""
        ids = list(self.statussen)
        self.klaar.clear()
        voor = dict(self.bevestigd)
        onderweg_voor = sum(self.onderweg.values())
        threads = [
            threading.Thread(
                target=self._verbinding, args=(b, ids[i :: self.verbindingen], seed + i)
            )
            for i, b in enumerate(self.bezoekers)
        ]
        for t in threads:
            t.start()
        uitkomst = kill()
        self.klaar.set()
        for t in threads:
            t.join()
        uitkomst["bevestigd"] = sum(self.bevestigd.values()) - sum(voor.values())
        uitkomst["onderweg"] = sum(self.onderweg.values()) - onderweg_voor
        return uitkomst

    def _verbinding(self, bezoeker: Bezoeker, eigen: list[str], seed: int) -> None:
        kans = random.Random(seed)  # noqa: S311  (a load mix, not a secret)
        while not self.klaar.is_set():
            verwijzing = kans.choice(eigen)
            try:
                naar, _ = gemengd.zet_status(bezoeker, verwijzing, self.statussen[verwijzing])
            except (httpx.HTTPError, Onverwacht) as fout:
                # The server is gone (or going): whether this change was saved is unknown.
                with self.slot:
                    self.onderweg[verwijzing] += 1
                    if not isinstance(fout, httpx.TransportError):
                        self.fouten.append(f"{type(fout).__name__}: {fout}")
                return
            with self.slot:
                self.statussen[verwijzing] = naar
                self.bevestigd[verwijzing] += 1

    def lees_statussen(self, url: str) -> None:
        """After a restart the client learns the true status of each referral."""
        self.statussen.update(gemengd.statussen_in_database(url, list(self.statussen)))


def events_per_verwijzing(url: str, ids: list[str]) -> tuple[dict[str, int], dict[str, int]]:
    """Status events written by the receiver, and their audit rows, per referral."""
    with psycopg.connect(url) as v:
        events = dict(
            v.execute(
                "SELECT verwijzing_id::text, count(*) FROM referrals_gebeurtenis "
                "WHERE soort = 'status' AND partij = 'ontvanger' AND verwijzing_id = ANY(%s) "
                "GROUP BY 1",
                ([uuid.UUID(i) for i in ids],),
            ).fetchall()
        )
        audit = dict(
            v.execute(
                "SELECT record_id, count(*) FROM privacy_auditregel WHERE actie = 'gewijzigd' "
                "AND record_soort = 'referrals.verwijzing' AND record_id = ANY(%s) GROUP BY 1",
                (ids,),
            ).fetchall()
        )
    return {i: events.get(i, 0) for i in ids}, {i: audit.get(i, 0) for i in ids}


def server_proeven(args) -> tuple[list[dict], bool]:
    MAP.mkdir(parents=True, exist_ok=True)
    url = gemengd.nieuwe_database(args.database_url, SERVER_DATABASE)
    env = gemengd.server_omgeving(MAP, url)
    log = MAP / "server.log"
    log.write_text("")
    proeven: list[dict] = []
    goed = True
    try:
        stap("samenspel demo --geen-server")
        gemengd.zet_demo_op(env, MAP / "demo.log")
        server = gemengd.Server(env, log)
        server.start()
        pool = gemengd.maak_pool(server.adres, url, args.verbindingen * 4)
        ids = list(pool)
        wijzigers = Wijzigers(server.adres, pool, args.verbindingen)
        wijzigers.log_in()
        kans = random.Random(args.seed)  # noqa: S311
        for nummer in range(1, args.server_proeven + 1):
            wachten = kans.uniform(0.2, 2.0)

            def kill(wachten=wachten) -> dict:
                # In the middle of the updates: once the connections are under way (a fresh
                # server answers slowly at first), then a seeded moment later.
                begin = time.monotonic()
                al = sum(wijzigers.bevestigd.values())
                while sum(wijzigers.bevestigd.values()) - al < MIN_VOOR_KILL:
                    if time.monotonic() - begin > 120:
                        break
                    time.sleep(0.01)
                time.sleep(wachten)
                return {"na_s": time.monotonic() - begin, "processen": server.dood()}

            stap(f"serverproef {nummer}: kill -9 na {wachten:.1f} s")
            uitkomst = wijzigers.proef(kill, args.seed + 100 * nummer)
            events, audit = events_per_verwijzing(url, ids)
            # Acknowledged changes are all there; of those in flight, each is there or not.
            ontbreekt = sum(max(0, wijzigers.bevestigd[i] - events[i]) for i in ids)
            te_veel = sum(
                max(0, events[i] - wijzigers.bevestigd[i] - wijzigers.onderweg[i]) for i in ids
            )
            opgeslagen_onderweg = sum(events[i] - wijzigers.bevestigd[i] for i in ids)
            onjuist = gemengd.verwijzingen_kloppen(url, ids)
            zonder_audit = sum(events[i] != audit[i] for i in ids)
            uitkomst.update(
                nummer=nummer,
                opgeslagen_onderweg=opgeslagen_onderweg,
                ontbreekt=ontbreekt,
                te_veel=te_veel,
                onjuist=len(onjuist),
                voorbeelden=onjuist[:3],
                zonder_audit=zonder_audit,
                fouten=list(wijzigers.fouten),
            )
            wijzigers.fouten.clear()
            goed &= not (ontbreekt or te_veel or onjuist or zonder_audit or uitkomst["fouten"])
            proeven.append(uitkomst)
            # Count what is now saved as acknowledged, so the next trial starts from the truth.
            for i in ids:
                wijzigers.bevestigd[i] = events[i]
                wijzigers.onderweg[i] = 0
            server.start()
            wijzigers.lees_statussen(url)
        server.stop()
    finally:
        gemengd.verwijder_database(args.database_url, SERVER_DATABASE)
    return proeven, goed


def server_tabel(proeven: list[dict], verbindingen: int) -> str:
    regels = [
        f"| trial | killed after s | processes killed (master, workers, sender) | changes "
        f"acknowledged (by {verbindingen} connections) | in flight at the kill (no answer) | "
        "of those saved | acknowledged but missing | events without audit row | referrals "
        "whose status ≠ last event or whose events do not chain |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in proeven:
        regels.append(
            f"| {p['nummer']} | {p['na_s']:.1f} | {p['processen']} | {p['bevestigd']} | "
            f"{p['onderweg']} | {p['opgeslagen_onderweg']} | {p['ontbreekt']} | "
            f"{p['zonder_audit']} | {p['onjuist']} |"
        )
    return "\n".join(regels)


# -- the import, killed ----------------------------------------------------------------------


def tellingen(url: str) -> dict[str, int]:
    """Exact row counts of every table (sessions and migrations aside)."""
    with psycopg.connect(url) as v:
        tabellen = [
            r[0]
            for r in v.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            t: v.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: S608
            for t in tabellen
            if t not in ("django_session", "django_migrations")
        }


def kopie(beheer_url: str, bron: str, doel: str) -> str:
    with psycopg.connect(beheer_url, autocommit=True) as v:
        v.execute(f'DROP DATABASE IF EXISTS "{doel}" WITH (FORCE)')
        v.execute(f'CREATE DATABASE "{doel}" TEMPLATE "{bron}"')
    return gemengd.database_url(beheer_url, doel)


def _wacht(proces: subprocess.Popen, log: Path, kill_na: float | None, kill_bij: str | None):
    """Until the process ends, `kill_na` seconds have passed or `kill_bij` is in its log;
    raises TimeoutExpired for a kill."""
    if kill_bij is None:
        proces.wait(kill_na)
        return
    while proces.poll() is None:
        if any(r.startswith(kill_bij) for r in voortgangsregels(log)):
            raise subprocess.TimeoutExpired(proces.args, 0)
        time.sleep(0.01)


def importeer(
    env: dict[str, str],
    pakket: Path,
    log: Path,
    kill_na: float | None,
    kill_bij: str | None = None,
) -> dict:
    """`samenspel importeer hsds`, killed with SIGKILL after `kill_na` seconds or once its
    log shows `kill_bij` (or not at all)."""
    argv = [str(omgeving.SAMENSPEL), "importeer", "hsds", str(pakket)]
    with open(log, "a") as uit:
        begin = time.monotonic()
        proces = subprocess.Popen(argv, env=env, stdout=uit, stderr=uit)  # noqa: S603
        try:
            _wacht(proces, log, kill_na, kill_bij)
            gedood = False
        except subprocess.TimeoutExpired:
            for pid in [proces.pid, *gemengd.nakomelingen(proces.pid)]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            proces.wait()
            gedood = True
    return {"seconden": time.monotonic() - begin, "code": proces.returncode, "gedood": gedood}


def voortgangsregels(log: Path) -> list[str]:
    """The import's progress lines (one per tenth of a table), up to the percentage:
    `services.csv:  20%`."""
    return [
        r.split("|")[0].strip()
        for r in log.read_text(errors="replace").splitlines()
        if "rijen" in r
    ]


def laatste_voortgang(log: Path) -> str:
    """The import's last progress line, to say where it was."""
    regels = voortgangsregels(log)
    return regels[-1] if regels else "before the first table"


def import_proeven(args) -> tuple[list[dict], dict, bool]:
    MAP.mkdir(parents=True, exist_ok=True)
    map_ = genereer.map_voor(IMPORT_SCHAAL)
    if not genereer.is_actueel(IMPORT_SCHAAL):
        stap(f"genereer {IMPORT_SCHAAL}")
        genereer.genereer(IMPORT_SCHAAL, stil=True)
    basis = IMPORT_DATABASE + "_basis"
    url = gemengd.nieuwe_database(args.database_url, basis)
    env = omgeving.omgeving(MAP, url)
    log = MAP / "import.log"
    log.write_text("")
    proeven: list[dict] = []
    goed = True
    try:
        stap("migrate en gebieden importeren")
        if omgeving.samenspel("beheer", "migrate", "--verbosity", "0", env=env, log=log).code:
            raise SystemExit(f"migrate mislukt; zie {log}")
        for bestand in ("gebieden.geojson", "cijfers.csv"):
            argv = ("importeer", "gebieden", str(map_ / bestand), "--stil")
            if omgeving.samenspel(*argv, env=env, log=log).code:
                raise SystemExit(f"gebieden importeren mislukt; zie {log}")
        voor = tellingen(url)
        stap("volledige import (duur en tellingen daarna)")
        doel = gemengd.database_url(args.database_url, IMPORT_DATABASE)
        kopie(args.database_url, basis, IMPORT_DATABASE)
        env = omgeving.omgeving(MAP, doel)
        volledig_log = MAP / "import-volledig.log"
        volledig_log.write_text("")
        volledig = importeer(env, map_ / "hsds", volledig_log, None)
        if volledig["code"]:
            raise SystemExit(f"de import mislukt (code {volledig['code']}); zie {log}")
        na = tellingen(doel)
        duur = volledig["seconden"]
        # Kill points by the import's own progress lines (one per tenth of each table), so a
        # busy machine moves them in time but not in the work: spread over the whole import,
        # the last one the last table's last line, after which the import still checks, logs
        # the changes for the search index and commits. And one while it starts.
        lijnen = voortgangsregels(volledig_log)
        punten: list[tuple[float | None, str | None]] = [(1.0, None)]
        for deel in DELEN:
            regel = lijnen[round(deel * (len(lijnen) - 1))]
            if regel not in (p_[1] for p_ in punten):
                punten.append((None, regel))
        for nummer, (kill_na, kill_bij) in enumerate(punten, 1):
            kopie(args.database_url, basis, IMPORT_DATABASE)
            stap(f"importproef {nummer}: kill -9 bij {kill_bij or f'{kill_na} s'}")
            proeflog = MAP / f"import-proef-{nummer}.log"
            proeflog.write_text("")
            uitkomst = importeer(env, map_ / "hsds", proeflog, kill_na, kill_bij)
            gezien = tellingen(doel)
            if gezien == voor:
                toestand = "as before the import"
            elif gezien == na:
                toestand = "as after the complete import"
            else:
                toestand = "**half-written**"
                goed = False
            anders = sorted(t for t in gezien if gezien[t] != voor.get(t))
            proeven.append(
                {
                    "nummer": nummer,
                    "bij": kill_bij or f"after {kill_na:.0f} s, while it starts",
                    "na_s": uitkomst["seconden"],
                    "gedood": uitkomst["gedood"],
                    "waar": laatste_voortgang(proeflog),
                    "toestand": toestand,
                    "anders": anders,
                }
            )
            # Killed, nothing may be left; finished before the kill, everything must be there.
            verwacht = (
                "as before the import" if uitkomst["gedood"] else "as after the complete import"
            )
            goed &= toestand == verwacht
        stap("opnieuw importeren na de laatste kill")
        opnieuw = importeer(env, map_ / "hsds", log, None)
        # The import run's own row and the change log hold ids and times, so the counts are
        # compared, table by table.
        na_opnieuw = tellingen(doel)
        herhaling = {
            "code": opnieuw["code"],
            "seconden": opnieuw["seconden"],
            "gelijk": na_opnieuw == na,
            "anders": sorted(t for t in na if na_opnieuw.get(t) != na[t]),
        }
        goed &= opnieuw["code"] == 0 and herhaling["gelijk"]
        samenvatting = {
            "duur": duur,
            "voor": sum(voor.values()),
            "na": sum(na.values()),
            "tabellen": len(na),
            "gevuld": sorted(t for t in na if na[t] != voor.get(t)),
            "herhaling": herhaling,
        }
    finally:
        gemengd.verwijder_database(args.database_url, IMPORT_DATABASE)
        gemengd.verwijder_database(args.database_url, basis)
    return proeven, samenvatting, goed


def import_tabel(proeven: list[dict]) -> str:
    regels = [
        "| trial | killed at | killed after s | killed while running | last progress line in "
        "its log | every table's row count afterwards |",
        "|---:|---|---:|:---:|---|---|",
    ]
    for p in proeven:
        regels.append(
            f"| {p['nummer']} | `{p['bij']}` | {p['na_s']:.1f} | "
            f"{'ja' if p['gedood'] else '**nee**'} | `{p['waar']}` | {p['toestand']}"
            f"{' (' + ', '.join(p['anders']) + ')' if p['anders'] else ''} |"
        )
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--database-url", default=omgeving.PG_BEHEER)
    p.add_argument("--alleen", choices=("server", "import"))
    p.add_argument("--server-proeven", type=int, default=5)
    p.add_argument("--verbindingen", type=int, default=4)
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--schrijf", action="store_true", help="zet de uitkomst in RESULTS.md")
    args = p.parse_args(argv)
    commando = "python bench/crash.py " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    machine = omgeving.machine()
    delen, goed = [], True
    if args.alleen != "import":
        proeven, gelukt = server_proeven(args)
        goed &= gelukt
        fouten = [f for p_ in proeven for f in p_["fouten"]]
        delen += [
            f"### kill -9 of the server during referral updates ({len(proeven)} trials)",
            "",
            server_tabel(proeven, args.verbindingen),
            "",
            f"Outcome: {'**nothing half-written**' if gelukt else '**NOT consistent**'}; "
            f"{sum(p_['bevestigd'] for p_ in proeven)} acknowledged changes, all in the "
            "database" + (f"; unexpected answers: {fouten[:3]}" if fouten else "") + ".",
            "",
        ]
    if args.alleen != "server":
        proeven, samenvatting, gelukt = import_proeven(args)
        goed &= gelukt
        h = samenvatting["herhaling"]
        delen += [
            f"### kill -9 of `samenspel importeer hsds` ({IMPORT_SCHAAL} package, "
            f"{len(proeven)} trials)",
            "",
            f"A complete import took {samenvatting['duur']:.1f} s and took the database from "
            f"{samenvatting['voor']:,} to {samenvatting['na']:,} rows in "
            f"{len(samenvatting['gevuld'])} of {samenvatting['tabellen']} tables; each trial "
            "starts from a copy of the database before it.",
            "",
            import_tabel(proeven),
            "",
            f"Then the import again on the database of the last kill: exit code {h['code']}, "
            f"{h['seconden']:.1f} s, every table's count that of the complete import: "
            f"{'**ja**' if h['gelijk'] else '**nee** (' + ', '.join(h['anders']) + ')'}.",
            "",
        ]
    delen += [
        f"Machine: {machine['nproc']} cores (nproc), {machine['cpu']}, {machine['ram']} RAM; "
        f"PostgreSQL {machine['postgresql']}. Shared with other work: load average "
        f"{machine['belasting']} before, {omgeving.belasting()} after. Code: {machine['code']}.",
        "",
        f"Command: `{commando.strip()}`",
    ]
    tekst = "\n".join(delen)
    print(tekst, flush=True)
    if args.schrijf:
        gemengd.vervang_sectie(HIER / "RESULTS.md", "crash", tekst)
    if not goed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
