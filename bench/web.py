"""Het web at national scale: networkx, rustworkx and python-igraph side by side.

    python bench/web.py            # 120,000 persons, 200,000 ties, 50,000 organisations
    python bench/web.py --klein    # a tenth of that, for a quick look
    python bench/web.py --database --bibliotheken rustworkx,igraph
                                   # also Samenspel's analysis on its database (150k)

Generates a seeded web in memory in the shape `samenspel.network.analyse` builds (persons and
organisations as nodes; membership, person-pair ties and ties from referrals as edges; one
node for the volunteers behind each coordinator), then times per library:

* building the graph from the edge list;
* connected components, bridges and articulation points of the whole country;
* brokers: exact betweenness within each wijk's web, the unit the analysis reports brokers
  for (nobody brokers between Groningen and Maastricht); and, as a heavier variant, within
  each gemeente's web; plus networkx's own sampled approximation over the whole country
  (k = 64 sources) for comparison. The country's total counts brokers per wijk;
* one wijk's complete analysis (subgraph, components, bridges, articulation points, exact
  betweenness), median and p95 over 200 wijken.

With ``--database`` it also measures the product itself beside them: one wijk's web loaded
from the database and analysed by ``samenspel.network.analyse``, and the whole country
(``web_database.py``; the data from ``genereer.py``, imported once under bench/data/).

The targets come from issue 11: the whole country ≤ 2 s, one wijk ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections import defaultdict

import nederland

SEED = 2025
ORGANISATIES = 50_000
PERSONEN = 120_000
BANDEN = 200_000
VERWIJSBANDEN = 15_000  # organisation pairs with 3 or more accepted referrals
AANDEEL_COORDINATOREN = 0.08
DOEL_LAND_S = 2.0
DOEL_WIJK_MS = 50.0


def genereer(schaal: float = 1.0, seed: int = SEED):
    """Nodes 0..n-1 and an edge list; plus which nodes lie in which gemeente and wijk."""
    rng = random.Random(seed)
    n_org = int(ORGANISATIES * schaal)
    n_pers = int(PERSONEN * schaal)
    n_wijk = max(1, int(nederland.AANTAL_WIJKEN * schaal))
    n_gem = max(1, min(nederland.AANTAL_GEMEENTEN, n_wijk // 3))
    wijk_gemeente = [w * n_gem // n_wijk for w in range(n_wijk)]
    org_wijk = [rng.randrange(n_wijk) for _ in range(n_org)]
    orgs_in_wijk = defaultdict(list)
    for o, w in enumerate(org_wijk):
        orgs_in_wijk[w].append(o)
    wijken_met_orgs = sorted(orgs_in_wijk)

    # Every organisation has one person; the rest go to organisations at random.
    persoon_org = list(range(n_org)) + [rng.randrange(n_org) for _ in range(n_pers - n_org)]
    personen_van = defaultdict(list)
    for p, o in enumerate(persoon_org):
        personen_van[o].append(p)
    knoop_wijk = org_wijk + [org_wijk[o] for o in persoon_org]
    randen = [(n_org + p, o) for p, o in enumerate(persoon_org)]

    def persoon_in(wijk: int) -> int:
        return rng.choice(personen_van[rng.choice(orgs_in_wijk[wijk])])

    gezien = set()
    while len(gezien) < int(BANDEN * schaal):
        a = rng.randrange(n_pers)
        wijk = org_wijk[persoon_org[a]]
        r = rng.random()
        if r < 0.85:  # most ties are within the wijk
            b = persoon_in(wijk)
        elif r < 0.97:  # then the same gemeente
            g = wijk_gemeente[wijk]
            b = persoon_in(
                rng.choice(
                    [
                        w
                        for w in (wijk - 2, wijk + 2)
                        if 0 <= w < n_wijk and wijk_gemeente[w] == g and w in orgs_in_wijk
                    ]
                    or [wijk]
                )
            )
        else:
            b = persoon_in(rng.choice(wijken_met_orgs))
        if persoon_org[a] != persoon_org[b]:
            gezien.add((min(a, b), max(a, b)))
    randen += [(n_org + a, n_org + b) for a, b in sorted(gezien)]

    paren = set()
    while len(paren) < int(VERWIJSBANDEN * schaal):
        a = rng.randrange(n_org)
        b = rng.choice(orgs_in_wijk[org_wijk[a]])
        if a != b:
            paren.add((min(a, b), max(a, b)))
    randen += sorted(paren)

    n = n_org + n_pers
    for p in rng.sample(range(n_pers), int(n_pers * AANDEEL_COORDINATOREN)):
        randen.append((n_org + p, n))  # the volunteers behind this coordinator
        knoop_wijk.append(knoop_wijk[n_org + p])
        n += 1

    wijk_knopen = defaultdict(list)
    gemeente_knopen = defaultdict(list)
    for k, w in enumerate(knoop_wijk):
        wijk_knopen[w].append(k)
        gemeente_knopen[wijk_gemeente[w]].append(k)
    return n, randen, dict(wijk_knopen), dict(gemeente_knopen)


class NetworkX:
    naam = "networkx"

    def __init__(self):
        import networkx as nx

        self.nx = nx
        self.versie = nx.__version__

    def bouw(self, n, randen):
        g = self.nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(randen)
        return g

    def componenten(self, g):
        return sum(1 for _ in self.nx.connected_components(g))

    def bruggen(self, g):
        return sum(1 for _ in self.nx.bridges(g))

    def scharnieren(self, g):
        return sum(1 for _ in self.nx.articulation_points(g))

    def deelgraaf(self, g, knopen):
        return g.subgraph(knopen)

    def tussenpositie(self, g):
        return self.nx.betweenness_centrality(g)

    def tussenpositie_benaderd(self, g, k):
        return self.nx.betweenness_centrality(g, k=k, seed=SEED)


class RustworkX:
    naam = "rustworkx"

    def __init__(self):
        import rustworkx as rx

        self.rx = rx
        self.versie = rx.__version__

    def bouw(self, n, randen):
        g = self.rx.PyGraph(multigraph=False)
        g.add_nodes_from(range(n))
        g.add_edges_from_no_data(randen)
        return g

    def componenten(self, g):
        return len(self.rx.connected_components(g))

    def bruggen(self, g):
        return len(self.rx.bridges(g))

    def scharnieren(self, g):
        return len(self.rx.articulation_points(g))

    def deelgraaf(self, g, knopen):
        return g.subgraph(knopen)

    def tussenpositie(self, g):
        # One thread: the server shares its cores with the other requests.
        return self.rx.betweenness_centrality(g, parallel_threshold=10**9)

    tussenpositie_benaderd = None


class IGraph:
    naam = "python-igraph"

    def __init__(self):
        import igraph as ig

        self.ig = ig
        self.versie = ig.__version__

    def bouw(self, n, randen):
        return self.ig.Graph(n=n, edges=randen)

    def componenten(self, g):
        return len(g.connected_components())

    def bruggen(self, g):
        return len(g.bridges())

    def scharnieren(self, g):
        return len(g.articulation_points())

    def deelgraaf(self, g, knopen):
        return g.induced_subgraph(knopen)

    def tussenpositie(self, g):
        return g.betweenness()

    tussenpositie_benaderd = None


CPU: dict[str, float] = {}


def klok(f, *args):
    """Wall time of one call; its CPU time (this thread) is added up in CPU["totaal"]."""
    t, c = time.perf_counter(), time.thread_time()
    uit = f(*args)
    CPU["totaal"] = CPU.get("totaal", 0.0) + time.thread_time() - c
    return time.perf_counter() - t, uit


def wijkanalyse(lib, g, knopen):
    d = lib.deelgraaf(g, knopen)
    lib.componenten(d)
    lib.bruggen(d)
    lib.scharnieren(d)
    lib.tussenpositie(d)


def meet(lib, n, randen, wijken, gemeenten, rng):
    r = {}
    CPU["totaal"] = 0.0
    r["bouw"], g = klok(lib.bouw, n, randen)
    r["componenten"], r["n_componenten"] = klok(lib.componenten, g)
    r["bruggen"], r["n_bruggen"] = klok(lib.bruggen, g)
    r["scharnieren"], r["n_scharnieren"] = klok(lib.scharnieren, g)
    # networkx's exact betweenness takes minutes for all areas: it is measured on a sample
    # and scaled up (marked in the table).
    for sleutel, gebieden, steekproef in (
        ("tussen_wijken", wijken, 300),
        ("tussen_gemeenten", gemeenten, 10),
    ):
        alle = sorted(gebieden)
        steek = alle if lib.naam != "networkx" else rng.sample(alle, min(steekproef, len(alle)))
        t, c = time.perf_counter(), time.thread_time()
        for code in steek:
            lib.tussenpositie(lib.deelgraaf(g, gebieden[code]))
        r[sleutel] = (time.perf_counter() - t) * len(alle) / len(steek)
        r[sleutel + "_cpu"] = (time.thread_time() - c) * len(alle) / len(steek)
        if sleutel == "tussen_wijken":
            r["land_cpu"] = CPU["totaal"] + r[sleutel + "_cpu"]
        r[sleutel + "_geschat"] = len(steek) < len(alle)
    if lib.tussenpositie_benaderd:
        r["tussen_k64"], _ = klok(lib.tussenpositie_benaderd, g, 64)
    tijden = []
    for w in rng.sample(sorted(wijken), min(200, len(wijken))):
        tijden.append(klok(wijkanalyse, lib, g, wijken[w])[0])
    tijden.sort()
    r["wijk_p50"] = statistics.median(tijden) * 1000
    r["wijk_p95"] = tijden[int(len(tijden) * 0.95) - 1] * 1000
    r["land"] = r["bouw"] + r["componenten"] + r["bruggen"] + r["scharnieren"] + r["tussen_wijken"]
    return r


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="a tenth of the national scale")
    parser.add_argument(
        "--database", action="store_true", help="also Samenspel's analysis on its database"
    )
    parser.add_argument(
        "--bibliotheken",
        default="networkx,rustworkx,igraph",
        help="which libraries to compare (networkx's betweenness takes minutes)",
    )
    args = parser.parse_args()
    schaal = 0.1 if args.klein else 1.0
    gekozen = {b.strip() for b in args.bibliotheken.split(",") if b.strip()}
    database = None
    if args.database:
        import web_database

        dbschaal = "15k" if args.klein else "150k"
        begin = time.perf_counter()
        voorbereid = web_database.bereid_voor(dbschaal)
        print(f"database ready in {time.perf_counter() - begin:.0f} s: {voorbereid}")
        print(f"machine: {os.cpu_count()} cores, load {_belasting()} before the measurement")
        database = web_database.meet(dbschaal)
        print(f"load {_belasting()} after the database measurement")
        # Kept, and shown at once, in case a library below is missing or fails.
        (web_database.map_voor(dbschaal) / "resultaat.json").write_text(json.dumps(database))
        print(web_database.markdown(database), flush=True)
    t, (n, randen, wijken, gemeenten) = klok(genereer, schaal)
    print(
        f"web: {n:,} nodes, {len(randen):,} edges, {len(gemeenten)} gemeenten, "
        f"{len(wijken):,} wijken (generated in {t:.1f} s)"
    )
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    rijen = []
    for soort in (NetworkX, RustworkX, IGraph):
        if soort.naam.removeprefix("python-") not in gekozen:
            continue
        lib = soort()
        r = meet(lib, n, randen, wijken, gemeenten, random.Random(SEED))
        rijen.append((lib, r))
        print(f"  {lib.naam} done")
    print()
    print(
        "| library | build s | components s | bridges s | articulation points s | "
        "brokers per wijk s | brokers per gemeente s | country total s (CPU s) | "
        "one wijk p50 / p95 ms | "
        "country ≤ 2 s CPU | wijk p95 ≤ 50 ms |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|")
    for lib, r in rijen:
        wgeschat = " (est.)" if r["tussen_wijken_geschat"] else ""
        geschat = " (est.)" if r["tussen_gemeenten_geschat"] else ""
        print(
            f"| {lib.naam} {lib.versie} | {r['bouw']:.2f} | {r['componenten']:.2f} | "
            f"{r['bruggen']:.2f} | {r['scharnieren']:.2f} | "
            f"{r['tussen_wijken']:.2f}{wgeschat} | {r['tussen_gemeenten']:.2f}{geschat} | "
            f"{r['land']:.2f} ({r['land_cpu']:.2f}) | "
            f"{r['wijk_p50']:.1f} / {r['wijk_p95']:.1f} | "
            f"{'ja' if r['land_cpu'] <= DOEL_LAND_S else 'nee'} | "
            f"{'ja' if r['wijk_p95'] <= DOEL_WIJK_MS else 'nee'} |"
        )
    print()
    for lib, r in rijen:
        extra = f", sampled betweenness k=64 {r['tussen_k64']:.2f} s" if "tussen_k64" in r else ""
        print(
            f"{lib.naam}: {r['n_componenten']:,} components, {r['n_bruggen']:,} bridges, "
            f"{r['n_scharnieren']:,} articulation points{extra}"
        )
    if database is not None:
        import web_database

        print()
        print(web_database.markdown(database))
    print()
    print(f"load {_belasting()} at the end")


def _belasting() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
