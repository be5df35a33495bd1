"""Distance over the earth's surface (haversine), for one pair of points or for many at once.

Both variants evaluate the same formula, `_hoek`, once with `math` for a single pair (cheap
in a Python loop) and once with numpy over arrays (search measures thousands of locations
per query), so a distance never depends on which of the two measured it.
"""

import math
from types import SimpleNamespace

import numpy as np

# The mean earth radius (IUGG); over the Netherlands the error of a sphere is below 0.5%.
AARDSTRAAL_KM = 6371.0088

_SCALAIR = SimpleNamespace(
    radialen=math.radians, sin=math.sin, cos=math.cos, asin=math.asin, wortel=math.sqrt, min=min
)
_VECTOR = SimpleNamespace(
    radialen=np.radians,
    sin=np.sin,
    cos=np.cos,
    asin=np.arcsin,
    wortel=np.sqrt,
    min=np.minimum,
)


def _hoek(lat1, lon1, lat2, lon2, m):
    """The central angle in radians between two points in degrees, with `m` the maths."""
    lat1, lon1, lat2, lon2 = m.radialen(lat1), m.radialen(lon1), m.radialen(lat2), m.radialen(lon2)
    h = m.sin((lat2 - lat1) / 2) ** 2 + m.cos(lat1) * m.cos(lat2) * m.sin((lon2 - lon1) / 2) ** 2
    # Rounding can put h a hair above 1 for points on opposite sides of the earth.
    return 2 * m.asin(m.min(1.0, m.wortel(h)))


def afstand_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (lat, lon) points."""
    return AARDSTRAAL_KM * _hoek(a[0], a[1], b[0], b[1], _SCALAIR)


def afstanden_km(lat: float, lon: float, lats, lons) -> np.ndarray:
    """Kilometres from (lat, lon) to every point of the arrays `lats`, `lons`."""
    return AARDSTRAAL_KM * _hoek(lat, lon, np.asarray(lats), np.asarray(lons), _VECTOR)
