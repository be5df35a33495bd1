"""Benchmark Samenspel's search side by side with the usual alternatives, on one data set.

    python bench/run.py --schaal 150k     # the national scale (about 15 minutes)
    python bench/run.py --schaal 15k      # a region
    python bench/run.py --schaal 1k       # a quick check while developing

Generates the data when missing (bench/genereer.py), imports it with Samenspel's own HSDS
import into a fresh SQLite database under bench/data/<schaal>/, builds the search index and
the baselines from the same documents, runs the same 200 seeded queries through each, and
prints one markdown table. 15k and 150k runs also write it to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import genereer  # noqa: E402
import omgeving  # noqa: E402
import tabel  # noqa: E402
import vragen as vragenlijst  # noqa: E402
from meten import Meting, meet  # noqa: E402

# PostgreSQL imports take about twice as long as SQLite.
TIJDSLIMIET_IMPORT = 3600


@dataclass(frozen=True)
class Omvang:
    """How much each section measures; the 1k run is a quick check, so it measures less."""

    rondes: int = 5
    paginas: int = 100
    http_verzoeken: int = 200
    last_seconden: int = 15
    postgres: bool = True


OMVANG = {
    "1k": Omvang(rondes=2, paginas=25, http_verzoeken=40, last_seconden=4, postgres=False),
}


_BEGIN = time.monotonic()


def _stap(tekst: str) -> None:
    print(f"[{time.monotonic() - _BEGIN:6.0f} s] {tekst}", file=sys.stderr, flush=True)


def met_data(schaal: str) -> Path:
    """The generated data of this scale, imported into SQLite; made when missing."""
    map_ = genereer.map_voor(schaal)
    if not genereer.is_actueel(schaal):
        genereer.genereer(schaal, stil=True)
    if not (map_ / "samenspel.sqlite3").exists():
        _importeer(map_, omgeving.omgeving(map_), {}, "import")
    return map_


def _importeer(map_: Path, env: dict[str, str], uit: dict, sleutel: str) -> None:
    """Migrate an empty database, import the areas and then the HSDS package (timed)."""
    database = "postgres" if env["DATABASE_URL"].startswith("postgres") else "sqlite"
    log = map_ / f"import-{database}.log"
    proces = omgeving.samenspel("beheer", "migrate", "--verbosity", "0", env=env)
    if proces.code:
        raise SystemExit("migrate mislukt")
    # The areas first (CBS-style GeoJSON, then their figures), so locations find their buurt.
    seconden = 0.0
    for bestand in ("gebieden.geojson", "cijfers.csv"):
        proces = omgeving.samenspel("importeer", "gebieden", str(map_ / bestand), env=env, log=log)
        seconden += proces.seconden
        if proces.code:
            raise SystemExit(f"gebieden importeren mislukt; zie {log}")
    uit[f"{sleutel}_gebieden"] = {"seconden": seconden}
    # With its progress bar, as a user runs it (the bar goes to the log).
    argv = [str(omgeving.SAMENSPEL), "importeer", "hsds", str(map_ / "hsds")]
    _stap(f"import into {database}: samenspel importeer hsds {map_.name}/hsds")
    proces = omgeving.voer_uit(argv, env, tijdslimiet=TIJDSLIMIET_IMPORT, log=log)
    uit[sleutel] = {"seconden": proces.seconden, "max_rss_mb": proces.max_rss_mb}
    if proces.code:
        raise SystemExit(f"HSDS-import mislukt (code {proces.code}); zie {log}")


def alleen_samenspel(args) -> dict:
    """Import, build and time Samenspel alone (the 15k growth check, the PostgreSQL check)."""
    map_ = genereer.map_voor(args.schaal)
    url = omgeving.PG_URL if args.database == "postgres" else None
    if url:
        omgeving.pg_nieuwe_database()
    else:
        (map_ / "samenspel.sqlite3").unlink(missing_ok=True)
    env = omgeving.omgeving(map_, url)
    uit: dict = {"schaal": args.schaal, "database": args.database}
    _importeer(map_, env, uit, "import")
    omgeving.zet_omgeving(map_, url)
    import django

    django.setup()
    import zoekmeting

    uit["index"] = zoekmeting.bouw_index()
    vragen = vragenlijst.maak(map_)
    metingen = zoekmeting.meet_zoeken(vragen, OMVANG.get(args.schaal, Omvang()).rondes, alles=False)
    uit["metingen"] = {k: m.als_dict() for k, m in metingen.items()}
    uit["uitkomsten"] = metingen["pagina"].uitkomsten
    return uit


def _deelrun(schaal: str, database: str, map_: Path) -> dict | None:
    """Run `alleen_samenspel` in a child process (its own database settings)."""
    pad = map_ / f"deelrun-{schaal}-{database}.json"
    pad.unlink(missing_ok=True)
    argv = [
        sys.executable, str(HIER / "run.py"), "--schaal", schaal, "--alleen-samenspel",
        "--database", database, "--json", str(pad),
    ]  # fmt: skip
    _stap(f"deelrun: {schaal} op {database}")
    proces = omgeving.voer_uit(argv, os.environ.copy(), tijdslimiet=3600)
    if proces.code or not pad.exists():
        _stap(f"deelrun {schaal}/{database} mislukt (code {proces.code})")
        return None
    return json.loads(pad.read_text(encoding="utf-8"))


def _overlap(samenspel: list, referentie: list, fts5, vragen: list) -> dict:
    """Mean share of the reference top 20 that Samenspel's top 20 also holds, and the share
    of Samenspel's top 20 that the reference matches at all (the rest match through
    compound prefixes or typo tolerance, which the reference lacks)."""
    delen, gedekt, getoond = [], 0, 0
    for (_, eigen, _), ref, vraag in zip(samenspel, referentie, vragen, strict=True):
        if ref:
            delen.append(len(set(eigen) & set(ref)) / len(ref))
        if vraag.tekst and eigen:
            gedekt += len(fts5.gevonden(vraag, eigen))
            getoond += len(eigen)
    return {
        "gemiddeld": sum(delen) / len(delen) if delen else float("nan"),
        "vragen": len(delen),
        "volledig": sum(d == 1.0 for d in delen),
        "in_referentie": gedekt / getoond if getoond else float("nan"),
    }


def _controleer_installatie() -> None:
    """Fail in the first second, not after twenty minutes."""
    try:
        import tantivy  # noqa: F401
    except ImportError:
        raise SystemExit(
            "tantivy ontbreekt (de rij 'practical limit'): .venv/bin/pip install -e '.[bench]'"
        ) from None


def hoofdrun(args) -> dict:
    _controleer_installatie()
    map_ = genereer.map_voor(args.schaal)
    omvang = OMVANG.get(args.schaal, Omvang())
    uit: dict = {"schaal": args.schaal, "machine": omgeving.machine(), "begin": time.time()}
    if args.opnieuw or not genereer.is_actueel(args.schaal):
        begin = time.perf_counter()
        genereer.genereer(args.schaal, stil=True)
        uit["genereren"] = time.perf_counter() - begin
    uit["data"] = json.loads((map_ / "over.json").read_text(encoding="utf-8"))
    vragen = vragenlijst.maak(map_)

    # 1. Import into a fresh SQLite database, through the product's own import.
    (map_ / "samenspel.sqlite3").unlink(missing_ok=True)
    env = omgeving.omgeving(map_)
    _importeer(map_, env, uit, "import")

    omgeving.zet_omgeving(map_)
    import django

    django.setup()
    import zoekmeting

    # A 404 for a hidden listing is expected; Django would log each one.
    logging.getLogger("django.request").setLevel(logging.ERROR)

    # 2. Samenspel in-process.
    _stap("index bouwen")
    uit["index"] = zoekmeting.bouw_index()
    _stap("Samenspel zoeken")
    metingen: dict[str, Meting] = {
        f"samenspel_{k}": m for k, m in zoekmeting.meet_zoeken(vragen, omvang.rondes).items()
    }
    documenten = zoekmeting.documenten()

    # 3. Baselines, each built from the same documents.
    from baselines import sqlite as sqlite_basis
    from baselines.tantivy_index import Tantivy

    bouwtijden = {}
    _stap("SQLite LIKE en FTS5")
    pad = map_ / "baselines.sqlite3"
    begin = time.perf_counter()
    sqlite_basis.bouw(pad, documenten)
    bouwtijden["sqlite"] = time.perf_counter() - begin
    like, fts5 = sqlite_basis.Like(pad), sqlite_basis.Fts5(pad)
    metingen["like"] = meet(like.naam, like.zoek, vragen, max_rondes=omvang.rondes)
    metingen["fts5"] = meet(fts5.naam, fts5.zoek, vragen, max_rondes=omvang.rondes)

    _stap("tantivy")
    tantivy = Tantivy()
    begin = time.perf_counter()
    tantivy.bouw(documenten)
    bouwtijden["tantivy"] = time.perf_counter() - begin
    metingen["tantivy"] = meet(tantivy.naam, tantivy.zoek, vragen, max_rondes=omvang.rondes)

    met_pg = (omvang.postgres or args.met_pg) and not args.zonder_pg
    if met_pg and omgeving.pg_beschikbaar():
        pg = _deelrun(args.schaal, "postgres", map_)
        if pg is not None:
            uit["pg"] = {k: v for k, v in pg.items() if k != "uitkomsten"}
            uit["identiek"] = _vergelijk(
                metingen["samenspel_pagina"].uitkomsten, _als_tuples(pg["uitkomsten"]), vragen
            )
        from baselines import postgres

        _stap("PostgreSQL tsvector")
        begin = time.perf_counter()
        postgres.bouw(omgeving.PG_URL, documenten)
        bouwtijden["postgres"] = time.perf_counter() - begin
        basis = postgres.Postgres(omgeving.PG_URL)
        metingen["postgres"] = meet(basis.naam, basis.zoek, vragen, max_rondes=omvang.rondes)
    uit["bouwtijden"] = bouwtijden
    del documenten

    uit["relevantie"] = _overlap(
        metingen["samenspel_doel"].uitkomsten, metingen["fts5"].uitkomsten, fts5, vragen
    )

    # 4. Pages, server side, with their query counts.
    _stap("pagina's")
    uit["paginas"] = zoekmeting.meet_paginas(vragen, omvang.paginas)
    # The gunicorn workers build their own index; this process's copy would only take memory.
    del like, fts5, tantivy
    zoekmeting.vergeet_index()

    # 5. Over HTTP: gunicorn, 2 workers.
    _stap("HTTP")
    import http_meting

    server = http_meting.Server(env, map_)
    try:
        server.wacht()
        paden = [zoekmeting.zoekpad(v) for v in vragen]
        api_paden = [zoekmeting.apipad(v) for v in vragen]
        uit["http_warm"] = server.warm(paden)
        n = omvang.http_verzoeken
        metingen["http"] = http_meting.sequentieel(server, paden[:n])
        metingen["api"] = http_meting.sequentieel(server, api_paden[:n])
        uit["statussen"] = {"http": metingen["http"].uitkomsten, "api": metingen["api"].uitkomsten}
        uit["http_vulrondes"] = server.vul(paden)
        uit["last"] = http_meting.belast(server, paden, omvang.last_seconden)
        # The same questions from visitors with a session: no ready answers, every page
        # rendered (an unknown session costs one lookup, as for a logged-out visitor).
        uit["last_zonder_cache"] = http_meting.belast(
            server, paden, omvang.last_seconden, koppen={"Cookie": "sessionid=meting"}
        )
        server.vul(api_paden)
        uit["last_api"] = http_meting.belast(server, api_paden, omvang.last_seconden)
    finally:
        server.stop()

    # 6. Growth from 15k to 150k, measured in this run.
    if args.schaal == "150k" and not args.zonder_groei:
        if args.opnieuw or not genereer.is_actueel("15k"):
            genereer.genereer("15k", stil=True)
        klein = _deelrun("15k", "sqlite", genereer.map_voor("15k"))
        if klein is not None:
            uit["groei"] = {
                "15k": klein["metingen"]["doel"],
                "150k": metingen["samenspel_doel"].als_dict(),
            }

    if args.met_verwijzingen:
        import verwijzingen_laden

        uit["verwijzingen"] = verwijzingen_laden.laad(map_)

    uit["metingen"] = {k: m.als_dict() for k, m in metingen.items()}
    uit["machine"]["belasting_einde"] = omgeving.belasting()
    uit["duur"] = time.time() - uit["begin"]
    return uit


def _vergelijk(sqlite: list, pg: list, vragen: list) -> dict:
    """How many queries gave the same total, top 20 and facet counts; the first difference."""
    verschillen = [i for i, (a, b) in enumerate(zip(sqlite, pg, strict=True)) if a != b]
    uit: dict = {"gelijk": len(sqlite) - len(verschillen), "vragen": len(sqlite)}
    if verschillen:
        i = verschillen[0]
        (totaal_a, ids_a, facetten_a), (totaal_b, ids_b, facetten_b) = sqlite[i], pg[i]
        uit["voorbeeld"] = {
            "vraag": vragen[i].als_dict(),
            "totaal": [totaal_a, totaal_b],
            "zelfde_ids": ids_a == ids_b,
            "zelfde_facetten": facetten_a == facetten_b,
        }
    return uit


def _als_tuples(uitkomsten: list) -> list:
    # JSON turns tuples into lists; compare like with like.
    return [tuple(u) for u in uitkomsten]


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--schaal", choices=genereer.SCHALEN, default="1k")
    p.add_argument("--opnieuw", action="store_true", help="genereer de data opnieuw")
    p.add_argument("--zonder-pg", action="store_true", help="sla PostgreSQL over")
    p.add_argument("--met-pg", action="store_true", help="1k: meet PostgreSQL toch")
    p.add_argument("--zonder-groei", action="store_true", help="150k: sla de 15k-meting over")
    p.add_argument(
        "--met-verwijzingen", action="store_true", help="laad ook de verwijzingen (bulk_create)"
    )
    p.add_argument("--niet-schrijven", action="store_true", help="RESULTS.md niet bijwerken")
    p.add_argument("--alleen-samenspel", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.alleen_samenspel:
        uit = alleen_samenspel(args)
        args.json.write_text(json.dumps(uit, default=list), encoding="utf-8")
        return

    commando = "python bench/run.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    uit = hoofdrun(args)
    uit["commando"] = commando
    map_ = genereer.map_voor(args.schaal)
    (map_ / "resultaat.json").write_text(json.dumps(uit, indent=2, default=str), encoding="utf-8")
    tekst = tabel.markdown(uit)
    print(tekst, flush=True)
    if args.schaal in ("15k", "150k") and not args.niet_schrijven:
        tabel.schrijf_results(HIER / "RESULTS.md", args.schaal, tekst, uit)


if __name__ == "__main__":
    main()
