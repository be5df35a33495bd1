"""Can tantivy answer a search with its facet counts as fast as Samenspel's own engine?

The question behind moving search onto tantivy: the page needs the top 20 *and* the counts
of five facets, each counted as if its own choice were not made (disjunctive facets), so a
resident sees how many listings another bouwsteen would give. The bare tantivy baseline of
`run.py` answers the top 20 only. This measures, side by side in one process on the same
generated listings:

- Samenspel's engine (`search.engine.ZoekIndex.zoek`) with the five facets;
- tantivy: the top 20 by BM25 with the filters in the index, then the facet counts with
  tantivy's terms aggregations (one request for the facets nobody chose, one per chosen
  facet with that choice left out);
- tantivy: the top 20 alone.

Listings are made up here (words of `woorden.py`, facet values, points in the Netherlands),
seeded, so both engines index exactly the same documents. Text is stemmed by Samenspel for
both (tantivy gets the stems with a whitespace tokenizer), so the comparison is of the
engines, not of the stemmers. A query of several words finds the listings with any of them,
as in Samenspel. Left out for tantivy, which makes it look faster than it would be: the
prefix terms for compounds ("wandel" → "wandelgroep") and the typo guesses that Samenspel's
engine adds to every query, the synonyms, and the exact distance filter and order after the
bounding box.

    .venv/bin/python bench/tantivy_facetten.py --aantal 150000
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tantivy  # noqa: E402

import woorden  # noqa: E402
from baselines.gemeen import GEWICHTEN, VELDEN, gestemd, kader, zoekstammen  # noqa: E402
from samenspel.search.engine import Document, ZoekIndex  # noqa: E402

FACETTEN = {
    "bouwsteen": woorden.BOUWSTENEN,
    "sector": ("formeel", "informeel", "hybride"),
    "doelgroep": tuple(f"doelgroep-{i}" for i in range(10)),
    "levensdomein": tuple(f"domein-{i}" for i in range(8)),
    "toegankelijkheid": tuple(f"toegang-{i}" for i in range(5)),
}
ZICHTBAAR = ("openbaar", "via_contactpersoon")
TOP = 20
STRAAL_KM = 3.0


def _woordenlijst() -> list[str]:
    gezien: dict[str, None] = {}
    for naam in dir(woorden):
        waarde = getattr(woorden, naam)
        if isinstance(waarde, tuple):
            for item in waarde:
                if isinstance(item, str):
                    for woord in item.split():
                        if woord.isalpha() and len(woord) > 3:
                            gezien[woord.lower()] = None
    return list(gezien)


def documenten(aantal: int, seed: int = 14) -> list[Document]:
    kans = random.Random(seed)
    lijst = _woordenlijst()
    docs = []
    for nummer in range(aantal):
        velden = {
            "naam": " ".join(kans.choices(lijst, k=kans.randint(2, 4))),
            "organisatie": " ".join(kans.choices(lijst, k=2)),
            "trefwoorden": " ".join(kans.choices(lijst, k=kans.randint(0, 4))),
            "omschrijving": " ".join(kans.choices(lijst, k=kans.randint(12, 30))),
        }
        filters = {
            "bouwsteen": frozenset(kans.sample(FACETTEN["bouwsteen"], kans.randint(1, 3))),
            "sector": frozenset([kans.choice(FACETTEN["sector"])]),
            "doelgroep": frozenset(kans.sample(FACETTEN["doelgroep"], kans.randint(1, 2))),
            "levensdomein": frozenset(kans.sample(FACETTEN["levensdomein"], kans.randint(1, 2))),
            "toegankelijkheid": frozenset(
                kans.sample(FACETTEN["toegankelijkheid"], kans.randint(0, 2))
            ),
            "zichtbaarheid": frozenset(
                ["professionals" if kans.random() < 0.1 else kans.choice(ZICHTBAAR)]
            ),
        }
        punten = tuple(
            (kans.uniform(51.4, 53.2), kans.uniform(4.0, 6.9)) for _ in range(kans.randint(1, 2))
        )
        docs.append(Document(f"d{nummer}", velden, filters, punten, kans.uniform(0.6, 1.0)))
    return docs


def vragen(aantal: int = 200, seed: int = 200) -> list[dict]:
    kans = random.Random(seed)
    lijst = _woordenlijst()
    uit = []
    for _ in range(aantal):
        vraag = {"tekst": " ".join(kans.choices(lijst, k=kans.choice((1, 1, 2, 2, 3))))}
        vraag["bouwsteen"] = kans.choice(FACETTEN["bouwsteen"]) if kans.random() < 0.5 else None
        vraag["punt"] = (
            (kans.uniform(51.6, 53.0), kans.uniform(4.3, 6.6)) if kans.random() < 0.5 else None
        )
        uit.append(vraag)
    return uit


class Tantivy:
    def bouw(self, docs: list[Document]) -> None:
        bouwer = tantivy.SchemaBuilder()
        for veld in VELDEN:
            bouwer.add_text_field(veld, tokenizer_name="whitespace", index_option="freq")
        for facet in (*FACETTEN, "zichtbaarheid"):
            bouwer.add_text_field(facet, tokenizer_name="raw", index_option="basic", fast=True)
        bouwer.add_float_field("lat", indexed=True, fast=True)
        bouwer.add_float_field("lon", indexed=True, fast=True)
        bouwer.add_integer_field("nr", fast=True)
        self.schema = bouwer.build()
        self.index = tantivy.Index(self.schema)
        schrijver = self.index.writer(heap_size=256_000_000, num_threads=2)
        for nr, doc in enumerate(docs):
            schrijver.add_document(
                tantivy.Document(
                    nr=[nr],
                    lat=[lat for lat, _ in doc.punten],
                    lon=[lon for _, lon in doc.punten],
                    **{veld: gestemd(doc.velden.get(veld, "")) for veld in VELDEN},
                    **{f: sorted(doc.filters.get(f, ())) for f in (*FACETTEN, "zichtbaarheid")},
                )
            )
        schrijver.commit()
        schrijver.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def _tekst(self, stammen: list[str]) -> list:
        # As Samenspel's engine: a listing matching at least one of the words.
        woorden_ = []
        for stam in stammen:
            woorden_.append(
                (
                    tantivy.Occur.Should,
                    tantivy.Query.boolean_query(
                        [
                            (
                                tantivy.Occur.Should,
                                tantivy.Query.boost_query(
                                    tantivy.Query.term_query(self.schema, veld, stam), gewicht
                                ),
                            )
                            for veld, gewicht in zip(VELDEN, GEWICHTEN, strict=True)
                        ]
                    ),
                )
            )
        return [(tantivy.Occur.Must, tantivy.Query.boolean_query(woorden_))] if woorden_ else []

    def zoek(self, vraag: dict, met_facetten: bool) -> tuple[list[int], dict]:
        must = tantivy.Occur.Must
        basis = self._tekst(zoekstammen(vraag["tekst"]))
        basis.append(
            (must, tantivy.Query.term_set_query(self.schema, "zichtbaarheid", list(ZICHTBAAR)))
        )
        if vraag["punt"]:
            lat_min, lat_max, lon_min, lon_max = kader(vraag["punt"], STRAAL_KM)
            basis.append(
                (
                    must,
                    tantivy.Query.range_query(
                        self.schema, "lat", tantivy.FieldType.Float, lat_min, lat_max
                    ),
                )
            )
            basis.append(
                (
                    must,
                    tantivy.Query.range_query(
                        self.schema, "lon", tantivy.FieldType.Float, lon_min, lon_max
                    ),
                )
            )
        gekozen = {"bouwsteen": vraag["bouwsteen"]} if vraag["bouwsteen"] else {}

        def met(zonder: str | None):
            delen = list(basis)
            for facet, waarde in gekozen.items():
                if facet != zonder:
                    delen.append((must, tantivy.Query.term_query(self.schema, facet, waarde)))
            return tantivy.Query.boolean_query(delen)

        treffers = self.searcher.search(met(None), TOP, count=True)
        nrs = self.searcher.fast_field_values("nr", [adres for _, adres in treffers.hits])
        tellingen: dict = {}
        if met_facetten:
            vrij = [f for f in FACETTEN if f not in gekozen]
            aggs = {f: {"terms": {"field": f, "size": 50}} for f in vrij}
            tellingen.update(self.searcher.aggregate(met(None), aggs))
            for facet in gekozen:
                tellingen.update(
                    self.searcher.aggregate(
                        met(facet), {facet: {"terms": {"field": facet, "size": 50}}}
                    )
                )
        return list(nrs), tellingen


def _meet(functie, vragen_: list[dict], rondes: int) -> list[float]:
    tijden = []
    for vraag in vragen_:
        functie(vraag)  # once untimed: caches
        for _ in range(rondes):
            begin = time.perf_counter_ns()
            functie(vraag)
            tijden.append((time.perf_counter_ns() - begin) / 1e6)
    return tijden


def _p(tijden: list[float], q: float) -> float:
    return statistics.quantiles(tijden, n=100)[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aantal", type=int, default=150_000)
    parser.add_argument("--rondes", type=int, default=3)
    args = parser.parse_args()

    begin = time.perf_counter()
    docs = documenten(args.aantal)
    print(f"{len(docs):,} listings made in {time.perf_counter() - begin:.1f} s", file=sys.stderr)

    eigen = ZoekIndex()
    begin = time.perf_counter()
    eigen.vervang(docs)
    eigen_bouw = time.perf_counter() - begin
    tan = Tantivy()
    begin = time.perf_counter()
    tan.bouw(docs)
    tan_bouw = time.perf_counter() - begin
    del docs
    gc.collect()

    vragen_ = vragen()
    facetten = tuple(FACETTEN)

    def samenspel(vraag):
        filters = {"zichtbaarheid": list(ZICHTBAAR)}
        if vraag["bouwsteen"]:
            filters["bouwsteen"] = [vraag["bouwsteen"]]
        return eigen.zoek(
            vraag["tekst"],
            filters=filters,
            facetten=facetten,
            punt=vraag["punt"],
            straal_km=STRAAL_KM if vraag["punt"] else None,
            aantal=TOP,
        )

    rijen = [
        ("Samenspel engine, top 20 + 5 facets", eigen_bouw, _meet(samenspel, vragen_, args.rondes)),
        (
            "tantivy, top 20 + 5 facets (aggregations)",
            tan_bouw,
            _meet(lambda v: tan.zoek(v, True), vragen_, args.rondes),
        ),
        (
            "tantivy, top 20 only",
            tan_bouw,
            _meet(lambda v: tan.zoek(v, False), vragen_, args.rondes),
        ),
    ]
    last = os.getloadavg()
    print(
        f"\n{args.aantal:,} listings, {len(vragen_)} queries × {args.rondes} timed passes; "
        f"load average {last[0]:.2f} / {last[1]:.2f} / {last[2]:.2f} on {os.cpu_count()} cores\n"
    )
    print("| engine | build | p50 | p95 | p99 |")
    print("|---|---:|---:|---:|---:|")
    for naam, bouw, tijden in rijen:
        print(
            f"| {naam} | {bouw:.1f} s | {_p(tijden, 50):.2f} ms | {_p(tijden, 95):.2f} ms "
            f"| {_p(tijden, 99):.2f} ms |"
        )


if __name__ == "__main__":
    main()
