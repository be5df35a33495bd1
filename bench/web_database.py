"""Het web from the database: one wijk's web loaded and analysed, and the whole country.

Called by ``bench/web.py --database``. The data is the generated kaart (``genereer.py``: 50,000
organisations at 150k) with its web (120,000 persons, 200,000 ties), imported with the
product's own commands into a SQLite file under ``bench/data/web-<schaal>/`` and the persons
and ties bulk-loaded. No referrals are generated, so the ties from referrals are counted (the
query runs) but none reach the threshold.

Measured through the product's own code (``samenspel.network.analyse`` and ``ontmoeten``):

* one wijk, as the area page asks it: ``organisaties_in`` + ``laad`` (the database part),
  then bridges across the sector line, organisations tied through one person, bridges,
  articulation persons, brokers, initiatives without a formal tie, vacant connector roles
  and the suggestions to meet (the analysis part); p50 and p95 over 200 seeded wijken;
* the whole country: ``laad`` of every organisation, the same questions on the country's
  graph, brokers within every wijk (betweenness per wijk, as bench/web.py), and the
  suggestions to meet for every wijk at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import statistics
import time
from pathlib import Path

import genereer
import omgeving

SEED = 2025
WIJKEN = 200
DOEL_LAND_S = 2.0
DOEL_WIJK_MS = 50.0


def map_voor(schaal: str) -> Path:
    return genereer.DATA / f"web-{schaal}"


def bereid_voor(schaal: str, stap=print) -> dict:
    """Generate, import and load once; later runs reuse the database."""
    map_ = map_voor(schaal)
    over = map_ / "over.json"
    if not over.exists() or json.loads(over.read_text())["versie"] != genereer.VERSIE:
        stap(f"generate {schaal} (kaart and web, no referrals)")
        genereer.genereer(schaal, stil=True, doel=map_, verwijzingen_ook=False)
        (map_ / "geladen.json").unlink(missing_ok=True)
    geladen = map_ / "geladen.json"
    if not geladen.exists():
        import run

        (map_ / "samenspel.sqlite3").unlink(missing_ok=True)
        uit: dict = {}
        run._importeer(map_, omgeving.omgeving(map_), uit, "import")
        omgeving.zet_omgeving(map_)
        _django()
        stap("load persons and ties (bulk_create)")
        t = time.perf_counter()
        uit["web"] = _laad_web(map_ / "web")
        uit["web"]["seconden"] = round(time.perf_counter() - t, 1)
        geladen.write_text(json.dumps(uit, indent=2) + "\n")
    omgeving.zet_omgeving(map_)
    _django()
    return json.loads(geladen.read_text())


def _django() -> None:
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def _laad_web(map_: Path) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from samenspel.network.models import Band, Persoon

    sinds = genereer.PEILDATUM - dt.timedelta(days=400)
    nu = timezone.now()
    with transaction.atomic():
        with open(map_ / "personen.csv", encoding="utf-8") as bestand:
            personen = [
                Persoon(
                    id=r["id"],
                    organisatie_id=r["organisatie_id"],
                    naam=r["naam"],
                    functie=r["functie"],
                    verbinderrol=r["verbinderrol"],
                    vrijwilligers=int(r["vrijwilligers"]),
                    wijk_id=r["wijk"],
                    sinds=sinds,
                    ingestemd_op=nu if r["ingestemd"] == "1" else None,
                )
                for r in csv.DictReader(bestand)
            ]
        Persoon.objects.bulk_create(personen, batch_size=5000)
        with open(map_ / "banden.csv", encoding="utf-8") as bestand:
            banden = [
                Band(van_id=r["van"], naar_id=r["naar"], soort=r["soort"], sinds=sinds)
                for r in csv.DictReader(bestand)
            ]
        Band.objects.bulk_create(banden, batch_size=5000)
    return {"personen": len(personen), "banden": len(banden)}


def _klok(f, *args):
    t, c = time.perf_counter(), time.thread_time()
    uit = f(*args)
    return time.perf_counter() - t, time.thread_time() - c, uit


def _vragen(web) -> None:
    web.sectorbruggen()
    web.via_een_persoon()
    web.bruggen()
    web.scharnierpersonen()
    web.initiatieven_zonder_formele_band()


def _wijk(wijk):
    from samenspel.network import analyse, ontmoeten

    t0, c0 = time.perf_counter(), time.thread_time()
    ids = analyse.organisaties_in(wijk)
    web = analyse.laad(ids)
    t1 = time.perf_counter()
    _vragen(web)
    web.makelaars()
    analyse.vacante_verbinderrollen(wijk)
    ontmoeten.suggesties(web, ontmoeten.plekken(ids, wijk))
    t2, c2 = time.perf_counter(), time.thread_time()
    return (t1 - t0, t2 - t1, c2 - c0, web.graaf.vcount())


def _p95(reeks: list[float]) -> float:
    reeks = sorted(reeks)
    return reeks[max(0, int(len(reeks) * 0.95) - 1)]


def meet(schaal: str, stap=print) -> dict:
    from samenspel.areas.models import Gebied
    from samenspel.directory.models import Organization
    from samenspel.network import analyse, ontmoeten
    from samenspel.network.models import Band, Persoon

    r: dict = {
        "organisaties": Organization.objects.count(),
        "personen": Persoon.objects.count(),
        "banden": Band.objects.count(),
    }
    wijken = list(Gebied.objects.wijken().order_by("code"))
    steek = random.Random(SEED).sample(wijken, min(WIJKEN, len(wijken)))
    _wijk(steek[0])  # warm: the first query of a connection pays for opening it
    stap(f"one wijk: {len(steek)} wijken, each twice")
    # The first open reads the wijk's rows from disk (SQLite's own page cache is small); the
    # second finds them in the cache, as a busy server's database would.
    r["wijk"] = {}
    koud, warm = [], []
    for w in steek:
        koud.append(_wijk(w))
        warm.append(_wijk(w))
    for sleutel, metingen in (("koud", koud), ("warm", warm)):
        laden = [m[0] * 1000 for m in metingen]
        analyse_ms = [m[1] * 1000 for m in metingen]
        totaal = [(m[0] + m[1]) * 1000 for m in metingen]
        r["wijk"][sleutel] = {
            "laden_p50": statistics.median(laden),
            "laden_p95": _p95(laden),
            "analyse_p50": statistics.median(analyse_ms),
            "analyse_p95": _p95(analyse_ms),
            "totaal_p50": statistics.median(totaal),
            "totaal_p95": _p95(totaal),
            "cpu_p50": statistics.median(m[2] * 1000 for m in metingen),
            "cpu_p95": _p95([m[2] * 1000 for m in metingen]),
        }
    r["wijk"]["knopen_p50"] = statistics.median(m[3] for m in warm)

    stap("whole country")
    alle = Organization.objects.values_list("pk", flat=True)
    laad_s, laad_cpu, web = _klok(analyse.laad, alle)
    vragen_s, vragen_cpu, _ = _klok(_vragen, web)
    # Which wijk each person works in is read with the rest of the database part.
    wijk_s, wijk_cpu, wijk_van = _klok(_wijk_per_persoon)
    laad_s, laad_cpu = laad_s + wijk_s, laad_cpu + wijk_cpu
    makelaars_s, makelaars_cpu, _ = _klok(_makelaars_per_wijk, web, wijk_van)
    ontmoet_s, ontmoet_cpu, suggesties = _klok(
        lambda: ontmoeten.suggesties(web, ontmoeten.plekken(alle, None))
    )
    r["land"] = {
        "knopen": web.graaf.vcount(),
        "randen": web.graaf.ecount(),
        "laden": laad_s,
        "laden_cpu": laad_cpu,
        "vragen": vragen_s,
        "vragen_cpu": vragen_cpu,
        "makelaars": makelaars_s,
        "makelaars_cpu": makelaars_cpu,
        "ontmoeten": ontmoet_s,
        "ontmoeten_cpu": ontmoet_cpu,
        "suggesties": len(suggesties),
        "bruggen": len(web.bruggen()),
    }
    land = r["land"]
    land["analyse"] = land["vragen"] + land["makelaars"] + land["ontmoeten"]
    land["analyse_cpu"] = land["vragen_cpu"] + land["makelaars_cpu"] + land["ontmoeten_cpu"]
    return r


def _wijk_per_persoon() -> dict[str, str]:
    from samenspel.network.models import Persoon

    return {str(p): w for p, w in Persoon.objects.values_list("id", "wijk_id")}


def _makelaars_per_wijk(web, wijk_van: dict[str, str]) -> int:
    """Betweenness within each wijk's part of the country graph (nobody brokers between
    Groningen and Maastricht); a person's wijk is their own, an organisation's that of its
    first person, the volunteers' that of their coordinator."""
    org_wijk: dict[str, str] = {}
    for p, mens in web.personen.items():
        org_wijk.setdefault(mens.organisatie, wijk_van.get(p))
    per_wijk: dict[str, list[int]] = {}
    for i, knoop in enumerate(web.knopen):
        wijk = org_wijk.get(knoop.id) if knoop.soort == "org" else wijk_van.get(knoop.id)
        per_wijk.setdefault(wijk, []).append(i)
    for knopen in per_wijk.values():
        web.graaf.induced_subgraph(knopen).betweenness()
    return len(per_wijk)


