"""Reading CSV files row by row, with the line each row starts on, without loading the file.

A wrong encoding is reported with the line it is on rather than as a bare UnicodeDecodeError:
the fast reader decodes in blocks, so on an error the file is read once more line by line to
find the exact place.
"""

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from samenspel.hsds.importeren.fouten import ImportFout, Plaats

SCHEIDINGSTEKENS = ",;\t"


class CsvRij(NamedTuple):
    # A tuple: a national import reads millions of rows.
    regel: int
    cellen: list[str]


class _Regels:
    """Decoded lines of a binary stream; `nummer` is the last line handed out."""

    def __init__(self, stroom: BinaryIO, bestand: str, tekenset: str):
        self.stroom, self.bestand, self.tekenset = stroom, bestand, tekenset
        self.nummer = 0

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(self.tekenset)("strict")
        for ruw in self.stroom:
            self.nummer += 1
            if self.nummer == 1 and ruw.startswith(codecs.BOM_UTF8) and self._is_utf8:
                ruw = ruw[len(codecs.BOM_UTF8) :]
            try:
                yield decoder.decode(ruw)
            except UnicodeDecodeError as fout:
                teken = ruw[fout.start : fout.start + 1].hex()
                raise ImportFout.een(
                    Plaats(self.bestand, self.nummer),
                    f"deze regel is geen geldige {self.tekenset}-tekst (byte 0x{teken} op "
                    f"positie {fout.start + 1}). Sla het bestand op als UTF-8"
                    + (" of geef de tekenset op met --tekenset cp1252." if self._is_utf8 else "."),
                ) from None

    @property
    def _is_utf8(self) -> bool:
        return codecs.lookup(self.tekenset).name == "utf-8"


def raad_scheiding(kopregel: str) -> str:
    """The delimiter of a header line: the candidate that occurs most (Excel uses ';')."""
    return max(SCHEIDINGSTEKENS, key=kopregel.count) if kopregel else ","


def lees_rijen(
    stroom: BinaryIO, bestand: str, tekenset: str = "utf-8", scheiding: str | None = None
) -> Iterator[CsvRij]:
    """Every non-empty row, the header included; broken quoting is an error with its line."""
    utf8 = codecs.lookup(tekenset).name == "utf-8"
    tekst = io.TextIOWrapper(stroom, encoding="utf-8-sig" if utf8 else tekenset, newline="")
    try:
        eerste = tekst.readline()
        lezer = csv.reader(
            itertools.chain([eerste], tekst),
            delimiter=scheiding or raad_scheiding(eerste),
            strict=True,
        )
        gelezen = 0  # a row starts on the line after the previous row ended
        try:
            for cellen in lezer:
                if any(cellen):  # a row of empty cells (trailing ;;;) is no row
                    yield CsvRij(gelezen + 1, cellen)
                gelezen = lezer.line_num
        except csv.Error as fout:
            raise ImportFout.een(Plaats(bestand, gelezen + 1), _uitleg(str(fout))) from None
    except UnicodeDecodeError:
        stroom.seek(0)
        for _ in _Regels(stroom, bestand, tekenset):
            pass  # raises ImportFout at the first line that does not decode
        raise ImportFout.een(
            Plaats(bestand), f"het einde van het bestand is geen geldige {tekenset}-tekst"
        ) from None
    finally:
        tekst.detach()


def _uitleg(melding: str) -> str:
    if "unexpected end of data" in melding:
        return 'aanhalingsteken (") wordt geopend maar nooit gesloten'
    if "expected after" in melding:
        return 'na een gesloten aanhalingsteken (") hoort direct het scheidingsteken te staan'
    if "field larger than field limit" in melding:
        return f"een veld is te groot ({melding})"
    return f"CSV klopt niet: {melding}"
