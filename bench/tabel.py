"""The result of a run as markdown: the search table, other measurements, the targets."""

from __future__ import annotations

import math
import re
from pathlib import Path

# The targets at 150,000 services.
DOEL_P95_MS = 5.0
DOEL_P99_MS = 10.0
DOEL_PER_SECONDE = 1_000
DOEL_LAST_P95_MS = 15.0
DOEL_GROEI = 3.0
DOEL_IMPORT_S = 60.0
DOEL_IMPORT_MB = 1_000
# Search on a well-kept footing: zoek() with facets, and rendered pages' server time.
DOEL_ZOEK_P95_MS = 3.0
DOEL_ZOEK_P99_MS = 6.0
DOEL_PAGINA_P50_MS = 6.0
DOEL_PAGINA_P95_MS = 12.0
DOEL_DIENST_P50_MS = 4.0

ZOEKRIJEN = (
    ("samenspel_doel", "**Samenspel** zoek(), in-process, facets bouwsteen + sector"),
    ("samenspel_pagina", "Samenspel zoek(), in-process, all 7 facets of the page"),
    ("samenspel_kaal", "Samenspel zoek(), in-process, no facets"),
    (
        "samenspel_index",
        "Samenspel zoek_in_index(), in-process, 2 facets (the search page's call: no model "
        "instances)",
    ),
    ("samenspel_engine", "Samenspel engine only (ZoekIndex.zoek), 2 facets"),
    ("samenspel_pg", "Samenspel zoek() on PostgreSQL, 2 facets"),
    ("http", "Samenspel over HTTP: /zoeken/ page, one client, gunicorn"),
    ("api", "Samenspel over HTTP: /api/hsds/services JSON, one client"),
    ("like", "SQLite LIKE '%woord%' + bbox"),
    ("postgres", "PostgreSQL tsvector('dutch') + GIN + bbox (Ohana style)"),
    ("fts5", "SQLite FTS5 + Dutch stemmer + bbox"),
    ("tantivy", "tantivy, filters in the index (practical limit)"),
)


# Their work happens in another process (PostgreSQL, gunicorn), which thread CPU time misses.
BUITEN_PROCES = {"samenspel_pg", "http", "api", "postgres"}


def _ms(waarde) -> str:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return "–"
    return f"{waarde:.2f}" if waarde < 10 else f"{waarde:.1f}" if waarde < 100 else f"{waarde:.0f}"


def _getal(waarde) -> str:
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return "–"
    return f"{waarde:,.0f}"


def _factor(a, b) -> str:
    if not a or not b or math.isnan(a) or math.isnan(b):
        return "–"
    return f"{a / b:.2f}×"


def _ja(waar: bool | None) -> str:
    return "–" if waar is None else ("**ja**" if waar else "**nee**")


