"""Where a postcode is: the centre of the directory's own addresses in it.

The directory's addresses are the only geodata we can rely on offline; a municipality can
import area geometry for more precision. Areas (a lower layer) know names and codes of
gemeenten, wijken and buurten, not addresses, so this lives here.
"""

from django.db.models import Avg

from samenspel.areas import geo
from samenspel.directory.models import Address


def punt_voor_postcode(tekst: str) -> tuple[float, float] | None:
    """Centre of the known addresses in the same 4-digit postcode area."""
    match = geo.POSTCODE.match(tekst or "")
    if not match:
        return None
    rij = Address.objects.filter(
        postal_code__startswith=match.group(1), location__latitude__isnull=False
    ).aggregate(lat=Avg("location__latitude"), lon=Avg("location__longitude"))
    if rij["lat"] is None:
        return None
    return (rij["lat"], rij["lon"])


def punt_voor(tekst: str) -> tuple[float, float] | None:
    """A postcode, else the name or code of an area, as a point."""
    if geo.is_postcode(tekst):
        return punt_voor_postcode(tekst)
    return geo.punt_voor_gebied(tekst)
