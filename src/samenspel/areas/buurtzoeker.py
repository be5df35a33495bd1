"""Which buurt holds a point: the one place that assigns locations to buurten by geometry.

The buurten's GeoJSON (`Gebied.geometrie`, WGS84, [lon, lat]) becomes shapely polygons in an
STRtree. A lookup first asks the tree which polygons' bounding boxes hold the point, then
tests only those with GEOS on prepared polygons; many points at once (an import) are one
vectorised call: 200,000 locations against 14,500 buurten take well under a second of CPU
(`bench/buurten.py`).

A point on the border of two buurten belongs to the first of them in the order they were
given (so the same data always gives the same answer); a point outside every buurt, or
without finite coordinates, has none.
"""

import json
import math
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from shapely.errors import GEOSException

from samenspel.areas.models import Gebied

_VLAKKEN = ("Polygon", "MultiPolygon")


def _als_dict(geometrie) -> dict | None:
    if isinstance(geometrie, str):
        try:
            geometrie = json.loads(geometrie)
        except ValueError:
            return None
    if not isinstance(geometrie, dict) or geometrie.get("type") not in _VLAKKEN:
        return None
    return geometrie


def _enkele_ring(geometrie: dict) -> np.ndarray | None:
    """The ring of a Polygon without holes (most buurten) as an array of [lon, lat]."""
    if geometrie["type"] != "Polygon":
        return None
    ringen = geometrie.get("coordinates")
    if not isinstance(ringen, list) or len(ringen) != 1:
        return None
    try:
        ring = np.asarray(ringen[0], dtype=float)
    except (TypeError, ValueError):
        return None
    if ring.ndim != 2 or len(ring) < 4 or ring.shape[1] < 2:
        return None
    ring = ring[:, :2]
    return ring if np.isfinite(ring).all() else None


def _los(geometrie: dict) -> shapely.Geometry | None:
    try:
        uitkomst = shapely.geometry.shape(geometrie)
    except (GEOSException, ValueError, TypeError, IndexError, KeyError, AttributeError):
        return None
    return None if uitkomst.is_empty else uitkomst


def vormen(geometrieen: Sequence[dict | str | None]) -> list[shapely.Geometry | None]:
    """The shapely (multi)polygon of each GeoJSON geometry, or None where it holds no area.

    Plain polygons are built in one vectorised call (a national import has 14,500 of them);
    the rest one by one. Rings that cross themselves are repaired the way GEOS repairs them
    (`make_valid`), which keeps what an even-odd point test sees as inside.
    """
    uit: list[shapely.Geometry | None] = [None] * len(geometrieen)
    snel, ringen = [], []
    for i, ruw in enumerate(geometrieen):
        geometrie = _als_dict(ruw)
        if geometrie is None:
            continue
        ring = _enkele_ring(geometrie)
        if ring is None:
            uit[i] = _los(geometrie)
        else:
            snel.append(i)
            ringen.append(ring)
    if ringen:
        punten = np.concatenate(ringen)
        welke = np.repeat(np.arange(len(ringen)), [len(ring) for ring in ringen])
        try:
            gemaakt = shapely.polygons(shapely.linearrings(punten, indices=welke)).tolist()
        except (GEOSException, ValueError):
            gemaakt = [_los({"type": "Polygon", "coordinates": [ring.tolist()]}) for ring in ringen]
        for i, vorm_i in zip(snel, gemaakt, strict=True):
            uit[i] = vorm_i
    for i, vorm_i in enumerate(uit):
        if vorm_i is not None and not vorm_i.is_valid:
            uit[i] = _alleen_vlak(shapely.make_valid(vorm_i))
    return uit


def _alleen_vlak(gerepareerd: shapely.Geometry) -> shapely.Geometry | None:
    """The area of a repaired outline, without the lines and points a repair can leave."""
    if gerepareerd.geom_type in _VLAKKEN:
        return gerepareerd
    delen = [d for d in shapely.get_parts(gerepareerd) if d.geom_type in _VLAKKEN]
    return shapely.union_all(delen) if delen else None


def vorm(geometrie: dict | str | None) -> shapely.Geometry | None:
    """`vormen` for one geometry."""
    return vormen([geometrie])[0]


class Buurtzoeker:
    """The buurten with a geometry, indexed once; then any number of lookups."""

    def __init__(self, buurten: Iterable[tuple[str, dict | str | None]]):
        codes, geometrieen = [], []
        for code, geometrie in buurten:
            codes.append(code)
            geometrieen.append(geometrie)
        gevonden = [
            (c, v) for c, v in zip(codes, vormen(geometrieen), strict=True) if v is not None
        ]
        self._codes = [c for c, _ in gevonden]
        self._vormen = np.array([v for _, v in gevonden], dtype=object)
        # Prepared polygons answer a point test from an index of their edges, not by walking
        # every edge: that is what makes detailed CBS outlines cheap.
        shapely.prepare(self._vormen)
        self._boom = shapely.STRtree(self._vormen)

    @classmethod
    def uit_database(cls) -> "Buurtzoeker":
        """Every buurt with a geometry, as stored now (in order of code)."""
        return cls(
            Gebied.objects.buurten()
            .exclude(geometrie=None)
            .order_by("code")
            .values_list("code", "geometrie")
        )

    def __bool__(self) -> bool:
        return bool(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def buurt_voor(self, lat: float, lon: float) -> str | None:
        """The CBS code of the buurt that holds (lat, lon), or None."""
        # The same answer as `buurten_voor` for one point, without its arrays: an import of
        # JSON asks row by row.
        if not self._codes or lat is None or lon is None:
            return None
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        punt = shapely.Point(lon, lat)
        for i in np.sort(self._boom.query(punt)).tolist():
            if self._vormen[i].intersects(punt):
                return self._codes[i]
        return None

    def buurten_voor(
        self, lats: Sequence[float | None], lons: Sequence[float | None]
    ) -> list[str | None]:
        """`buurt_voor` for many points at once; None where a coordinate is missing."""
        aantal = len(lats)
        uit: list[str | None] = [None] * aantal
        if not self._codes or not aantal:
            return uit
        breedte = np.array([np.nan if v is None else v for v in lats], dtype=float)
        lengte = np.array([np.nan if v is None else v for v in lons], dtype=float)
        geldig = np.flatnonzero(np.isfinite(breedte) & np.isfinite(lengte))
        if not len(geldig):
            return uit
        punten = shapely.points(lengte[geldig], breedte[geldig])
        welk_punt, welke_vorm = self._boom.query(punten)
        raak = shapely.intersects(self._vormen[welke_vorm], punten[welk_punt])
        welk_punt, welke_vorm = welk_punt[raak], welke_vorm[raak]
        # Per point the first buurt that holds it: sort by point, then by buurt.
        volgorde = np.lexsort((welke_vorm, welk_punt))
        punt, eerste = np.unique(welk_punt[volgorde], return_index=True)
        for i, j in zip(geldig[punt].tolist(), welke_vorm[volgorde][eerste].tolist(), strict=True):
            uit[i] = self._codes[j]
        return uit


def buurt_voor_punt(lat: float, lon: float) -> Gebied | None:
    """The buurt whose geometry holds the point, for a single lookup.

    It indexes the stored buurten anew, so it never answers from geometry that has since
    been imported. Whoever places many points (an import, a batch job) builds one
    `Buurtzoeker` and keeps it for the whole job.
    """
    code = Buurtzoeker.uit_database().buurt_voor(lat, lon)
    return Gebied.objects.filter(code=code).first() if code else None
