"""Listings within walking and cycling reach of each buurt, per bouwsteen.

Leviaan wants support "op loopafstand" and within "maximaal tien minuten fietsen" (seed 003,
l.436–448). Reach is measured from the buurt's centre (`Gebied.latitude/longitude`) to the
places of the listings, as the crow flies: the kaart knows no street network, so this is an
upper bound on what is really reachable in that time.

- On foot: `SAMENSPEL["WIJKSCAN_LOPEN_MINUTEN"]` (15) at 5 km/h, the usual planning figure
  for an adult's walking pace (about 1.4 m/s), so 1,250 m.
- By bike: `SAMENSPEL["WIJKSCAN_FIETSEN_MINUTEN"]` (10) at 15 km/h, a relaxed everyday
  cycling pace in Dutch towns, so 2,500 m.

Coordinates are projected to RD New (EPSG:28992) with pyproj, as the area import already does
(`hsds/ruimte.py`): one national grid in metres whose scale error stays below 0.01% across the
Netherlands, so one KD-tree can hold every listing of the country and a radius in metres means
the same everywhere. A local equirectangular projection would be simpler, but stretches
east–west distances by some percent away from its reference latitude when many gemeenten are
computed at once. scipy's `cKDTree.query_ball_point` then finds all listings within a radius of
all buurten at once, in compiled code, instead of a Python loop over pairs.

Only listings whose places may be shown count (`Service.objects.met_plaats_voor`): one reached
only via a contact person has no place on the kaart, and a reach figure should not give it one.
"""

import threading
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.core.cache import cache
from pyproj import Transformer
from scipy.spatial import cKDTree

from samenspel.directory.models import (
    Service,
    ServiceAtLocation,
    zichtbaarheden_met_plaats_voor,
)
from samenspel.wijkscan.aanbod import (
    bouwstenen_per_aanbod,
    kaartversie,
    rijen_zonder_omzetting,
    vingerafdruk,
    zichtbaar_in,
)

LOOPSNELHEID_KMU = 5.0
FIETSSNELHEID_KMU = 15.0

_omrekenaars = threading.local()


def _omrekenaar() -> Transformer:
    # A Transformer is not safe to share between threads; it is cheap to keep one per thread.
    omrekenaar = getattr(_omrekenaars, "wgs84", None)
    if omrekenaar is None:
        omrekenaar = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
        _omrekenaars.wgs84 = omrekenaar
    return omrekenaar


def naar_meters(lat, lon) -> np.ndarray:
    """RD New (x, y) in metres for arrays of WGS84 latitudes and longitudes, as rows."""
    x, y = _omrekenaar().transform(np.asarray(lon, float), np.asarray(lat, float))
    return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)])


def straal_lopen_m() -> float:
    return settings.SAMENSPEL["WIJKSCAN_LOPEN_MINUTEN"] / 60 * LOOPSNELHEID_KMU * 1000


def straal_fietsen_m() -> float:
    return settings.SAMENSPEL["WIJKSCAN_FIETSEN_MINUTEN"] / 60 * FIETSSNELHEID_KMU * 1000


@dataclass
class Bereik:
    """How many listings of one bouwsteen lie within reach of one buurt."""

    lopen: int = 0
    fietsen: int = 0


def _bewaarsleutel(buurten, gebruiker, stralen) -> str:
    """What reach depends on: the buurten and their centres, the radii, which listings'
    places the viewer may see, and the kaart's state (`aanbod.kaartversie`). No day: reach
    does not count freshness."""
    vorm = vingerafdruk(f"{b.code}@{b.latitude},{b.longitude}" for b in buurten)
    zicht = ",".join(sorted(zichtbaarheden_met_plaats_voor(gebruiker)))
    return f"wijkscan:bereik:{zicht}:{stralen[0]}:{stralen[1]}:{kaartversie()}:{vorm}"


