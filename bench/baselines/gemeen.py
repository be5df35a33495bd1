"""What every baseline shares: fields, weights, visibility and the geometry of a 3 km search."""

from __future__ import annotations

import math

from samenspel.search.engine import VELDGEWICHTEN
from samenspel.search.tekst import stam, tokens

TOP = 20
VELDEN = ("naam", "organisatie", "trefwoorden", "omschrijving")
GEWICHTEN = tuple(VELDGEWICHTEN[v] for v in VELDEN)
# A resident (not logged in) sees these listings; Samenspel's zoek() filters the same way.
ZICHTBAAR = ("openbaar", "via_contactpersoon")
KM_PER_GRAAD = 111.195


def kader(punt: tuple[float, float], straal_km: float) -> tuple[float, float, float, float]:
    """Bounding box (lat_min, lat_max, lon_min, lon_max) of a circle."""
    lat, lon = punt
    dlat = straal_km / KM_PER_GRAAD
    dlon = straal_km / (KM_PER_GRAAD * math.cos(math.radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def km_per_graad_lon(lat: float) -> float:
    return KM_PER_GRAAD * math.cos(math.radians(lat))


def afstand_kwadraat(punt, plek) -> float:
    """Squared km on a flat projection: exact enough within a few km, and cheap in SQL."""
    dy = (plek[0] - punt[0]) * KM_PER_GRAAD
    dx = (plek[1] - punt[1]) * km_per_graad_lon(punt[0])
    return dx * dx + dy * dy


def gestemd(tekst: str) -> str:
    """Text as the stemmed baselines index it: Samenspel's own tokens and Snowball stems."""
    return " ".join(stam(t) for t in tokens(tekst))


def zoekstammen(tekst: str) -> list[str]:
    return list(dict.fromkeys(stam(t) for t in tokens(tekst)))
