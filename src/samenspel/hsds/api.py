"""The HSDS 3.0 API (Open Referral): a thin adapter over search, scope and serialisation.

Paths and parameters follow the HSDS OpenAPI file; Samenspel adds `lat`, `lon` and `radius`
(metres) next to HSDS's `postcode` and `proximity`. Without a token the API shows what a
resident sees on the kaart; `Authorization: Bearer <token>` of an organisation gives the
professional scope (see `bereik`).
"""

import json
import math
import uuid
from datetime import datetime

from django.db.models import Q
from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Query

from samenspel.areas.afstand import afstand_km
from samenspel.directory import models as m
from samenspel.directory.plaatsen import punt_voor_postcode
from samenspel.hsds import openapi
from samenspel.hsds.bereik import Bereik
from samenspel.hsds.models import ApiToken
from samenspel.hsds.serialiseren import Serialiseerder
from samenspel.search.antwoordcache import bewaar_antwoord
from samenspel.search.zoeken import Zoekvraag, zoek, zoek_ids

HSDS_VERSIE = "3.0"
STANDAARD_PER_PAGINA = 50
NDJSON_STUK = 200
# Ids per IN list when looking up the rows of many search hits: within every database's limit
# on query parameters.
ID_STUK = 900


class Fout(Exception):
    def __init__(self, status: int, tekst: str):
        super().__init__(tekst)
        self.status, self.tekst = status, tekst