def markdown(r: dict) -> str:
    w, land = r["wijk"], r["land"]
    totaal = land["laden"] + land["analyse"]
    totaal_cpu = land["laden_cpu"] + land["analyse_cpu"]
    regels = [
        f"Samenspel's own analysis (`network.analyse`, python-igraph) on its database (SQLite): "
        f"{r['organisaties']:,} organisations, {r['personen']:,} persons, {r['banden']:,} ties; "
        f"the country's graph has {land['knopen']:,} nodes and {land['randen']:,} edges. "
        f"One wijk: {WIJKEN} seeded wijken, median {w['knopen_p50']:.0f} nodes, each opened "
        "twice (first from disk, then with its rows in the database's cache).",
        "",
        "| measurement | load from the database | analysis | total | CPU | target | holds |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for sleutel, naam in (("koud", "first open"), ("warm", "opened again")):
        m = w[sleutel]
        regels += [
            f"| one wijk, {naam}, p50 ms | {m['laden_p50']:.1f} | {m['analyse_p50']:.1f} | "
            f"{m['totaal_p50']:.1f} | {m['cpu_p50']:.1f} | – | – |",
            f"| one wijk, {naam}, p95 ms | {m['laden_p95']:.1f} | {m['analyse_p95']:.1f} | "
            f"{m['totaal_p95']:.1f} | {m['cpu_p95']:.1f} | ≤ {DOEL_WIJK_MS:.0f} ms | "
            f"{'ja' if m['totaal_p95'] <= DOEL_WIJK_MS else 'nee'} |",
        ]
    vragen_cpu = land["vragen_cpu"] + land["makelaars_cpu"]
    regels += [
        f"| whole country, s: bridges, articulation persons, sector bridges, via one person, "
        f"initiatives without a formal tie | {land['laden']:.2f} | {land['vragen']:.2f} | – | "
        f"{land['vragen_cpu']:.2f} | – | – |",
        f"| whole country, s: brokers within every wijk | – | {land['makelaars']:.2f} | – | "
        f"{land['makelaars_cpu']:.2f} | – | – |",
        f"| whole country, s: the analysis of item 3 (the two rows above) | – | "
        f"{land['vragen'] + land['makelaars']:.2f} | – | {vragen_cpu:.2f} | "
        f"≤ {DOEL_LAND_S:.0f} s | {'ja' if vragen_cpu <= DOEL_LAND_S else 'nee'} |",
        f"| whole country, s: suggestions to meet ({land['suggesties']:,}) | – | "
        f"{land['ontmoeten']:.2f} | – | {land['ontmoeten_cpu']:.2f} | – | – |",
        f"| whole country, s: all of it | {land['laden']:.2f} | {land['analyse']:.2f} | "
        f"{totaal:.2f} | {totaal_cpu:.2f} | – | – |",
    ]
    return "\n".join(regels)
