"""Load what a list of listings shows in a fixed number of queries."""

from collections import defaultdict

from django.db.models import Prefetch, prefetch_related_objects

from samenspel.directory.models import Attribute, ServiceAtLocation, TaxonomyTerm

# A buurt's and its wijk's outline and figures: large, and never shown beside a listing.
_ZONDER_GEBIEDSDATA = tuple(
    f"location__buurt__{wie}{veld}" for wie in ("", "ouder__") for veld in ("geometrie", "cijfers")
)


def _plaatsen() -> Prefetch:
    """The listing's places with their buurt and its wijk in one query (a page names both),
    without the areas' outlines."""
    return Prefetch(
        "service_at_locations",
        queryset=ServiceAtLocation.objects.select_related("location__buurt__ouder").defer(
            *_ZONDER_GEBIEDSDATA
        ),
    )


def termen_erbij(services) -> None:
    """The taxonomy terms of each listing, in two small queries: the links as plain rows and
    each distinct term once (a page of twenty listings shares a handful of terms)."""
    services = list(services)
    links = list(
        Attribute.objects.filter(
            link_entity="service", link_id__in=[s.pk for s in services]
        ).values_list("link_id", "taxonomy_term_id")
    )
    termen = TaxonomyTerm.objects.select_related("taxonomy").in_bulk({t for _, t in links})
    per_service = defaultdict(list)
    for link_id, term_id in links:
        if term_id in termen:
            per_service[link_id].append(termen[term_id])
    for service in services:
        service._termen = sorted(per_service[service.pk], key=lambda t: (t.volgorde, t.name))


def voor_lijst(services) -> list:
    """Schedules, places (with access, addresses and buurt), contacts and taxonomy terms for
    a list of listings."""
    services = list(services)
    prefetch_related_objects(
        services,
        "schedules",
        _plaatsen(),
        "service_at_locations__location__accessibility",
        "service_at_locations__location__addresses",
        "contacts",
        "phones",
    )
    termen_erbij(services)
    return services


def voor_kaartjes(services) -> list:
    """What a result card and the map need: schedules, places with their addresses and
    buurt, and taxonomy terms (no contacts: a card never shows them, and a search page has
    twenty cards)."""
    services = list(services)
    prefetch_related_objects(
        services,
        "schedules",
        _plaatsen(),
        "service_at_locations__location__addresses",
    )
    termen_erbij(services)
    return services
