"""Load what a list of listings shows in a fixed number of queries."""

from collections import defaultdict

from django.db.models import prefetch_related_objects

from samenspel.directory.models import Attribute


def kenmerken_erbij(services) -> None:
    services = list(services)
    per_service = defaultdict(list)
    for attr in (
        Attribute.objects.filter(link_entity="service", link_id__in=[s.pk for s in services])
        .select_related("taxonomy_term__taxonomy")
        .order_by("taxonomy_term__volgorde")
    ):
        per_service[attr.link_id].append(attr)
    for service in services:
        service._kenmerken = per_service[service.pk]


def voor_lijst(services) -> list:
    """Schedules, locations and taxonomy terms for a list of listings."""
    services = list(services)
    prefetch_related_objects(
        services, "schedules", "service_at_locations__location", "contacts", "phones"
    )
    kenmerken_erbij(services)
    return services


def voor_kaartjes(services) -> list:
    """What a result card and the map need: schedules, places and taxonomy terms (no
    contacts: a card never shows them, and a search page has twenty cards)."""
    services = list(services)
    prefetch_related_objects(services, "schedules", "service_at_locations__location")
    kenmerken_erbij(services)
    return services
