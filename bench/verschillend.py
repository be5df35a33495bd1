"""Questions nobody asked before, over HTTP, and a server's memory after traffic and edits.

    python bench/verschillend.py --schaal 150k

Most residents' questions are new combinations of words, filters and places, so no ready
answer (search/antwoordcache.py) serves them. This runs gunicorn with 2 workers, as
`samenspel serve` does, on a copy of the generated data of `run.py`, twice side by side: with
the search page's result cards rendered for every page (`SAMENSPEL_KAARTJES_MB=0`) and with
the cards kept per listing version (search/kaartjes.py, the default). For each:

1. wrk, 8 connections, cycling through 2,400 different search pages, as visitors with a
   session (so no ready answer, every page rendered);
2. the same questions against `/api/hsds/services`;
3. 200 questions asked again and again by visitors without a session (ready answers);
4. 1,000 edits of listings from another process; once both workers have taken them in,
   more distinct questions;
5. the memory of the master and of each worker (from /proc: RSS, PSS, private), after start
   and after all of the above.

Prints one table. Every request goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import genereer  # noqa: E402
import http_meting  # noqa: E402
import omgeving  # noqa: E402
import run  # noqa: E402
import vragen as vragenlijst  # noqa: E402

VERSCHILLEND = 2400
HERHAALD = 200
BEWERKINGEN = 1000
SESSIE = {"Cookie": "sessionid=meting"}
VARIANTEN = {
    "cards rendered for every page": "0",
    "cards kept per listing version": "32",
}

# Edits as an editor's saves would make them: each listing read, changed and saved, one
# transaction each, so the search signals log every one.
_BEWERK = """
import random, sys, django
django.setup()
from samenspel.directory.models import Service
ids = sorted(Service.objects.live().values_list("pk", flat=True))
for pk in random.Random(int(sys.argv[1])).sample(ids, min(len(ids), int(sys.argv[2]))):
    service = Service.objects.get(pk=pk)
    service.description = service.description + " Bijgewerkt."
    service.save()
