"""Supply per area (buurt, wijk, gemeente) × bouwsteen, counted from the kaart.

Seed 003 asks whether the seven bouwstenen are "in voldoende mate aanwezig" per wijk or buurt,
"aan de hand van data-analyses en ervaringen uit de praktijk" (l.843–857). This module gives
the data half for the supply side: how many listings, how many per 1,000 residents, how many
of them are fresh, and how formal and informal they are.

Which listings count is the directory's rule, not a second one: `Service.objects.zichtbaar_voor`
for the viewer (live, and visible to them). A listing belongs to every buurt one of its
locations lies in, and counts once in a wijk or gemeente however many locations it has there.
The whole gemeente takes four queries, whatever the number of listings.

The queries start from the gemeente's own places (the index on `Location.buurt`) and ask the
rule of each place's listing (`zichtbaar_in`), never the other way round: asked as "the
listings the viewer may see, then those with a place here", SQLite (which keeps no statistics
unless told to) reads every live listing of the country through the index on status and
moderation, as it takes that index for a selective one. At 150,000 listings that was seconds
per gemeente; from the places it is a few milliseconds.
"""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from samenspel.areas import cijfers
from samenspel.areas.models import Gebied, Niveau
from samenspel.directory.models import (
    Attribute,
    Sector,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    vers_vanaf,
    zichtbaarheden_voor,
)
from samenspel.search.models import Zoekwijziging

# The key of the number of residents in `Gebied.cijfers`. The area import stores every CSV
# column under its header, lowercased with runs of other characters as "_"
# (`hsds.importeren.gebieden._sleutel`), so a column "inwoners" lands here.
INWONERS = "inwoners"

# Organization.sector is empty when nobody said; such a listing is counted apart, never as
# informal (the directory's rule, directory/models.py `Organization.sector`).
ONBEKEND = ""


@dataclass
class Vak:
    """One cell of the matrix: the supply of one bouwsteen in one area."""

    aantal: int = 0
    vers: int = 0
    sectoren: Counter = field(default_factory=Counter)
    inwoners: int | float | None = None

    @property
    def per_1000_inwoners(self) -> float | None:
        """Listings per 1,000 residents, when the area figures hold a positive `inwoners`."""
        if not self.inwoners or self.inwoners <= 0:
            return None
        return 1000 * self.aantal / self.inwoners

    @property
    def aandeel_vers(self) -> float | None:
        """The share (0–1) of listings that are fresh (`directory.models.is_vers`)."""
        return self.vers / self.aantal if self.aantal else None

    @property
    def formeel(self) -> int:
        return self.sectoren[Sector.FORMEEL]

    @property
    def informeel(self) -> int:
        return self.sectoren[Sector.INFORMEEL]

    @property
    def hybride(self) -> int:
        return self.sectoren[Sector.HYBRIDE]

    @property
    def sector_onbekend(self) -> int:
        return self.sectoren[ONBEKEND]


@dataclass
class Aanbod:
    """The supply of one gemeente: its areas (gemeente, wijken, buurten) × the bouwstenen."""

    gemeente: Gebied
    gebieden: list[Gebied]
    bouwstenen: list[TaxonomyTerm]
    vakken: dict[tuple[str, str], Vak]
    inwoners: dict[str, int | float | None] = field(default_factory=dict)

    def vak(self, gebied: Gebied | str, bouwsteen: TaxonomyTerm | str) -> Vak:
        """The cell of an area and a bouwsteen (objects or their codes); empty if none."""
        code = gebied if isinstance(gebied, str) else gebied.code
        term = bouwsteen if isinstance(bouwsteen, str) else bouwsteen.code
        return self.vakken.get((code, term)) or Vak(inwoners=self.inwoners.get(code))


def _inwoners(gebied: Gebied | None):
    return cijfers.waarde(gebied, INWONERS)


def inwoners_per_gebied(gebieden: list[Gebied]) -> dict[str, int | float | None]:
    """Residents per area: its own figure, else the sum over its buurten (or wijken).

    CBS publishes inwoners per wijk and gemeente too, but an import may hold buurten only; a
    wijk whose buurten are all known then still gets a figure. When one buurt lacks it, the
    sum would be too low, so the wijk gets none.
    """
    kinderen: dict = defaultdict(list)
    for g in gebieden:
        if g.ouder_id:
            kinderen[g.ouder_id].append(g)
    uitkomst: dict = {}

    def tel(g):
        if g.code in uitkomst:
            return uitkomst[g.code]
        eigen = _inwoners(g)
        if eigen is None and kinderen.get(g.code):
            delen = [tel(k) for k in kinderen[g.code]]
            eigen = None if any(d is None for d in delen) else sum(delen)
        uitkomst[g.code] = eigen
        return eigen

    for g in gebieden:
        tel(g)
    return uitkomst


