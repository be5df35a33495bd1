"""Which netwerkhouders judge a listing: one rule for the queue, the review page and the e-mail.

A netwerkhouder approves the registrations and keeps the kaart current for an area (DESIGN,
"Who uses it"; principle 7, "Elke wijk is anders"). A listing lies in the buurten of all its
locations, so with places in two gemeenten both gemeenten's netwerkhouders judge it; one
without a location in a known buurt lies in its organisation's gemeente. A beheerder judges
every listing but is not mailed about each one.
"""

from django.db.models import Exists, OuterRef, Q

from samenspel.accounts.models import Gebruiker, Rol
from samenspel.directory.models import ServiceAtLocation


def gebieden_van(service) -> list:
    """The areas a listing lies in: its locations' buurten, else its organisation's gemeente."""
    koppelingen = service.service_at_locations.select_related("location__buurt__ouder__ouder")
    buurten = {k.location.buurt_id: k.location.buurt for k in koppelingen if k.location.buurt_id}
    if buurten:
        return list(buurten.values())
    gemeente = service.organization.gemeente
    return [gemeente] if gemeente is not None else []


def netwerkhouders_van(service):
    """Netwerkhouders whose area holds (or is) one of the listing's areas."""
    codes = {g.code for gebied in gebieden_van(service) for g in gebied.keten()}
    return Gebruiker.objects.filter(rol=Rol.NETWERKHOUDER, gebieden__code__in=codes).distinct()


def beoordeelt(gebruiker, service) -> bool:
    """May this user open and decide on this listing's registration?"""
    return any(gebruiker.beoordeelt(gebied) for gebied in gebieden_van(service)) or (
        gebruiker.rol == Rol.BEHEERDER
    )


def _binnen(pad: str, codes: list[str]) -> Q:
    # gemeente > wijk > buurt: an area lies in a user's area when it is that area or lies at
    # most two steps below it, the same chain `Gebied.keten` walks.
    return (
        Q(**{f"{pad}__in": codes})
        | Q(**{f"{pad}__ouder__in": codes})
        | Q(**{f"{pad}__ouder__ouder__in": codes})
    )


def te_beoordelen_door(gebruiker, services):
    """Those of `services` this user judges, in one query (`gebieden_van`, from the other side)."""
    if gebruiker.rol == Rol.BEHEERDER:
        return services
    if gebruiker.rol != Rol.NETWERKHOUDER:
        return services.none()
    codes = list(gebruiker.gebieden.values_list("code", flat=True))
    locaties = ServiceAtLocation.objects.filter(service=OuterRef("pk"))
    in_buurt = Exists(locaties.filter(_binnen("location__buurt", codes)))
    heeft_buurt = Exists(locaties.filter(location__buurt__isnull=False))
    in_gemeente = _binnen("organization__gemeente", codes)
    return services.filter(in_buurt | (~heeft_buurt & in_gemeente))
