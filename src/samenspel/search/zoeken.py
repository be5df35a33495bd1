"""The one search interface the pages and the API use.

Everything below this module (engine, index, documents) may change; callers only see
`Zoekvraag` in and `Zoekresultaat` out (or, from `zoek_ids`, the total and the ids). `zoek`
reads the listings of the hits; `zoek_in_index` leaves that to callers that keep what they
show of a listing (the search page's cards, search/kaartjes.py). Every
filter, the HSDS API's by key and date included, is applied inside the index, so totals are
exact whatever is combined.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from samenspel.directory import openingstijden
from samenspel.directory.models import Service, Zichtbaarheid, zichtbaarheden_voor
from samenspel.search import index
from samenspel.search.facetten import (
    GEWIJZIGD,
    ORGANISATIE_ID,
    TAXONOMIE_ID,
    TERM_ID,
    sleutel,
    tijdgetal,
)

FACETTEN = ("bouwsteen", "sector", "doelgroep", "levensdomein", "toegankelijkheid")
# What a resident may find (the directory's rule, `zichtbaarheden_voor`).
PUBLIEK = zichtbaarheden_voor(None)


@dataclass
class Zoekvraag:
    tekst: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    punt: tuple[float, float] | None = None
    straal_km: float | None = None
    sorteer: str = "relevantie"
    pagina: int = 1
    # None: every result on one page (the HSDS API's streamed lists).
    per_pagina: int | None = 20
    # Only listings open at this moment ("nu open"); None: open or not.
    open_op: datetime | None = None
    # By key, as the HSDS API names them: listings of any of these organisations, carrying
    # any of these terms, any term of these taxonomies. Empty: no filter.
    organisaties: list = field(default_factory=list)
    termen: list = field(default_factory=list)
    taxonomieen: list = field(default_factory=list)
    # Only listings changed at or after this (aware) moment (HSDS `modified_after`).
    gewijzigd_vanaf: datetime | None = None


@dataclass
class Treffer:
    id: uuid.UUID
    afstand_km: float | None
    # Read by `zoek`; None from `zoek_in_index`.
    service: Service | None = None


@dataclass
class Zoekresultaat:
    totaal: int
    treffers: list[Treffer]
    facetten: dict[str, dict[str, int]]
    termen: list[str]
    pagina: int
    per_pagina: int

    @property
    def paginas(self) -> int:
        return max(1, -(-self.totaal // (self.per_pagina or max(self.totaal, 1))))


def zoek(vraag: Zoekvraag, gebruiker=None, facetten=FACETTEN) -> Zoekresultaat:
    resultaat = zoek_in_index(vraag, gebruiker, facetten)
    services = Service.objects.select_related("organization").in_bulk(
        [t.id for t in resultaat.treffers]
    )
    # A listing deleted since the index looked is left out.
    resultaat.treffers = [
        Treffer(t.id, t.afstand_km, services[t.id]) for t in resultaat.treffers if t.id in services
    ]
    return resultaat


def zoek_in_index(vraag: Zoekvraag, gebruiker=None, facetten=FACETTEN) -> Zoekresultaat:
    """`zoek` without reading the listings: each hit has its id and distance only."""
    uitkomst = _in_index(vraag, gebruiker, facetten)
    return Zoekresultaat(
        totaal=uitkomst.totaal,
        treffers=[Treffer(uuid.UUID(t.id), t.afstand_km) for t in uitkomst.treffers],
        facetten=uitkomst.facetten,
        termen=uitkomst.termen,
        pagina=vraag.pagina,
        per_pagina=vraag.per_pagina or max(uitkomst.totaal, 1),
    )


def zoek_ids(vraag: Zoekvraag, gebruiker=None) -> tuple[int, list[uuid.UUID]]:
    """The exact total and the ids of the asked page, in result order, without reading the
    listings: for callers that read them in portions themselves (the HSDS API)."""
    uitkomst = _in_index(vraag, gebruiker, facetten=())
    return uitkomst.totaal, [uuid.UUID(t.id) for t in uitkomst.treffers]


def _in_index(vraag: Zoekvraag, gebruiker, facetten):
    filters = {k: list(v) for k, v in vraag.filters.items() if v}
    toegestaan = zichtbaarheden_voor(gebruiker)
    if set(toegestaan) != set(Zichtbaarheid.values):
        # Nobody finds what they may not see (a resident: professional-only listings),
        # whatever they ask for.
        gevraagd = set(filters.get("zichtbaarheid") or toegestaan)
        # A value no document has: asking only for hidden listings finds nothing.
        filters["zichtbaarheid"] = [z for z in toegestaan if z in gevraagd] or ["-"]
    zoekindex = index.actueel()
    if vraag.open_op is not None:
        # The opening slots open at that moment; a value no document has if none is.
        open_nu = openingstijden.open_sleutels(zoekindex.waarden("open"), vraag.open_op)
        filters["open"] = open_nu or ["-"]
    for facet, sleutels in (
        (ORGANISATIE_ID, vraag.organisaties),
        (TERM_ID, vraag.termen),
        (TAXONOMIE_ID, vraag.taxonomieen),
    ):
        if sleutels:
            filters[facet] = _sleutels(sleutels)
    vanaf = {GEWIJZIGD: tijdgetal(vraag.gewijzigd_vanaf)} if vraag.gewijzigd_vanaf else None
    per_pagina = vraag.per_pagina or len(zoekindex)
    return zoekindex.zoek(
        vraag.tekst,
        filters=filters,
        facetten=facetten,
        punt=vraag.punt,
        straal_km=vraag.straal_km,
        sorteer=vraag.sorteer,
        begin=(vraag.pagina - 1) * per_pagina,
        aantal=per_pagina,
        vanaf=vanaf,
    )


def _sleutels(waarden) -> list[str]:
    gevonden = []
    for waarde in waarden:
        try:
            gevonden.append(sleutel(waarde))
        except ValueError:
            gevonden.append("-")  # not a key: matches nothing
    return gevonden
