"""An HSDS tabular data package: datapackage.json with one CSV file per table.

A package may be a folder, a zip file, the datapackage.json inside a folder, or one HSDS CSV
file on its own. Rows are streamed from disk twice (ids first, then the rows), so a national
package never sits in memory.
"""

import json
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.importeren import oude_hsds
from samenspel.hsds.importeren.csvlezer import CsvRij, lees_rijen
from samenspel.hsds.importeren.fouten import ImportFout, Meldingen, Plaats
from samenspel.hsds.importeren.schrijven import Rij

DATAPACKAGE = "datapackage.json"


class _Map:
    """Files in a folder."""

    def __init__(self, map: Path):
        self.map = map

    def namen(self) -> list[str]:
        return sorted(p.name for p in self.map.iterdir() if p.is_file())

    def open(self, naam: str) -> BinaryIO:
        return (self.map / naam).open("rb")


class _Zip:
    """Files in a zip, under the folder that holds the package (if the zip has one)."""

    def __init__(self, pad: Path):
        try:
            self.zip = zipfile.ZipFile(pad)
        except zipfile.BadZipFile:
            raise ImportFout.een(Plaats(pad.name), "dit is geen geldig zip-bestand") from None
        namen = [n for n in self.zip.namelist() if not n.endswith("/")]
        kandidaten = [n for n in namen if posixpath.basename(n) == DATAPACKAGE] or [
            n for n in namen if n.endswith(".csv")
        ]
        self.voorvoegsel = (
            posixpath.dirname(min(kandidaten, key=lambda n: n.count("/"))) if kandidaten else ""
        )
        self._namen = [
            n[len(self.voorvoegsel) :].lstrip("/")
            for n in namen
            if posixpath.dirname(n) == self.voorvoegsel
        ]

    def namen(self) -> list[str]:
        return sorted(self._namen)

    def open(self, naam: str) -> BinaryIO:
        return self.zip.open(posixpath.join(self.voorvoegsel, naam) if self.voorvoegsel else naam)


def _ontbrekend_bestand(bron: dict, pad: str) -> str:
    naam = bron.get("name")
    if isinstance(naam, str) and naam:
        return _(
            "de bron '%(bron)s' wijst naar %(pad)s, maar dat bestand staat niet in het pakket"
        ) % {"bron": naam, "pad": pad}
    return _("deze bron wijst naar %(pad)s, maar dat bestand staat niet in het pakket") % {
        "pad": pad
    }