"""


def _geheugen(pid: int) -> dict[str, float]:
    """RSS, PSS and private memory of one process, in MB."""
    waarden: dict[str, float] = {}
    with open(f"/proc/{pid}/smaps_rollup") as bestand:
        for regel in bestand:
            delen = regel.split()
            if len(delen) == 3 and delen[2] == "kB":
                waarden[delen[0].rstrip(":")] = int(delen[1]) / 1024
    return {
        "rss": waarden["Rss"],
        "pss": waarden["Pss"],
        "privé": waarden["Private_Clean"] + waarden["Private_Dirty"],
    }


def _server_geheugen(server: http_meting.Server) -> dict:
    master = server.proces.pid
    with open(f"/proc/{master}/task/{master}/children") as bestand:
        workers = [int(pid) for pid in bestand.read().split()]
    per_proces = {"master": _geheugen(master)}
    for nummer, pid in enumerate(sorted(workers), 1):
        per_proces[f"worker {nummer}"] = _geheugen(pid)
    return {"per_proces": per_proces, "pss": sum(p["pss"] for p in per_proces.values())}


def _paden(map_: Path) -> tuple[list[str], list[str], list[str]]:
    import zoekmeting

    # More questions than needed: a few come out the same; the first 2,400 different ones.
    alle = vragenlijst.maak(map_, aantal=VERSCHILLEND * 2, seed=vragenlijst.SEED + 1)
    zoek = list(dict.fromkeys(zoekmeting.zoekpad(v) for v in alle))[:VERSCHILLEND]
    api = list(dict.fromkeys(zoekmeting.apipad(v) for v in alle))[:VERSCHILLEND]
    assert len(zoek) == len(api) == VERSCHILLEND, (len(zoek), len(api))
    herhaald = [zoekmeting.zoekpad(v) for v in vragenlijst.maak(map_)][:HERHAALD]
    return zoek, api, herhaald


def _variant(map_: Path, kaartjes_mb: str, paden: tuple, seconden: int) -> dict:
    zoek, api, herhaald = paden
    database = map_ / "verschillend.sqlite3"
    shutil.copyfile(map_ / "samenspel.sqlite3", database)
    env = {
        **omgeving.omgeving(map_, f"sqlite:///{database}"),
        "SAMENSPEL_KAARTJES_MB": kaartjes_mb,
        # Both variants start from the same copy of the index (made by the first start).
        "SAMENSPEL_ZOEKINDEX_BESTAND": str(map_ / "verschillend-zoekindex.pickle"),
    }
    server = http_meting.Server(env, map_)
    uit: dict = {}
    try:
        server.wacht()
        server.warm(zoek)
        uit["geheugen_start"] = _server_geheugen(server)
        uit["zoek"] = http_meting.belast(server, zoek, seconden, koppen=SESSIE)
        uit["api"] = http_meting.belast(server, api, seconden, koppen=SESSIE)
        server.vul(herhaald)
        uit["herhaald"] = http_meting.belast(server, herhaald, seconden)
        begin = time.perf_counter()
        subprocess.run(  # noqa: S603  (our own interpreter and code)
            [sys.executable, "-c", _BEWERK, "7", str(BEWERKINGEN)], env=env, check=True
        )
        uit["bewerken_s"] = time.perf_counter() - begin
        # Each worker takes the edits in at its next search; then the load.
        begin = time.perf_counter()
        server.warm(zoek[::-1])
        uit["innemen_s"] = time.perf_counter() - begin
        uit["na_bewerken"] = http_meting.belast(server, zoek[::-1], seconden // 2, koppen=SESSIE)
        uit["verzoeken"] = sum(
            uit[k]["verzoeken"] for k in ("zoek", "api", "herhaald", "na_bewerken")
        )
        uit["geheugen_eind"] = _server_geheugen(server)
    finally:
        server.stop()
        database.unlink(missing_ok=True)
    return uit


def _last(meting: dict) -> str:
    return (
        f"{meting['per_seconde']:,.0f}/s; p50 {meting['p50_ms']:.1f}, p95 {meting['p95_ms']:.1f}, "
        f"p99 {meting['p99_ms']:.1f} ms; {meting['fouten']} errors"
    )


def _mb(geheugen: dict) -> str:
    delen = [f"total PSS {geheugen['pss']:,.0f} MB"]
    for naam, proces in geheugen["per_proces"].items():
        delen.append(f"{naam} RSS {proces['rss']:,.0f} / private {proces['privé']:,.0f}")
    return "; ".join(delen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--schaal", default="150k", choices=sorted(genereer.SCHALEN))
    parser.add_argument("--seconden", type=int, default=20)
    args = parser.parse_args()

    map_ = run.met_data(args.schaal)
    (map_ / "verschillend-zoekindex.pickle").unlink(missing_ok=True)
    omgeving.zet_omgeving(map_)
    import django

    django.setup()
    paden = _paden(map_)

    voor = omgeving.belasting()
    uitkomsten = {naam: _variant(map_, mb, paden, args.seconden) for naam, mb in VARIANTEN.items()}
    na = omgeving.belasting()

    print(
        f"\n{args.schaal}, gunicorn {http_meting.WORKERS} workers, wrk {http_meting.VERBINDINGEN} "
        f"connections, {args.seconden} s per load; load average {voor} before, {na} after, "
        f"{os.cpu_count()} cores; code {omgeving.versie()}\n"
    )
    namen = list(uitkomsten)
    print(f"| measurement | {' | '.join(namen)} |")
    print(f"|---|{'---|' * len(namen)}")
    rijen = {
        f"/zoeken/, {VERSCHILLEND:,} different questions, every page rendered": lambda u: _last(
            u["zoek"]
        ),
        f"/api/hsds/services, {VERSCHILLEND:,} different questions": lambda u: _last(u["api"]),
        f"/zoeken/, {HERHAALD} questions asked again (ready answers)": lambda u: _last(
            u["herhaald"]
        ),
        f"/zoeken/, different questions after {BEWERKINGEN:,} edits": lambda u: _last(
            u["na_bewerken"]
        ),
        "memory after start": lambda u: _mb(u["geheugen_start"]),
        "memory at the end": lambda u: (
            f"after {u['verzoeken']:,} requests and {BEWERKINGEN:,} edits "
            f"({u['bewerken_s']:.0f} s, taken in by both workers in {u['innemen_s']:.1f} s): "
            f"{_mb(u['geheugen_eind'])}"
        ),
    }
    for naam, cel in rijen.items():
        print(f"| {naam} | {' | '.join(cel(uitkomsten[n]) for n in namen)} |")


if __name__ == "__main__":
    main()
