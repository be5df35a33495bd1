"""The one search interface the pages and the API use.

Everything below this module (engine, index, documents) may change; callers only see
`Zoekvraag` in and `Zoekresultaat` out.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from samenspel.directory import openingstijden
from samenspel.directory.models import Service, Zichtbaarheid, zichtbaarheden_voor
from samenspel.search import index

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
    per_pagina: int = 20
    # Only listings open at this moment ("nu open"); None: open or not.
    open_op: datetime | None = None


@dataclass
class Treffer:
    service: Service
    afstand_km: float | None


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
        return max(1, -(-self.totaal // self.per_pagina))


def zoek(vraag: Zoekvraag, gebruiker=None, facetten=FACETTEN) -> Zoekresultaat:
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
    uitkomst = zoekindex.zoek(
        vraag.tekst,
        filters=filters,
        facetten=facetten,
        punt=vraag.punt,
        straal_km=vraag.straal_km,
        sorteer=vraag.sorteer,
        begin=(vraag.pagina - 1) * vraag.per_pagina,
        aantal=vraag.per_pagina,
    )
    ids = [uuid.UUID(t.id) for t in uitkomst.treffers]
    services = Service.objects.select_related("organization").in_bulk(ids)
    treffers = [
        Treffer(services[sid], t.afstand_km)
        for sid, t in zip(ids, uitkomst.treffers, strict=True)
        if sid in services
    ]
    return Zoekresultaat(
        totaal=uitkomst.totaal,
        treffers=treffers,
        facetten=uitkomst.facetten,
        termen=uitkomst.termen,
        pagina=vraag.pagina,
        per_pagina=vraag.per_pagina,
    )
