"""Where is 'near': an area name turned into a point, without external services.

A postcode becomes a point through the directory's addresses: `directory.plaatsen`.
"""

import re
from dataclasses import dataclass

from samenspel.areas.models import Gebied


@dataclass(frozen=True)
class Grenzen:
    """A box of WGS84 degrees: what a point must lie in to be believed."""

    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def bevat(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


# The European Netherlands with a margin (Cadzand to Rottumeroog, Vaals to the North Sea
# coast). Search refuses a visitor's point outside it and an import refuses a location: a
# swapped latitude and longitude, or a point of another country, would put a listing in the
# sea or far away on the map.
NEDERLAND = Grenzen(min_lat=50.5, max_lat=53.8, min_lon=3.2, max_lon=7.3)

POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})?\s*$")


def is_postcode(tekst: str) -> bool:
    return bool(POSTCODE.match(tekst or ""))


def punt_voor_gebied(tekst: str) -> tuple[float, float] | None:
    tekst = (tekst or "").strip()
    if not tekst:
        return None
    gebied = (
        Gebied.objects.filter(code__iexact=tekst).first()
        or Gebied.objects.filter(naam__iexact=tekst).first()
        or Gebied.objects.filter(naam__icontains=tekst).order_by("-niveau").first()
    )
    if gebied is None or gebied.latitude is None:
        return None
    return (gebied.latitude, gebied.longitude)
