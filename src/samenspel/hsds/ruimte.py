"""Geometry for the area import: RD coordinates to WGS84, bounding boxes and centroids.

Which buurt holds a point is `samenspel.areas.buurtzoeker`.
"""

import threading
from collections.abc import Iterable

import numpy as np
from pyproj import Transformer


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
# PROJ's best transformation that needs no grid files to be downloaded: EPSG's "Amersfoort to
# WGS 84 (4)", a Helmert transformation accurate to about a metre in the Netherlands, far
# below the size of a buurt.

_omrekenaars = threading.local()


def _omrekenaar() -> Transformer:
    # A Transformer is not safe to share between threads; it is cheap to keep one per thread.
    omrekenaar = getattr(_omrekenaars, "rd", None)
    if omrekenaar is None:
        omrekenaar = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
        _omrekenaars.rd = omrekenaar
    return omrekenaar


def rd_naar_wgs84(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) for RD coordinates in metres."""
    lon, lat = _omrekenaar().transform(x, y)
    return lat, lon


def lijkt_rd(x: float, y: float) -> bool:
    """RD coordinates of the Netherlands are metres far outside any longitude or latitude."""
    return -7000 <= x <= 300000 and 289000 <= y <= 629000


def geometrie_naar_wgs84(geometrie: dict) -> dict:
    """The same GeoJSON geometry with every [x, y] in RD converted to [lon, lat]."""
    xs, ys = [], []

    def verzamel(deel):
        if deel and isinstance(deel[0], int | float):
            xs.append(deel[0])
            ys.append(deel[1])
        else:
            for d in deel:
                verzamel(d)

    verzamel(geometrie["coordinates"])
    # One call for the whole outline: a CBS buurt has hundreds of points.
    lons, lats = _omrekenaar().transform(np.array(xs, float), np.array(ys, float))
    omgerekend = zip(np.round(lons, 7).tolist(), np.round(lats, 7).tolist(), strict=True)

    def zet_om(deel):
        if deel and isinstance(deel[0], int | float):
            return list(next(omgerekend))
        return [zet_om(d) for d in deel]

    return {**geometrie, "coordinates": zet_om(geometrie["coordinates"])}
