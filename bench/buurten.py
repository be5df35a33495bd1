"""Which buurt holds each location: the hand-written lookup Samenspel had against shapely.

    python bench/buurten.py                    # 200,000 points, 14,500 buurten, prints a table
    python bench/buurten.py --schrijf          # and replaces its section of bench/RESULTS.md

Both answer the same question the HSDS import and `samenspel importeer gebieden` ask: the
buurt of every location with coordinates. The buurten are those of the generated Netherlands
(`nederland.py`, 14,500 buurten), in two shapes:

* *squares*: the 0.5 km squares that `genereer.py` writes for the import benchmark (5 points
  each; most locations fall outside every square, as the generator scatters them 0.35 km
  around a buurt's centre);
* *outlines*: cells that tile the country (the Voronoi cells of the buurt centres, clipped to
  the outline of the Netherlands) with their edges cut into short pieces and shifted a little,
  about 70 points each, closer to the CBS Wijk- en Buurtkaart, where every address lies in a
  buurt and outlines have many points.

The 200,000 points are generated the way `genereer.py` places locations. The baseline is a
copy of the old code (`areas.models.punt_in_geometrie` with `hsds.ruimte.Buurtzoeker`: a grid
of 1 km cells, then ray casting in Python); it is kept here only, as the reference.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))
sys.path.insert(0, str(HIER.parent / "src"))

import numpy as np  # noqa: E402
import shapely  # noqa: E402

import genereer  # noqa: E402
import nederland  # noqa: E402
import omgeving  # noqa: E402

AANTAL_PUNTEN = 200_000
SEED = 342
# The import asks per block of rows (hsds/importeren/schrijven.py BATCH) and the area import
# per 2,000 locations (gebieden.py STUK).
BLOK = 1_000


# --- the baseline: the hand-written lookup as Samenspel had it -------------------------------

_CEL_LAT = 0.01
_CEL_LON = 0.015


def _in_ring(lat: float, lon: float, ring: list) -> bool:
    binnen = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            snij_x = (xj - xi) * (lat - yi) / ((yj - yi) or 1e-12) + xi
            if lon < snij_x:
                binnen = not binnen
        j = i
    return binnen


def _punt_in_geometrie(lat: float, lon: float, geometrie: dict) -> bool:
    soort = geometrie.get("type")
    polygonen = []
    if soort == "Polygon":
        polygonen = [geometrie["coordinates"]]
    elif soort == "MultiPolygon":
        polygonen = geometrie["coordinates"]
    for polygon in polygonen:
        if polygon and _in_ring(lat, lon, polygon[0]):
            if not any(_in_ring(lat, lon, gat) for gat in polygon[1:]):
                return True
    return False


def _omhullende(geometrie: dict):
    ringen = (
        geometrie["coordinates"][:1]
        if geometrie["type"] == "Polygon"
        else [p[0] for p in geometrie["coordinates"]]
    )
    lats = [lat for ring in ringen for _, lat, *_ in ring]
    lons = [lon for ring in ringen for lon, *_ in ring]
    return (min(lats), min(lons), max(lats), max(lons)) if lats else None


def _cel(waarde: float, grootte: float) -> int:
    return math.floor(waarde / grootte)


class OudeBuurtzoeker:
    def __init__(self, buurten):
        self._geometrie = {}
        self._cellen = defaultdict(list)
        for code, geometrie in buurten:
            grenzen = _omhullende(geometrie) if geometrie else None
            if grenzen is None:
                continue
            self._geometrie[code] = geometrie
            min_lat, min_lon, max_lat, max_lon = grenzen
            for i in range(_cel(min_lat, _CEL_LAT), _cel(max_lat, _CEL_LAT) + 1):
                for j in range(_cel(min_lon, _CEL_LON), _cel(max_lon, _CEL_LON) + 1):
                    self._cellen[(i, j)].append(code)

    def buurt_voor(self, lat: float, lon: float):
        if not self._geometrie or not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        for code in self._cellen.get((_cel(lat, _CEL_LAT), _cel(lon, _CEL_LON)), ()):
            if _punt_in_geometrie(lat, lon, self._geometrie[code]):
                return code
        return None


# --- the data ----------------------------------------------------------------------------------


def _buurten() -> list[nederland.Gebied]:
    return [g for g in nederland.genereer() if g.niveau == "buurt"]


def vierkanten(buurten) -> list[tuple[str, dict]]:
    """The squares genereer.py writes to gebieden.geojson."""
    half = genereer.HALVE_ZIJDE_KM["buurt"]
    uit = []
    for b in buurten:
        dlat = half / nederland.KM_PER_GRAAD_LAT
        dlon = half / nederland.km_per_graad_lon(b.lat)
        ring = [
            [round(b.lon + x * dlon, 6), round(b.lat + y * dlat, 6)]
            for x, y in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1))
        ]
        uit.append((b.code, {"type": "Polygon", "coordinates": [ring]}))
    return uit


def omtrekken(buurten, stap_graden: float = 0.0009) -> list[tuple[str, dict]]:
    """Cells tiling the country, about 70 points each, as GeoJSON."""
    midden = np.array([(b.lon, b.lat) for b in buurten])
    cellen = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(midden)))
    # voronoi_polygons does not keep the order of the points: find each centre's cell.
    punt, cel = shapely.STRtree(cellen).query(shapely.points(midden), predicate="intersects")
    volgorde = np.empty(len(buurten), dtype=int)
    volgorde[punt] = cel
    land = shapely.Polygon([(lon, lat) for lat, lon in nederland._OMTREK])
    cellen = shapely.segmentize(shapely.intersection(cellen[volgorde], land), stap_graden)
    cellen = shapely.set_precision(cellen, 1e-6)
    return [
        (b.code, json.loads(shapely.to_geojson(vorm)))
        for b, vorm in zip(buurten, cellen, strict=True)
        if not vorm.is_empty
    ]


def locaties(schaal: str) -> tuple[list[float], list[float]]:
    """The coordinates of every location of a generated HSDS package (genereer.py)."""
    pad = genereer.map_voor(schaal) / "hsds" / "locations.csv"
    if not pad.exists():
        genereer.genereer(schaal, stil=True)
    lats, lons = [], []
    with open(pad, newline="", encoding="utf-8") as bestand:
        for rij in csv.DictReader(bestand):
            if rij["latitude"] and rij["longitude"]:
                lats.append(float(rij["latitude"]))
                lons.append(float(rij["longitude"]))
    return lats, lons


def punten(buurten, aantal: int) -> tuple[list[float], list[float]]:
    """Locations scattered around buurten the way genereer.py places them."""
    rng = random.Random(SEED)
    lats, lons = [], []
    for _ in range(aantal):
        b = rng.choice(buurten)
        lat, lon = nederland.rond(rng, b.lat, b.lon, 0.35)
        lats.append(lat)
        lons.append(lon)
    return lats, lons


# --- measuring ---------------------------------------------------------------------------------


def _tijd_en_cpu(functie):
    """Wall and CPU seconds of this thread: on a shared machine the CPU time is the work."""
    begin, cpu = time.perf_counter(), time.thread_time()
    uitkomst = functie()
    return uitkomst, time.perf_counter() - begin, time.thread_time() - cpu


def meet(naam: str, geometrie: list, lats: list, lons: list, herhalingen: int) -> list[dict]:
    from samenspel.areas.buurtzoeker import Buurtzoeker

    aantal = len(lats)
    oud, _, oud_bouw = _tijd_en_cpu(lambda: OudeBuurtzoeker(geometrie))
    nieuw, _, nieuw_bouw = _tijd_en_cpu(lambda: Buurtzoeker(geometrie))

    def oud_alles():
        return [oud.buurt_voor(a, b) for a, b in zip(lats, lons, strict=True)]

    def nieuw_blokken():
        uit = []
        for begin in range(0, aantal, BLOK):
            uit += nieuw.buurten_voor(lats[begin : begin + BLOK], lons[begin : begin + BLOK])
        return uit

    def nieuw_los():
        return [nieuw.buurt_voor(a, b) for a, b in zip(lats, lons, strict=True)]

    rijen = []
    referentie = None
    aanpakken = (
        ("hand-written grid + ray casting in Python (before)", oud_bouw, oud_alles),
        (f"shapely STRtree, prepared, {BLOK:,} points per call (now)", nieuw_bouw, nieuw_blokken),
        ("shapely STRtree, prepared, one point per call (JSON rows)", nieuw_bouw, nieuw_los),
    )
    for label, bouw, functie in aanpakken:
        tijden, cpu = [], []
        for _ in range(herhalingen):
            antwoord, seconden, cpu_seconden = _tijd_en_cpu(functie)
            tijden.append(seconden)
            cpu.append(cpu_seconden)
        referentie = referentie or antwoord
        gelijk = sum(a == b for a, b in zip(antwoord, referentie, strict=True))
        beste = min(tijden)
        rijen.append(
            {
                "vormen": naam,
                "aanpak": label,
                "bouw_s": bouw,
                "seconden": beste,
                "cpu": min(cpu),
                "per_seconde": aantal / min(cpu),
                "met_buurt": sum(a is not None for a in antwoord),
                "gelijk": gelijk,
            }
        )
    return rijen


def markdown(rijen: list[dict], info: dict) -> str:
    basis = {r["vormen"]: r["cpu"] for r in rijen if "(before)" in r["aanpak"]}
    regels = [
        f"### {info['punten']:,} locations to {info['buurten']:,} buurten "
        f"(best of {info['herhalingen']})",
        "",
        f"Points: {info['bron']}.",
        "",
        "| buurt shapes | lookup | index build, CPU s | assign, CPU s (wall s) | points per "
        "CPU s | × before | "
        "points in a buurt | same answer as before |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rijen:
        regels.append(
            f"| {r['vormen']} | {r['aanpak']} | {r['bouw_s']:.2f} | {r['cpu']:.2f} "
            f"({r['seconden']:.2f}) | "
            f"{r['per_seconde']:,.0f} | {basis[r['vormen']] / r['cpu']:.1f}× | "
            f"{r['met_buurt']:,} | {r['gelijk']:,} of {info['punten']:,} |"
        )
    m = info["machine"]
    regels += [
        "",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, {m['os']}; Python "
        f"{m['python']}, shapely {info['shapely']} (GEOS {info['geos']}). Load average "
        f"{m['belasting']} at the start, {info['belasting_eind']} at the end. Code: {m['code']}.",
        "",
        f"Command: `python bench/buurten.py{info['opties']}`",
        "",
    ]
    return "\n".join(regels)


def schrijf_results(sleutel: str, tekst: str) -> None:
    """Replace this run's part of RESULTS.md (one per kind of points), keep the rest."""
    pad = HIER / "RESULTS.md"
    bestaand = pad.read_text(encoding="utf-8")
    sectie = f"<!-- buurten {sleutel} -->\n{tekst}<!-- einde buurten {sleutel} -->\n"
    patroon = re.compile(rf"<!-- buurten {sleutel} -->.*?<!-- einde buurten {sleutel} -->\n", re.S)
    if patroon.search(bestaand):
        nieuw = patroon.sub(lambda _: sectie, bestaand)
    else:
        nieuw = bestaand.rstrip("\n") + "\n\n" + sectie
    pad.write_text(nieuw, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--punten", type=int, default=AANTAL_PUNTEN)
    p.add_argument(
        "--schaal",
        choices=genereer.SCHALEN,
        help="de locaties van het gegenereerde HSDS-pakket (bijv. 150k) in plaats van --punten",
    )
    p.add_argument("--herhalingen", type=int, default=3)
    p.add_argument("--schrijf", action="store_true", help="bench/RESULTS.md bijwerken")
    args = p.parse_args(argv)

    import django

    omgeving.zet_omgeving(genereer.map_voor("buurten"))
    django.setup()

    machine = omgeving.machine()
    buurten = _buurten()
    if args.schaal:
        lats, lons = locaties(args.schaal)
        bron = f"the {len(lats):,} locations of the generated {args.schaal} HSDS package"
    else:
        lats, lons = punten(buurten, args.punten)
        bron = f"{len(lats):,} locations placed as genereer.py places them"
    rijen = []
    for naam, maak in (
        ("squares, 5 points (genereer.py)", vierkanten),
        ("outlines tiling the country, ~70 points", omtrekken),
    ):
        geometrie = maak(buurten)
        punten_per = np.mean(
            [shapely.get_num_coordinates(shapely.from_geojson(json.dumps(g))) for _, g in geometrie]
        )
        print(f"{naam}: {len(geometrie):,} buurten, {punten_per:.0f} points each", flush=True)
        rijen += meet(naam, geometrie, lats, lons, args.herhalingen)
    info = {
        "punten": len(lats),
        "bron": bron,
        "buurten": len(buurten),
        "herhalingen": args.herhalingen,
        "machine": machine,
        "shapely": shapely.__version__,
        "geos": ".".join(map(str, shapely.geos_version)),
        "belasting_eind": omgeving.belasting(),
        "opties": f" --schaal {args.schaal}" if args.schaal else "",
    }
    tekst = markdown(rijen, info)
    print(tekst)
    if args.schrijf:
        schrijf_results(args.schaal or f"{len(lats) // 1000}k", tekst)


if __name__ == "__main__":
    main()