def gebieden_van(gemeente: Gebied) -> list[Gebied]:
    """The gemeente, its wijken and their buurten in one query: gemeente, then by level, name."""
    # `Gebied.objects.binnen(gemeente)`, asked so that each part uses an index (the code, the
    # parent): its join on the parent's parent makes SQLite read every area of the country.
    # Without the outlines: a buurt's GeoJSON can be kilobytes, and only the map draws them
    # (`views_uitvoer.kaart` reads them in one query of its own).
    gebieden = Gebied.objects.filter(
        Q(pk=gemeente.pk)
        | Q(ouder=gemeente)
        | Q(ouder__in=Gebied.objects.filter(ouder=gemeente).values("pk"))
    ).defer("geometrie")
    volgorde = {Niveau.GEMEENTE: 0, Niveau.WIJK: 1, Niveau.BUURT: 2}
    return sorted(gebieden, key=lambda g: (volgorde[g.niveau], g.naam))


def zichtbaar_in(rijen, diensten, veld: str = "service_id"):
    """The rows of `rijen` whose listing (the id in `veld`) is one of `diensten`.

    `diensten` is a queryset of services holding the rule (`zichtbaar_voor`,
    `met_plaats_voor`); it is asked per row, by the listing's primary key, so the query starts
    from `rijen` (the places of some buurten, or in a box) and not from every listing.
    """
    return rijen.filter(Exists(diensten.filter(pk=OuterRef(veld))))


