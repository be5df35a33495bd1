"""In-memory zoekindex voor de sociale kaart: vrije tekst, facetten en afstand.

The index answers a search with plain Python data structures:

* every document gets a small integer (its *nummer*); all sets below hold those numbers;
* ``_postings`` maps a stem to ``{nummer: weight}``, where the weight is the BM25F term
  weight over all fields (field weight and length normalisation already applied), so a query
  only multiplies by idf and adds up;
* ``_woordenlijst`` is the sorted vocabulary (raw words and stems) for prefix lookups with
  bisect and for typo correction;
* ``_facetten`` maps facet -> value -> set of numbers; ``_waarden`` holds each document's
  values per facet, and facets with few values also get an int bitset per value (``_bits``),
  both for counting facets without touching every document;
* ``_cellen`` is a coarse lat/lon grid for radius searches.

A query first finds *which* documents match, with set operations that run in C, and only
then scores the documents that survived every filter. Public methods hold one lock, so
queries and updates from several threads do not interfere.
"""

from __future__ import annotations

import heapq
import math
import sys
import threading
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

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

MIN_PREFIXLENGTE = 3
# Very short stems ("eet" from "eten", "maak") would drag in unrelated compounds.
MIN_STAMPREFIXLENGTE = 5  # "maat" (from "maatje") must not find "maatschappelijk"
MIN_VAAGLENGTE = 4
LANG_WOORD = 8  # from this length two typos are tolerated instead of one

SORTERINGEN = ("relevantie", "afstand")
MAX_ZOEKWOORDEN = 12

_K1 = 1.2
_B = 0.75
_AARDSTRAAL_KM = 6371.0088
_KM_PER_BREEDTEGRAAD = 111.195
# Grid cells of roughly 2 x 2 km in the Netherlands: a 3 km radius touches about a dozen.
_CEL_LAT = 0.02
_CEL_LON = 0.03
# Below this many candidates, sorting by distance just measures them all; above it a
# growing radius finds the nearest ones without touching the rest.
_DIRECT_MEETGRENS = 2_000
_EERSTE_ZOEKSTRAAL_KM = 5.0
_MAX_UNIES = 64
# Facets with at most this many values are counted with bitsets when no text or radius
# applies; a bitset costs len/8 bytes whatever its contents, too much for every buurt.
_MAX_BITWAARDEN = 64
_MAX_BITSETS = 1_024


@dataclass(frozen=True, slots=True)
class Document:
    """One listing as the index sees it."""

    id: str
    velden: Mapping[str, str]
    filters: Mapping[str, frozenset[str]]
    punten: tuple[tuple[float, float], ...] = ()
    gewicht: float = 1.0


@dataclass(frozen=True, slots=True)
class Treffer:
    """One result; ``afstand_km`` is None without a search point or without locations."""

    id: str
    score: float
    afstand_km: float | None


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """A page of results, the total count, facet counts and the query terms as understood."""

    totaal: int
    treffers: list[Treffer]
    facetten: dict[str, dict[str, int]]
    termen: list[str]


@dataclass(frozen=True, slots=True)
class _Term:
    """A query word resolved against the vocabulary: which stems it matches, how well."""

    weergave: str
    stammen: Mapping[str, float]
    kosten: int  # total postings length, to evaluate the most selective term first


# A set of document numbers (a set or a dict's keys). Where `_Nummers | None` is accepted,
# None means "all documents", so that set is never materialised.
_Nummers = Collection[int]


