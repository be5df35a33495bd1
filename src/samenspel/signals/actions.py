"""Every change in signalen, each with its row in the log (`models.Gebeurtenis`)."""

from django.db import transaction

from samenspel.signals.models import Gebeurtenis, Voorval


def _log(soort, gemeente=None, door=None, **wat) -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        soort=soort,
        gemeente=gemeente,
        door=door if door is not None and door.is_authenticated else None,
        wat=wat,
    )


# --- meldroute: a gemeente's own routes, set by a beheerder ---------------------------------


def _route_log(actie: str, route, door) -> None:
    _log(
        Voorval.ROUTE_GEWIJZIGD,
        gemeente=route.gemeente,
        door=door,
        actie=actie,
        route=route.pk,
        routesoort=route.soort,
    )


@transaction.atomic
def bewaar_route(route, door):
    """Add or change a regional route (a form's unsaved instance); logs which it was."""
    actie = "gewijzigd" if route.pk else "toegevoegd"
    route.save()
    _route_log(actie, route, door)
    return route


@transaction.atomic
def verwijder_route(route, door) -> None:
    """Remove a regional route; the matrix falls back to the national number."""
    pk = route.pk
    route.delete()
    route.pk = pk
    _route_log("verwijderd", route, door)