def _zoektabel(uit: dict) -> list[str]:
    metingen = dict(uit.get("metingen", {}))
    if "pg" in uit:
        metingen["samenspel_pg"] = uit["pg"]["metingen"]["doel"]
    basis = metingen.get("samenspel_doel", {})
    regels = [
        "| engine | p50 ms | p95 ms | p99 ms | queries/s | Samenspel ÷ engine, p50 / p95 "
        "| CPU p50 / p95 / p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for sleutel, label in ZOEKRIJEN:
        m = metingen.get(sleutel)
        if m is None:
            regels.append(f"| {label} | – | – | – | – | not measured | – |")
            continue
        verhouding = (
            "1 (reference)"
            if sleutel == "samenspel_doel"
            else f"{_factor(basis.get('p50_ms'), m['p50_ms'])} / "
            f"{_factor(basis.get('p95_ms'), m['p95_ms'])}"
        )
        cpu = "–"
        if sleutel not in BUITEN_PROCES and m.get("cpu_p50_ms") is not None:
            cpu = " / ".join(_ms(m[f"cpu_{p}_ms"]) for p in ("p50", "p95", "p99"))
        regels.append(
            f"| {label} | {_ms(m['p50_ms'])} | {_ms(m['p95_ms'])} | {_ms(m['p99_ms'])} | "
            f"{_getal(m['per_seconde'])} | {verhouding} | {cpu} |"
        )
    return regels


def _overige(uit: dict) -> list[str]:
    regels = ["| measurement | result |", "|---|---|"]
    data = uit.get("data", {})
    tabellen = data.get("tabellen", {})
    regels.append(
        f"| data set | {tabellen.get('services', 0):,} services, "
        f"{tabellen.get('organizations', 0):,} organisations, "
        f"{tabellen.get('locations', 0):,} locations, {data.get('gebieden', 0):,} areas, "
        f"{tabellen.get('attributes', 0):,} attributes; {data.get('verwijzingen', 0):,} "
        f"referrals / {data.get('gebeurtenissen', 0):,} events as CSV |"
    )
    imp = uit.get("import", {})
    regels.append(
        f"| import HSDS package, SQLite (`samenspel importeer hsds`) | "
        f"{imp.get('seconden', float('nan')):.1f} s, peak memory {imp.get('max_rss_mb', 0):.0f} MB"
        f"{'; ' + imp['noot'] if imp.get('noot') else ''} |"
    )
    gebieden = uit.get("import_gebieden", {})
    regels.append(
        f"| import areas | {gebieden.get('seconden', float('nan')):.1f} s"
        f"{'; ' + gebieden['noot'] if gebieden.get('noot') else ''} |"
    )
    if "pg" in uit:
        pg_imp = uit["pg"].get("import", {})
        regels.append(
            f"| import HSDS package, PostgreSQL | {pg_imp.get('seconden', float('nan')):.1f} s, "
            f"peak memory {pg_imp.get('max_rss_mb', 0):.0f} MB |"
        )
    index = uit.get("index", {})
    regels.append(
        f"| index build, in-process (`index.herbouw()`) | {index.get('seconden', 0):.1f} s for "
        f"{index.get('documenten', 0):,} listings, +{index.get('geheugen_mb', 0):.0f} MB |"
    )
    if "http_warm" in uit:
        regels.append(
            "| first answers of a fresh gunicorn (it builds the index before its workers "
            "start) | "
            f"{uit['http_warm']:.1f} s |"
        )
    for sleutel, label in (
        ("zoekpagina_eerste", "search page /zoeken/, each question new (its cards made)"),
        ("zoekpagina", "search page /zoeken/, the same questions again (cards kept)"),
        ("dienstpagina_eerste", "service page, each listing's first visit"),
        ("dienstpagina", "service page, the same listings again (their part kept)"),
    ):
        p = uit.get("paginas", {}).get(sleutel)
        if p:
            vragen = (
                f"; {p['queries_mediaan']:g} queries (max {p['queries_max']})"
                if p.get("queries_mediaan") is not None
                else ""
            )
            regels.append(
                f"| {label}, server time, rendered (test client) | p50 {_ms(p['p50_ms'])} ms, "
                f"p95 {_ms(p['p95_ms'])} ms{vragen} |"
            )
    for sleutel, label in (
        ("last", "/zoeken/ page, the 200 queries in turn"),
        ("last_zonder_cache", "/zoeken/ page, every answer rendered (visitor with a session)"),
        ("last_api", "/api/hsds/services, the 200 queries in turn"),
    ):
        last = uit.get(sleutel)
        if last:
            regels.append(
                f"| {label} under 8 connections, gunicorn 2 workers ({last['gereedschap']}) | "
                f"{last['per_seconde']:,.0f} requests/s; p50 {_ms(last['p50_ms'])} ms, "
                f"p95 {_ms(last['p95_ms'])} ms, p99 {_ms(last['p99_ms'])} ms; "
                f"{last['verzoeken']:,} requests, {last['fouten']} errors |"
            )
    groei = uit.get("groei")
    if groei:
        regels.append(
            f"| growth 15k → 150k, zoek() with 2 facets | p50 {_ms(groei['15k']['p50_ms'])} → "
            f"{_ms(groei['150k']['p50_ms'])} ms "
            f"({_factor(groei['150k']['p50_ms'], groei['15k']['p50_ms'])}); "
            f"p95 {_ms(groei['15k']['p95_ms'])} → {_ms(groei['150k']['p95_ms'])} ms "
            f"({_factor(groei['150k']['p95_ms'], groei['15k']['p95_ms'])}) |"
        )
    identiek = uit.get("identiek")
    if identiek:
        regels.append(
            f"| identical results SQLite vs PostgreSQL (total, top 20 ids in order, 7 facets) | "
            f"{identiek['gelijk']} of {identiek['vragen']} queries |"
        )
    rel = uit.get("relevantie")
    if rel:
        regels.append(
            f"| relevance: Samenspel top 20 ∩ stemmed FTS5 top 20 | mean overlap "
            f"{rel['gemiddeld']:.0%} over {rel['vragen']} queries with reference results; "
            f"{rel['volledig']} identical sets; {rel.get('in_referentie', math.nan):.0%} of "
            "Samenspel's hits contain every query stem (the rest match through compound "
            "prefixes, e.g. 'crisis' → 'Crisisdienst') |"
        )
    bouw = uit.get("bouwtijden", {})
    if bouw:
        regels.append(
            "| baseline build times | "
            + ", ".join(f"{k} {v:.1f} s" for k, v in bouw.items())
            + " |"
        )
    if "verwijzingen" in uit:
        v = uit["verwijzingen"]
        regels.append(f"| referrals loaded (bulk_create) | {v} |")
    return regels


def _doelen(uit: dict) -> list[str]:
    doel = uit.get("metingen", {}).get("samenspel_doel", {})
    last, last_api = uit.get("last", {}), uit.get("last_api", {})
    imp = uit.get("import", {})
    groei = uit.get("groei")
    identiek = uit.get("identiek")
    factor = None
    if groei:
        factor = max(
            groei["150k"]["p50_ms"] / groei["15k"]["p50_ms"],
            groei["150k"]["p95_ms"] / groei["15k"]["p95_ms"],
        )
    p95, p99 = doel.get("p95_ms", math.inf), doel.get("p99_ms", math.inf)
    rijen = [
        ("p95 ≤ 5 ms in-process incl. facets", _ms(p95), p95 <= DOEL_P95_MS),
        ("p99 ≤ 10 ms in-process incl. facets", _ms(p99), p99 <= DOEL_P99_MS),
        (
            "search page /zoeken/ ≥ 1,000 requests/s, 8 connections",
            _getal(last.get("per_seconde")),
            last.get("per_seconde", 0) >= DOEL_PER_SECONDE if last else None,
        ),
        (
            "search page /zoeken/ p95 ≤ 15 ms, 8 connections",
            _ms(last.get("p95_ms")),
            last.get("p95_ms", math.inf) <= DOEL_LAST_P95_MS if last else None,
        ),
        (
            "search API /api/hsds/services ≥ 1,000 requests/s, 8 connections",
            _getal(last_api.get("per_seconde")),
            last_api.get("per_seconde", 0) >= DOEL_PER_SECONDE if last_api else None,
        ),
        (
            "search API /api/hsds/services p95 ≤ 15 ms, 8 connections",
            _ms(last_api.get("p95_ms")),
            last_api.get("p95_ms", math.inf) <= DOEL_LAST_P95_MS if last_api else None,
        ),
        (
            "cost grows ≤ 3× from 15k to 150k",
            f"{factor:.2f}×" if factor else "–",
            factor <= DOEL_GROEI if factor else None,
        ),
        (
            "results identical on SQLite and PostgreSQL",
            f"{identiek['gelijk']}/{identiek['vragen']}" if identiek else "–",
            identiek["gelijk"] == identiek["vragen"] if identiek else None,
        ),
        (
            "import ≤ 60 s on SQLite",
            f"{imp.get('seconden', math.nan):.1f} s",
            imp.get("seconden", math.inf) <= DOEL_IMPORT_S,
        ),
        (
            "import memory < 1 GB",
            f"{imp.get('max_rss_mb', math.nan):.0f} MB",
            imp.get("max_rss_mb", math.inf) < DOEL_IMPORT_MB,
        ),
    ]
    paginas = uit.get("paginas", {})
    zoekpagina, dienst = paginas.get("zoekpagina", {}), paginas.get("dienstpagina", {})
    dienst_eerst = paginas.get("dienstpagina_eerste", {})
    rijen += [
        ("zoek() p95 ≤ 3 ms incl. facets", _ms(p95), p95 <= DOEL_ZOEK_P95_MS),
        ("zoek() p99 ≤ 6 ms incl. facets", _ms(p99), p99 <= DOEL_ZOEK_P99_MS),
        (
            "search page server time p50 ≤ 6 ms (cards kept)",
            _ms(zoekpagina.get("p50_ms")),
            zoekpagina.get("p50_ms", math.inf) <= DOEL_PAGINA_P50_MS if zoekpagina else None,
        ),
        (
            "search page server time p95 ≤ 12 ms (cards kept)",
            _ms(zoekpagina.get("p95_ms")),
            zoekpagina.get("p95_ms", math.inf) <= DOEL_PAGINA_P95_MS if zoekpagina else None,
        ),
        (
            "service page server time p50 ≤ 4 ms (its part kept)",
            _ms(dienst.get("p50_ms")),
            dienst.get("p50_ms", math.inf) <= DOEL_DIENST_P50_MS if dienst else None,
        ),
        (
            "service page server time p50 ≤ 4 ms (each listing's first visit)",
            _ms(dienst_eerst.get("p50_ms")),
            dienst_eerst.get("p50_ms", math.inf) <= DOEL_DIENST_P50_MS if dienst_eerst else None,
        ),
    ]
    regels = ["| target | measured | holds |", "|---|---:|:---:|"]
    regels += [f"| {naam} | {waarde} | {_ja(houdt)} |" for naam, waarde, houdt in rijen]
    return regels


def markdown(uit: dict) -> str:
    schaal = uit["schaal"]
    m = uit["machine"]
    delen = [
        f"### Search, {schaal}: 200 seeded queries (1–3 words, half with a bouwsteen filter, "
        "half within 3 km), top 20",
        "",
        *_zoektabel(uit),
        "",
        f"### Other measurements, {schaal}",
        "",
        *_overige(uit),
        "",
        f"### Targets, {schaal}" + (" (the targets are set for 150k)" if schaal != "150k" else ""),
        "",
        *_doelen(uit),
        "",
        "The load tests send the 200 queries in turn, as many residents asking the same "
        "questions do. Before each load test every query is asked until each worker has "
        "answered it once (untimed, as in-process every query runs once untimed), so repeated "
        "questions come from the per-process response cache (keyed on the index version: a "
        "saved change is never hidden). The one-client HTTP rows in the first table are first "
        "answers, rendered; the row 'every answer rendered' shows the page under load without "
        "the cache.",
        "",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, {m['os']}; Python "
        f"{m['python']}, SQLite {m['sqlite']}, PostgreSQL {m['postgresql']}. Load average "
        f"{m['belasting']} at the start, {m.get('belasting_einde', '?')} at the end. "
        f"Run took {uit.get('duur', 0) / 60:.1f} min. Code: {m.get('code', '?')}.",
        "",
        f"Command: `{uit.get('commando', '')}`",
    ]
    return "\n".join(delen) + "\n"


_KOP = """# Benchmark results

Written by `bench/run.py` (see `bench/README.md`). Each section holds the latest run at that
scale; every row of a section comes from one run on one machine, on the same generated data
and the same 200 seeded queries.
"""


def schrijf_results(pad: Path, schaal: str, tekst: str, uit: dict) -> None:
    """Replace this scale's section of RESULTS.md, keep the others."""
    bestaand = pad.read_text(encoding="utf-8") if pad.exists() else _KOP
    sectie = f"<!-- schaal {schaal} -->\n## {schaal}\n\n{tekst}<!-- einde {schaal} -->\n"
    patroon = re.compile(rf"<!-- schaal {schaal} -->.*?<!-- einde {schaal} -->\n", re.S)
    if patroon.search(bestaand):
        nieuw = patroon.sub(lambda _: sectie, bestaand)
    else:
        nieuw = bestaand.rstrip("\n") + "\n\n" + sectie
    pad.write_text(nieuw, encoding="utf-8")
