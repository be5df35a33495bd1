"""In-memory zoekindex voor de sociale kaart: vrije tekst, facetten en afstand.

Every document gets a small integer, its *nummer*. The index keeps numpy arrays indexed by or
holding those numbers, so a query costs a handful of vectorised operations over the documents
that match instead of a Python step per document:

* text: per stem a `_Postings` list, document numbers ascending with their BM25F term weight
  (field weight and length normalisation already applied, so a query only multiplies by idf
  and the match factor). `vervang` builds the lists in bulk; an edit zeroes the old entries in
  place and puts new ones in a small per-stem overlay that is merged once it grows;
* numbers: per named number (a listing's last change, say) one array of floats, NaN where a
  document has none; a lower bound on it (`vanaf`) is one comparison over that array;
* facets: per facet each document has one code for its *combination* of values (`_Facet`).
  For the facets a query counts or filters on, documents are grouped by their combinations
  over all those facets at once (`_Samenstelling`, made on first use, then kept up to date).
  Filtering and disjunctive counting then work on a histogram of those groups, which is tiny
  next to the number of documents; filters on facets with many values use a cached
  per-document mask instead;
* geo: all locations sorted by latitude (`_Geo`); a radius search takes a band with a binary
  search and measures only the locations inside the circle's bounding box;
* order: the live documents sorted by id and by (weight, name, id) (`_Volgorde`): positions in
  the first break ties, the second is the order of browsing without text;
* ``_woordenlijst`` is the sorted vocabulary (raw words and stems) for prefix lookups with
  bisect and for typo correction.
* removal: the documents themselves are not kept, only what taking one out again needs,
  per document number in one buffer each (`_Rijen`): its raw words as numbers into a word
  table, and its locations; and per field an array of its field lengths.

A query of several words finds every document matching at least one of them; `rangorde`
below is the one place that decides the default order of the results.

Public methods hold one lock, so queries and updates from several threads do not interfere.
"""

from __future__ import annotations

import math
import sys
import threading
from array import array
from bisect import bisect_left, insort
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from samenspel.areas.afstand import AARDSTRAAL_KM, afstand_km, afstanden_km
from samenspel.search.tekst import normaliseer, stam, tokens, zoekstammen

VELDGEWICHTEN: Mapping[str, float] = {
    "naam": 3.0,
    "trefwoorden": 2.0,
    "organisatie": 1.5,
    "omschrijving": 1.0,
}
STANDAARD_VELDGEWICHT = 1.0

# Score factors per kind of match, so an exact word always beats a compound that merely
# starts with it, which beats a guess at a typo.
EXACT = 1.0
PREFIX = 0.7
VAAG = 0.4
# A word found only through the synonym list (`search/data/synoniemen.txt`) counts as a match
# of the query word, but ranks below a listing with the word itself (see `rangorde`).
SYNONIEM = 0.5

MIN_PREFIXLENGTE = 3
# Very short stems ("eet" from "eten", "maak") would drag in unrelated compounds.
MIN_STAMPREFIXLENGTE = 5  # "maat" (from "maatje") must not find "maatschappelijk"
MIN_VAAGLENGTE = 4
LANG_WOORD = 8  # from this length two typos are tolerated instead of one

SORTERINGEN = ("relevantie", "afstand")
MAX_ZOEKWOORDEN = 12

# The default order with a place (postcode, buurt, browser location), see `rangorde`.
NABIJ_KM = 20.0
HALVE_NABIJHEID_KM = 5.0

_K1 = 1.2
_B = 0.75
# Half the earth's circumference: no two points are farther apart.
_HALVE_OMTREK_KM = math.pi * AARDSTRAAL_KM
# Up to this many results, sorting by distance measures them all in one pass; above it a
# growing circle finds the nearest ones without measuring the rest.
_DIRECT_MEETGRENS = 2_000
_EERSTE_ZOEKSTRAAL_KM = 5.0
# A filter on a facet with at most this many value combinations joins the facet groups
# (`_Samenstelling`); one with more would multiply the number of groups, so it gets a
# per-document mask instead.
_MAX_GROEPEERBAAR = 8
_MAX_SAMENSTELLINGEN = 16
_MAX_MASKERS = 32
_MAX_TERMEN = 4_096

# Document numbers in every array: numpy indexes fastest with its native index type.
_NUMMER = np.intp
_GEEN_NUMMERS = np.empty(0, _NUMMER)


@dataclass(frozen=True, slots=True)
class Document:
    """One listing as the index sees it."""

    id: str
    velden: Mapping[str, str]
    filters: Mapping[str, frozenset[str]]
    punten: tuple[tuple[float, float], ...] = ()
    gewicht: float = 1.0
    # Named numbers a query can set a lower bound on (`zoek(vanaf=...)`).
    getallen: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Indextreffer:
    """One result; ``afstand_km`` is None without a search point or without locations."""

    id: str
    score: float
    afstand_km: float | None


@dataclass(frozen=True, slots=True)
class Indexuitkomst:
    """A page of results, the total count, facet counts and the query terms as understood."""

    totaal: int
    treffers: list[Indextreffer]
    facetten: dict[str, dict[str, int]]
    termen: list[str]


@dataclass(frozen=True, slots=True)
class _Term:
    """A query word resolved against the vocabulary: which stems it matches, how well."""

    weergave: str
    stammen: Mapping[str, float]
    # The stems in `stammen` that only a synonym of the word matched.
    synoniemen: frozenset[str] = frozenset()


# A posting list to score: ascending document numbers, their term weights, and the factor
# (match factor times idf) that turns a weight into the word's score.
_Lijst = tuple[np.ndarray, np.ndarray, float]


