"""The seeded query set: 200 mixed searches as residents type them.

1–3 words from the vocabulary people use for each kind of service ("taalcafe", "schulden
hulp", "wandelen ouderen"); half filter on one bouwsteen, half search within 3 km of a point
in a populated buurt (the two independently), some name a gemeente instead. The set depends
only on the seed and the generated areas, so every engine and every run gets the same set.
"""

from __future__ import annotations

import csv
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import nederland
import woorden
from kansen import Keuze

AANTAL = 200
SEED = 200
STRAAL_KM = 3.0

AANTAL_WOORDEN = Keuze((1, 2, 3), (50, 35, 15))
DOELGROEPWOORDEN = (
    "ouderen", "jongeren", "kinderen", "ouders", "mantelzorgers", "nieuwkomers", "vrijwilligers",
    "eenzaam", "gratis", "buurt", "hulp", "samen", "inloop",
)  # fmt: skip


@dataclass(frozen=True)
class Vraag:
    tekst: str
    bouwsteen: str | None
    punt: tuple[float, float] | None
    straal_km: float | None

    def als_dict(self) -> dict:
        return asdict(self)


def _gebieden(map_: Path) -> tuple[list[tuple[float, float, int]], list[str]]:
    buurten, gemeenten = [], []
    with open(map_ / "gebieden.csv", encoding="utf-8", newline="") as bestand:
        for rij in csv.DictReader(bestand):
            if rij["niveau"] == "buurt":
                buurten.append((float(rij["lat"]), float(rij["lon"]), int(rij["inwoners"])))
            elif rij["niveau"] == "gemeente":
                gemeenten.append(rij["naam"])
    return buurten, gemeenten


def maak(map_: Path, aantal: int = AANTAL, seed: int = SEED) -> list[Vraag]:
    rng = random.Random(seed)
    buurten, gemeenten = _gebieden(map_)
    soort_keuze = Keuze(woorden.SOORTEN, [s.gewicht for s in woorden.SOORTEN])
    buurt_keuze = Keuze(buurten, [b[2] for b in buurten])
    vragen = []
    for _ in range(aantal):
        soort = soort_keuze(rng)
        met_straal = rng.random() < 0.5
        met_bouwsteen = rng.random() < 0.5
        tekst = [rng.choice(soort.zoekwoorden)]
        for _ in range(AANTAL_WOORDEN(rng) - 1):
            keuze = rng.random()
            if keuze < 0.5:
                woord = rng.choice(soort.zoekwoorden)
            elif keuze < 0.8 or met_straal:
                woord = rng.choice(DOELGROEPWOORDEN)
            else:
                woord = rng.choice(gemeenten)
            if woord not in tekst:
                tekst.append(woord)
        bouwsteen = None
        if met_bouwsteen:
            bronnen = soort.bouwstenen if rng.random() < 0.8 else woorden.BOUWSTENEN
            bouwsteen = rng.choice(bronnen)
        punt = None
        if met_straal:
            lat, lon, _ = buurt_keuze(rng)
            punt = nederland.rond(rng, lat, lon, 0.3)
        vragen.append(
            Vraag(" ".join(tekst), bouwsteen, punt, STRAAL_KM if punt is not None else None)
        )
    return vragen