def bereik(buurten, gebruiker) -> dict[tuple[str, str], Bereik]:
    """(buurt code, bouwsteen code) → listings in reach on foot and by bike.

    `buurten` are Gebied rows; those without a centre are left out. Listings across a
    gemeente border count too: residents do not stop at it. Three queries (the kaart's
    version, the places, the bouwstenen), whatever the number of listings; one when the same
    buurten were counted a moment ago on an unchanged kaart (Django's cache, as `aanbod()`
    does): the places near a wijk of a large town are most of its page.
    """
    buurten = [b for b in buurten if b.latitude is not None and b.longitude is not None]
    if not buurten:
        return {}
    stralen = (straal_lopen_m(), straal_fietsen_m())
    sleutel = _bewaarsleutel(buurten, gebruiker, stralen)
    bewaard = cache.get(sleutel)
    if bewaard is None:
        bewaard = {
            plek: (vak.lopen, vak.fietsen)
            for plek, vak in _tel(buurten, gebruiker, *stralen).items()
        }
        cache.set(sleutel, bewaard, settings.SAMENSPEL["WIJKSCAN_BEWAAR_SECONDEN"])
    return {plek: Bereik(lopen, fietsen) for plek, (lopen, fietsen) in bewaard.items()}


def _tel(buurten, gebruiker, lopen: float, fietsen: float) -> dict[tuple[str, str], Bereik]:
    """Reach counted from the places near `buurten` (all with a centre)."""
    midden = naar_meters([b.latitude for b in buurten], [b.longitude for b in buurten])
    grootste = max(lopen, fietsen)
    # Only places near some buurt are read: a box around the buurten, a little wider than the
    # largest radius (a degree of latitude is 111 km; of longitude over the Netherlands at
    # least 64 km). The query starts from the places in the box and asks the rule of each
    # place's listing (`zichtbaar_in`), so it reads only the places near these buurten.
    marge_lat, marge_lon = 1.1 * grootste / 111_000, 1.1 * grootste / 64_000
    in_de_buurt = zichtbaar_in(
        ServiceAtLocation.objects.filter(
            location__latitude__gte=min(b.latitude for b in buurten) - marge_lat,
            location__latitude__lte=max(b.latitude for b in buurten) + marge_lat,
            location__longitude__gte=min(b.longitude for b in buurten) - marge_lon,
            location__longitude__lte=max(b.longitude for b in buurten) + marge_lon,
        ),
        Service.objects.met_plaats_voor(gebruiker),
    )
    # Ids as the database gives them (no UUID object per place); both queries read them so.
    plaatsen = rijen_zonder_omzetting(
        in_de_buurt.values_list("service_id", "location__latitude", "location__longitude")
    )
    if not plaatsen:
        return {}
    diensten = sorted({p[0] for p in plaatsen})
    index = {d: i for i, d in enumerate(diensten)}
    van_plaats = np.fromiter((index[p[0]] for p in plaatsen), dtype=np.int64, count=len(plaatsen))
    punten = naar_meters([p[1] for p in plaatsen], [p[2] for p in plaatsen])

    # Listing × bouwsteen as a 0/1 matrix, so a buurt's counts are one sum over its listings.
    termen = bouwstenen_per_aanbod(in_de_buurt.values("service_id"), ruw=True)
    codes = sorted({c for cs in termen.values() for c in cs})
    kolom = {c: j for j, c in enumerate(codes)}
    heeft = np.zeros((len(diensten), len(codes)), dtype=np.int64)
    for dienst, cs in termen.items():
        for c in cs:
            heeft[index[dienst], kolom[c]] = 1

    boom = cKDTree(punten)
    uitkomst: dict[tuple[str, str], Bereik] = {}
    for veld, straal in (("lopen", lopen), ("fietsen", fietsen)):
        for buurt, gevonden in zip(buurten, boom.query_ball_point(midden, straal), strict=True):
            if not gevonden:
                continue
            # A listing with several places in reach counts once.
            tellingen = heeft[np.unique(van_plaats[gevonden])].sum(axis=0)
            for c, aantal in zip(codes, tellingen, strict=True):
                if aantal:
                    vak = uitkomst.setdefault((buurt.code, c), Bereik())
                    setattr(vak, veld, int(aantal))
    return uitkomst
