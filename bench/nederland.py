"""A generated but plausible Netherlands: 342 gemeenten, ~3,300 wijken, ~14,500 buurten.

The largest gemeenten sit where they really are; the rest get made-up names at random places
inside a coarse outline of the country (the IJsselmeer and Markermeer stay water). Wijken and
buurten cluster around their gemeente, with CBS-style codes (GM0001, WK000101, BU00010101).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import woorden

AANTAL_GEMEENTEN = 342
AANTAL_WIJKEN = 3_300
AANTAL_BUURTEN = 14_500

# (lat, lon) clockwise from Cadzand; the notch between Stavoren and Den Oever leaves the
# IJsselmeer and Markermeer outside while Flevoland stays inside.
_OMTREK = (
    (51.37, 3.37), (51.20, 3.80), (51.28, 4.10), (51.36, 4.24), (51.47, 4.66), (51.44, 4.93),
    (51.45, 5.13), (51.29, 5.32), (51.27, 5.57), (51.16, 5.84), (51.05, 5.75), (50.85, 5.63),
    (50.76, 5.64),
    (50.75, 6.02), (50.88, 6.08), (51.00, 5.95), (51.15, 6.10), (51.36, 6.22), (51.70, 5.97),
    (51.83, 5.96), (51.86, 6.15), (51.86, 6.49), (51.95, 6.75), (52.05, 6.83), (52.23, 7.07),
    (52.40, 7.05), (52.65, 6.72), (52.85, 7.08), (53.18, 7.20), (53.33, 7.00), (53.45, 6.70),
    (53.41, 6.00), (53.17, 5.40), (52.88, 5.36), (52.84, 5.71), (52.66, 5.60), (52.52, 5.43),
    (52.37, 5.20), (52.38, 5.05), (52.50, 5.07), (52.64, 5.07), (52.70, 5.29), (52.77, 5.11),
    (52.93, 5.03), (52.96, 4.76), (52.46, 4.58), (52.08, 4.25), (51.98, 4.10), (51.72, 3.70),
    (51.53, 3.43),
)  # fmt: skip
_ZUID, _NOORD = 50.75, 53.45
_WEST, _OOST = 3.37, 7.20
KM_PER_GRAAD_LAT = 111.2


@dataclass(frozen=True, slots=True)
class Gebied:
    code: str
    naam: str
    niveau: str
    ouder: str
    lat: float
    lon: float
    inwoners: int


def in_nederland(lat: float, lon: float) -> bool:
    """Ray casting against the outline."""
    binnen = False
    j = len(_OMTREK) - 1
    for i, (lat_i, lon_i) in enumerate(_OMTREK):
        lat_j, lon_j = _OMTREK[j]
        if (lat_i > lat) != (lat_j > lat):
            snijpunt = (lon_j - lon_i) * (lat - lat_i) / (lat_j - lat_i) + lon_i
            if lon < snijpunt:
                binnen = not binnen
        j = i
    return binnen


def km_per_graad_lon(lat: float) -> float:
    return KM_PER_GRAAD_LAT * math.cos(math.radians(lat))


def rond(rng: random.Random, lat: float, lon: float, sigma_km: float) -> tuple[float, float]:
    """A point near (lat, lon), normally distributed, kept inside the country."""
    for _ in range(20):
        plat = lat + rng.gauss(0, sigma_km) / KM_PER_GRAAD_LAT
        plon = lon + rng.gauss(0, sigma_km) / km_per_graad_lon(lat)
        if in_nederland(plat, plon):
            return round(plat, 6), round(plon, 6)
    return lat, lon


def _verdeel(totaal: int, gewichten: list[float], minimum: int) -> list[int]:
    """Split `totaal` over the weights (largest remainder), each share at least `minimum`."""
    vrij = totaal - minimum * len(gewichten)
    som = sum(gewichten)
    exact = [vrij * g / som for g in gewichten]
    delen = [math.floor(x) for x in exact]
    rest = sorted(range(len(exact)), key=lambda i: exact[i] - delen[i], reverse=True)
    for i in rest[: vrij - sum(delen)]:
        delen[i] += 1
    return [minimum + d for d in delen]


def _gemeentenamen(rng: random.Random, aantal: int) -> list[str]:
    bezet = {naam for naam, *_ in woorden.GROTE_GEMEENTEN}
    namen = []
    while len(namen) < aantal:
        naam = rng.choice(woorden.NAAMBEGIN) + rng.choice(woorden.NAAMEIND)
        if rng.random() < 0.15:
            naam = rng.choice(woorden.NAAMVOOR) + naam
        if naam not in bezet:
            bezet.add(naam)
            namen.append(naam)
    return namen


def genereer(seed: int = 342) -> list[Gebied]:
    """All areas, gemeenten first, then wijken, then buurten (parents before children)."""
    rng = random.Random(seed)
    gemeenten: list[tuple[str, float, float, int]] = list(woorden.GROTE_GEMEENTEN)
    plekken = [(lat, lon) for _, lat, lon, _ in gemeenten]
    for naam in _gemeentenamen(rng, AANTAL_GEMEENTEN - len(gemeenten)):
        # Keep small gemeenten apart so they do not overlap the cities or each other.
        while True:
            lat, lon = rng.uniform(_ZUID, _NOORD), rng.uniform(_WEST, _OOST)
            if in_nederland(lat, lon) and all(
                abs(lat - a) * KM_PER_GRAAD_LAT + abs(lon - b) * 68 > 7 for a, b in plekken
            ):
                break
        inwoners = int(min(120_000, max(4_000, rng.lognormvariate(math.log(28_000), 0.6))))
        gemeenten.append((naam, lat, lon, inwoners))
        plekken.append((lat, lon))

    uit: list[Gebied] = []
    wijken_per = _verdeel(AANTAL_WIJKEN, [inw**0.75 for *_, inw in gemeenten], 2)
    wijkgegevens = []
    for nummer, ((naam, lat, lon, inwoners), n_wijken) in enumerate(
        zip(gemeenten, wijken_per, strict=True), start=1
    ):
        gm = f"GM{nummer:04d}"
        uit.append(Gebied(gm, naam, "gemeente", "", round(lat, 6), round(lon, 6), inwoners))
        straal = 0.012 * math.sqrt(inwoners)  # km: Amsterdam ~11, a village ~2
        wijknamen = list(woorden.WIJKNAMEN)
        rng.shuffle(wijknamen)
        for w in range(n_wijken):
            wlat, wlon = (lat, lon) if w == 0 else rond(rng, lat, lon, straal / 2)
            wijknaam = wijknamen[w] if w < len(wijknamen) else f"Wijk {w:02d}"
            wijkgegevens.append(
                (f"WK{nummer:04d}{w:02d}", f"{naam} {wijknaam}", gm, wlat, wlon, straal)
            )

    buurten_per = _verdeel(AANTAL_BUURTEN, [1.0] * len(wijkgegevens), 1)
    inwoners_gm = {g.code: g.inwoners for g in uit}
    buurten_gm = {}
    for (_, _, gm, *_), n in zip(wijkgegevens, buurten_per, strict=True):
        buurten_gm[gm] = buurten_gm.get(gm, 0) + n
    for (wk, wijknaam, gm, wlat, wlon, straal), n_buurten in zip(
        wijkgegevens, buurten_per, strict=True
    ):
        per_buurt = inwoners_gm[gm] // buurten_gm[gm]
        uit.append(
            Gebied(wk, wijknaam, "wijk", gm, round(wlat, 6), round(wlon, 6), per_buurt * n_buurten)
        )
        buurtnamen = list(woorden.BUURTNAMEN)
        rng.shuffle(buurtnamen)
        for b in range(n_buurten):
            blat, blon = rond(rng, wlat, wlon, max(0.4, straal / 6))
            buurtnaam = buurtnamen[b % len(buurtnamen)]
            inwoners = max(50, int(per_buurt * rng.uniform(0.5, 1.5)))
            uit.append(Gebied(f"BU{wk[2:]}{b:02d}", buurtnaam, "buurt", wk, blat, blon, inwoners))
    return uit