class ZoekIndex:
    """In-memory inverted index over `Document`s with facets and geo search."""

    def __init__(self, synoniemen: Iterable[Iterable[str]] = ()) -> None:
        """`synoniemen`: groups of words that mean the same to someone searching."""
        # One lock around every public operation: a query must never see a half-applied `zet`,
        # and the lazily made structures are built by whichever query needs them first.
        self._slot = threading.RLock()
        self._synoniemen = _synoniemen_per_stam(synoniemen)
        self._leegmaken([])

    # A copy on disk (schijf.py) holds everything but the lock.
    def __getstate__(self) -> dict:
        with self._slot:
            return {k: v for k, v in self.__dict__.items() if k != "_slot"}

    def __setstate__(self, toestand: dict) -> None:
        self.__dict__.update(toestand)
        self._slot = threading.RLock()

    # -- mutation ---------------------------------------------------------------------------

    def vervang(self, documenten: Iterable[Document]) -> None:
        """Replace the whole index; with duplicate ids the last document wins."""
        per_id = {document.id: document for document in documenten}
        geanalyseerd = [(document, _veldtokens(document)) for document in per_id.values()]
        with self._slot:
            self._leegmaken([document for document, _ in geanalyseerd])
            # Average field lengths over the complete set first, so every document is
            # normalised against the same averages.
            for _, velden in geanalyseerd:
                self._tel_lengtes(_lengtes(velden), 1)
            self._bouw_tekst([velden for _, velden in geanalyseerd])
            self._bouw_facetten([document for document, _ in geanalyseerd])
            for nummer, (document, _) in enumerate(geanalyseerd):
                self._zet_getallen(nummer, document)
            self._geo = _Geo.bouw(
                (nummer, lat, lon)
                for nummer, (document, _) in enumerate(geanalyseerd)
                for lat, lon in document.punten
            )
            alle = range(len(self._ids))
            self._op_id = _Volgorde(alle, self._ids.__getitem__)
            self._op_gewicht = _Volgorde(alle, self._bladersleutels.__getitem__)

    def zet(self, document: Document) -> None:
        """Add a document, or fully replace the one with the same id."""
        velden = _veldtokens(document)
        bladersleutel = _bladersleutel(document)
        with self._slot:
            nummer = self._nummer.get(document.id)
            nieuw = nummer is None
            # Most edits keep weight and name: then the browse order needs no change at all.
            verschoven = nieuw or self._bladersleutels[nummer] != bladersleutel
            if nummer is None:
                nummer = self._nieuw_nummer()
            else:
                if verschoven:
                    self._op_gewicht.haal_weg(nummer)  # found by its old key, so first
                self._haal_weg(nummer)
            self._tel_lengtes(_lengtes(velden), 1)
            self._plaats(nummer, document, velden, bladersleutel)
            if nieuw:
                self._op_id.voeg_toe(nummer)
            if verschoven:
                self._op_gewicht.voeg_toe(nummer)

    def verwijder(self, id: str) -> None:
        """Remove a document; unknown ids are ignored."""
        with self._slot:
            nummer = self._nummer.get(id)
            if nummer is not None:
                self._op_id.haal_weg(nummer)
                self._op_gewicht.haal_weg(nummer)
                self._haal_weg(nummer)
                del self._nummer[id]
                self._ids[nummer] = ""
                self._vrij.append(nummer)

    def __len__(self) -> int:
        return len(self._nummer)

    def waarden(self, facet: str) -> list[str]:
        """Every value documents have had for a facet (those of removed ones included)."""
        with self._slot:
            gevonden = self._facetten.get(facet)
            return list(gevonden.waarden) if gevonden is not None else []

    def __contains__(self, id: object) -> bool:
        return id in self._nummer

    # -- search -----------------------------------------------------------------------------

    def zoek(
        self,
        tekst: str = "",
        *,
        filters: Mapping[str, Iterable[str]] | None = None,
        facetten: Iterable[str] = (),
        punt: tuple[float, float] | None = None,
        straal_km: float | None = None,
        sorteer: str = "relevantie",
        begin: int = 0,
        aantal: int = 20,
        vanaf: Mapping[str, float] | None = None,
    ) -> Indexuitkomst:
        """Search; see the module docstring and the tests for the exact semantics.

        An empty value list for a facet means "no filter on that facet". ``vanaf`` keeps only
        documents whose named number is at least the given one (a document without that
        number never passes). Without ``punt``,
        ``straal_km`` is ignored and ``sorteer="afstand"`` falls back to relevance. Only the
        first `MAX_ZOEKWOORDEN` words count: a document matching any of them is a result, and
        each costs work. The default order is `rangorde`'s.
        """
        if sorteer not in SORTERINGEN:
            raise ValueError(f"onbekende sortering: {sorteer!r}")
        if begin < 0 or aantal < 0:
            raise ValueError("begin en aantal mogen niet negatief zijn")
        woorden = list(dict.fromkeys(tokens(tekst)))[:MAX_ZOEKWOORDEN]
        gevraagd = list(dict.fromkeys(facetten))
        if punt is None:
            straal_km, sorteer = None, "relevantie"
        with self._slot:
            return self._zoek(
                woorden, filters or {}, gevraagd, punt, straal_km, sorteer, begin, aantal, vanaf
            )

    def _zoek(
        self,
        woorden: list[str],
        filters: Mapping[str, Iterable[str]],
        gevraagd: list[str],
        punt: tuple[float, float] | None,
        straal_km: float | None,
        sorteer: str,
        begin: int,
        aantal: int,
        vanaf: Mapping[str, float] | None = None,
    ) -> Indexuitkomst:
        termen = [self._interpreteer(woord) for woord in woorden]
        weergave = [term.weergave for term in termen]
        keuzes = _keuzes(filters)
        grenzen = dict(vanaf or {})
        if any(facet not in self._facetten for facet in keuzes) or any(
            naam not in self._getallen for naam in grenzen
        ):
            # No document ever had a value for that facet or number, so none passes.
            return Indexuitkomst(0, [], {facet: {} for facet in gevraagd}, weergave)

        plan = self._plan(keuzes, gevraagd)
        for naam, grens in grenzen.items():
            # Per query: a bound is a single comparison over one array, not worth caching.
            boven = self._getallen[naam] >= grens  # NaN (no number) compares False
            plan.masker = boven if plan.masker is None else plan.masker & boven
        # The candidates before the grouped filters: None stands for "every document", which
        # browsing without text or radius never has to list.
        selectie = self._selecteer(termen, plan.masker, punt, straal_km)
        if selectie is None:
            groepsaantallen = plan.tabel.aantal if plan.tabel is not None else None
        elif plan.tabel is not None:
            groepen = plan.tabel.groep.take(selectie.nummers)
            groepsaantallen = np.bincount(groepen, minlength=len(plan.tabel.aantal))
            if plan.alle_ok is not None:
                selectie.beperk(plan.alle_ok.take(groepen))
        else:
            groepsaantallen = None
        if termen:
            assert selectie is not None and selectie.scores is not None
            # The document weight last, so only for the documents that passed every filter.
            selectie.scores = selectie.scores * self._gewicht.take(selectie.nummers)
            if len(termen) == 1 and not termen[0].synoniemen:
                # Every result matches the one word by itself: nothing to rank on but scores.
                selectie.woorden = selectie.eigen = None
        tellingen = self._tel(plan, groepsaantallen, gevraagd)
        if selectie is not None:
            totaal = len(selectie)
        elif plan.alle_ok is not None:
            assert groepsaantallen is not None
            totaal = int(groepsaantallen[plan.alle_ok].sum())
        else:
            totaal = len(self)

        nodig = begin + aantal
        if punt is not None and sorteer == "afstand":
            nummers, scores, afstanden = self._op_afstand(
                selectie, plan, punt, straal_km is not None, bool(termen), nodig
            )
        elif punt is not None:
            nummers, scores, afstanden = self._met_plek(selectie, plan, punt, len(termen), nodig)
        elif selectie is not None:
            nummers, scores, afstanden = self._op_relevantie(selectie, len(termen), nodig)
        else:
            nummers = self._bladeren(plan, nodig)
            scores, afstanden = self._gewicht[nummers], None

        treffers = [
            Indextreffer(
                self._ids[nummer],
                float(scores[plek]),
                self._afstand_van(nummer, punt, None if afstanden is None else afstanden[plek]),
            )
            for plek, nummer in enumerate(nummers[begin:nodig].tolist(), start=begin)
        ]
        return Indexuitkomst(totaal=totaal, treffers=treffers, facetten=tellingen, termen=weergave)

    # -- internal: storage ------------------------------------------------------------------

    def _leegmaken(self, documenten: list[Document]) -> None:
        """Start over with these documents numbered in order (their text not yet indexed)."""
        # No document is kept: removing one again needs only its words, field lengths and
        # locations, kept per number in a few arrays (`_Rijen`) rather than 150,000 objects.
        self._ids = [document.id for document in documenten]
        self._nummer = {id: nummer for nummer, id in enumerate(self._ids)}
        # Per document its place in browsing without text: by weight, then alphabetical.
        self._bladersleutels = [_bladersleutel(document) for document in documenten]
        self._capaciteit = max(16, len(documenten))
        self._gewicht = np.zeros(self._capaciteit)
        self._gewicht[: len(documenten)] = [document.gewicht for document in documenten]
        self._vrij: list[int] = []  # numbers of removed documents, reused before growing
        self._postings: dict[str, _Postings] = {}
        self._ruw: dict[str, int] = {}  # raw word -> number of documents containing it
        # Each raw word in `_ruw` has a number; per document the numbers of its raw words.
        self._woordnummer: dict[str, int] = {}
        self._woordtabel: list[str] = []
        self._vrije_woordnummers: list[int] = []  # of words no document has any more
        self._woordrijen = _Rijen("i")
        # Per field the number of words each document has in it (0: the field is empty).
        self._veldlengtes: dict[str, np.ndarray] = {}
        # Per document its locations as (lat, lon, lat, lon, ...).
        self._punten = _Rijen("d")
        for nummer, document in enumerate(documenten):
            self._punten.zet(nummer, _plat(document.punten))
        self._woordenlijst: list[str] = []
        # Query words already resolved against this vocabulary (emptied when it changes).
        self._termen: dict[str, _Term] = {}
        self._facetten: dict[str, _Facet] = {}
        self._getallen: dict[str, np.ndarray] = {}
        self._samenstellingen: OrderedDict[tuple[str, ...], _Samenstelling] = OrderedDict()
        self._maskers: OrderedDict[tuple[str, frozenset[str]], np.ndarray] = OrderedDict()
        self._geo = _Geo.bouw(())
        self._lengtesom: Counter[str] = Counter()
        self._lengte_aantal: Counter[str] = Counter()
        self._op_id = _Volgorde((), self._ids.__getitem__)
        self._op_gewicht = _Volgorde((), self._bladersleutels.__getitem__)

    def _bouw_tekst(self, per_document: list[dict[str, list[str]]]) -> None:
        """Bulk postings: gather every list in Python, then convert each to arrays once."""
        verzameld: dict[str, tuple[list[int], list[float]]] = {}
        woordnummer, tabel = self._woordnummer, self._woordtabel
        per_veld: dict[str, list[int]] = {}
        for nummer, velden in enumerate(per_document):
            for stamwoord, gewicht in self._termgewichten(velden).items():
                lijst = verzameld.get(stamwoord)
                if lijst is None:
                    lijst = verzameld[stamwoord] = ([], [])
                lijst[0].append(nummer)
                lijst[1].append(gewicht)
            rij = []
            for woord in {woord for woorden in velden.values() for woord in woorden}:
                nr = woordnummer.get(woord)
                if nr is None:
                    nr = woordnummer[woord] = len(tabel)
                    tabel.append(woord)
                rij.append(nr)
            self._woordrijen.zet(nummer, rij)
            for veld, woorden in velden.items():
                lengtes = per_veld.get(veld)
                if lengtes is None:
                    lengtes = per_veld[veld] = [0] * len(per_document)
                lengtes[nummer] = len(woorden)
        self._postings = {
            stamwoord: _Postings(np.array(nummers, _NUMMER), np.array(gewichten))
            for stamwoord, (nummers, gewichten) in verzameld.items()
        }
        # A document holds each of its words once: counting the numbers counts documents.
        # (A view, not a copy: gone again before the buffer may grow.)
        woorden = np.frombuffer(self._woordrijen.waarden, np.int32)
        aantallen = np.bincount(woorden, minlength=len(tabel)).tolist()
        del woorden
        self._ruw = dict(zip(tabel, aantallen, strict=True))
        for veld, lengtes in per_veld.items():
            self._veldlengte(veld)[: len(lengtes)] = lengtes
        self._woordenlijst = sorted(self._postings.keys() | self._ruw.keys())

    def _bouw_facetten(self, documenten: list[Document]) -> None:
        for nummer, document in enumerate(documenten):
            for facet, waarden in document.filters.items():
                if waarden:
                    self._facet(facet).zet(nummer, frozenset(waarden))

    def _zet_getallen(self, nummer: int, document: Document) -> None:
        for naam, waarde in document.getallen.items():
            getallen = self._getallen.get(naam)
            if getallen is None:
                getallen = self._getallen[naam] = np.full(self._capaciteit, np.nan)
            getallen[nummer] = waarde

    def _facet(self, naam: str) -> _Facet:
        facet = self._facetten.get(naam)
        if facet is None:
            facet = self._facetten[naam] = _Facet(self._capaciteit)
        return facet

    def _veldlengte(self, veld: str) -> np.ndarray:
        lengtes = self._veldlengtes.get(veld)
        if lengtes is None:
            lengtes = self._veldlengtes[veld] = np.zeros(self._capaciteit, np.int32)
        return lengtes

    def _tel_lengtes(self, lengtes: Mapping[str, int], richting: int) -> None:
        for veld, lengte in lengtes.items():
            self._lengtesom[veld] += richting * lengte
            self._lengte_aantal[veld] += richting

    def _nieuw_nummer(self) -> int:
        if self._vrij:
            return self._vrij.pop()
        nummer = len(self._ids)
        self._ids.append("")
        self._bladersleutels.append((0.0, "", ""))
        if nummer >= self._capaciteit:
            self._vergroot(2 * self._capaciteit)
        return nummer

    def _vergroot(self, capaciteit: int) -> None:
        """Make room in every per-document array (doubling, so growth is amortised)."""
        self._capaciteit = capaciteit
        self._gewicht = _verlengd(self._gewicht, capaciteit)
        for facet in self._facetten.values():
            facet.codes = _verlengd(facet.codes, capaciteit)
        for tabel in self._samenstellingen.values():
            tabel.groep = _verlengd(tabel.groep, capaciteit)
        for sleutel, masker in self._maskers.items():
            self._maskers[sleutel] = _verlengd(masker, capaciteit)
        for naam, getallen in self._getallen.items():
            self._getallen[naam] = _verlengd(getallen, capaciteit, np.nan)
        for veld, lengtes in self._veldlengtes.items():
            self._veldlengtes[veld] = _verlengd(lengtes, capaciteit)

    def _plaats(
        self,
        nummer: int,
        document: Document,
        velden: Mapping[str, list[str]],
        bladersleutel: tuple[float, str, str],
    ) -> None:
        self._ids[nummer] = document.id
        self._nummer[document.id] = nummer
        self._gewicht[nummer] = document.gewicht
        self._bladersleutels[nummer] = bladersleutel

        for stamwoord, gewicht in self._termgewichten(velden).items():
            postings = self._postings.get(stamwoord)
            if postings is None:
                postings = self._postings[stamwoord] = _Postings(_GEEN_NUMMERS, np.empty(0))
                self._termen.clear()
                if stamwoord not in self._ruw:
                    insort(self._woordenlijst, stamwoord)
            postings.voeg_toe(nummer, gewicht)
        woorden = {woord for woorden in velden.values() for woord in woorden}
        for woord in woorden:
            if woord in self._ruw:
                self._ruw[woord] += 1
            else:
                self._ruw[woord] = 1
                self._termen.clear()
                if woord not in self._postings:
                    insort(self._woordenlijst, woord)
                if self._vrije_woordnummers:
                    nr = self._vrije_woordnummers.pop()
                    self._woordtabel[nr] = woord
                else:
                    nr = len(self._woordtabel)
                    self._woordtabel.append(woord)
                self._woordnummer[woord] = nr
        self._woordrijen.zet(nummer, [self._woordnummer[woord] for woord in woorden])
        for veld, veldwoorden in velden.items():
            self._veldlengte(veld)[nummer] = len(veldwoorden)

        for facet, waarden in document.filters.items():
            if waarden:
                self._facet(facet).zet(nummer, frozenset(waarden))
        for tabel in self._samenstellingen.values():
            tabel.voeg_toe(nummer)
        for (facet, gekozen), masker in self._maskers.items():
            masker[nummer] = not gekozen.isdisjoint(document.filters.get(facet, ()))
        self._zet_getallen(nummer, document)
        self._punten.zet(nummer, _plat(document.punten))
        if document.punten:
            self._geo.voeg_toe(nummer, document.punten)

    def _haal_weg(self, nummer: int) -> None:
        """Undo `_plaats`, from what is kept per document number."""
        self._haal_tekst_weg(nummer)
        for tabel in self._samenstellingen.values():
            tabel.haal_weg(nummer)
        # A document has code 0, False and NaN wherever it has no value (numbers are only
        # reused after this), so clearing every facet, mask and number clears just its own.
        for facet in self._facetten.values():
            facet.codes[nummer] = 0
        for masker in self._maskers.values():
            masker[nummer] = False
        for getallen in self._getallen.values():
            getallen[nummer] = np.nan
        punten = self._punten_van(nummer)
        if punten:
            self._geo.haal_weg(nummer, punten)
        self._punten.zet(nummer, ())

    def _haal_tekst_weg(self, nummer: int) -> None:
        lengtes = {}
        for veld, per_document in self._veldlengtes.items():
            if per_document[nummer]:
                lengtes[veld] = int(per_document[nummer])
                per_document[nummer] = 0
        self._tel_lengtes(lengtes, -1)
        woorden = [self._woordtabel[nr] for nr in self._woordrijen[nummer]]
        self._woordrijen.zet(nummer, ())
        for stamwoord in {stam(woord) for woord in woorden}:
            postings = self._postings[stamwoord]
            postings.haal_weg(nummer)
            if not len(postings):
                del self._postings[stamwoord]
                self._termen.clear()
                if stamwoord not in self._ruw:
                    self._schrap_woord(stamwoord)
        for woord in woorden:
            self._ruw[woord] -= 1
            if not self._ruw[woord]:
                del self._ruw[woord]
                nr = self._woordnummer.pop(woord)
                self._woordtabel[nr] = ""
                self._vrije_woordnummers.append(nr)
                self._termen.clear()
                if woord not in self._postings:
                    self._schrap_woord(woord)

    def _schrap_woord(self, woord: str) -> None:
        plek = bisect_left(self._woordenlijst, woord)
        if plek < len(self._woordenlijst) and self._woordenlijst[plek] == woord:
            del self._woordenlijst[plek]

    def _termgewichten(self, velden: Mapping[str, list[str]]) -> dict[str, float]:
        """BM25F: field-weighted, length-normalised term frequency, then saturated."""
        # Averages are those of the moment the document is added; `vervang` recomputes them
        # for everything, single edits only for the edited document. Close enough for ranking.
        frequentie: defaultdict[str, float] = defaultdict(float)
        for veld, woorden in velden.items():
            gemiddeld = self._lengtesom[veld] / self._lengte_aantal[veld]
            normalisatie = 1 - _B + _B * len(woorden) / gemiddeld
            bijdrage = VELDGEWICHTEN.get(veld, STANDAARD_VELDGEWICHT) / normalisatie
            for woord in woorden:
                frequentie[stam(woord)] += bijdrage
        return {stamwoord: _verzadigd(tf) for stamwoord, tf in frequentie.items()}

    # -- internal: query terms --------------------------------------------------------------

    def _interpreteer(self, woord: str) -> _Term:
        """Resolve a query word: exact stem, else prefix, else typo correction; and its
        synonyms, below all of those."""
        term = self._termen.get(woord)
        if term is not None:
            return term
        stammen = self._stammen_voor(woord)
        if not stammen and len(woord) >= MIN_VAAGLENGTE:
            # Not kept: which correction is shown depends on how often words occur.
            return self._met_synoniemen(woord, self._vaag(woord))
        term = self._met_synoniemen(woord, _Term(woord, stammen))
        if len(self._termen) >= _MAX_TERMEN:
            self._termen.clear()  # query words are user input: bounded
        self._termen[woord] = term
        return term

    def _met_synoniemen(self, woord: str, term: _Term) -> _Term:
        synoniem: dict[str, float] = {}
        for ander in self._synoniemen_van(woord):
            for stamwoord, factor in self._stammen_voor(ander).items():
                if stamwoord not in term.stammen:
                    _minstens(synoniem, stamwoord, SYNONIEM * factor)
        if not synoniem:
            return term
        alle = {**term.stammen, **synoniem}
        return _Term(term.weergave, alle, frozenset(synoniem))

    def _synoniemen_van(self, woord: str) -> frozenset[str]:
        gevonden: set[str] = set()
        for stamwoord in zoekstammen(woord):
            gevonden |= self._synoniemen.get(stamwoord, frozenset())
        gevonden.discard(woord)
        return frozenset(gevonden)

    def _stammen_voor(self, woord: str) -> dict[str, float]:
        """The stems a word matches by itself: exactly (its stem) or as a prefix."""
        eigen, *alternatieven = zoekstammen(woord)
        stammen: dict[str, float] = {}
        if eigen in self._postings:
            stammen[eigen] = EXACT
        for alternatief in alternatieven:
            if alternatief in self._postings:
                _minstens(stammen, alternatief, PREFIX)

        if len(woord) >= MIN_PREFIXLENGTE:
            # Dutch glues words together ("taalcafé", "moestuin"), so the raw word and its
            # stems are also matched as the start of longer words.
            stammen_lang_genoeg = [
                s for s in (eigen, *alternatieven) if len(s) >= MIN_STAMPREFIXLENGTE
            ]
            for begin in dict.fromkeys([woord, *stammen_lang_genoeg]):
                for kandidaat in self._beginnend_met(begin):
                    for stamwoord in self._stammen_van(kandidaat):
                        _minstens(stammen, stamwoord, PREFIX)
        return stammen

    def _vaag(self, woord: str) -> _Term:
        """Typo tolerance: every vocabulary word within a small Levenshtein distance."""
        maximum = 1 if len(woord) < LANG_WOORD else 2
        gevonden = process.extract(
            woord,
            self._woordenlijst,
            scorer=Levenshtein.distance,
            score_cutoff=maximum,
            limit=None,
        )
        stammen: dict[str, float] = {}
        for kandidaat, _, _ in gevonden:
            for stamwoord in self._stammen_van(kandidaat):
                stammen[stamwoord] = VAAG
        if not gevonden:
            return _Term(woord, stammen)
        # For "bedoelde u": the closest real word (not a bare stem), the most common one first.
        beste = min(
            gevonden,
            key=lambda t: (t[1], t[0] not in self._ruw, -self._ruw.get(t[0], 0), t[0]),
        )
        return _Term(beste[0], stammen)

    def _beginnend_met(self, begin: str) -> Iterator[str]:
        lijst = self._woordenlijst
        plek = bisect_left(lijst, begin)
        while plek < len(lijst) and lijst[plek].startswith(begin):
            yield lijst[plek]
            plek += 1

    def _stammen_van(self, woord: str) -> list[str]:
        """The indexed stems a vocabulary entry stands for (it may be a stem, a word or both)."""
        stammen = [woord] if woord in self._postings else []
        if woord in self._ruw:
            stammen.append(stam(woord))
        return stammen

    def _lijsten_per_soort(self, term: _Term) -> tuple[list[_Lijst], list[_Lijst]]:
        """The posting lists of a term's stems, each with the factor for its scores: those
        of the word itself, and those of its synonyms."""
        totaal = len(self)
        lijsten: list[_Lijst] = []
        synoniem: list[_Lijst] = []
        for stamwoord, factor in term.stammen.items():
            postings = self._postings[stamwoord]
            schaal = factor * _idf(totaal, len(postings))
            doel = synoniem if stamwoord in term.synoniemen else lijsten
            doel.extend((nummers, gewichten, schaal) for nummers, gewichten in postings.delen())
        return lijsten, synoniem

    # -- internal: matching -----------------------------------------------------------------

    def _selecteer(
        self,
        termen: list[_Term],
        masker: np.ndarray | None,
        punt: tuple[float, float] | None,
        straal_km: float | None,
    ) -> _Selectie | None:
        """The documents passing radius, text and masked filters; None if none of them apply."""
        selectie = None
        if punt is not None and straal_km is not None:
            nummers, afstanden = self._geo.binnen(
                punt, straal_km, None if masker is None else masker.__getitem__
            )
            selectie = _Selectie(nummers, afstanden=afstanden)
        if termen:
            return self._tekstmatch(termen, selectie, masker)
        if selectie is None and masker is not None:
            selectie = _Selectie(np.flatnonzero(masker).astype(_NUMMER))
        return selectie

    def _tekstmatch(
        self, termen: list[_Term], selectie: _Selectie | None, masker: np.ndarray | None
    ) -> _Selectie:
        """The documents matching ANY term, each with its summed term scores, how many terms
        it matches, and how many of those by the word itself (not only by a synonym)."""
        if selectie is not None:
            # A radius gave the candidates: look each term up for them.
            kandidaten = selectie.nummers
            scores = np.zeros(len(kandidaten))
            woorden = np.zeros(len(kandidaten), np.int64)
            eigen = np.zeros(len(kandidaten), np.int64)
            for term in termen:  # in query order, so sums do not depend on the route
                zelf, synoniem = self._lijsten_per_soort(term)
                if not zelf and not synoniem:
                    continue
                termscores = _opzoeken(kandidaten, zelf, self._capaciteit)
                eigen += termscores > 0
                if synoniem:
                    termscores = np.maximum(
                        termscores, _opzoeken(kandidaten, synoniem, self._capaciteit)
                    )
                scores += termscores
                woorden += termscores > 0
            selectie.scores, selectie.woorden, selectie.eigen = scores, woorden, eigen
            selectie.beperk(woorden > 0)
            return selectie

        per_term = []
        for term in termen:
            zelf, synoniem = self._lijsten_per_soort(term)
            if synoniem:
                per_term.append(_samen(zelf, synoniem, self._capaciteit))
            else:
                nummers, termscores = _verzamel(zelf, self._capaciteit)
                per_term.append((nummers, termscores, np.ones(len(nummers), np.int64)))
        nummers, scores, woorden, eigen = _optellen(per_term, self._capaciteit)
        selectie = _Selectie(nummers, scores=scores)
        selectie.woorden, selectie.eigen = woorden, eigen
        if masker is not None:
            selectie.beperk(masker.take(nummers))
        return selectie

    # -- internal: filters and facets -------------------------------------------------------

    def _plan(self, keuzes: Mapping[str, frozenset[str]], gevraagd: list[str]) -> _Plan:
        """Decide how each filter is applied and prepare the per-group tables."""
        gegroepeerd = {facet for facet in gevraagd if facet in self._facetten}
        gegroepeerd.update(
            facet
            for facet in keuzes
            if facet in gevraagd or len(self._facetten[facet].combinaties) <= _MAX_GROEPEERBAAR
        )
        maskers = [
            self._masker(f, gekozen) for f, gekozen in keuzes.items() if f not in gegroepeerd
        ]
        masker = np.logical_and.reduce(maskers) if len(maskers) > 1 else next(iter(maskers), None)
        if not gegroepeerd:
            return _Plan(None, {}, {}, None, masker)

        facetten = tuple(sorted(gegroepeerd))
        tabel = self._samenstelling(facetten)
        kolommen = {facet: kolom for kolom, facet in enumerate(facetten)}
        ok = {
            facet: self._facetten[facet].ok(gekozen)[tabel.codes[kolommen[facet]]]
            for facet, gekozen in keuzes.items()
            if facet in kolommen
        }
        alle_ok = np.logical_and.reduce(list(ok.values())) if ok else None
        return _Plan(tabel, kolommen, ok, alle_ok, masker)

    def _samenstelling(self, facetten: tuple[str, ...]) -> _Samenstelling:
        tabel = self._samenstellingen.get(facetten)
        if tabel is None:
            if len(self._samenstellingen) >= _MAX_SAMENSTELLINGEN:
                self._samenstellingen.popitem(last=False)
            tabel = _Samenstelling([self._facetten[f] for f in facetten], self._op_id.nummers)
            self._samenstellingen[facetten] = tabel
        else:
            self._samenstellingen.move_to_end(facetten)
        return tabel

    def _masker(self, facet: str, gekozen: frozenset[str]) -> np.ndarray:
        """Per document: does it have any of the chosen values (kept up to date by edits)."""
        sleutel = (facet, gekozen)
        masker = self._maskers.get(sleutel)
        if masker is None:
            if len(self._maskers) >= _MAX_MASKERS:
                self._maskers.popitem(last=False)
            facet_ = self._facetten[facet]
            masker = self._maskers[sleutel] = facet_.ok(gekozen)[facet_.codes]
        else:
            self._maskers.move_to_end(sleutel)
        return masker

    def _tel(
        self, plan: _Plan, groepsaantallen: np.ndarray | None, gevraagd: list[str]
    ) -> dict[str, dict[str, int]]:
        """Disjunctive facet counts: each facet ignores its own filter, not the others."""
        tellingen = {}
        for facet in gevraagd:
            kolom = plan.kolommen.get(facet)
            if kolom is None or groepsaantallen is None or plan.tabel is None:
                tellingen[facet] = {}  # no document has a value for it
                continue
            if facet in plan.ok:
                andere = [ok for f, ok in plan.ok.items() if f != facet]
                domein = np.logical_and.reduce(andere) if andere else None
            else:
                domein = plan.alle_ok
            aantallen = groepsaantallen if domein is None else groepsaantallen * domein
            tellingen[facet] = self._facetten[facet].tel(plan.tabel.codes[kolom], aantallen)
        return tellingen

    # -- internal: ordering -----------------------------------------------------------------

    def _op_relevantie(
        self, selectie: _Selectie, termen: int, nodig: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Without a place: `rangorde` with text, else by (weight desc, name, id)."""
        nummers = selectie.nummers
        if termen:
            assert selectie.scores is not None
            scores = selectie.scores
            id_rang = self._op_id.rang(self._capaciteit)
            laag = _tekstlaag(selectie.woorden, selectie.eigen, termen)
            keus = _beste(laag, -scores, nodig, lambda plekken: [id_rang[nummers[plekken]]])
        else:
            scores = self._gewicht[nummers]
            keus = _kleinste(self._op_gewicht.rang(self._capaciteit)[nummers], nodig)
        afstanden = selectie.afstanden
        return nummers[keus], scores[keus], None if afstanden is None else afstanden[keus]

    def _met_plek(
        self,
        selectie: _Selectie | None,
        plan: _Plan,
        punt: tuple[float, float],
        termen: int,
        nodig: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The default order with a place: `rangorde`, measuring as little as it can."""
        if selectie is not None and selectie.afstanden is not None:
            # A radius measured every candidate already.
            nummers, afstanden = selectie.nummers, selectie.afstanden
        else:
            toets = self._toets(selectie, plan)
            # Fewer results than the page holds: they cannot all be nearby, so measure them all
            # at once; otherwise the nearby ones usually fill the page by themselves.
            alle_meten = selectie is not None and len(selectie) <= nodig
            nummers, afstanden = self._geo.binnen(punt, math.inf if alle_meten else NABIJ_KM, toets)
            if alle_meten or len(nummers) < nodig:
                # Too few nearby to fill the page: the rest come from farther away or from
                # nowhere in particular, so every result is measured.
                if not alle_meten:
                    nummers, afstanden = self._geo.binnen(punt, math.inf, toets)
                if selectie is not None:
                    alle = selectie.nummers
                else:
                    alle = np.sort(self._op_id.nummers)
                    if toets is not None:
                        alle = alle[toets(alle)]
                volledig = np.full(len(alle), math.inf)
                volledig[np.searchsorted(alle, nummers)] = afstanden
                nummers, afstanden = alle, volledig
        if termen:
            assert selectie is not None and selectie.scores is not None
            plekken = np.searchsorted(selectie.nummers, nummers)
            scores = selectie.scores[plekken]
            woorden = None if selectie.woorden is None else selectie.woorden[plekken]
            eigen = None if selectie.eigen is None else selectie.eigen[plekken]
            laag = _tekstlaag(woorden, eigen, termen)
            rang = self._op_id.rang(self._capaciteit)
        else:
            scores = self._gewicht[nummers]
            laag = None
            rang = self._op_gewicht.rang(self._capaciteit)
        laag, sleutel = rangorde(laag, scores, afstanden, termen)
        keus = _beste(
            laag, sleutel, nodig, lambda plekken: [afstanden[plekken], rang[nummers[plekken]]]
        )
        return nummers[keus], scores[keus], afstanden[keus]

    def _toets(
        self, selectie: _Selectie | None, plan: _Plan
    ) -> Callable[[np.ndarray], np.ndarray] | None:
        """Per document number: is it one of the results (None: every document is)."""
        if selectie is not None:
            lid = np.zeros(self._capaciteit, bool)
            lid[selectie.nummers] = True
            return lid.__getitem__
        return _groepstoets(plan) if plan.alle_ok is not None else None

    def _bladeren(self, plan: _Plan, nodig: int) -> np.ndarray:
        """The first documents in browse order that pass the grouped filters."""
        volgorde = self._op_gewicht.nummers
        if plan.alle_ok is None:
            return volgorde[:nodig]
        past = _groepstoets(plan)
        # Walk the global order in growing blocks: a broad filter stops after the first block.
        gevonden: list[np.ndarray] = []
        aantal = begin = 0
        blok = max(1_024, 4 * nodig)
        while aantal < nodig and begin < len(volgorde):
            deel = volgorde[begin : begin + blok]
            deel = deel[past(deel)]
            gevonden.append(deel)
            aantal += len(deel)
            begin += blok
            blok *= 4
        return np.concatenate(gevonden)[:nodig] if gevonden else _GEEN_NUMMERS

    def _op_afstand(
        self,
        selectie: _Selectie | None,
        plan: _Plan,
        punt: tuple[float, float],
        met_straal: bool,
        tekst: bool,
        nodig: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """By (distance, score desc, id); documents without locations last."""
        if met_straal:
            assert selectie is not None and selectie.afstanden is not None
            nummers, afstanden = selectie.nummers, selectie.afstanden
        else:
            nummers, afstanden = self._dichtstbij(punt, selectie, plan, nodig)
        if tekst:
            assert selectie is not None and selectie.scores is not None
            scores = selectie.scores[np.searchsorted(selectie.nummers, nummers)]
        else:
            scores = self._gewicht[nummers]
        id_rang = self._op_id.rang(self._capaciteit)
        keus = _kleinste(
            afstanden, nodig, lambda plekken: [-scores[plekken], id_rang[nummers[plekken]]]
        )
        return nummers[keus], scores[keus], afstanden[keus]

    def _dichtstbij(
        self, punt: tuple[float, float], selectie: _Selectie | None, plan: _Plan, nodig: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Distances for at least the `nodig` nearest results (infinite without locations)."""
        toets = self._toets(selectie, plan)

        if selectie is not None and len(selectie) <= _DIRECT_MEETGRENS:
            nummers, afstanden = self._geo.binnen(punt, math.inf, toets)
        else:
            # Grow a circle until it holds enough results: everything outside is farther away
            # than everything inside, so the first `nodig` are among those inside.
            straal = _EERSTE_ZOEKSTRAAL_KM
            while True:
                if straal >= _HALVE_OMTREK_KM:
                    straal = math.inf  # the whole earth
                nummers, afstanden = self._geo.binnen(punt, straal, toets)
                if len(nummers) >= nodig or math.isinf(straal):
                    break
                straal *= 2
        if len(nummers) >= nodig:
            return nummers, afstanden
        # Not enough located results: every result counts, those without location at the end.
        if selectie is not None:
            alle = selectie.nummers
        else:
            alle = np.sort(self._op_id.nummers)
            if toets is not None:
                alle = alle[toets(alle)]
        volledig = np.full(len(alle), math.inf)
        volledig[np.searchsorted(alle, nummers)] = afstanden
        return alle, volledig

    # -- internal: geo ----------------------------------------------------------------------

    def _punten_van(self, nummer: int) -> tuple[tuple[float, float], ...]:
        plat = self._punten[nummer]
        return tuple(zip(plat[::2], plat[1::2], strict=True))

    def _afstand_van(
        self, nummer: int, punt: tuple[float, float] | None, bekend: float | None
    ) -> float | None:
        if punt is None:
            return None
        if bekend is None:
            punten = self._punten_van(nummer)
            bekend = min((afstand_km(punt, plek) for plek in punten), default=math.inf)
        return None if math.isinf(bekend) else float(bekend)


# -- the default order ----------------------------------------------------------------------


def rangorde(
    laag: np.ndarray | None, scores: np.ndarray, afstanden: np.ndarray, termen: int
) -> tuple[np.ndarray, np.ndarray]:
    """The default order with a place given: (layer, key), both smallest first.

    1. Nearby first: results within `NABIJ_KM` of the place, then results without any
       location (often a phone line or an online service, there for anyone), then the rest.
       So a result a few kilometres away always comes before one in another city.
    2. Within each of those, listings matching more of the query words come first, and of
       equally many, those matching more by the word itself rather than by a synonym
       (`_tekstlaag`, the order without a place too).
    3. Then by relevance times nearness, nearness being 1 at the place itself, 1/2 at
       `HALVE_NABIJHEID_KM` and 1/3 at twice that: among similar matches the nearest come
       first, but a much better match may come before a slightly nearer one. Without text
       the relevance is the listing's weight (lower for listings not confirmed lately).
    4. Remaining ties: the nearest, then a fixed order (id, or name without text).
    """
    band = np.where(afstanden <= NABIJ_KM, 0, np.where(np.isinf(afstanden), 1, 2))
    lagen = (termen + 1) ** 2
    laag = band * lagen if laag is None else band * lagen + laag
    nabijheid = np.where(
        np.isinf(afstanden), 1.0, HALVE_NABIJHEID_KM / (HALVE_NABIJHEID_KM + afstanden)
    )
    return laag, -(scores * nabijheid)


def _tekstlaag(
    woorden: np.ndarray | None, eigen: np.ndarray | None, termen: int
) -> np.ndarray | None:
    """Step 2 of `rangorde` as one small number, smallest first: more words matched, then
    more matched by the word itself. None when every result matches every word itself."""
    if woorden is None or eigen is None:
        return None
    return (termen - woorden) * (termen + 1) + (woorden - eigen)


def _beste(
    laag: np.ndarray | None,
    sleutel: np.ndarray,
    nodig: int,
    verder: Callable[[np.ndarray], list[np.ndarray]] = lambda plekken: [],
) -> np.ndarray:
    """Positions of the `nodig` smallest by (laag, sleutel, *verder), in order; `laag` holds
    small non-negative integers."""
    if laag is None or not len(laag) or nodig <= 0:
        return _kleinste(sleutel, nodig, verder)
    aantallen = np.bincount(laag)
    grens = int(np.searchsorted(np.cumsum(aantallen), nodig))
    if grens >= len(aantallen):
        grens = len(aantallen) - 1
    zeker = np.flatnonzero(laag < grens)
    rand = np.flatnonzero(laag == grens)
    gekozen = rand[_kleinste(sleutel[rand], nodig - len(zeker), lambda p: verder(rand[p]))]
    samen = np.concatenate([zeker, gekozen])
    volgorde = np.lexsort([*reversed(verder(samen)), sleutel[samen], laag[samen]])
    return samen[volgorde][:nodig]


# -- search state ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    """How one query filters: grouped facets (per group) and the rest (per document)."""

    tabel: _Samenstelling | None
    kolommen: dict[str, int]  # facet -> its row in `tabel.codes`
    ok: dict[str, np.ndarray]  # filtered facet -> per group: passes that filter
    alle_ok: np.ndarray | None  # per group: passes every grouped filter
    masker: np.ndarray | None  # per document: passes every filter outside the groups


class _Selectie:
    """Candidate documents in ascending number order, with values aligned to them."""

    __slots__ = ("nummers", "afstanden", "scores", "woorden", "eigen")

    def __init__(
        self,
        nummers: np.ndarray,
        *,
        afstanden: np.ndarray | None = None,
        scores: np.ndarray | None = None,
    ) -> None:
        self.nummers = nummers
        self.afstanden = afstanden
        self.scores = scores
        # With text: per candidate how many query words it matches, and how many of those by
        # the word itself rather than only by a synonym (None: all of them, always).
        self.woorden: np.ndarray | None = None
        self.eigen: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.nummers)

    def beperk(self, keus: np.ndarray) -> None:
        """Keep the candidates selected by a boolean mask or by ascending positions."""
        if keus.dtype == bool:
            # Positions first: numpy finds them without a branch per element, and `take` is
            # much faster than indexing with a mask, once per aligned array.
            keus = np.flatnonzero(keus)
        self.nummers = self.nummers.take(keus)
        if self.afstanden is not None:
            self.afstanden = self.afstanden.take(keus)
        if self.scores is not None:
            self.scores = self.scores.take(keus)
        if self.woorden is not None:
            self.woorden = self.woorden.take(keus)
        if self.eigen is not None:
            self.eigen = self.eigen.take(keus)


def _groepstoets(plan: _Plan) -> Callable[[np.ndarray], np.ndarray]:
    """Per document number: does its group pass the grouped filters."""
    assert plan.tabel is not None and plan.alle_ok is not None
    groep, alle_ok = plan.tabel.groep, plan.alle_ok
    return lambda nummers: alle_ok[groep[nummers]]


# -- storage classes ------------------------------------------------------------------------


class _Postings:
    """One stem's postings: ascending document numbers with their term weights.

    Built in bulk by `vervang`. An edit must not rewrite a long sorted array, so removing a
    document zeroes its weight in place (real weights are never zero) and adding one goes into
    `extra`; once those make up a fair part of the list, everything is merged back into sorted
    arrays, which keeps the cost per edit small and constant on average.
    """

    __slots__ = ("nummers", "gewichten", "nullen", "extra", "_extra_lijst")

    def __init__(self, nummers: np.ndarray, gewichten: np.ndarray) -> None:
        self.nummers = nummers
        self.gewichten = gewichten
        self.nullen = 0
        self.extra: dict[int, float] = {}
        self._extra_lijst: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.nummers) - self.nullen + len(self.extra)

    def voeg_toe(self, nummer: int, gewicht: float) -> None:
        self.extra[nummer] = gewicht
        self._extra_lijst = None
        self._misschien_samenvoegen()

    def haal_weg(self, nummer: int) -> None:
        if nummer in self.extra:
            del self.extra[nummer]
            self._extra_lijst = None
        else:
            plek = self.nummers.searchsorted(nummer)
            assert self.nummers[plek] == nummer
            self.gewichten[plek] = 0.0
            self.nullen += 1
            self._misschien_samenvoegen()

    def delen(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(numbers, weights) pairs, each ascending by number; zero weights do not match."""
        delen = [(self.nummers, self.gewichten)] if len(self.nummers) else []
        if self.extra:
            delen.append(self._extra_arrays())
        return delen

    def _extra_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        if self._extra_lijst is None:
            nummers = np.fromiter(self.extra.keys(), _NUMMER, len(self.extra))
            gewichten = np.fromiter(self.extra.values(), float, len(self.extra))
            volgorde = np.argsort(nummers)
            self._extra_lijst = (nummers[volgorde], gewichten[volgorde])
        return self._extra_lijst

    def _misschien_samenvoegen(self) -> None:
        # Merging costs a pass over the list; the overlay costs every query a little more
        # and must be converted after each edit. A sixty-fourth balances the two.
        if self.nullen + len(self.extra) <= len(self.nummers) // 64 + 64:
            return
        houd = self.gewichten > 0
        nummers, gewichten = self._extra_arrays() if self.extra else (_GEEN_NUMMERS, np.empty(0))
        nummers = np.concatenate([self.nummers[houd], nummers])
        gewichten = np.concatenate([self.gewichten[houd], gewichten])
        volgorde = np.argsort(nummers, kind="stable")  # two sorted runs: a merge
        self.nummers, self.gewichten = nummers[volgorde], gewichten[volgorde]
        self.nullen = 0
        self.extra = {}
        self._extra_lijst = None


class _Rijen:
    """Per document number a short row of numbers (its words, its locations), in one buffer.

    A row per document as an object of its own would be 150,000 objects to keep and to load
    from the copy on disk; here it is a start and a length in two arrays. A row that is
    replaced stays behind unused until that unused part outgrows the rest, then the buffer
    is rewritten without it, so an edit costs little on average.
    """

    __slots__ = ("waarden", "begin", "lengte", "los")

    def __init__(self, soort: str) -> None:
        self.waarden = array(soort)
        self.begin = array("q")
        self.lengte = array("i")
        self.los = 0  # how many values belong to no row any more

    def __getitem__(self, nummer: int) -> array:
        begin = self.begin[nummer]
        return self.waarden[begin : begin + self.lengte[nummer]]

    def zet(self, nummer: int, rij: Sequence[float]) -> None:
        while len(self.begin) <= nummer:
            self.begin.append(0)
            self.lengte.append(0)
        self.los += self.lengte[nummer]
        self.begin[nummer] = len(self.waarden)
        self.lengte[nummer] = len(rij)
        self.waarden.extend(rij)
        if self.los > len(self.waarden) // 2 + 1_024:
            self._opruimen()

    def _opruimen(self) -> None:
        lengte = np.array(self.lengte, np.int64)
        begin = np.cumsum(lengte) - lengte
        verschuiving = np.array(self.begin, np.int64) - begin
        plekken = np.repeat(verschuiving, lengte) + np.arange(int(lengte.sum()))
        waarden = np.array(self.waarden).take(plekken)
        self.waarden = array(self.waarden.typecode, waarden.tobytes())
        self.begin = array("q", begin.tobytes())
        self.los = 0


class _Facet:
    """One facet: per document a code for its combination of values (0: no values)."""

    __slots__ = ("codes", "combinaties", "_code_van", "waarden", "_waarde_nr", "_ok", "_spreiding")

    def __init__(self, capaciteit: int) -> None:
        self.codes = np.zeros(capaciteit, np.int32)
        self.combinaties: list[frozenset[str]] = [frozenset()]
        self._code_van: dict[frozenset[str], int] = {frozenset(): 0}
        self.waarden: list[str] = []
        self._waarde_nr: dict[str, int] = {}
        self._ok: dict[frozenset[str], np.ndarray] = {}
        # Which values each combination holds, as (combination, value) number pairs.
        self._spreiding: tuple[np.ndarray, np.ndarray] | None = None

    def zet(self, nummer: int, waarden: frozenset[str]) -> None:
        code = self._code_van.get(waarden)
        if code is None:
            code = self._code_van[waarden] = len(self.combinaties)
            self.combinaties.append(waarden)
            for waarde in sorted(waarden):
                if waarde not in self._waarde_nr:
                    self._waarde_nr[waarde] = len(self.waarden)
                    self.waarden.append(waarde)
            self._ok.clear()
            self._spreiding = None
        self.codes[nummer] = code

    def ok(self, gekozen: frozenset[str]) -> np.ndarray:
        """Per combination: does it hold any of the chosen values."""
        ok = self._ok.get(gekozen)
        if ok is None:
            if len(self._ok) >= _MAX_MASKERS:
                self._ok.clear()
            # From the (combination, value) pairs rather than a test per combination: a facet
            # such as the organisation has tens of thousands of combinations.
            combinaties, waarden = self._paren()
            nummers = [self._waarde_nr[waarde] for waarde in gekozen if waarde in self._waarde_nr]
            ok = np.zeros(len(self.combinaties), bool)
            if nummers:
                ok[combinaties[np.isin(waarden, nummers)]] = True
            self._ok[gekozen] = ok
        return ok

    def _paren(self) -> tuple[np.ndarray, np.ndarray]:
        """Which values each combination holds, as (combination, value) number arrays."""
        if self._spreiding is None:
            paren = [
                (code, self._waarde_nr[waarde])
                for code, combinatie in enumerate(self.combinaties)
                for waarde in combinatie
            ]
            self._spreiding = (
                np.array([code for code, _ in paren], np.intp),
                np.array([waarde for _, waarde in paren], np.intp),
            )
        return self._spreiding

    def tel(self, codes: np.ndarray, aantallen: np.ndarray) -> dict[str, int]:
        """Documents per value, given groups (their combination codes and sizes): non-zero
        counts, most frequent first, then by value."""
        per_combinatie = np.bincount(codes, weights=aantallen, minlength=len(self.combinaties))
        combinaties, waarden = self._paren()
        per_waarde = np.bincount(
            waarden, weights=per_combinatie[combinaties], minlength=len(self.waarden)
        )
        positief = [
            (self.waarden[nr], int(per_waarde[nr])) for nr in np.flatnonzero(per_waarde).tolist()
        ]
        positief.sort(key=lambda paar: (-paar[1], paar[0]))
        return dict(positief)


class _Samenstelling:
    """Documents grouped by their value combinations over several facets together.

    With a handful of values per facet there are far fewer groups than documents, so a query
    counts its matches per group once (one `bincount`) and does all filtering and disjunctive
    counting on those group sizes. `aantal` holds the group sizes over all live documents:
    browsing without text or radius never touches a document at all.
    """

    __slots__ = ("facetten", "groep", "codes", "aantal", "_groep_van")

    def __init__(self, facetten: Sequence[_Facet], levend: np.ndarray) -> None:
        self.facetten = list(facetten)
        mogelijk = math.prod(len(facet.combinaties) for facet in facetten)
        sleutel = np.zeros(len(facetten[0].codes), np.int64)
        if mogelijk <= 1 << 22:
            # Few possible combinations: number the ones that occur by counting, no sorting.
            for facet in facetten:
                sleutel = sleutel * len(facet.combinaties) + facet.codes
            komt_voor = np.zeros(mogelijk, bool)
            komt_voor[sleutel] = True
            self.groep = (np.cumsum(komt_voor) - 1)[sleutel]
            sleutels = np.flatnonzero(komt_voor)
            codes = []
            for facet in reversed(facetten):
                sleutels, code = np.divmod(sleutels, len(facet.combinaties))
                codes.append(code)
            self.codes = np.stack(codes[::-1]).astype(np.int32)  # facet x group
        else:
            # Number the combinations facet by facet, so that no key overflows.
            for facet in facetten:
                sleutel = sleutel * len(facet.combinaties) + facet.codes
                sleutel = np.unique(sleutel, return_inverse=True)[1].reshape(-1)
            _, eerste = np.unique(sleutel, return_index=True)
            self.groep = sleutel
            self.codes = np.stack([facet.codes[eerste] for facet in facetten])
        self.groep = self.groep.astype(_NUMMER)
        self.aantal = np.bincount(self.groep[levend], minlength=self.codes.shape[1])
        self._groep_van: dict[tuple[int, ...], int] | None = None

    def voeg_toe(self, nummer: int) -> None:
        rij = tuple(int(facet.codes[nummer]) for facet in self.facetten)
        if self._groep_van is None:
            self._groep_van = {tuple(kolom): g for g, kolom in enumerate(self.codes.T.tolist())}
        groep = self._groep_van.get(rij)
        if groep is None:
            groep = self._groep_van[rij] = len(self.aantal)
            self.codes = np.concatenate([self.codes, np.array(rij, np.int32)[:, None]], axis=1)
            self.aantal = np.append(self.aantal, 0)
        self.groep[nummer] = groep
        self.aantal[groep] += 1

    def haal_weg(self, nummer: int) -> None:
        self.aantal[self.groep[nummer]] -= 1


class _Geo:
    """All locations, sorted by latitude, plus a small overlay of edits.

    A removed document's locations are marked with number -1; added ones wait in `extra`
    until there are enough of them to merge.
    """

    __slots__ = ("lat", "lon", "nummers", "weg", "extra", "_extra_lijst")

    def __init__(self, lat: np.ndarray, lon: np.ndarray, nummers: np.ndarray) -> None:
        self._zet(lat, lon, nummers)

    def _zet(self, lat: np.ndarray, lon: np.ndarray, nummers: np.ndarray) -> None:
        volgorde = np.argsort(lat, kind="stable")
        self.lat, self.lon, self.nummers = lat[volgorde], lon[volgorde], nummers[volgorde]
        self.weg = 0
        self.extra: dict[int, tuple[tuple[float, float], ...]] = {}
        self._extra_lijst: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @classmethod
    def bouw(cls, punten: Iterable[tuple[int, float, float]]) -> _Geo:
        rijen = list(punten)
        return cls(
            np.array([lat for _, lat, _ in rijen], float),
            np.array([lon for _, _, lon in rijen], float),
            np.array([nummer for nummer, _, _ in rijen], _NUMMER),
        )

    def voeg_toe(self, nummer: int, punten: tuple[tuple[float, float], ...]) -> None:
        self.extra[nummer] = punten
        self._extra_lijst = None
        self._misschien_samenvoegen()

    def haal_weg(self, nummer: int, punten: tuple[tuple[float, float], ...]) -> None:
        if self.extra.pop(nummer, None) is not None:
            self._extra_lijst = None
            return
        for lat, _ in punten:
            plek = int(np.searchsorted(self.lat, lat))
            while self.nummers[plek] != nummer:
                plek += 1
            self.nummers[plek] = -1
            self.weg += 1
        self._misschien_samenvoegen()

    def binnen(
        self,
        punt: tuple[float, float],
        straal_km: float,
        toets: Callable[[np.ndarray], np.ndarray] | None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Documents (passing `toets`) with a location within range: ascending numbers and
        the distance to each one's nearest location."""
        lat, lon = punt
        # The bounding box: latitude differs at most by the angle itself, longitude by the
        # angle widened at the latitude farthest from the equator. A hair wider, so that
        # rounding never drops a location; the exact distance decides below.
        hoek = straal_km / AARDSTRAAL_KM * (1 + 1e-9)
        dlat = math.degrees(hoek) + 1e-9
        verste = abs(lat) + dlat
        dlon = None
        if hoek < math.pi and verste < 90:
            breder = math.sin(hoek / 2) / math.cos(math.radians(verste))
            if breder < 1:
                dlon = math.degrees(2 * math.asin(breder)) * (1 + 1e-9) + 1e-9
                if lon - dlon < -180 or lon + dlon > 180:
                    dlon = None  # across the date line: keep it simple

        van = int(np.searchsorted(self.lat, lat - dlat, side="left"))
        tot = int(np.searchsorted(self.lat, lat + dlat, side="right"))
        delen = [(self.lat[van:tot], self.lon[van:tot], self.nummers[van:tot])]
        if self.extra:
            delen.append(self._extra())
        lats, lons, nummers = (np.concatenate(kolom) for kolom in zip(*delen, strict=True))
        houd = (nummers >= 0) & (np.abs(lats - lat) <= dlat)
        if dlon is not None:
            houd &= np.abs(lons - lon) <= dlon
        plekken = np.flatnonzero(houd)
        lats, lons, nummers = lats.take(plekken), lons.take(plekken), nummers.take(plekken)
        if toets is not None:
            plekken = np.flatnonzero(toets(nummers))
            lats, lons, nummers = lats.take(plekken), lons.take(plekken), nummers.take(plekken)

        afstanden = afstanden_km(lat, lon, lats, lons)
        plekken = np.flatnonzero(afstanden <= straal_km)
        nummers, afstanden = nummers.take(plekken), afstanden.take(plekken)
        # Per document its nearest location.
        volgorde = np.lexsort((afstanden, nummers))
        nummers, afstanden = nummers[volgorde], afstanden[volgorde]
        eerste = np.ones(len(nummers), bool)
        eerste[1:] = nummers[1:] != nummers[:-1]
        return nummers[eerste], afstanden[eerste]

    def _extra(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._extra_lijst is None:
            rijen = [(n, lat, lon) for n, punten in self.extra.items() for lat, lon in punten]
            self._extra_lijst = (
                np.array([lat for _, lat, _ in rijen], float),
                np.array([lon for _, _, lon in rijen], float),
                np.array([n for n, _, _ in rijen], _NUMMER),
            )
        return self._extra_lijst

    def _misschien_samenvoegen(self) -> None:
        if self.weg + len(self.extra) <= len(self.nummers) // 16 + 64:
            return
        houd = self.nummers >= 0
        lat, lon, nummers = self._extra()
        self._zet(
            np.concatenate([self.lat[houd], lat]),
            np.concatenate([self.lon[houd], lon]),
            np.concatenate([self.nummers[houd], nummers]),
        )


class _Volgorde:
    """The live document numbers sorted by a key, and each number's position (its rank)."""

    __slots__ = ("nummers", "_sleutel", "_rang")

    def __init__(self, nummers: Iterable[int], sleutel: Callable[[int], object]) -> None:
        self._sleutel = sleutel
        self.nummers = np.array(sorted(nummers, key=sleutel), _NUMMER)
        self._rang: np.ndarray | None = None

    def voeg_toe(self, nummer: int) -> None:
        plek = bisect_left(self.nummers, self._sleutel(nummer), key=self._sleutel)
        self.nummers = np.concatenate((self.nummers[:plek], [nummer], self.nummers[plek:]))
        self._rang = None

    def haal_weg(self, nummer: int) -> None:
        plek = bisect_left(self.nummers, self._sleutel(nummer), key=self._sleutel)
        assert self.nummers[plek] == nummer
        self.nummers = np.concatenate((self.nummers[:plek], self.nummers[plek + 1 :]))
        self._rang = None

    def rang(self, capaciteit: int) -> np.ndarray:
        """Per document number its position in the order (meaningless for removed ones)."""
        if self._rang is None or len(self._rang) < capaciteit:
            self._rang = np.zeros(capaciteit, np.int64)
            self._rang[self.nummers] = np.arange(len(self.nummers))
        return self._rang


# -- vectorised helpers ---------------------------------------------------------------------


def _verzamel(lijsten: list[_Lijst], capaciteit: int) -> tuple[np.ndarray, np.ndarray]:
    """Every document in any of the lists with its best score there, ascending by number."""
    if not lijsten:
        return _GEEN_NUMMERS, np.empty(0)
    omvang = sum(len(nummers) for nummers, _, _ in lijsten)
    if len(lijsten) == 1:
        nummers, gewichten, factor = lijsten[0]
        scores = gewichten * factor
    elif omvang * 16 < capaciteit:
        # Short lists: sort their union (runs that are each sorted already: a quick merge)
        # and take the best per document.
        nummers = np.concatenate([nummers for nummers, _, _ in lijsten])
        scores = np.concatenate([gewichten * factor for _, gewichten, factor in lijsten])
        volgorde = np.argsort(nummers, kind="stable")
        nummers, scores = nummers[volgorde], scores[volgorde]
        begin = np.ones(len(nummers), bool)
        begin[1:] = nummers[1:] != nummers[:-1]
        begin = np.flatnonzero(begin)
        nummers, scores = nummers[begin], np.maximum.reduceat(scores, begin)
    else:
        # Long lists: the best per document in one array over all documents.
        beste = _beste_per_document(lijsten, capaciteit)
        # (Comparing first is much faster: numpy finds the True values of a boolean array
        # without branching on each element.)
        nummers = np.flatnonzero(beste > 0)
        return nummers, beste.take(nummers)
    raak = scores > 0  # entries edited away have weight zero
    if not raak.all():
        nummers, scores = nummers[raak], scores[raak]
    return nummers, scores


def _opzoeken(kandidaten: np.ndarray, lijsten: list[_Lijst], capaciteit: int) -> np.ndarray:
    """Each candidate's best score in the lists; zero where it does not occur."""
    omvang = sum(len(nummers) for nummers, _, _ in lijsten)
    if len(kandidaten) * 4 * len(lijsten) > omvang + 4_096:
        # Many candidates: a binary search each costs more than spreading the lists out.
        return _beste_per_document(lijsten, capaciteit).take(kandidaten)
    beste = np.zeros(len(kandidaten))
    for nummers, gewichten, factor in lijsten:
        plekken = np.searchsorted(nummers, kandidaten)
        np.minimum(plekken, len(nummers) - 1, out=plekken)
        scores = np.where(nummers[plekken] == kandidaten, gewichten[plekken] * factor, 0.0)
        np.maximum(beste, scores, out=beste)
    return beste


def _optellen(
    per_term: list[tuple[np.ndarray, np.ndarray, np.ndarray]], capaciteit: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """The union of per-term matches (numbers, scores, matched by the word itself): per
    document its summed score (in query order), number of terms and of own-word terms."""
    if len(per_term) == 1:
        nummers, scores, zelf = per_term[0]
        return nummers, scores, np.ones(len(nummers), np.int64), zelf
    omvang = sum(len(nummers) for nummers, _, _ in per_term)
    if omvang * 16 < capaciteit:
        # Short lists: sort their union (each list is sorted already) and count per document.
        alle = np.concatenate([nummers for nummers, _, _ in per_term])
        volgorde = np.argsort(alle, kind="stable")  # stable: each document's terms in order
        alle = alle[volgorde]
        nieuw = np.ones(len(alle), bool)
        nieuw[1:] = alle[1:] != alle[:-1]
        groep = np.cumsum(nieuw) - 1
        scores = np.concatenate([scores for _, scores, _ in per_term])[volgorde]
        zelf = np.concatenate([zelf for _, _, zelf in per_term])[volgorde]
        return (
            alle[nieuw],
            np.bincount(groep, weights=scores),
            np.bincount(groep),
            np.bincount(groep, weights=zelf).astype(np.int64),
        )
    # Long lists: add up in arrays over all documents (the numbers in each list are unique).
    som = np.zeros(capaciteit)
    woorden = np.zeros(capaciteit, np.int64)
    eigen = np.zeros(capaciteit, np.int64)
    for nummers, scores, zelf in per_term:
        som[nummers] += scores
        woorden[nummers] += 1
        eigen[nummers] += zelf
    nummers = np.flatnonzero(woorden > 0)
    return nummers, som.take(nummers), woorden.take(nummers), eigen.take(nummers)


def _samen(
    zelf: list[_Lijst], synoniem: list[_Lijst], capaciteit: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One term's matches: numbers, best scores, and 1 where the word itself matched."""
    eigen_nummers, eigen_scores = _verzamel(zelf, capaciteit)
    syn_nummers, syn_scores = _verzamel(synoniem, capaciteit)
    if (len(eigen_nummers) + len(syn_nummers)) * 16 >= capaciteit:
        # Long lists: in arrays over all documents, without sorting.
        beste = np.zeros(capaciteit)
        beste[syn_nummers] = syn_scores
        beste[eigen_nummers] = np.maximum(beste.take(eigen_nummers), eigen_scores)
        vlag = np.zeros(capaciteit, np.int64)
        vlag[eigen_nummers] = 1
        nummers = np.flatnonzero(beste > 0)
        return nummers, beste.take(nummers), vlag.take(nummers)
    nummers = np.union1d(eigen_nummers, syn_nummers)
    scores = np.zeros(len(nummers))
    plekken = np.searchsorted(nummers, syn_nummers)
    scores[plekken] = syn_scores
    plekken = np.searchsorted(nummers, eigen_nummers)
    scores[plekken] = np.maximum(scores[plekken], eigen_scores)
    zelf_vlag = np.zeros(len(nummers), np.int64)
    zelf_vlag[plekken] = 1
    return nummers, scores, zelf_vlag


def _beste_per_document(lijsten: list[_Lijst], capaciteit: int) -> np.ndarray:
    """Per document number the best score in any of the (non-empty) lists, else zero."""
    beste = np.zeros(capaciteit)
    for nummers, gewichten, factor in lijsten:
        # Each list holds a number once, so plain indexing is safe (and far quicker than
        # np.maximum.at).
        beste[nummers] = np.maximum(beste.take(nummers), gewichten * factor)
    return beste


def _kleinste(
    sleutel: np.ndarray,
    nodig: int,
    verder: Callable[[np.ndarray], list[np.ndarray]] = lambda plekken: [],
) -> np.ndarray:
    """Positions of the `nodig` smallest keys, in order; `verder` gives the keys that break
    ties, asked only for the few positions that can make it."""
    if nodig <= 0:
        return np.empty(0, np.intp)
    kandidaten = _ruim_genoeg(sleutel, nodig)
    if nodig < len(kandidaten):
        # Everything up to the cut-off value, ties included: the full sort below then breaks
        # them by the later keys and not by luck.
        waarden = sleutel[kandidaten]
        grens = np.partition(waarden, nodig - 1)[nodig - 1]
        kandidaten = kandidaten[waarden <= grens]
    volgorde = np.lexsort([*reversed(verder(kandidaten)), sleutel[kandidaten]])
    return kandidaten[volgorde[:nodig]]


def _ruim_genoeg(waarden: np.ndarray, nodig: int) -> np.ndarray:
    """Positions of a part of `waarden` that surely holds the `nodig` smallest (and all
    values equal to the largest of those)."""
    aantal = len(waarden)
    if aantal >= 8_192 and nodig * 64 <= aantal:
        # Guess a cut-off from a sample, a little above where the `nodig` smallest should
        # end: comparing with one value is much cheaper than a selection over everything.
        # If at least `nodig` values are at or below the guess, they include all of them.
        monster = waarden[:: aantal // 2_048]
        plek = min(len(monster) - 1, 4 * nodig * len(monster) // aantal + 8)
        schatting = np.partition(monster, plek)[plek]
        posities = np.flatnonzero(waarden <= schatting)
        if len(posities) >= nodig:
            return posities
    return np.arange(aantal)


def _verlengd(array: np.ndarray, lengte: int, leeg: float = 0) -> np.ndarray:
    nieuw = np.full(lengte, leeg, array.dtype)
    nieuw[: len(array)] = array
    return nieuw


# -- small helpers --------------------------------------------------------------------------


def _veldtokens(document: Document) -> dict[str, list[str]]:
    # Interned: a bulk load holds the words of every document at once, and the same few
    # thousand words recur millions of times.
    velden = {
        veld: list(map(sys.intern, tokens(tekst)))
        for veld, tekst in document.velden.items()
        if tekst
    }
    return {veld: woorden for veld, woorden in velden.items() if woorden}


def _lengtes(velden: Mapping[str, list[str]]) -> dict[str, int]:
    return {veld: len(woorden) for veld, woorden in velden.items()}


def _plat(punten: Iterable[tuple[float, float]]) -> list[float]:
    return [waarde for punt in punten for waarde in punt]


def _synoniemen_per_stam(groepen: Iterable[Iterable[str]]) -> dict[str, frozenset[str]]:
    """Per stem of a word in a group, the other words of its groups (normalised)."""
    per_stam: defaultdict[str, set[str]] = defaultdict(set)
    for groep in groepen:
        woorden = {woord for tekst in groep for woord in tokens(tekst)}
        for woord in woorden:
            per_stam[stam(woord)] |= woorden - {woord}
    return {stamwoord: frozenset(woorden) for stamwoord, woorden in per_stam.items()}


def _bladersleutel(document: Document) -> tuple[float, str, str]:
    """Browsing without text: higher weight first, then by normalised name, then id."""
    return (-float(document.gewicht), normaliseer(document.velden.get("naam", "")), document.id)


def _keuzes(filters: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """Chosen values per facet; a facet with no values chosen is not a filter."""
    keuzes = {}
    for facet, waarden in filters.items():
        # A lone string is one value, not a sequence of one-letter values.
        gekozen = frozenset((waarden,) if isinstance(waarden, str) else waarden)
        if gekozen:
            keuzes[facet] = gekozen
    return keuzes


@lru_cache(maxsize=65_536)
def _verzadigd(tf: float) -> float:
    """BM25 saturation of a term frequency. Cached: a bulk load sees the same frequencies
    over and over (documents with equally long fields), and rounding is not cheap."""
    gewicht = tf * (_K1 + 1) / (_K1 + tf)
    # Four decimals are plenty for ranking. A weight never rounds down to zero: in a posting
    # list zero marks an entry that was edited away.
    return round(gewicht, 4) or gewicht


def _idf(totaal: int, df: int) -> float:
    return math.log(1 + (totaal - df + 0.5) / (df + 0.5))


def _minstens(stammen: dict[str, float], stamwoord: str, factor: float) -> None:
    if factor > stammen.get(stamwoord, 0.0):
        stammen[stamwoord] = factor