api = openapi.HsdsApi(
    title="Samenspel HSDS API",
    version=HSDS_VERSIE,
    description=openapi.BESCHRIJVING,
    # Inside the app's own namespace: reverse("hsds:api:openapi-json").
    urls_namespace="hsds:api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(Fout)
def _fout(request, fout: Fout):
    return JsonResponse({"detail": fout.tekst}, status=fout.status)


# --- scope, paging, geo -------------------------------------------------------------------


def bereik_voor(request: HttpRequest) -> Bereik:
    kop = request.headers.get("Authorization", "")
    if not kop:
        return Bereik()
    soort, _, sleutel = kop.partition(" ")
    token = ApiToken.objects.bij_sleutel(sleutel.strip()) if soort.lower() == "bearer" else None
    if token is None:
        # A wrong token is an error, not a quiet fall-back to the public view.
        raise Fout(401, "Ongeldige of ingetrokken API-sleutel.")
    token.gebruikt()
    return Bereik(professioneel=True, organisatie_id=token.organisatie_id)


def _uuid(waarde: str | None):
    if not waarde:
        return None
    try:
        return uuid.UUID(waarde)
    except ValueError:
        return uuid.UUID(int=0)  # matches nothing: an unknown id filters everything out


def _tijdstip(waarde: str | None) -> datetime | None:
    if not waarde:
        return None
    try:
        tijdstip = datetime.fromisoformat(waarde.replace(" ", "+"))
    except ValueError:
        raise Fout(400, f"modified_after: {waarde!r} is geen datum-tijd (ISO 8601)") from None
    return timezone.make_aware(tijdstip) if timezone.is_naive(tijdstip) else tijdstip


def _controleer_pagina(page: int) -> None:
    if page < 1:
        raise Fout(400, "page begint bij 1")
    if page > openapi.MAX_PAGINA:
        # The offset must fit the database's integers; no list has this many pages.
        raise Fout(400, f"page is hooguit {openapi.MAX_PAGINA}")


def _per_pagina(page: int, per_page: int | None) -> int:
    _controleer_pagina(page)
    per_page = STANDAARD_PER_PAGINA if per_page is None else per_page
    if not 1 <= per_page <= openapi.MAX_PER_PAGINA:
        raise Fout(400, f"per_page moet tussen 1 en {openapi.MAX_PER_PAGINA} liggen")
    return per_page


def _pagina(inhoud: list, totaal: int, page: int, per_page: int) -> dict:
    paginas = max(1, math.ceil(totaal / per_page)) if per_page else 1
    return {
        "total_items": totaal,
        "total_pages": paginas,
        "page_number": page,
        "size": len(inhoud),
        "first_page": page == 1,
        "last_page": page >= paginas,
        "empty": totaal == 0,
        "contents": inhoud,
    }


def _punt(postcode, proximity, lat, lon, radius) -> tuple[tuple[float, float] | None, float | None]:
    """The search point and radius in km from HSDS's postcode/proximity or lat/lon/radius."""
    if (lat is None) != (lon is None):
        raise Fout(400, "geef lat en lon allebei op")
    for naam, waarde, grens in (("lat", lat, 90), ("lon", lon, 180)):
        if waarde is not None and not (math.isfinite(waarde) and -grens <= waarde <= grens):
            raise Fout(400, f"{naam} ligt tussen -{grens} en {grens} (graden, WGS84)")
    grootste = openapi.MAX_STRAAL_M
    for naam, waarde in (("radius", radius), ("proximity", proximity)):
        if waarde is not None and not (math.isfinite(waarde) and 0 < waarde <= grootste):
            raise Fout(400, f"{naam} is een afstand in meters, groter dan 0 en hooguit {grootste}")
    straal_m = radius if radius is not None else proximity
    if lat is not None:
        punt = (lat, lon)
    elif postcode:
        punt = punt_voor_postcode(postcode)
        if punt is None:
            raise Fout(400, f"postcode {postcode!r} ken ik niet")
    elif straal_m is not None:
        raise Fout(400, "proximity of radius werkt alleen met postcode of lat en lon")
    else:
        return None, None
    return punt, (straal_m / 1000 if straal_m is not None else None)


def _gezocht(qs, search: str | None, vraag):
    """The records of `qs` whose text holds `search` (`vraag(search)` says where to look).

    Text with a NUL character finds nothing: no stored text holds one (imports and forms refuse
    it), and PostgreSQL refuses it in a query: that was a server error, found fuzzing the API.
    """
    if not search:
        return qs
    if "\x00" in search:
        return qs.none()
    return qs.filter(vraag(search))


def _json(inhoud) -> JsonResponse:
    return JsonResponse(inhoud, safe=False, json_dumps_params={"ensure_ascii": False})


def _ndjson(regels) -> StreamingHttpResponse:
    def stroom():
        for regel in regels:
            yield json.dumps(regel, ensure_ascii=False) + "\n"

    return StreamingHttpResponse(stroom(), content_type="application/x-ndjson; charset=utf-8")


def _in_stukken(pks: list, maak, grootte: int = NDJSON_STUK) -> list:
    for begin in range(0, len(pks), grootte):
        yield from maak(pks[begin : begin + grootte])


# --- finding services -----------------------------------------------------------------------


def _services(bereik, filters: dict):
    """The visible services that pass the filters, as a query (lists without search)."""
    smal = filters["organization_id"] or filters["taxonomy_term_id"] or filters["taxonomy_id"]
    return _service_filters(bereik.services_per_rij() if smal else bereik.services(), **filters)


def _service_filters(qs, taxonomy_term_id, taxonomy_id, organization_id, modified_after):
    if organization_id:
        qs = qs.filter(organization_id=_uuid(organization_id))
    if taxonomy_term_id:
        qs = qs.filter(
            pk__in=m.Attribute.objects.filter(
                link_entity="service", taxonomy_term_id=_uuid(taxonomy_term_id)
            ).values("link_id")
        )
    if taxonomy_id:
        qs = qs.filter(
            pk__in=m.Attribute.objects.filter(
                link_entity="service", taxonomy_term__taxonomy_id=_uuid(taxonomy_id)
            ).values("link_id")
        )
    if modified_after:
        qs = qs.filter(last_modified__gte=_tijdstip(modified_after))
    return qs


def _zoekvraag(filters: dict, geo, search, zoekfilters=None) -> Zoekvraag:
    """The HSDS parameters as a question to search, which applies every filter itself."""
    punt, straal_km = geo
    return Zoekvraag(
        tekst=search or "",
        filters=zoekfilters or {},
        punt=punt,
        straal_km=straal_km,
        sorteer="afstand" if punt and not search else "relevantie",
        organisaties=[_uuid(filters["organization_id"])] if filters["organization_id"] else [],
        termen=[_uuid(filters["taxonomy_term_id"])] if filters["taxonomy_term_id"] else [],
        taxonomieen=[_uuid(filters["taxonomy_id"])] if filters["taxonomy_id"] else [],
        gewijzigd_vanaf=_tijdstip(filters["modified_after"]),
    )


def service_ids(
    bereik, filters: dict, geo, search, page, per_page, zoekfilters=None
) -> tuple[int, list, dict]:
    """Total and ids of one page (all ids when per_page is None), in result order.

    Also the services a search loaded already, by id, so they need not be read again.
    `zoekfilters` narrow a search further (facet filters, as `zoek` takes them).
    """
    if not search and geo[0] is None:
        qs = _services(bereik, filters)
        totaal = qs.count()
        qs = qs.order_by("name", "pk").values_list("pk", flat=True)
        if per_page is None:
            return totaal, list(qs), {}
        return totaal, list(qs[(page - 1) * per_page : page * per_page]), {}
    vraag = _zoekvraag(filters, geo, search, zoekfilters)
    if per_page is None:
        # Every result: only ids, read in portions by whoever streams them.
        vraag.per_pagina = None
        totaal, ids = zoek_ids(vraag, bereik)  # the scope answers `is_professional`
        return totaal, ids, {}
    vraag.pagina, vraag.per_pagina = page, per_page
    uitkomst = zoek(vraag, bereik, facetten=())
    gevonden = [treffer.service for treffer in uitkomst.treffers]
    return uitkomst.totaal, [s.pk for s in gevonden], {s.pk: s for s in gevonden}


# --- endpoints ----------------------------------------------------------------------------


@api.get("/", summary="Over deze API en HSDS", operation_id="getAPIMetaInformation")
def meta(request):
    return _json(
        {
            "version": HSDS_VERSIE,
            "profile": request.build_absolute_uri(reverse("hsds:uitwisselen")),
            "openapi_url": request.build_absolute_uri(reverse("hsds:api:openapi-json")),
        }
    )


@api.get("/services", summary="Lijst van aanbod", operation_id="getPaginatedListOfServices")
# List items hold a listing's own fields and its organisation, which the index version follows;
# `full` adds contacts, phones and more, which it does not.
@bewaar_antwoord(behalve=("full",))
def services(request, q: Query[openapi.ServiceParams]):
    bereik = bereik_voor(request)
    filters = {
        "taxonomy_term_id": q.taxonomy_term_id,
        "taxonomy_id": q.taxonomy_id,
        "organization_id": q.organization_id,
        "modified_after": q.modified_after,
    }
    geo = _punt(q.postcode, q.proximity, q.lat, q.lon, q.radius)
    serialiseerder = Serialiseerder(bereik)
    if q.minimal:
        # Without per_page the minimal list is whole; a page and a per_page given are
        # checked as for the other lists.
        _controleer_pagina(q.page)
        if q.per_page is not None:
            _per_pagina(q.page, q.per_page)
        totaal, rijen = _minimaal(bereik, filters, geo, q.search, q.page, q.per_page)
        inhoud = [
            {"id": str(pk), "modified_date": gewijzigd.isoformat().replace("+00:00", "Z")}
            for pk, gewijzigd in rijen
        ]
        return _json(_pagina(inhoud, totaal, q.page, q.per_page or max(totaal, 1)))
    if q.format == "ndjson":
        _, ids, geladen = service_ids(bereik, filters, geo, q.search, 1, None)

        def maak(stuk):
            if q.full:
                return serialiseerder.volledig("service", stuk)
            return serialiseerder.lijst("service", stuk, geladen)

        return _ndjson(_in_stukken(ids, maak))
    per_page = _per_pagina(q.page, q.per_page)
    totaal, ids, geladen = service_ids(bereik, filters, geo, q.search, q.page, per_page)
    if q.full:
        inhoud = serialiseerder.volledig("service", ids)
    else:
        inhoud = serialiseerder.lijst("service", ids, geladen)
    return _json(_pagina(inhoud, totaal, q.page, per_page))


def _minimaal(bereik, filters, geo, search, page, per_page) -> tuple[int, list[tuple]]:
    """Total and (id, last_modified) of the services asked for, in result order."""
    if not search and geo[0] is None:
        # Straight from the ordered query: every id as a parameter would not even fit in
        # one SQLite statement for a whole country.
        qs = _services(bereik, filters).order_by("name", "pk")
        totaal = qs.count()
        if per_page is not None:
            qs = qs[(page - 1) * per_page : page * per_page]
        return totaal, list(qs.values_list("pk", "last_modified"))
    totaal, ids, geladen = service_ids(bereik, filters, geo, search, page, per_page)
    gewijzigd = {pk: service.last_modified for pk, service in geladen.items()}
    gewijzigd.update(
        _in_stukken(
            [pk for pk in ids if pk not in gewijzigd],
            lambda stuk: m.Service.objects.filter(pk__in=stuk).values_list("pk", "last_modified"),
            ID_STUK,
        )
    )
    return totaal, [(pk, gewijzigd[pk]) for pk in ids]


@api.get("/services/{id}", summary="Eén aanbod, volledig", operation_id="getFullyNestedServiceById")
def service(request, id: str):
    bereik = bereik_voor(request)
    pk = _uuid(id)
    if not bereik.services().filter(pk=pk).exists():
        raise Fout(404, "Dit aanbod bestaat niet of is niet openbaar.")
    return _json(Serialiseerder(bereik).volledig("service", [pk])[0])


@api.get(
    "/organizations",
    summary="Lijst van organisaties",
    operation_id="getPaginatedListOfOrganizations",
)
def organizations(request, q: Query[openapi.OrganisatieParams]):
    bereik = bereik_voor(request)
    qs = _gezocht(
        bereik.organisaties(),
        q.search,
        lambda s: (
            Q(name__icontains=s) | Q(alternate_name__icontains=s) | Q(description__icontains=s)
        ),
    )
    serialiseerder = Serialiseerder(bereik)

    def maak(pks):
        if q.full or q.full_service:
            return _organisaties_volledig(serialiseerder, pks, q.full_service)
        return serialiseerder.lijst("organization", pks)

    qs = qs.order_by("name", "pk").values_list("pk", flat=True)
    if q.format == "ndjson":
        return _ndjson(_in_stukken(list(qs), maak))
    per_page = _per_pagina(q.page, q.per_page)
    totaal = qs.count()
    pks = list(qs[(q.page - 1) * per_page : q.page * per_page])
    return _json(_pagina(maak(pks), totaal, q.page, per_page))


def _organisaties_volledig(serialiseerder, pks, full_service: bool) -> list[dict]:
    if full_service:
        return serialiseerder.volledig("organization", pks)
    docs = serialiseerder.volledig("organization", pks, zonder={"services"})
    diensten = list(
        serialiseerder.bereik.services_per_rij()
        .filter(organization_id__in=pks)
        .order_by("name", "pk")
        .values_list("pk", "organization_id")
    )
    # One list call for the services of every organisation on the page, then shared out.
    items = {item["id"]: item for item in serialiseerder.lijst("service", [d for d, _ in diensten])}
    per_org: dict[str, list] = {}
    for pk, org in diensten:
        if str(pk) in items:
            per_org.setdefault(str(org), []).append(items[str(pk)])
    for doc in docs:
        doc["services"] = per_org.get(doc["id"], [])
    return docs


@api.get(
    "/organizations/{id}", summary="Eén organisatie, volledig", operation_id="getOrganizationById"
)
def organization(request, id: str, full_service: bool = False):
    bereik = bereik_voor(request)
    pk = _uuid(id)
    # The same question as `bereik.organisaties()`, asked from the organisation's services:
    # that finds them by index instead of listing every organisation with visible services.
    if not bereik.services_per_rij().filter(organization_id=pk).exists():
        raise Fout(404, "Deze organisatie bestaat niet of heeft geen openbaar aanbod.")
    return _json(_organisaties_volledig(Serialiseerder(bereik), [pk], full_service)[0])


@api.get(
    "/service_at_locations",
    summary="Lijst van aanbod op een locatie",
    operation_id="getPaginatedListOfServiceAtLocation",
)
def service_at_locations(request, q: Query[openapi.ServiceParams]):
    bereik = bereik_voor(request)
    filters = {
        "taxonomy_term_id": q.taxonomy_term_id,
        "taxonomy_id": q.taxonomy_id,
        "organization_id": q.organization_id,
        "modified_after": q.modified_after,
    }
    punt, straal_km = _punt(q.postcode, q.proximity, q.lat, q.lon, q.radius)
    serialiseerder = Serialiseerder(bereik)
    maak = serialiseerder.volledig if q.full else serialiseerder.lijst
    if q.search or punt is not None:
        pks = _gezochte_koppelingen(bereik, filters, punt, straal_km, q.search)
        totaal = len(pks)
    else:
        # From the services' side: SQLite then reads each visible service once and finds
        # its places by index, where starting from every service_at_location costs seconds.
        services_qs = _service_filters(bereik.volledige_services(), **filters)
        pks = services_qs.filter(service_at_locations__isnull=False)
        pks = pks.order_by("name", "service_at_locations__pk")
        pks = pks.values_list("service_at_locations__pk", flat=True)
        if q.format == "ndjson":
            pks = list(pks)
        else:
            totaal = pks.count()
    if q.format == "ndjson":
        return _ndjson(_in_stukken(pks, lambda stuk: maak("service_at_location", stuk)))
    per_page = _per_pagina(q.page, q.per_page)
    pagina = list(pks[(q.page - 1) * per_page : q.page * per_page])
    return _json(_pagina(maak("service_at_location", pagina), totaal, q.page, per_page))


def _gezochte_koppelingen(bereik, filters, punt, straal_km, search) -> list:
    """Every service_at_location of the search hits: by distance, or in the hits' order."""
    # A resident never sees the places of a listing reached via a contact person, so the
    # search need not return those listings at all.
    zoekfilters = {"zichtbaarheid": list(m.zichtbaarheden_met_plaats_voor(bereik))}
    _, ids, _ = service_ids(bereik, filters, (punt, straal_km), search, 1, None, zoekfilters)
    # In portions: every hit of a broad search as one IN list would not fit in a statement.
    koppelingen = bereik.service_at_locations_per_rij()
    if punt is None:
        volgorde = {pk: i for i, pk in enumerate(ids)}
        rijen = _in_stukken(
            ids,
            lambda stuk: koppelingen.filter(service_id__in=stuk).values_list("pk", "service_id"),
            ID_STUK,
        )
        return [pk for pk, _ in sorted(rijen, key=lambda r: (volgorde[r[1]], r[0]))]
    plekken = _in_stukken(
        ids,
        lambda stuk: koppelingen.filter(service_id__in=stuk).values_list(
            "pk", "location__latitude", "location__longitude"
        ),
        ID_STUK,
    )
    afstanden = [(afstand_km(punt, (lat, lon)), pk) for pk, lat, lon in plekken if lat is not None]
    return [pk for afstand, pk in sorted(afstanden) if straal_km is None or afstand <= straal_km]


@api.get(
    "/service_at_locations/{id}",
    summary="Eén aanbod op een locatie, volledig",
    operation_id="getServiceAtLocationWithNestedDataById",
)
def service_at_location(request, id: str):
    bereik = bereik_voor(request)
    pk = _uuid(id)
    if not bereik.service_at_locations_per_rij().filter(pk=pk).exists():
        raise Fout(404, "Dit aanbod op deze locatie bestaat niet of is niet openbaar.")
    return _json(Serialiseerder(bereik).volledig("service_at_location", [pk])[0])


@api.get(
    "/taxonomies", summary="Lijst van taxonomieën", operation_id="getPaginatedListOfTaxonomies"
)
def taxonomies(request, q: Query[openapi.LijstParams]):
    bereik = bereik_voor(request)
    qs = _gezocht(
        m.Taxonomy.objects.all(),
        q.search,
        lambda s: Q(name__icontains=s) | Q(description__icontains=s),
    )
    return _eenvoudige_lijst(bereik, "taxonomy", qs, q)


@api.get("/taxonomies/{id}", summary="Eén taxonomie", operation_id="getTaxonomyById")
def taxonomy(request, id: str):
    bereik = bereik_voor(request)
    pk = _uuid(id)
    if not m.Taxonomy.objects.filter(pk=pk).exists():
        raise Fout(404, "Deze taxonomie bestaat niet.")
    return _json(Serialiseerder(bereik).enkel("taxonomy", pk))


@api.get(
    "/taxonomy_terms", summary="Lijst van termen", operation_id="getPaginatedListOfTaxonomyTerms"
)
def taxonomy_terms(request, q: Query[openapi.TermParams]):
    bereik = bereik_voor(request)
    qs = _gezocht(
        m.TaxonomyTerm.objects.all(),
        q.search,
        lambda s: Q(name__icontains=s) | Q(code__iexact=s) | Q(description__icontains=s),
    )
    if q.taxonomy_id:
        qs = qs.filter(taxonomy_id=_uuid(q.taxonomy_id))
    if q.parent_id:
        qs = qs.filter(parent_id=_uuid(q.parent_id))
    if q.top_only:
        qs = qs.filter(parent=None)
    return _eenvoudige_lijst(bereik, "taxonomy_term", qs, q)


@api.get("/taxonomy_terms/{id}", summary="Eén term", operation_id="getTaxonomyTermById")
def taxonomy_term(request, id: str):
    bereik = bereik_voor(request)
    pk = _uuid(id)
    if not m.TaxonomyTerm.objects.filter(pk=pk).exists():
        raise Fout(404, "Deze term bestaat niet.")
    return _json(Serialiseerder(bereik).volledig("taxonomy_term", [pk])[0])


def _eenvoudige_lijst(bereik, tabel: str, qs, q):
    serialiseerder = Serialiseerder(bereik)

    def maak(pks):
        if tabel == "taxonomy_term":
            return serialiseerder.volledig(tabel, pks)
        return serialiseerder.lijst(tabel, pks)

    pks = list(qs.order_by("name", "pk").values_list("pk", flat=True))
    if q.format == "ndjson":
        return _ndjson(_in_stukken(pks, maak))
    per_page = _per_pagina(q.page, q.per_page)
    pagina = pks[(q.page - 1) * per_page : q.page * per_page]
    return _json(_pagina(maak(pagina), len(pks), q.page, per_page))
