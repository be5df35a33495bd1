"""Turn listings from the database into search documents (the only place that knows both)."""

from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone

from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.search.engine import Document

# A listing not confirmed within the configured months ranks lower (not hidden).
GEWICHT_NIET_BEVESTIGD = 0.6


def _gebieden() -> dict[str, Gebied]:
    return {g.code: g for g in Gebied.objects.all()}


def documenten(services: Iterable[m.Service]) -> list[Document]:
    """Build documents for the given live services with a fixed number of queries."""
    services = list(services)
    if not services:
        return []
    ids = [s.pk for s in services]
    gebieden = _gebieden()

    termen = defaultdict(list)
    for attr in m.Attribute.objects.filter(link_entity="service", link_id__in=ids).select_related(
        "taxonomy_term__taxonomy"
    ):
        termen[attr.link_id].append(attr.taxonomy_term)

    locaties = defaultdict(list)
    for sal in m.ServiceAtLocation.objects.filter(service_id__in=ids).select_related("location"):
        locaties[sal.service_id].append(sal.location)

    dagen = defaultdict(set)
    for rij in m.Schedule.objects.filter(service_id__in=ids).values("service_id", "byday"):
        dagen[rij["service_id"]].update(d for d in rij["byday"].split(",") if d)

    vandaag = timezone.localdate()
    return [
        _document(s, termen[s.pk], locaties[s.pk], dagen[s.pk], gebieden, vandaag) for s in services
    ]


def _document(service, termen, locaties, dagen, gebieden, vandaag) -> Document:
    per_taxonomie = defaultdict(set)
    for term in termen:
        soort = {
            m.BOUWSTENEN: "bouwsteen",
            m.DOELGROEPEN: "doelgroep",
            m.LEVENSDOMEINEN: "levensdomein",
        }.get(term.taxonomy.name if term.taxonomy else "", "term")
        per_taxonomie[soort].add(term.code or str(term.pk))

    gebied_codes = defaultdict(set)
    gebied_namen = []
    for locatie in locaties:
        buurt = gebieden.get(locatie.buurt_id) if locatie.buurt_id else None
        while buurt is not None:
            gebied_codes[buurt.niveau].add(buurt.code)
            gebied_namen.append(buurt.naam)
            buurt = gebieden.get(buurt.ouder_id) if buurt.ouder_id else None

    filters = {
        "sector": {service.organization.sector},
        "zichtbaarheid": {service.zichtbaarheid},
        "dag": set(dagen),
        **{k: v for k, v in per_taxonomie.items()},
        **{k: v for k, v in gebied_codes.items()},
    }
    for vlag in ("gratis", "zonder_indicatie", "inloop"):
        if getattr(service, vlag):
            filters[vlag] = {"ja"}

    trefwoorden = " ".join([t.name for t in termen] + gebied_namen + [service.tijden_omschrijving])
    return Document(
        id=str(service.pk),
        velden={
            "naam": service.name,
            "organisatie": service.organization.name,
            "trefwoorden": trefwoorden,
            "omschrijving": " ".join(
                [service.description, service.eligibility_description, service.alternate_name]
            ),
        },
        filters={k: frozenset(v) for k, v in filters.items() if v},
        punten=tuple(loc.punt for loc in locaties if loc.punt),
        gewicht=1.0 if service.is_vers(vandaag) else GEWICHT_NIET_BEVESTIGD,
    )


def live_services():
    return m.Service.objects.live().select_related("organization")
