"""Samenspel measured in-process: index build, zoek() with and without facets, page times.

Needs django.setup() on the benchmark database first (see omgeving.zet_omgeving).
"""

from __future__ import annotations

import gc
import statistics
import time
from urllib.parse import urlencode

from meten import MAX_RONDES, Meting, meet, rss_mb
from vragen import Vraag

DOEL_FACETTEN = ("bouwsteen", "sector")


def zoekvraag(vraag: Vraag):
    from samenspel.search.zoeken import Zoekvraag

    return Zoekvraag(
        tekst=vraag.tekst,
        filters={"bouwsteen": [vraag.bouwsteen]} if vraag.bouwsteen else {},
        punt=vraag.punt,
        straal_km=vraag.straal_km,
    )


def bouw_index() -> dict:
    """Build the process-wide index from the database, as a fresh app process does."""
    from samenspel.search import index

    index.vergeet()
    gc.collect()
    voor = rss_mb()
    begin = time.perf_counter()
    zoekindex = index.herbouw()
    seconden = time.perf_counter() - begin
    gc.collect()
    return {"seconden": seconden, "documenten": len(zoekindex), "geheugen_mb": rss_mb() - voor}


def vergeet_index() -> None:
    from samenspel.search import index

    index.vergeet()
    gc.collect()


def documenten() -> list:
    """The product's own search documents of every live listing, for the baselines."""
    from samenspel.search import documenten as d

    return list(d.alle())


def meet_zoeken(
    vragen: list[Vraag], rondes: int = MAX_RONDES, alles: bool = True
) -> dict[str, Meting]:
    """zoek() with the target's facets and with the page's; with `alles` also without facets,
    without loading the hits (what the search page calls) and the engine alone."""
    from samenspel.search import index
    from samenspel.search.zoeken import FACETTEN, zoek, zoek_in_index

    zoekvragen = [zoekvraag(v) for v in vragen]
    metingen = {}

    def met(facetten):
        def functie(vraag):
            uitkomst = zoek(vraag, None, facetten=facetten)
            return (
                uitkomst.totaal,
                [str(t.service.pk) for t in uitkomst.treffers],
                uitkomst.facetten,
            )

        return functie

    metingen["doel"] = meet(
        "zoek(), facets bouwsteen + sector", met(DOEL_FACETTEN), zoekvragen, max_rondes=rondes
    )
    metingen["pagina"] = meet(
        "zoek(), all 7 facets of the page", met(FACETTEN), zoekvragen, max_rondes=rondes
    )
    if not alles:
        return metingen
    metingen["kaal"] = meet("zoek(), no facets", met(()), zoekvragen, max_rondes=rondes)

    # What the search page calls: zoek() without loading the hits as model instances (the
    # page takes its cards from what is kept per listing, search/kaartjes.py).
    def zonder_laden(vraag):
        uitkomst = zoek_in_index(vraag, None, facetten=DOEL_FACETTEN)
        return uitkomst.totaal, [str(t.id) for t in uitkomst.treffers], uitkomst.facetten

    metingen["index"] = meet(
        "zoek_in_index(), facets bouwsteen + sector", zonder_laden, zoekvragen, max_rondes=rondes
    )

    # The engine alone: what zoek() adds (change-log check, loading 20 rows) left out.
    zoekindex = index.actueel()
    publiek = ["openbaar", "via_contactpersoon"]

    def engine(vraag):
        filters = {"zichtbaarheid": publiek, **vraag.filters}
        uitkomst = zoekindex.zoek(
            vraag.tekst,
            filters=filters,
            facetten=DOEL_FACETTEN,
            punt=vraag.punt,
            straal_km=vraag.straal_km,
        )
        return [t.id for t in uitkomst.treffers]

    metingen["engine"] = meet(
        "engine only (ZoekIndex.zoek), facets bouwsteen + sector",
        engine,
        zoekvragen,
        max_rondes=rondes,
    )
    return metingen


