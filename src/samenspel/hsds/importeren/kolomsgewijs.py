"""Reading a block of CSV rows column by column, for the fast path of a data package.

A national package has millions of cells, and reading them one by one through the readers
in `waarden` is most of an import's time. Most cells need no work at all: text goes into the
database as it is, once a few checks over the whole column (length, NUL, valid Unicode) pass.
Ids become 32 hex digits in a few C-level passes over the column; other kinds are read by the
exact row-by-row reader, but once per distinct value in the block (a block has a handful of
dates, times and booleans).

Anything unusual raises `Afwijkend`. The writer then reads that block row by row, which finds
and words every problem exactly as before, so the fast path never needs messages of its own:
it only ever accepts what the careful path would accept, with the same values.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat

from samenspel.areas.geo import NEDERLAND
from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.waarden import MAX_TEKST, Ongeldig, lees, sleutel

# Ids after their dashes are removed: the canonical form of a UUID, as UUID.hex writes it.
_HEXCIJFERS = re.compile(r"[0-9a-f]*")
_UUID_SOORTEN = {"id", "ref", "polyref"}
# Where a polymorphic id (attribute.link_id, metadata.resource_id) says which table it is in.
POLY_TABEL = {"link_id": "link_entity", "resource_id": "resource_type"}


class Afwijkend(Exception):
    """This block needs the row-by-row path (which reports what is wrong, if anything is)."""


def lees_veld(tabel: t.Tabel, kolom: t.Kolom, ruw):
    """The model value of one cell, for any kind of column but an id or a reference.

    The one reader of both paths, so a value is the same whichever path reads it.
    """
    waarde = lees(kolom, ruw)
    if tabel.naam == "location" and waarde is not None and kolom.naam in _GRENZEN:
        _controleer_in_nederland(kolom.naam, waarde)
    if waarde == "" and kolom.naam in tabel.altijd:
        # HSDS requires it; an empty value takes Samenspel's default (country NL, …).
        standaard = tabel.model._meta.get_field(kolom.attr).get_default()
        return standaard if standaard is not None else waarde
    return waarde


# A location's coordinate and the range of the Netherlands it must lie in.
_GRENZEN = {
    "latitude": ("breedtegraad", NEDERLAND.min_lat, NEDERLAND.max_lat),
    "longitude": ("lengtegraad", NEDERLAND.min_lon, NEDERLAND.max_lon),
}


def _controleer_in_nederland(naam: str, waarde: float) -> None:
    """A point outside the Netherlands is a mistake (swapped, RD metres, another country)."""
    soort, laag, hoog = _GRENZEN[naam]
    if not laag <= waarde <= hoog:
        raise Ongeldig(
            f"{waarde:g} ligt buiten Nederland: de {soort} moet tussen {laag:g} en {hoog:g} "
            "liggen (zijn breedte- en lengtegraad verwisseld?)"
        )


@dataclass
class Blok:
    """A block of rows of one table, read: every list has one item per row."""

    regels: list[int]
    pks: list[int]
    pk_hex: list[str]
    bron_ids: list[str]
    # attr -> model value per row; for a reference (a UUID) the id as an int, None when empty.
    waarden: dict[str, list] = field(default_factory=dict)
    # attr -> the same ids as 32 hex digits, for the references.
    hex: dict[str, list] = field(default_factory=dict)
    # HSDS column -> the cells as read, for what follows from the text itself (a UTC offset).
    ruw: dict[str, Sequence[str]] = field(default_factory=dict)

    @property
    def aantal(self) -> int:
        return len(self.pks)


def _als_hex(cellen: Sequence[str], bron: str, tabellen: str | Sequence[str]) -> list[str]:
    """Ids as 32 lowercase hex digits; the same UUID `sleutel` makes of each one.

    `tabellen` is the table the ids belong to, or one per id (a polymorphic reference): a
    source's own non-UUID ids become a UUID derived from source, table and id.
    """
    if set(map(len, cellen)) == {36}:
        hexen = list(map(str.replace, cellen, repeat("-"), repeat("")))
        # 36 characters of which 32 lowercase hex digits and 4 dashes: a UUID as it is written,
        # which `sleutel` reads without a derivation and UUID.hex writes as these digits.
        if set(map(len, hexen)) == {32} and _HEXCIJFERS.fullmatch("".join(hexen)):
            return hexen
    if isinstance(tabellen, str):
        tabellen = [tabellen] * len(cellen)
    try:
        return [sleutel(c, bron, tabel).hex for c, tabel in zip(cellen, tabellen, strict=True)]
    except Ongeldig:
        raise Afwijkend from None


def _als_hex_of_leeg(cellen: Sequence[str], bron: str, tabellen: str | Sequence[str]) -> list:
    """Like `_als_hex`, with None for an empty cell."""
    if "" not in cellen:
        return _als_hex(cellen, bron, tabellen)
    gevuld = [i for i, c in enumerate(cellen) if c != ""]
    uitkomst: list = [None] * len(cellen)
    if gevuld:
        if not isinstance(tabellen, str):
            tabellen = [tabellen[i] for i in gevuld]
        hexen = _als_hex([cellen[i] for i in gevuld], bron, tabellen)
        for i, h in zip(gevuld, hexen, strict=True):
            uitkomst[i] = h
    return uitkomst


def _als_int(hexen: list) -> list:
    # Ints are what the writer keeps of every id: a national import holds millions.
    if None in hexen:
        return [None if h is None else int(h, 16) for h in hexen]
    return list(map(int, hexen, repeat(16)))


def _tekst_klopt(cellen: Sequence[str], grens: int) -> bool:
    """The checks of `waarden._tekst` on a whole column of CSV text at once."""
    if max(map(len, cellen), default=0) > grens:
        return False
    samen = "".join(cellen)
    if "\x00" in samen:
        return False
    if not samen.isascii():
        try:
            samen.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return True


@dataclass(frozen=True)
class _Kolomlezer:
    positie: int
    kolom: t.Kolom
    # For a plain text column: the value an empty cell gets (None: it stays empty).
    standaard: str | None = None
    # For other kinds: the exact reader of one cell.
    lees: Callable[[str], object] | None = None


class Kolomplan:
    """How the columns of one table's CSV header are read, decided once per table."""

    def __init__(self, tabel: t.Tabel, kop: list[str], bron: str):
        self.tabel, self.bron = tabel, bron
        self.id_positie = kop.index("id")
        self.posities = {naam: i for i, naam in enumerate(kop)}
        self.lezers: list[_Kolomlezer] = []
        for i, naam in enumerate(kop):
            kolom = tabel.kolom(naam)
            if kolom is None or kolom.soort == "id":
                continue
            if kolom.soort == "tekst" and not kolom.keuzes:
                standaard = None
                if naam in tabel.altijd:
                    standaard = tabel.model._meta.get_field(kolom.attr).get_default()
                self.lezers.append(_Kolomlezer(i, kolom, standaard=standaard))
            elif kolom.soort in _UUID_SOORTEN:
                self.lezers.append(_Kolomlezer(i, kolom))
            else:
                self.lezers.append(_Kolomlezer(i, kolom, lees=partial(lees_veld, tabel, kolom)))

    def lees(self, regels: list[int], cellen: list[list[str]]) -> Blok:
        """The block read column by column; `Afwijkend` when a row needs a closer look."""
        kolommen = list(zip(*cellen, strict=True))
        ids = kolommen[self.id_positie]
        pk_hex = _als_hex(ids, self.bron, self.tabel.naam)
        blok = Blok(regels, _als_int(pk_hex), pk_hex, list(map(str.strip, ids)))
        for lezer in self.lezers:
            kolom, waarden = lezer.kolom, kolommen[lezer.positie]
            blok.ruw[kolom.naam] = waarden
            if kolom.niet_leeg and "" in waarden:
                raise Afwijkend
            if kolom.soort in _UUID_SOORTEN:
                hexen = _als_hex_of_leeg(waarden, self.bron, self._doelen(kolom, kolommen))
                blok.hex[kolom.attr] = hexen
                blok.waarden[kolom.attr] = _als_int(hexen)
            elif lezer.lees is None:
                if not _tekst_klopt(waarden, kolom.max_lengte or MAX_TEKST):
                    raise Afwijkend
                if lezer.standaard is not None and "" in waarden:
                    waarden = [w or lezer.standaard for w in waarden]
                blok.waarden[kolom.attr] = list(waarden)
            else:
                try:
                    gelezen = {w: lezer.lees(w) for w in set(waarden)}
                except Exception:  # whatever it is, the row-by-row path meets it in its place
                    raise Afwijkend from None
                blok.waarden[kolom.attr] = list(map(gelezen.__getitem__, waarden))
        return blok

    def _doelen(self, kolom: t.Kolom, kolommen: list[tuple]) -> str | Sequence[str]:
        """The table each reference points into (for a source's own ids: part of the UUID)."""
        if kolom.soort == "ref":
            return kolom.verwijst_naar
        # A polymorphic id: its table is in the row itself (attribute.link_entity).
        positie = self.posities.get(POLY_TABEL[kolom.naam])
        return "" if positie is None else kolommen[positie]
