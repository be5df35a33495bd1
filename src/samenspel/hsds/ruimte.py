"""Geometry for the area import: RD coordinates to WGS84, bounding boxes and centroids.

Which buurt holds a point is `samenspel.areas.buurtzoeker`.
"""

from collections.abc import Iterable


def _ringen(geometrie: dict) -> Iterable[list]:
    soort = geometrie.get("type")
    if soort == "Polygon":
        yield from geometrie["coordinates"][:1]
    elif soort == "MultiPolygon":
        for polygoon in geometrie["coordinates"]:
            yield from polygoon[:1]


def omhullende(geometrie: dict) -> tuple[float, float, float, float] | None:
    """(min lat, min lon, max lat, max lon) of the outer rings, or None without coordinates."""
    lats, lons = [], []
    for ring in _ringen(geometrie):
        for lon, lat, *_ in ring:
            lats.append(lat)
            lons.append(lon)
    if not lats:
        return None
    return min(lats), min(lons), max(lats), max(lons)


def zwaartepunt(geometrie: dict) -> tuple[float, float] | None:
    """Area-weighted centre (lat, lon) of the largest outer ring: good enough for a map pin."""
    beste, beste_opp = None, -1.0
    for ring in _ringen(geometrie):
        opp = cx = cy = 0.0
        for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:], strict=False):
            kruis = x1 * y2 - x2 * y1
            opp += kruis
            cx += (x1 + x2) * kruis
            cy += (y1 + y2) * kruis
        if opp == 0:
            continue
        if abs(opp) > beste_opp:
            beste_opp, beste = abs(opp), (cy / (3 * opp), cx / (3 * opp))
    if beste is None:
        grenzen = omhullende(geometrie)
        if grenzen is None:
            return None
        return ((grenzen[0] + grenzen[2]) / 2, (grenzen[1] + grenzen[3]) / 2)
    return beste


# --- Rijksdriehoeksstelsel (EPSG:28992) to WGS84 ------------------------------------------
# The approximation published by Schreutelaar and used by PDOK tools (accurate to about a
# metre within the Netherlands), so CBS files in RD can be read without a projection library.

_X0, _Y0 = 155000.0, 463000.0
_PHI0, _LAM0 = 52.15517440, 5.38720621
_K = [
    (0, 1, 3235.65389),
    (2, 0, -32.58297),
    (0, 2, -0.24750),
    (2, 1, -0.84978),
    (0, 3, -0.06550),
    (2, 2, -0.01709),
    (1, 0, -0.00738),
    (4, 0, 0.00530),
    (2, 3, -0.00039),
    (4, 1, 0.00033),
    (1, 1, -0.00012),
]
_L = [
    (1, 0, 5260.52916),
    (1, 1, 105.94684),
    (1, 2, 2.45656),
    (3, 0, -0.81885),
    (1, 3, 0.05594),
    (3, 1, -0.05607),
    (0, 1, 0.01199),
    (3, 2, -0.00256),
    (1, 4, 0.00128),
    (0, 2, 0.00022),
    (2, 0, -0.00022),
    (5, 0, 0.00026),
]


def rd_naar_wgs84(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) for RD coordinates in metres."""
    dx, dy = (x - _X0) * 1e-5, (y - _Y0) * 1e-5
    phi = sum(k * dx**p * dy**q for p, q, k in _K)
    lam = sum(k * dx**p * dy**q for p, q, k in _L)
    return _PHI0 + phi / 3600, _LAM0 + lam / 3600


def lijkt_rd(x: float, y: float) -> bool:
    """RD coordinates of the Netherlands are metres far outside any longitude or latitude."""
    return -7000 <= x <= 300000 and 289000 <= y <= 629000


def geometrie_naar_wgs84(geometrie: dict) -> dict:
    """The same GeoJSON geometry with every [x, y] in RD converted to [lon, lat]."""

    def zet_om(deel):
        if deel and isinstance(deel[0], int | float):
            lat, lon = rd_naar_wgs84(deel[0], deel[1])
            return [round(lon, 7), round(lat, 7)]
        return [zet_om(d) for d in deel]

    return {**geometrie, "coordinates": zet_om(geometrie["coordinates"])}
