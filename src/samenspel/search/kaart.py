"""What the map beside the results shows of each listing: its name, when and where, a link.

The results page reads this as JSON (`kaartpunten`). "When" is the same text as on the listing's
card, so the map never says something else than the list next to it.
"""

from samenspel.directory.templatetags.kaart import tijden


def waar(locatie) -> str:
    """The address people go to, as the listing's page gives it; without one, its buurt. (A
    place's own name is no help: registration names it after the listing.)"""
    adressen = [a for a in locatie.addresses.all() if a.address_type == "physical"]
    if adressen:
        a = adressen[0]
        return ", ".join(x for x in (a.address_1, f"{a.postal_code} {a.city}".strip()) if x)
    return locatie.buurt.naam if locatie.buurt else ""


def kaartpunten(services) -> list[dict]:
    """One entry per listing with a public place, a point per place (`voor_kaartjes` loads
    what this reads). A listing without one is left out whole, so nothing of a listing
    reached only via a contact person (no place, no times) is in the page's data."""
    uitkomst = []
    for service in services:
        locaties = service.publieke_locaties()
        if not locaties:
            continue
        uitkomst.append(
            {
                "naam": service.name,
                "url": service.get_absolute_url(),
                "wanneer": tijden(service),
                "punten": [
                    {"lat": loc.latitude, "lon": loc.longitude, "waar": waar(loc)}
                    for loc in locaties
                ],
            }
        )
    return uitkomst