class ZoekIndex:
    """In-memory inverted index over `Document`s with facets and geo search."""

    def __init__(self) -> None:
        # One lock around every public operation: under the GIL queries gain nothing from
        # running in parallel, and a query must never see a half-applied `zet`.
        self._slot = threading.RLock()
        self._leegmaken()

    # -- mutation ---------------------------------------------------------------------------

    def vervang(self, documenten: Iterable[Document]) -> None:
        """Replace the whole index; with duplicate ids the last document wins."""
        per_id = {document.id: document for document in documenten}
        geanalyseerd = [(document, _veldtokens(document)) for document in per_id.values()]
        with self._slot:
            self._leegmaken()
            # Average field lengths over the complete set first, so every document is
            # normalised against the same averages.
            for _, velden in geanalyseerd:
                self._tel_lengtes(velden, 1)
            for document, velden in geanalyseerd:
                self._plaats(document, velden, None, bulk=True)
            self._woordenlijst = sorted(self._postings.keys() | self._ruw.keys())
            self._gewichtsvolgorde = sorted(self._nummer.values(), key=self._gewichtsleutel)
            # Bitsets for the small facets now rather than on the first visitor's query.
            for facet, per_waarde in self._facetten.items():
                if len(per_waarde) <= _MAX_BITWAARDEN:
                    for waarde in per_waarde:
                        self._waardebits(facet, waarde)

    def zet(self, document: Document) -> None:
        """Add a document, or fully replace the one with the same id."""
        velden = _veldtokens(document)
        with self._slot:
            nummer = self._nummer.get(document.id)
            if nummer is not None:
                self._haal_weg(nummer)
            self._tel_lengtes(velden, 1)
            self._plaats(document, velden, nummer, bulk=False)

    def verwijder(self, id: str) -> None:
        """Remove a document; unknown ids are ignored."""
        with self._slot:
            nummer = self._nummer.pop(id, None)
            if nummer is not None:
                self._haal_weg(nummer)
                self._vrij.append(nummer)

    def __len__(self) -> int:
        return len(self._nummer)

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
    ) -> Uitkomst:
        """Search; see the module docstring and the tests for the exact semantics.

        An empty value list for a facet means "no filter on that facet". Without ``punt``,
        ``straal_km`` is ignored and ``sorteer="afstand"`` falls back to relevance. Only the
        first `MAX_ZOEKWOORDEN` words count: all must match, and each costs work.
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
                woorden, filters or {}, gevraagd, punt, straal_km, sorteer, begin, aantal
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
    ) -> Uitkomst:
        termen = [self._interpreteer(woord) for woord in woorden]
        keuzes = _keuzes(filters)
        filtersets = {facet: self._filterset(facet, gekozen) for facet, gekozen in keuzes.items()}

        # First find WHICH documents match, with set operations (fast, in C); scores are
        # computed afterwards, only for the documents that survive every filter.
        # Filters on facets that are not being counted narrow everything up front. Filters on
        # counted facets must stay out of the base set: their own counts ignore them
        # ("disjunctive" faceting), so choosing one bouwsteen still shows the others.
        basis = _doorsnede([s for facet, s in filtersets.items() if facet not in gevraagd])
        afstanden: dict[int, float] | None = None
        if punt is not None and straal_km is not None:
            afstanden = self._binnen_straal(punt, straal_km, basis)
            basis = afstanden.keys()
        if termen:
            basis = self._tekstmatch(termen, basis)

        disjunctief = {facet: s for facet, s in filtersets.items() if facet in gevraagd}
        resultaat = _doorsnede([basis, *disjunctief.values()])
        tellingen = {}
        for facet in gevraagd:
            if not termen and afstanden is None and self._telbaar_met_bits(facet):
                tellingen[facet] = self._tel_met_bits(facet, keuzes)
            else:
                anders = [s for f, s in disjunctief.items() if f != facet]
                domein = _doorsnede([basis, *anders]) if facet in disjunctief else resultaat
                tellingen[facet] = self._tel_facet(facet, domein)

        nodig = begin + aantal
        if punt is not None and sorteer == "afstand":
            if afstanden is None:
                afstanden = self._afstanden_voor_volgorde(punt, resultaat, nodig)
            volgorde, scores = self._op_afstand(termen, resultaat, afstanden, nodig)
        elif termen:
            assert resultaat is not None  # text always yields a set
            volgorde, scores = self._op_score(termen, resultaat, nodig)
        else:
            volgorde, scores = self._op_gewicht(resultaat, nodig), None

        treffers = [
            Treffer(
                self._ids[n],
                self._gewicht[n] if scores is None else scores[n],
                self._afstand_van(n, punt, afstanden),
            )
            for n in volgorde[begin:nodig]
        ]
        return Uitkomst(
            totaal=len(self) if resultaat is None else len(resultaat),
            treffers=treffers,
            facetten=tellingen,
            termen=[term.weergave for term in termen],
        )

    # -- internal: storage ------------------------------------------------------------------

    def _leegmaken(self) -> None:
        self._docs: list[Document | None] = []
        self._ids: list[str] = []
        self._gewicht: list[float] = []
        self._namen: list[str] = []  # normalised names: browsing without text is alphabetical
        self._nummer: dict[str, int] = {}
        self._vrij: list[int] = []  # numbers of removed documents, reused before growing
        self._postings: dict[str, dict[int, float]] = {}
        self._ruw: dict[str, int] = {}  # raw word -> number of documents containing it
        self._woordenlijst: list[str] = []
        self._facetten: dict[str, dict[str, set[int]]] = {}
        # Per facet, per document number, that document's values: lets facet counting run
        # as one C-level Counter(map(...)) over the matching documents.
        self._waarden: dict[str, list[frozenset[str] | None]] = {}
        self._combinaties: dict[frozenset[str], frozenset[str]] = {}
        self._unies: dict[tuple[str, frozenset[str]], set[int]] = {}
        self._bits: dict[tuple[str, str], int] = {}
        self._cellen: dict[tuple[int, int], set[int]] = {}
        self._met_punten: set[int] = set()
        self._lengtesom: Counter[str] = Counter()
        self._lengte_aantal: Counter[str] = Counter()
        # All document numbers by (weight desc, name, id): the order of a search without text.
        self._gewichtsvolgorde: list[int] = []
        # Many postings share the same (rounded) weight; sharing one float object per value
        # saves about a quarter of the index memory.
        self._gewichtobjecten: dict[float, float] = {}

    def _gewichtsleutel(self, nummer: int) -> tuple[float, str, str]:
        return (-self._gewicht[nummer], self._namen[nummer], self._ids[nummer])

    def _tel_lengtes(self, velden: Mapping[str, list[str]], richting: int) -> None:
        for veld, woorden in velden.items():
            self._lengtesom[veld] += richting * len(woorden)
            self._lengte_aantal[veld] += richting

    def _plaats(
        self,
        document: Document,
        velden: Mapping[str, list[str]],
        nummer: int | None,
        *,
        bulk: bool,
    ) -> None:
        if nummer is None:
            nummer = self._vrij.pop() if self._vrij else self._nieuw_nummer()
        self._docs[nummer] = document
        self._ids[nummer] = document.id
        self._gewicht[nummer] = document.gewicht
        self._namen[nummer] = normaliseer(document.velden.get("naam", ""))
        self._nummer[document.id] = nummer
        self._unies.clear()
        if not bulk:
            insort(self._gewichtsvolgorde, nummer, key=self._gewichtsleutel)

        self._voeg_tekst_toe(nummer, velden, bulk=bulk)
        self._voeg_facetten_toe(nummer, document.filters)
        for cel in {_cel(lat, lon) for lat, lon in document.punten}:
            self._cellen.setdefault(cel, set()).add(nummer)
        if document.punten:
            self._met_punten.add(nummer)

    def _voeg_tekst_toe(self, nummer: int, velden: Mapping[str, list[str]], *, bulk: bool) -> None:
        # A bulk load sorts the vocabulary once at the end instead of inserting word by word.
        for stamwoord, gewicht in self._termgewichten(velden).items():
            postings = self._postings.get(stamwoord)
            if postings is None:
                postings = self._postings[stamwoord] = {}
                if not bulk and stamwoord not in self._ruw:
                    insort(self._woordenlijst, stamwoord)
            postings[nummer] = gewicht
        for woord in {woord for woorden in velden.values() for woord in woorden}:
            if woord in self._ruw:
                self._ruw[woord] += 1
            else:
                self._ruw[woord] = 1
                if not bulk and woord not in self._postings:
                    insort(self._woordenlijst, woord)

    def _voeg_facetten_toe(self, nummer: int, filters: Mapping[str, Iterable[str]]) -> None:
        for facet, waarden in filters.items():
            if not waarden:
                continue
            per_waarde = self._facetten.setdefault(facet, {})
            for waarde in waarden:
                per_waarde.setdefault(waarde, set()).add(nummer)
                if (facet, waarde) in self._bits:
                    self._bits[facet, waarde] |= 1 << nummer
            per_doc = self._waarden.get(facet)
            if per_doc is None:
                per_doc = self._waarden[facet] = [None] * len(self._docs)
            # Equal combinations share one object, so counting compares identities.
            combinatie = frozenset(waarden)
            per_doc[nummer] = self._combinaties.setdefault(combinatie, combinatie)

    def _nieuw_nummer(self) -> int:
        self._docs.append(None)
        self._ids.append("")
        self._gewicht.append(0.0)
        self._namen.append("")
        for per_doc in self._waarden.values():
            per_doc.append(None)
        return len(self._docs) - 1

    def _haal_weg(self, nummer: int) -> None:
        """Undo `_plaats`; the text is analysed again rather than stored per document."""
        document = self._docs[nummer]
        assert document is not None
        self._haal_tekst_weg(nummer, _veldtokens(document))
        self._haal_facetten_weg(nummer, document.filters)
        for cel in {_cel(lat, lon) for lat, lon in document.punten}:
            _verwijder_uit(self._cellen, cel, nummer)
        self._met_punten.discard(nummer)
        plek = bisect_left(
            self._gewichtsvolgorde, self._gewichtsleutel(nummer), key=self._gewichtsleutel
        )
        del self._gewichtsvolgorde[plek]
        self._docs[nummer] = None
        self._unies.clear()

    def _haal_tekst_weg(self, nummer: int, velden: Mapping[str, list[str]]) -> None:
        self._tel_lengtes(velden, -1)
        woorden = {woord for woorden in velden.values() for woord in woorden}
        for stamwoord in {stam(woord) for woord in woorden}:
            postings = self._postings[stamwoord]
            del postings[nummer]
            if not postings:
                del self._postings[stamwoord]
                if stamwoord not in self._ruw:
                    self._schrap_woord(stamwoord)
        for woord in woorden:
            self._ruw[woord] -= 1
            if not self._ruw[woord]:
                del self._ruw[woord]
                if woord not in self._postings:
                    self._schrap_woord(woord)

    def _haal_facetten_weg(self, nummer: int, filters: Mapping[str, Iterable[str]]) -> None:
        for facet, waarden in filters.items():
            if not waarden:
                continue
            per_waarde = self._facetten[facet]
            for waarde in waarden:
                _verwijder_uit(per_waarde, waarde, nummer)
                if (facet, waarde) in self._bits:
                    if waarde in per_waarde:
                        self._bits[facet, waarde] &= ~(1 << nummer)
                    else:
                        del self._bits[facet, waarde]
            self._waarden[facet][nummer] = None
            if not per_waarde:
                del self._facetten[facet]
                del self._waarden[facet]

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
        return {
            stamwoord: self._gedeeld(tf * (_K1 + 1) / (_K1 + tf))
            for stamwoord, tf in frequentie.items()
        }

    def _gedeeld(self, gewicht: float) -> float:
        afgerond = round(gewicht, 4)
        return self._gewichtobjecten.setdefault(afgerond, afgerond)

    # -- internal: query terms --------------------------------------------------------------

    def _interpreteer(self, woord: str) -> _Term:
        """Resolve a query word: exact stem, else prefix, else typo correction."""
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

        if not stammen and len(woord) >= MIN_VAAGLENGTE:
            return self._vaag(woord)
        return _Term(woord, stammen, self._kosten(stammen))

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
            return _Term(woord, stammen, 0)
        # For "bedoelde u": the closest real word (not a bare stem), the most common one first.
        beste = min(
            gevonden,
            key=lambda t: (t[1], t[0] not in self._ruw, -self._ruw.get(t[0], 0), t[0]),
        )
        return _Term(beste[0], stammen, self._kosten(stammen))

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

    def _kosten(self, stammen: Mapping[str, float]) -> int:
        return sum(len(self._postings[stamwoord]) for stamwoord in stammen)

    # -- internal: matching and scoring ---------------------------------------------------

    def _tekstmatch(self, termen: list[_Term], binnen: _Nummers | None) -> _Nummers:
        """The documents (within `binnen` if given) that match ALL terms."""
        gevonden = binnen
        # Most selective term first: every later term only has to look at its survivors.
        for term in sorted(termen, key=lambda t: t.kosten):
            postings = [self._postings[stamwoord] for stamwoord in term.stammen]
            if not postings:
                return set()
            # Few candidates: testing each is cheaper than collecting the term's documents
            # (a Python-level test costs about four C-level set inserts).
            if gevonden is not None and len(gevonden) * len(postings) * 4 < term.kosten:
                gevonden = {n for n in gevonden if any(n in p for p in postings)}
            else:
                alle = postings[0].keys() if len(postings) == 1 else set().union(*postings)
                gevonden = alle if gevonden is None else alle & gevonden
            if not gevonden:
                return set()
        assert gevonden is not None
        return gevonden

    def _eindscores(self, termen: list[_Term], nummers: Iterable[int]) -> dict[int, float]:
        """Final score per document: summed term scores times the document weight."""
        gewicht = self._gewicht
        if not termen:
            return {n: gewicht[n] for n in nummers}
        scores = dict.fromkeys(nummers, 0.0)
        for term in termen:
            self._tel_termscore_op(term, scores)
        return {n: s * gewicht[n] for n, s in scores.items()}

    def _tel_termscore_op(self, term: _Term, scores: dict[int, float]) -> None:
        """Add a term's score (best over the stems it matches) to documents matching it."""
        totaal = len(self)
        lijsten = [
            (self._postings[stamwoord], factor * _idf(totaal, len(self._postings[stamwoord])))
            for stamwoord, factor in term.stammen.items()
        ]
        if len(scores) * len(lijsten) < term.kosten:
            # Few documents: look each one up instead of walking long postings.
            for nummer in scores:
                beste = 0.0
                for postings, factor in lijsten:
                    gewicht = postings.get(nummer)
                    if gewicht is not None and gewicht * factor > beste:
                        beste = gewicht * factor
                scores[nummer] += beste
            return
        beste_per_doc: dict[int, float] = {}
        for postings, factor in lijsten:
            for nummer, gewicht in postings.items():
                if nummer in scores and gewicht * factor > beste_per_doc.get(nummer, 0.0):
                    beste_per_doc[nummer] = gewicht * factor
        for nummer, beste in beste_per_doc.items():
            scores[nummer] += beste

    # -- internal: filters and facets -------------------------------------------------------

    def _filterset(self, facet: str, gekozen: frozenset[str]) -> _Nummers:
        """The documents having any of the chosen values of a facet."""
        per_waarde = self._facetten.get(facet, {})
        sets = [per_waarde[w] for w in gekozen if w in per_waarde]
        if len(sets) <= 1:
            return sets[0] if sets else set()
        # A union of big sets (e.g. every public visibility level, on every resident's query)
        # is worth keeping until the index changes.
        sleutel = (facet, gekozen)
        if sleutel not in self._unies:
            if len(self._unies) >= _MAX_UNIES:
                self._unies.clear()
            self._unies[sleutel] = set().union(*sets)
        return self._unies[sleutel]

    def _tel_facet(self, facet: str, binnen: _Nummers | None) -> dict[str, int]:
        per_waarde = self._facetten.get(facet, {})
        if binnen is None:
            tellingen: Mapping[str, int] = {w: len(s) for w, s in per_waarde.items()}
        else:
            # Count value combinations in C, then spread them over the values; the number of
            # distinct combinations is small compared to the number of documents.
            per_doc = self._waarden.get(facet, [])
            combinaties = Counter(map(per_doc.__getitem__, binnen)) if per_doc else Counter()
            tellingen = Counter()
            for combinatie, aantal in combinaties.items():
                for waarde in combinatie or ():
                    tellingen[waarde] += aantal
        return _gesorteerd(tellingen)

    def _telbaar_met_bits(self, facet: str) -> bool:
        return len(self._facetten.get(facet, ())) <= _MAX_BITWAARDEN

    def _tel_met_bits(self, facet: str, keuzes: Mapping[str, frozenset[str]]) -> dict[str, int]:
        """Facet counts when only filters apply: AND and popcount on bitsets, no per-document
        work at all (the browse pages, which can span the whole collection)."""
        domein: int | None = None
        for ander, gekozen in keuzes.items():
            if ander != facet:
                bits = self._filterbits(ander, gekozen)
                domein = bits if domein is None else domein & bits
        per_waarde = self._facetten.get(facet, {})
        if domein is None:
            return _gesorteerd({w: len(s) for w, s in per_waarde.items()})
        return _gesorteerd(
            {w: (domein & self._waardebits(facet, w)).bit_count() for w in per_waarde}
        )

    def _filterbits(self, facet: str, gekozen: frozenset[str]) -> int:
        per_waarde = self._facetten.get(facet, {})
        bits = 0
        for waarde in gekozen:
            if waarde in per_waarde:
                bits |= self._waardebits(facet, waarde)
        return bits

    def _waardebits(self, facet: str, waarde: str) -> int:
        """The documents with a facet value as an int bitset; built on first use, then kept
        in step by `_plaats` and `_haal_weg`."""
        sleutel = (facet, waarde)
        bits = self._bits.get(sleutel)
        if bits is None:
            if len(self._bits) >= _MAX_BITSETS:
                self._bits.clear()
            bits = self._bits[sleutel] = _naar_bits(self._facetten[facet][waarde])
        return bits

    # -- internal: ordering -----------------------------------------------------------------

    def _op_score(
        self, termen: list[_Term], resultaat: _Nummers, nodig: int
    ) -> tuple[list[int], dict[int, float]]:
        scores = self._eindscores(termen, resultaat)
        kandidaten = _kandidaten(scores, nodig, grootste=True)
        kandidaten.sort(key=lambda n: (-scores[n], self._ids[n]))
        return kandidaten[:nodig], scores

    def _op_afstand(
        self,
        termen: list[_Term],
        resultaat: _Nummers | None,
        afstanden: Mapping[int, float],
        nodig: int,
    ) -> tuple[list[int], dict[int, float]]:
        # `afstanden` may cover only the nearest part of `resultaat` (that part is enough), or
        # more than `resultaat` (every document within the radius): keep the overlap.
        if resultaat is None:
            binnen = afstanden
        elif len(afstanden) <= len(resultaat):
            binnen = {n: a for n, a in afstanden.items() if n in resultaat}
        else:
            binnen = {n: afstanden[n] for n in resultaat}
        kandidaten = _kandidaten(binnen, nodig, grootste=False)
        # Scores only break ties in distance, so only the candidates need one.
        scores = self._eindscores(termen, kandidaten)
        kandidaten.sort(key=lambda n: (binnen[n], -scores[n], self._ids[n]))
        return kandidaten[:nodig], scores

    def _op_gewicht(self, resultaat: _Nummers | None, nodig: int) -> list[int]:
        """Order without query text: by document weight, then id."""
        if nodig <= 0:
            return []
        if resultaat is None:
            return self._gewichtsvolgorde[:nodig]
        # Walking the precomputed global order costs about nodig * len(self) / len(resultaat)
        # steps; sorting the result costs about len(resultaat). Take the cheaper one.
        if nodig * len(self) < len(resultaat) ** 2:
            volgorde = (n for n in self._gewichtsvolgorde if n in resultaat)
            return list(islice(volgorde, nodig))
        return heapq.nsmallest(nodig, resultaat, key=self._gewichtsleutel)

    # -- internal: geo ----------------------------------------------------------------------

    def _binnen_straal(
        self, punt: tuple[float, float], straal_km: float, binnen: _Nummers | None
    ) -> dict[int, float]:
        """Distance per document (within `binnen`) whose nearest location is within range."""
        gevonden: set[int] = set().union(*self._cellen_rond(punt, straal_km))
        if binnen is not None:
            gevonden = gevonden & binnen
        uit = {}
        for nummer in gevonden:
            afstand = self._afstand(nummer, punt)
            if afstand <= straal_km:
                uit[nummer] = afstand
        return uit

    def _cellen_rond(self, punt: tuple[float, float], straal_km: float) -> list[set[int]]:
        """The grid cells overlapping the bounding box of a circle."""
        lat, lon = punt
        dlat = straal_km / _KM_PER_BREEDTEGRAAD
        rij_van, rij_tot = math.floor((lat - dlat) / _CEL_LAT), math.floor((lat + dlat) / _CEL_LAT)
        verste_lat = abs(lat) + dlat
        if verste_lat >= 89.9:
            dlon = 360.0  # the circle reaches a pole: every longitude
        else:
            dlon = straal_km / (_KM_PER_BREEDTEGRAAD * math.cos(math.radians(verste_lat)))
        if lon - dlon < -180 or lon + dlon > 180:
            lon_van, lon_tot = -180.0, 180.0  # crossing the date line: keep it simple
        else:
            lon_van, lon_tot = lon - dlon, lon + dlon
        kol_van, kol_tot = math.floor(lon_van / _CEL_LON), math.floor(lon_tot / _CEL_LON)

        if (rij_tot - rij_van + 1) * (kol_tot - kol_van + 1) > len(self._cellen):
            return [
                s
                for (rij, kol), s in self._cellen.items()
                if rij_van <= rij <= rij_tot and kol_van <= kol <= kol_tot
            ]
        return [
            s
            for rij in range(rij_van, rij_tot + 1)
            for kol in range(kol_van, kol_tot + 1)
            if (s := self._cellen.get((rij, kol))) is not None
        ]

    def _afstanden_voor_volgorde(
        self, punt: tuple[float, float], resultaat: _Nummers | None, nodig: int
    ) -> dict[int, float]:
        """Distances for at least the `nodig` nearest results (infinite without locations)."""
        if resultaat is not None and len(resultaat) <= _DIRECT_MEETGRENS:
            return {nummer: self._afstand(nummer, punt) for nummer in resultaat}
        met_punten = (
            len(self._met_punten) if resultaat is None else len(self._met_punten & resultaat)
        )
        # Grow a circle until it holds enough results: everything outside is farther away
        # than everything inside, so the first `nodig` are among those inside.
        straal = _EERSTE_ZOEKSTRAAL_KM
        while straal < 2 * math.pi * _AARDSTRAAL_KM:
            binnen = self._binnen_straal(punt, straal, resultaat)
            if len(binnen) >= nodig:
                return binnen
            if len(binnen) >= met_punten:
                break
            straal *= 2
        alle = self._nummer.values() if resultaat is None else resultaat
        return {nummer: self._afstand(nummer, punt) for nummer in alle}

    def _afstand(self, nummer: int, punt: tuple[float, float]) -> float:
        """Haversine km to the nearest location; infinite for a document without locations."""
        document = self._docs[nummer]
        assert document is not None
        return min((_haversine(punt, plek) for plek in document.punten), default=math.inf)

    def _afstand_van(
        self,
        nummer: int,
        punt: tuple[float, float] | None,
        bekend: Mapping[int, float] | None,
    ) -> float | None:
        if punt is None:
            return None
        afstand = bekend[nummer] if bekend is not None and nummer in bekend else None
        if afstand is None:
            afstand = self._afstand(nummer, punt)
        return None if math.isinf(afstand) else afstand


