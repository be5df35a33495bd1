"""Suggestions to meet: a formal and an informal party in the same wijk and bouwsteen, no tie.

Professionals meet volunteers "bij toeval … er is nooit een kennismaking geweest" (seed 001
l.2011–2013). Two parties that work on the same bouwsteen (seed 003) in the same wijk but have
no tie are the natural pair for a kennismaking, at a lunch the parties run themselves (000
l.473–478) rather than in an obligatory meeting (000 l.899).

Where and on what a party works comes from its live listings on the kaart: a listing's
bouwstenen (its attributes) in the wijk of each of its places. A tie is any tie in the web
between the two organisations: a person pair of any kind, or enough referrals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from samenspel.directory.models import (
    Attribute,
    Sector,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)


@dataclass(frozen=True)
class Suggestie:
    formeel: str  # organisation id
    informeel: str  # organisation id
    wijk: str  # CBS code
    bouwstenen: tuple[str, ...]  # codes, sorted


def suggesties(web, plekken: dict[str, set[tuple[str, str]]]) -> list[Suggestie]:
    """Every formal–informal pair of the web that shares a (wijk, bouwsteen) and has no tie.

    ``plekken`` holds per organisation id the (wijk code, bouwsteen code) pairs it works on.
    A pair sharing several wijken is suggested once per wijk. Hybrid parties and parties
    without a sector take part in none. Sorted by wijk, then most bouwstenen shared first.
    """
    verbonden = web.verbonden_paren()
    per_plek: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(
        lambda: {Sector.FORMEEL: set(), Sector.INFORMEEL: set()}
    )
    for org_id, paren in plekken.items():
        org = web.organisaties.get(org_id)
        if org is None or org.sector not in (Sector.FORMEEL, Sector.INFORMEEL):
            continue
        for plek in paren:
            per_plek[plek][org.sector].add(org_id)
    gedeeld: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for (wijk, bouwsteen), kanten in per_plek.items():
        for formeel in kanten[Sector.FORMEEL]:
            for informeel in kanten[Sector.INFORMEEL]:
                if frozenset((formeel, informeel)) not in verbonden:
                    gedeeld[(formeel, informeel, wijk)].add(bouwsteen)
    uit = [Suggestie(f, i, w, tuple(sorted(b))) for (f, i, w), b in gedeeld.items()]

    def naam(org_id: str) -> str:
        return web.organisaties[org_id].naam.lower()

    uit.sort(key=lambda s: (s.wijk, -len(s.bouwstenen), naam(s.formeel), naam(s.informeel)))
    return uit


def plekken(organisatie_ids, gebied) -> dict[str, set[tuple[str, str]]]:
    """Per organisation: the (wijk, bouwsteen) pairs of its live listings within ``gebied``.

    ``gebied`` None means anywhere (the whole country); a queryset of ids stays a subquery.
    """
    ids = organisatie_ids if isinstance(organisatie_ids, QuerySet) else list(organisatie_ids)
    bouwstenen = dict(TaxonomyTerm.objects.bouwstenen().values_list("pk", "code"))
    diensten = Service.objects.live().filter(organization__in=ids).order_by()
    # A wijk's or gemeente's listings as a list of ids, found through their organisations and
    # checked with the listing's own rule (``is_live``): in SQL, SQLite would take the status
    # index and walk every live listing of the country (12 ms for a wijk at 15k, ten times
    # that at 150k). The whole country stays a subquery.
    if not isinstance(ids, QuerySet):
        diensten = [
            s.pk
            for s in Service.objects.filter(organization__in=ids)
            .order_by()
            .only("pk", "status", "moderatie")
            if s.is_live
        ]
    else:
        diensten = diensten.values("pk")
    per_dienst: dict = defaultdict(set)
    for dienst, term in Attribute.objects.filter(
        link_entity="service", link_id__in=diensten, taxonomy_term__in=list(bouwstenen)
    ).values_list("link_id", "taxonomy_term_id"):
        per_dienst[dienst].add(bouwstenen[term])
    # Every place of these listings, the area checked on the rows: with the area in SQL,
    # SQLite walks all the area's locations instead of these listings' places.
    koppelingen = ServiceAtLocation.objects.filter(
        service__in=diensten, location__buurt__isnull=False
    ).values_list(
        "service_id",
        "service__organization_id",
        "location__buurt__ouder_id",
        "location__buurt__ouder__ouder_id",
    )
    uit: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for dienst, org, wijk, gemeente in koppelingen:
        if gebied is not None and gebied.code not in (wijk, gemeente):
            continue
        for bouwsteen in per_dienst.get(dienst, ()):
            uit[str(org)].add((wijk, bouwsteen))
    return dict(uit)