class TabularInvoer:
    def __init__(self, pad: Path, meldingen: Meldingen, tekenset: str = "utf-8"):
        self.meldingen, self.tekenset = meldingen, tekenset
        self.naam = pad.resolve().name or pad.name  # "." names its folder
        self.bestanden: dict[str, str] = {}
        self.tekensets: dict[str, str] = {}
        self._kop: dict[str, list[str]] = {}
        if pad.is_dir():
            self.pakket = _Map(pad)
        elif pad.suffix.lower() == ".zip":
            self.pakket = _Zip(pad)
        elif pad.name == DATAPACKAGE or pad.suffix.lower() == ".csv":
            self.pakket = _Map(pad.parent)
        else:
            raise ImportFout.een(Plaats(pad.name), "geen HSDS-datapakket")
        if pad.suffix.lower() == ".csv":
            tabel = t.tabel_voor_bestand(pad.name)
            if oud := oude_hsds.oude_bestand(pad.name):
                raise oude_hsds.weiger(Plaats(pad.name), None, [(pad.name, oud)])
            if tabel is None:
                raise ImportFout.een(
                    Plaats(pad.name),
                    "geen HSDS-bestandsnaam (bijvoorbeeld services.csv); "
                    "een spreadsheet importeer je met `samenspel importeer tabel`",
                )
            self.bestanden = {tabel.naam: pad.name}
        else:
            self._zoek_bestanden()
        if not self.bestanden:
            raise ImportFout.een(
                Plaats(pad.name), "geen HSDS-bestanden gevonden (zoals services.csv)"
            )
        for tabel in list(self.bestanden):
            self._lees_kop(tabel)

    # -- finding the files -------------------------------------------------------------------

    def _zoek_bestanden(self) -> None:
        namen = self.pakket.namen()
        beschrijving = self._datapackage() if DATAPACKAGE in namen else None
        self._weiger_oude_hsds(namen, beschrijving)
        if beschrijving is not None:
            self._uit_beschrijving(beschrijving, set(namen))
        else:
            for naam in namen:
                tabel = t.tabel_voor_bestand(naam)
                if tabel is not None:
                    self.bestanden[tabel.naam] = naam
        gebruikt = set(self.bestanden.values()) | {DATAPACKAGE}
        for naam in namen:
            if naam not in gebruikt and naam.lower().endswith(".csv"):
                self.meldingen.waarschuw(Plaats(naam), "geen HSDS-tabel; overgeslagen")

    def _weiger_oude_hsds(self, namen: list[str], beschrijving: dict | None) -> None:
        """Refuse HSDS before 3.0 as a whole, before any of its rows is read as 3.0."""
        if beschrijving is not None:
            versie = oude_hsds.verklaarde_versie(beschrijving)
            oud = [b for b in map(oude_hsds.oude_bron, beschrijving["resources"]) if b]
            plaats = Plaats(DATAPACKAGE, veld="version" if versie else None)
        else:
            versie = None
            oud = [(n, tabel) for n in namen if (tabel := oude_hsds.oude_bestand(n))]
            plaats = Plaats(self.naam)
        if versie or oud:
            raise oude_hsds.weiger(plaats, versie, oud)

    def _datapackage(self) -> dict | None:
        with self.pakket.open(DATAPACKAGE) as stroom:
            ruw = stroom.read()
        try:
            beschrijving = json.loads(ruw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as fout:
            regel = getattr(fout, "lineno", None)
            self.meldingen.waarschuw(
                Plaats(DATAPACKAGE, regel),
                f"geen geldige JSON ({fout}); ik gebruik de standaardnamen van HSDS",
            )
            return None
        if not isinstance(beschrijving, dict) or not isinstance(
            beschrijving.get("resources"), list
        ):
            self.meldingen.waarschuw(
                Plaats(DATAPACKAGE), "geen lijst 'resources'; ik gebruik de standaardnamen"
            )
            return None
        return beschrijving

    def _uit_beschrijving(self, beschrijving: dict, namen: set[str]) -> None:
        for i, bron in enumerate(beschrijving["resources"]):
            plaats = Plaats(DATAPACKAGE, f"resources[{i}]")
            pad = bron.get("path") if isinstance(bron, dict) else None
            if not isinstance(pad, str):
                self.meldingen.fout(plaats.met_veld("path"), "verwacht één bestandsnaam")
                continue
            naam = posixpath.normpath(pad)
            if naam.startswith(("/", "..")) or "/" in naam:
                self.meldingen.fout(
                    plaats.met_veld("path"), f"{pad!r} ligt niet naast datapackage.json"
                )
                continue
            if naam not in namen:
                # Whatever the resource is, the package promises a file it does not hold.
                self.meldingen.fout(plaats.met_veld("path"), _ontbrekend_bestand(bron, pad))
                continue
            tabel = t.tabellen().get(str(bron.get("name"))) or t.tabel_voor_bestand(naam)
            if tabel is None:
                self.meldingen.waarschuw(plaats, f"{pad} is geen HSDS-tabel; overgeslagen")
                continue
            self.bestanden[tabel.naam] = naam
            if isinstance(bron.get("encoding"), str):
                self.tekensets[tabel.naam] = bron["encoding"]

    # -- reading -----------------------------------------------------------------------------

    def _csv(self, tabel: str, melden: bool = True) -> Iterator[CsvRij]:
        """The rows of a table's file; both passes read it, only the first reports problems."""
        naam = self.bestanden[tabel]
        with self.pakket.open(naam) as stroom:
            tekenset = self.tekensets.get(tabel, self.tekenset)
            try:
                yield from lees_rijen(stroom, naam, tekenset, ",")
            except ImportFout as fout:
                for melding in fout.fouten if melden else ():
                    self.meldingen.fout(melding.plaats, melding.tekst)
            except LookupError:
                if melden:
                    self.meldingen.fout(Plaats(naam), f"onbekende tekenset {tekenset!r}")

    def _lees_kop(self, tabel: str) -> None:
        naam = self.bestanden[tabel]
        kop = next(self._csv(tabel), None)
        if kop is None:
            if not self.meldingen.heeft_fouten:
                self.meldingen.fout(Plaats(naam, 1), "het bestand is leeg: er is geen kopregel")
            del self.bestanden[tabel]
            return
        gezien = set()
        for nummer, kolom in enumerate(kop.cellen, start=1):
            plaats = Plaats(naam, kop.regel, kolom or f"kolom {nummer}")
            if not kolom:
                self.meldingen.fout(plaats, "deze kolom heeft geen naam")
            elif kolom in gezien:
                self.meldingen.fout(plaats, "deze kolom staat twee keer in de kopregel")
            elif t.tabel(tabel).kolom(kolom) is None:
                self.meldingen.waarschuw(plaats, "geen HSDS-veld van deze tabel; overgeslagen")
            gezien.add(kolom)
        if "id" not in gezien:
            self.meldingen.fout(Plaats(naam, kop.regel, "id"), "de kolom id ontbreekt")
            del self.bestanden[tabel]
            return
        self._kop[tabel] = kop.cellen

    def tabellen(self) -> set[str]:
        return set(self._kop)

    def kolommen(self, tabel: str) -> set[str]:
        return {k for k in self._kop[tabel] if t.tabel(tabel).kolom(k) is not None}

    def kop(self, tabel: str) -> list[str]:
        return self._kop[tabel]

    def blokken(self, tabel: str, grootte: int) -> Iterator[tuple[list[int], list[list[str]]]]:
        """The rows in blocks of `grootte`: the line each starts on, and its cells.

        What `rijen` gives, without an object per row; a row with the wrong number of fields
        is reported and left out, as there.
        """
        breedte, naam = len(self._kop[tabel]), self.bestanden[tabel]
        rijen = self._csv(tabel, melden=True)
        next(rijen, None)  # the header
        regels, blok = [], []
        for regel, cellen in rijen:
            if len(cellen) != breedte:
                self.meldingen.fout(
                    Plaats(naam, regel),
                    f"deze regel heeft {len(cellen)} velden, de kopregel {breedte}",
                )
                continue
            regels.append(regel)
            blok.append(cellen)
            if len(blok) == grootte:
                yield regels, blok
                regels, blok = [], []
        if blok:
            yield regels, blok

    def als_rijen(self, tabel: str, regels: list[int], cellen: list[list[str]]) -> list[Rij]:
        """A block from `blokken` as the rows `rijen` gives."""
        naam, posities = self.bestanden[tabel], self._posities(tabel)
        return [
            Rij(Plaats(naam, regel), {kolom: rij[i] for i, kolom in posities})
            for regel, rij in zip(regels, cellen, strict=True)
        ]

    def _posities(self, tabel: str) -> list[tuple[int, str]]:
        """Where the columns of the table are in the file (others are not read)."""
        tabelbeschrijving = t.tabel(tabel)
        return [
            (i, kolom)
            for i, kolom in enumerate(self._kop[tabel])
            if tabelbeschrijving.kolom(kolom) is not None
        ]

    def _rijen(self, tabel: str, melden: bool) -> Iterator[tuple[Plaats, list[str]]]:
        kop = self._kop[tabel]
        naam = self.bestanden[tabel]
        rijen = self._csv(tabel, melden)
        next(rijen, None)  # the header
        for rij in rijen:
            plaats = Plaats(naam, rij.regel)
            if len(rij.cellen) != len(kop):
                if melden:
                    self.meldingen.fout(
                        plaats,
                        f"deze regel heeft {len(rij.cellen)} velden, de kopregel {len(kop)}",
                    )
                continue
            yield plaats, rij.cellen

    def ids(self, tabel: str) -> Iterator[tuple[object, Plaats]]:
        positie = self._kop[tabel].index("id")
        # Only read to name where a doubled id first stood, after the rows were reported.
        for plaats, cellen in self._rijen(tabel, melden=False):
            yield cellen[positie], plaats

    def aantal(self, tabel: str) -> int:
        """Lines in the file less the header: quick, and close enough for a progress bar."""
        regels = 0
        with self.pakket.open(self.bestanden[tabel]) as stroom:
            while blok := stroom.read(1 << 20):
                regels += blok.count(b"\n")
        return max(regels - 1, 0)

    def rijen(self, tabel: str) -> Iterator[Rij]:
        posities = self._posities(tabel)
        for plaats, cellen in self._rijen(tabel, melden=True):
            yield Rij(plaats, {kolom: cellen[i] for i, kolom in posities})