def _veldtokens(document: Document) -> dict[str, list[str]]:
    # Interned: a bulk load holds the words of every document at once, and the same few
    # thousand words recur millions of times.
    velden = {
        veld: list(map(sys.intern, tokens(tekst)))
        for veld, tekst in document.velden.items()
        if tekst
    }
    return {veld: woorden for veld, woorden in velden.items() if woorden}


def _keuzes(filters: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """Chosen values per facet; a facet with no values chosen is not a filter."""
    keuzes = {}
    for facet, waarden in filters.items():
        # A lone string is one value, not a sequence of one-letter values.
        gekozen = frozenset((waarden,) if isinstance(waarden, str) else waarden)
        if gekozen:
            keuzes[facet] = gekozen
    return keuzes


def _gesorteerd(tellingen: Mapping[str, int]) -> dict[str, int]:
    """Non-zero counts, most frequent first, then by value."""
    positief = sorted(
        ((w, n) for w, n in tellingen.items() if n > 0), key=lambda paar: (-paar[1], paar[0])
    )
    return dict(positief)


def _naar_bits(nummers: Iterable[int]) -> int:
    buffer = bytearray(max(nummers, default=0) // 8 + 1)
    for nummer in nummers:
        buffer[nummer >> 3] |= 1 << (nummer & 7)
    return int.from_bytes(buffer, "little")


def _idf(totaal: int, df: int) -> float:
    return math.log(1 + (totaal - df + 0.5) / (df + 0.5))


def _minstens(stammen: dict[str, float], stamwoord: str, factor: float) -> None:
    if factor > stammen.get(stamwoord, 0.0):
        stammen[stamwoord] = factor


def _doorsnede(delen: Iterable[_Nummers | None]) -> _Nummers | None:
    """Intersection of number sets, smallest first; None stands for "everything"."""
    echte = sorted((deel for deel in delen if deel is not None), key=len)
    if not echte:
        return None
    uitkomst: Any = echte[0]
    for deel in echte[1:]:
        # Works for sets and dict key views alike, always iterating the smaller side.
        uitkomst = uitkomst & deel
    return uitkomst


def _kandidaten(sleutels: Mapping[int, float], nodig: int, *, grootste: bool) -> list[int]:
    """The numbers that can make the first `nodig` by key, ties at the cut-off included."""
    if nodig <= 0:
        return []
    if nodig >= len(sleutels):
        return list(sleutels)
    # Find the cut-off on bare floats (fast, in C), then keep everything up to and including
    # it: the caller sorts that short list fully, so ties are broken by id and not by luck.
    if grootste:
        grens = heapq.nlargest(nodig, sleutels.values())[-1]
        return [nummer for nummer, sleutel in sleutels.items() if sleutel >= grens]
    grens = heapq.nsmallest(nodig, sleutels.values())[-1]
    return [nummer for nummer, sleutel in sleutels.items() if sleutel <= grens]


def _verwijder_uit(index: dict[Any, set[int]], sleutel: Any, nummer: int) -> None:
    nummers = index[sleutel]
    nummers.discard(nummer)
    if not nummers:
        del index[sleutel]


def _cel(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CEL_LAT), math.floor(lon / _CEL_LON)


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _AARDSTRAAL_KM * math.asin(min(1.0, math.sqrt(h)))