def rijen_zonder_omzetting(queryset) -> list[tuple]:
    """The rows of a values_list queryset as the database gives them, without Django's
    per-value converters (a UUID object per id is most of the time at national scale): ids
    stay the database's own values, equal wherever the same id is read."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def als_datum(waarde) -> date | None:
    # SQLite gives ISO text, PostgreSQL a date.
    return date.fromisoformat(waarde) if isinstance(waarde, str) else waarde


def bouwstenen_per_aanbod(services, bouwstenen=None, ruw: bool = False) -> dict:
    """Service id → the codes of its bouwstenen, in one query.

    `services` is a queryset of services or of their ids (`.values("service_id")` of places,
    say); `bouwstenen` the terms of `TaxonomyTerm.objects.bouwstenen()` when the caller has
    them already, so the attributes are asked by term id (the unique index on link and term)
    without joining the taxonomy. With `ruw`, the ids are the database's own values
    (`rijen_zonder_omzetting`), to match other rows read that way.
    """
    lees = rijen_zonder_omzetting if ruw else list
    if getattr(services, "model", None) is Service and not services.query.values_select:
        services = services.values("pk")
    kenmerken = Attribute.objects.filter(link_entity="service", link_id__in=services)
    if bouwstenen is None:
        rijen = lees(
            kenmerken.filter(
                taxonomy_term__in=TaxonomyTerm.objects.bouwstenen().values("pk")
            ).values_list("link_id", "taxonomy_term__code")
        )
    else:
        code_van = {t.pk: t.code for t in bouwstenen}
        if ruw:
            # The terms' ids as the database gives them, to match the raw rows.
            veld = TaxonomyTerm._meta.pk
            code_van = {veld.get_db_prep_value(t.pk, connection): t.code for t in bouwstenen}
        rijen = (
            (link_id, code_van[term_id])
            for link_id, term_id in lees(
                kenmerken.filter(taxonomy_term__in=[t.pk for t in bouwstenen]).values_list(
                    "link_id", "taxonomy_term_id"
                )
            )
        )
    uitkomst: dict = defaultdict(set)
    for service_id, code in rijen:
        uitkomst[service_id].add(code)
    return uitkomst


def kaartversie() -> int:
    """The kaart's state: every saved change to a listing, its organisation, places or
    bouwstenen writes a row to the search change log, whose highest id is one indexed lookup.
    Changes that bypass it (a bulk re-link of places to buurten by an area import) are
    bounded by the setting `WIJKSCAN_BEWAAR_SECONDEN`, how long counted cells are reused."""
    return Zoekwijziging.objects.aggregate(hoogste=Max("id"))["hoogste"] or 0


def vingerafdruk(delen) -> str:
    """A short hash of the parts a cache key depends on (areas, parents, centres)."""
    return hashlib.blake2b("|".join(delen).encode(), digest_size=8).hexdigest()


def _bewaarsleutel(gemeente, gebruiker, vandaag: date, gebieden: list[Gebied]) -> str:
    """The key of a gemeente's counted cells: whatever they depend on is in it.

    Which listings count (the viewer's visibilities), the day (freshness), the gemeente's
    areas and their parents, and the kaart's state (`kaartversie`).
    """
    vorm = vingerafdruk(f"{g.code}>{g.ouder_id}" for g in gebieden)
    zicht = ",".join(sorted(zichtbaarheden_voor(gebruiker)))
    return f"wijkscan:aanbod:{gemeente.code}:{zicht}:{vandaag.isoformat()}:{kaartversie()}:{vorm}"


def aanbod(gemeente: Gebied, gebruiker, vandaag: date | None = None) -> Aanbod:
    """The supply per area × bouwsteen of `gemeente`, as `gebruiker` may see the kaart.

    Five queries: the areas, the list of bouwstenen, the kaart's version, and, unless the
    same cells were counted a moment ago (Django's cache, `_bewaarsleutel`), the listings
    with their buurten and their bouwstenen. A wijk's page of a large gemeente needs the
    gemeente's own row to compare with; counting it costs most of the page, and the
    analyst going from wijk to wijk asks the same cells again.
    """
    vandaag = vandaag or timezone.localdate()
    gebieden = gebieden_van(gemeente)
    inwoners = inwoners_per_gebied(gebieden)
    bouwstenen = list(TaxonomyTerm.objects.bouwstenen())
    sleutel = _bewaarsleutel(gemeente, gebruiker, vandaag, gebieden)
    getallen = cache.get(sleutel)
    if getallen is None:
        getallen = _tel(gemeente, gebruiker, vandaag, gebieden, bouwstenen)
        cache.set(sleutel, getallen, settings.SAMENSPEL["WIJKSCAN_BEWAAR_SECONDEN"])
    vakken = {
        plek: Vak(aantal=aantal, vers=vers, sectoren=Counter(sectoren), inwoners=inwoners[plek[0]])
        for plek, (aantal, vers, sectoren) in getallen.items()
    }
    return Aanbod(
        gemeente=gemeente,
        gebieden=gebieden,
        bouwstenen=bouwstenen,
        vakken=vakken,
        inwoners=inwoners,
    )


def _tel(gemeente, gebruiker, vandaag, gebieden, bouwstenen) -> dict:
    """(area code, bouwsteen code) -> (listings, fresh ones, listings per sector)."""
    grens = vers_vanaf(vandaag)
    per_code = {g.code: g for g in gebieden}
    buurten = [g.code for g in gebieden if g.niveau == Niveau.BUURT]
    plaatsen = zichtbaar_in(
        ServiceAtLocation.objects.filter(location__buurt__in=buurten),
        Service.objects.zichtbaar_voor(gebruiker),
    )
    rijen = rijen_zonder_omzetting(
        plaatsen.values_list(
            "service_id",
            "location__buurt_id",
            "service__assured_date",
            "service__organization__sector",
        ).distinct()
    )
    # Per listing: the areas it lies in (each buurt, its wijk, the gemeente) and its facts.
    gebieden_per_aanbod: dict = defaultdict(set)
    feiten: dict = {}
    for service_id, buurt, bevestigd, sector in rijen:
        keten = gebieden_per_aanbod[service_id]
        keten.add(buurt)
        wijk = per_code[buurt].ouder_id
        if wijk in per_code:
            keten.add(wijk)
        keten.add(gemeente.code)
        # `directory.models.is_vers`, with its date computed once.
        bevestigd = als_datum(bevestigd)
        feiten[service_id] = (bevestigd is not None and bevestigd >= grens, sector or ONBEKEND)
    termen = bouwstenen_per_aanbod(plaatsen.values("service_id"), bouwstenen, ruw=True)
    getallen: dict[tuple[str, str], list] = {}
    for service_id, codes in gebieden_per_aanbod.items():
        vers, sector = feiten[service_id]
        for term in termen.get(service_id, ()):
            for code in codes:
                cel = getallen.get((code, term))
                if cel is None:
                    cel = getallen[(code, term)] = [0, 0, {}]
                cel[0] += 1
                cel[1] += vers
                cel[2][sector] = cel[2].get(sector, 0) + 1
    return {plek: tuple(cel) for plek, cel in getallen.items()}