def zoekpad(vraag: Vraag) -> str:
    """The /zoeken/ URL a browser would request for this query."""
    parameters = [("q", vraag.tekst)]
    if vraag.bouwsteen:
        parameters.append(("bouwsteen", vraag.bouwsteen))
    if vraag.punt is not None:
        parameters += [("lat", f"{vraag.punt[0]:.6f}"), ("lon", f"{vraag.punt[1]:.6f}")]
        parameters.append(("straal", f"{vraag.straal_km:g}"))
    return "/zoeken/?" + urlencode(parameters)


def apipad(vraag: Vraag) -> str:
    """The same query against the HSDS API (/api/hsds/services)."""
    import uuid

    from samenspel.directory import taxonomieen
    from samenspel.directory.models import BOUWSTENEN

    parameters = [("search", vraag.tekst)]
    if vraag.bouwsteen:
        term = uuid.uuid5(taxonomieen.NAMESPACE, f"{BOUWSTENEN}/{vraag.bouwsteen}")
        parameters.append(("taxonomy_term_id", str(term)))
    if vraag.punt is not None:
        parameters += [("lat", f"{vraag.punt[0]:.6f}"), ("lon", f"{vraag.punt[1]:.6f}")]
        parameters.append(("radius", f"{vraag.straal_km * 1000:g}"))
    return "/api/hsds/services?" + urlencode(parameters)


def meet_paginas(vragen: list[Vraag], aantal: int = 100, max_seconden: float = 60) -> dict:
    """Server time and query count of the search page and the service page (test client)."""
    import random

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from samenspel.directory.models import Service

    # With a session cookie: every page rendered, not served ready from the response cache
    # (an unknown session costs one lookup, counted below).
    klant = Client()
    klant.cookies["sessionid"] = "meting"
    # Listings a resident may open; the others answer 404 by design.
    openbaar = Service.objects.zichtbaar_voor(None).filter(zichtbaarheid="openbaar")
    ids = list(openbaar.values_list("pk", flat=True).order_by("pk")[:20_000])
    gekozen = random.Random(7).sample(ids, min(aantal + 5, len(ids)))
    dienstpaden = [reverse("directory:service", args=[pk]) for pk in gekozen[5:]]
    # Warming up on other listings, so each measured listing's first visit is a first one.
    dienst_warm = [reverse("directory:service", args=[pk]) for pk in gekozen[:5]]
    zoekpaden = [zoekpad(v) for v in vragen[:aantal]]
    # The search page twice over the same questions: first each one new, with the cards of
    # the listings it finds still to be made; then again, every page rendered by the view
    # (no ready answer: the session) but the cards kept (search/kaartjes.py). The service
    # page the same way: each listing's first visit, then again with its part kept
    # (directory/bewaard.py).
    paden = {
        "zoekpagina_eerste": zoekpaden,
        "zoekpagina": zoekpaden,
        "dienstpagina_eerste": dienstpaden,
        "dienstpagina": dienstpaden,
    }
    warm = {"zoekpagina_eerste": zoekpaden[:5], "dienstpagina_eerste": dienst_warm}
    uit = {}
    for naam, lijst in paden.items():
        for pad in warm.get(naam, []):  # templates, caches, the index
            klant.get(pad)
        tijden, aantallen, statussen = [], [], set()
        einde = time.monotonic() + max_seconden
        for pad in lijst:
            begin = time.perf_counter_ns()
            antwoord = klant.get(pad)
            tijden.append(time.perf_counter_ns() - begin)
            statussen.add(antwoord.status_code)
            if time.monotonic() > einde:
                break
        # Counting queries needs a debug cursor, which costs time: a separate, untimed pass
        # (not for a first pass: by then what it made is kept, so the count would be that of
        # the second).
        for pad in lijst[: len(tijden)] if not naam.endswith("_eerste") else []:
            with CaptureQueriesContext(connection) as vastgelegd:
                klant.get(pad)
            aantallen.append(len(vastgelegd.captured_queries))
        meting = Meting(naam, tijden, 1)
        uit[naam] = {
            **meting.als_dict(),
            "queries_mediaan": statistics.median(aantallen) if aantallen else None,
            "queries_max": max(aantallen) if aantallen else None,
            "statussen": sorted(statussen),
        }
    return uit
