"""Turn listings from the database into search documents (the only place that knows both).

Documents are built from plain rows (`values_list`), a portion of listings at a time: model
instances for the million related rows of a large map cost most of a build's time and memory,
and one `IN` list with every id is slow, or too long for some databases. Each portion reads
its listings, terms, locations, opening days and access with five queries: by a range of keys
when building everything, by an `IN` list of at most `PORTIE` ids for the listings that
changed.
Taxonomy terms and areas are few; they are read into dicts once per build.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.directory import openingstijden, toegankelijkheid
from samenspel.search import facetten
from samenspel.search.engine import Document

# A listing not confirmed within the configured months ranks lower (not hidden).
GEWICHT_NIET_BEVESTIGD = 0.6

# Listings per portion: small enough for every database's limit on query parameters and for
# little memory in flight, large enough that the per-query overhead does not matter.
PORTIE = 2000

_SERVICEVELDEN = (
    "pk",
    "name",
    "alternate_name",
    "description",
    "eligibility_description",
    "tijden_omschrijving",
    "zichtbaarheid",
    "gratis",
    "zonder_indicatie",
    "inloop",
    "assured_date",
    "organization__name",
    "organization__sector",
    "organization_id",
    "last_modified",
)
_VLAGGEN = ("gratis", "zonder_indicatie", "inloop")
_JA = frozenset({"ja"})


def live_services():
    return m.Service.objects.live().select_related("organization")


def alle(portie: int = PORTIE) -> Iterator[Document]:
    """The document of every live listing, read one portion of listings at a time.

    Not one snapshot: a listing changed while this runs may be read half before and half
    after the change. The change log covers that, because the caller replays every change
    since it started (see index.py).
    """
    # In the database's order, so that each portion is one key range: a range scan per table
    # instead of thousands of lookups, and two query parameters instead of thousands.
    sleutels = list(
        m.Service.objects.live().order_by("pk").values_list(_als_tekst("pk"), flat=True)
    )
    bouwer = _Bouwer(alle_gebieden=True)
    for begin in range(0, len(sleutels), portie):
        laatste = sleutels[min(begin + portie, len(sleutels)) - 1]
        yield from bouwer.portie("__range", (sleutels[begin], laatste))


def voor(ids: Iterable, portie: int = PORTIE) -> list[Document]:
    """The documents of those of these listings (ids) that are live, in the given order."""
    ids = list(dict.fromkeys(str(_als_uuid(i)) for i in ids))
    bouwer = _Bouwer(alle_gebieden=False)
    gebouwd = {}
    for begin in range(0, len(ids), portie):
        for document in bouwer.portie("__in", ids[begin : begin + portie]):
            gebouwd[document.id] = document
    return [gebouwd[id] for id in ids if id in gebouwd]


def met_geldigheidsdatum() -> list:
    """Ids of the listings with an opening time valid only from or until some date."""
    return list(
        m.Schedule.objects.filter(service__isnull=False)
        .exclude(valid_from__isnull=True, valid_to__isnull=True)
        .order_by()
        .values_list("service_id", flat=True)
        .distinct()
    )


def documenten(services: Iterable[m.Service]) -> list[Document]:
    """Documents for the given services (of which only the live ones), in their order.

    Only their ids are used: everything is read again as rows.
    """
    return voor(service.pk for service in services)


def _als_uuid(waarde) -> uuid.UUID:
    return waarde if isinstance(waarde, uuid.UUID) else uuid.UUID(str(waarde))


def _als_tekst(veld: str) -> Cast:
    # Related rows are matched to their listing by this text instead of by uuid.UUID objects,
    # which Django would make for every one of a million rows. Both sides come out of the
    # same database in the same form, whatever that form is.
    return Cast(veld, output_field=CharField())


class _Bouwer:
    """What one build needs besides the rows of a portion: terms, areas, today's date."""

    def __init__(self, alle_gebieden: bool) -> None:
        # Per term: its facet, its filter value, its name (searchable), its key and the key of
        # its taxonomy (the HSDS API filters on those).
        self.termen = {
            sleutel: (
                facetten.facet_van_taxonomie(taxonomie),
                facetten.termwaarde(code, pk),
                naam,
                facetten.sleutel(pk),
                facetten.sleutel(taxonomie_id) if taxonomie_id else None,
            )
            for sleutel, pk, code, naam, taxonomie, taxonomie_id in (
                m.TaxonomyTerm.objects.order_by().values_list(
                    _als_tekst("pk"), "pk", "code", "name", "taxonomy__name", "taxonomy_id"
                )
            )
        }
        # code -> (naam, niveau, ouder); a full build reads them all at once, a few listings
        # only the areas they lie in.
        self.gebieden: dict[str, tuple[str, str, str | None]] = {}
        if alle_gebieden:
            self._lees_gebieden(Gebied.objects.all())
        # Per buurt: every area it lies in, smallest first, as (niveau, code, naam).
        self._ketens: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self.vandaag = timezone.localdate()
        self._vers: dict[date | None, bool] = {}
        self._live: dict[tuple[str, str], bool] = {}
        # Documents share equal value sets instead of each holding its own copy: some
        # thousands of distinct sets (mostly one buurt each) against about ten per listing.
        self._sets: dict[frozenset[str], frozenset[str]] = {_JA: _JA}
        # Likewise names: an organisation's name for each of its listings, and common ones.
        self._namen: dict[str, str] = {}
        self._tijdblokken: dict[tuple, tuple[openingstijden.Blok, ...]] = {}
        self._termdelen: dict[tuple[str, ...], tuple[dict[str, frozenset[str]], list[str]]] = {}
        self._gebieddelen: dict[tuple, tuple[dict[str, frozenset[str]], list[str]]] = {}

    def portie(self, lookup: str, waarde) -> list[Document]:
        """Documents of the live listings whose key matches `lookup` ("__in" or "__range")
        with `waarde`; related rows are selected by the same condition on their key."""
        per_id = {}
        for rij in (
            m.Service.objects.filter(**{f"pk{lookup}": waarde})
            .order_by()
            .values_list("status", "moderatie", _als_tekst("pk"), *_SERVICEVELDEN)
        ):
            # A range also holds listings that are not live (any more).
            if self._is_live(rij[0], rij[1]):
                per_id[rij[2]] = rij[3:]
        if not per_id:
            return []

        # Within a listing in the order of their keys, so documents do not depend on which
        # index the database happens to read (their order does not matter to search).
        termen = defaultdict(list)
        for service, term_id in (
            m.Attribute.objects.filter(link_entity="service", **{f"link_id{lookup}": waarde})
            .order_by("link_id", "taxonomy_term_id")
            .values_list(_als_tekst("link_id"), _als_tekst("taxonomy_term_id"))
        ):
            if service in per_id:
                termen[service].append(term_id)

        locaties = defaultdict(list)
        buurten = set()
        for service, buurt, lat, lon in (
            m.ServiceAtLocation.objects.filter(**{f"service__pk{lookup}": waarde})
            .order_by("service_id", "location_id")
            .values_list(
                _als_tekst("service_id"),
                "location__buurt_id",
                "location__latitude",
                "location__longitude",
            )
        ):
            if service in per_id:
                locaties[service].append((buurt, lat, lon))
                if buurt:
                    buurten.add(buurt)
        self._zorg_voor_gebieden(buurten)

        tijden = defaultdict(list)
        for service, byday, van, tot, geldig_van, geldig_tot in (
            m.Schedule.objects.filter(**{f"service__pk{lookup}": waarde})
            .order_by()
            .values_list(
                _als_tekst("service_id"), "byday", "opens_at", "closes_at", "valid_from", "valid_to"
            )
        ):
            # A schedule not valid today says nothing about when the listing is open.
            if service in per_id and openingstijden.geldig_op(geldig_van, geldig_tot, self.vandaag):
                tijden[service].extend(self._blokken(byday, van, tot))

        toegang = defaultdict(list)
        for service, description in (
            m.Accessibility.objects.filter(
                **{f"location__service_at_locations__service__pk{lookup}": waarde}
            )
            .order_by("location_id", "pk")
            .values_list(_als_tekst("location__service_at_locations__service_id"), "description")
        ):
            if service in per_id:
                toegang[service].append(description)

        return [
            self._document(
                rij, termen[sleutel], locaties[sleutel], tijden[sleutel], toegang[sleutel]
            )
            for sleutel, rij in per_id.items()
        ]

    def _blokken(self, byday: str, van, tot) -> tuple[openingstijden.Blok, ...]:
        # Asked once per distinct row: most listings share a handful of opening times.
        blokken = self._tijdblokken.get((byday, van, tot))
        if blokken is None:
            blokken = self._tijdblokken[byday, van, tot] = openingstijden.blokken(byday, van, tot)
        return blokken

    def _is_live(self, status: str, moderatie: str) -> bool:
        # The model decides what "live" means; asked once per distinct pair.
        live = self._live.get((status, moderatie))
        if live is None:
            live = self._live[status, moderatie] = m.Service(
                status=status, moderatie=moderatie
            ).is_live
        return live

    def _document(
        self,
        rij,
        termen: list[str],
        locaties: list,
        blokken: list[openingstijden.Blok],
        toegang: list[str] = (),
    ) -> Document:
        (
            pk,
            naam,
            andere_naam,
            omschrijving,
            voor_wie,
            tijden,
            zichtbaarheid,
            gratis,
            zonder_indicatie,
            inloop,
            bevestigd,
            organisatie,
            sector,
            organisatie_id,
            gewijzigd,
        ) = rij
        termfilters, termnamen = self._termdeel(tuple(termen))
        gebiedfilters, gebiednamen = self._gebieddeel(tuple([buurt for buurt, _, _ in locaties]))
        filters = {
            "zichtbaarheid": self._gedeeld((zichtbaarheid,)),
            facetten.ORGANISATIE_ID: self._gedeeld((facetten.sleutel(organisatie_id),)),
        }
        if sector:  # an unknown sector matches no sector filter
            filters["sector"] = self._gedeeld((sector,))
        if blokken:
            filters["dag"] = self._gedeeld(blok.dag for blok in blokken)
            # "nu open": the slots with known times, as keys the search can test against now.
            sleutels = [s for s in map(openingstijden.sleutel, blokken) if s]
            if sleutels:
                filters["open"] = self._gedeeld(sleutels)
            if any(map(openingstijden.na_kantoortijd, blokken)):
                filters["na_kantoortijd"] = _JA
        filters.update(termfilters)
        filters.update(gebiedfilters)
        for vlag, aan in zip(_VLAGGEN, (gratis, zonder_indicatie, inloop), strict=True):
            if aan is True:  # None is "not said", never a yes
                filters[vlag] = _JA
        # A place reached only via a contact person is not shown, nor how accessible it is.
        if not m.toont_plaats(zichtbaarheid):
            toegang = ()
        codes = toegankelijkheid.codes_van(toegang)
        if codes:
            filters["toegankelijkheid"] = self._gedeeld(codes)
        toegangswoorden = [toegankelijkheid.zoektekst(toegang)] if toegang else []

        return Document(
            id=str(pk),
            velden={
                "naam": self._namen.setdefault(naam, naam),
                "organisatie": self._namen.setdefault(organisatie, organisatie),
                "trefwoorden": " ".join([*termnamen, *gebiednamen, tijden, *toegangswoorden]),
                "omschrijving": " ".join([omschrijving, voor_wie, andere_naam]),
            },
            filters=filters,
            punten=tuple(
                (lat, lon) for _, lat, lon in locaties if lat is not None and lon is not None
            ),
            gewicht=1.0 if self._is_vers(bevestigd) else GEWICHT_NIET_BEVESTIGD,
            getallen={facetten.GEWIJZIGD: facetten.tijdgetal(gewijzigd)},
        )

    def _termdeel(self, termen: tuple[str, ...]) -> tuple[dict[str, frozenset[str]], list[str]]:
        """Filters and searchable names of a listing's terms (asked once per combination)."""
        deel = self._termdelen.get(termen)
        if deel is None:
            per_soort = defaultdict(set)
            namen = []
            for sleutel in termen:
                soort, code, naam, term_id, taxonomie_id = self.termen[sleutel]
                per_soort[soort].add(code)
                per_soort[facetten.TERM_ID].add(term_id)
                if taxonomie_id:
                    per_soort[facetten.TAXONOMIE_ID].add(taxonomie_id)
                namen.append(naam)
            filters = {soort: self._gedeeld(codes) for soort, codes in per_soort.items()}
            deel = self._termdelen[termen] = (filters, namen)
        return deel

    def _gebieddeel(
        self, buurten: tuple[str | None, ...]
    ) -> tuple[dict[str, frozenset[str]], list[str]]:
        """Filters (codes per level) and names of the areas a listing's locations lie in,
        every area above them included (asked once per combination)."""
        deel = self._gebieddelen.get(buurten)
        if deel is None:
            per_niveau = defaultdict(set)
            namen = []
            for buurt in buurten:
                for niveau, code, naam in self._keten(buurt):
                    per_niveau[niveau].add(code)
                    namen.append(naam)
            filters = {niveau: self._gedeeld(codes) for niveau, codes in per_niveau.items()}
            deel = self._gebieddelen[buurten] = (filters, namen)
        return deel

    def _gedeeld(self, waarden: Iterable[str]) -> frozenset[str]:
        bevroren = frozenset(waarden)
        return self._sets.setdefault(bevroren, bevroren)

    def _is_vers(self, bevestigd: date | None) -> bool:
        # The directory decides what "confirmed recently" means; asked once per distinct date.
        vers = self._vers.get(bevestigd)
        if vers is None:
            vers = self._vers[bevestigd] = m.is_vers(bevestigd, self.vandaag)
        return vers

    def _keten(self, buurt: str | None) -> tuple[tuple[str, str, str], ...]:
        if not buurt:
            return ()
        keten = self._ketens.get(buurt)
        if keten is None:
            stappen = []
            code = buurt
            # (An area listed as lying in itself, however indirectly, must not hang the build.)
            while code and code in self.gebieden and len(stappen) < len(self.gebieden):
                naam, niveau, ouder = self.gebieden[code]
                stappen.append((niveau, code, naam))
                code = ouder
            keten = self._ketens[buurt] = tuple(stappen)
        return keten

    def _zorg_voor_gebieden(self, codes: set[str]) -> None:
        """Read the areas these codes name and every area above them, if not read yet."""
        ontbrekend = codes - self.gebieden.keys()
        while ontbrekend:
            # Each round climbs one level (buurt, wijk, gemeente), never more than a handful.
            gelezen = self._lees_gebieden(Gebied.objects.filter(code__in=ontbrekend))
            # Codes without a row stay unknown, as a dangling reference did before.
            ontbrekend = {ouder for _, _, ouder in gelezen if ouder} - self.gebieden.keys()

    def _lees_gebieden(self, queryset) -> list[tuple[str, str, str | None]]:
        gelezen = []
        for code, naam, niveau, ouder in queryset.order_by().values_list(
            "code", "naam", "niveau", "ouder_id"
        ):
            self.gebieden[code] = gelezen_rij = (naam, niveau, ouder)
            gelezen.append(gelezen_rij)
        return gelezen
