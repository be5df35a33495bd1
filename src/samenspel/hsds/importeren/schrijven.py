"""Write HSDS rows into the database: check, upsert by id in batches, log, notify search.

Every input (data package, JSON, spreadsheet) is turned into rows per HSDS table and handed
to `Schrijver`, which writes the tables in an order where references point backwards, in
batches: one query per batch for what is stored, one prepared INSERT for the new rows
(`invoegen`) and one `bulk_update` for the changed ones. A table that refers to itself has its
ids read first, as a parent may come later in the file. Nothing here sends model signals, so
the search change log (Zoekwijziging) and the history (Wijziging) are written here, in bulk,
for exactly the listings that changed.

A data package's CSV files into a table that was empty before the import (a first import, a
national one) take a faster road: a block of rows is read column by column (`kolomsgewijs`) and
written as it is. A block with anything to report or compare goes row by row instead, so
both roads end in the same records and the same messages.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol
from uuid import UUID

from django.utils import timezone

from samenspel.areas.buurtzoeker import Buurtzoeker
from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.importeren.fouten import Meldingen, Plaats
from samenspel.hsds.importeren.invoegen import Invoeger, indexen_achteraf
from samenspel.hsds.importeren.kolomsgewijs import POLY_TABEL, Afwijkend, Blok, Kolomplan, lees_veld
from samenspel.hsds.voortgang import Voortgang
from samenspel.hsds.waarden import Ongeldig, als_tekst, is_leeg, lees_tijd, sleutel
from samenspel.search.models import Zoekwijziging

BATCH = 1000
# From this many rows into an empty table, its indexes are built afterwards (`invoegen`).
INDEXEN_ACHTERAF_VANAF = 20_000
# SQLite's default limit on query parameters is far above this; PostgreSQL has none.
IN_STUKKEN = 900
MAX_GETOONDE_WIJZIGINGEN = 200

# The records a netwerkhouder follows in the history. A listing's creation is logged; other
# new rows carry their provenance on the row itself (bron, bron_id, bron_import -> the
# Importrun and its time), which keeps a national import small. Changes are always logged.
MET_HISTORIE = {"organization", "service", "location"}
AANMAAK_IN_HISTORIE = {"service"}
HERKOMST = ("bron", "bron_id", "bron_import")

# Unique together in the database, so checked up front with a message instead of a crash.
UNIEK = {
    "taxonomy_term": ("taxonomy_id", "code"),
    "attribute": ("link_entity", "link_id", "taxonomy_term_id"),
    "service_at_location": ("service_id", "location_id"),
}

# Tables that refer to themselves (a parent organisation, a broader term): their ids are read
# before their rows, as a parent may come later in the file. Every other table refers only to
# tables written before it, so its ids are collected while its rows are written.
VOORAF_GELEZEN = {"organization", "taxonomy_term"}


@dataclass
class Rij:
    """One row of one HSDS table. A column absent from `waarden` keeps its stored value."""

    plaats: Plaats
    waarden: dict[str, object]
    # How the user calls each HSDS column, when the input is not HSDS (a spreadsheet).
    veldnamen: dict[str, str] | None = None

    def plaats_van(self, kolom: str) -> Plaats:
        naam = (self.veldnamen or {}).get(kolom, kolom)
        return self.plaats.met_veld(naam)


class Invoer(Protocol):
    """An input as rows per HSDS table."""

    def tabellen(self) -> set[str]: ...

    def kolommen(self, tabel: str) -> set[str] | None:
        """The columns a table provides in every row (a CSV header), or None (JSON)."""

    def ids(self, tabel: str) -> Iterator[tuple[object, Plaats]]: ...

    def aantal(self, tabel: str) -> int:
        """About how many rows a table has, for the progress bar."""

    def rijen(self, tabel: str) -> Iterator[Rij]: ...


class CsvInvoer(Invoer, Protocol):
    """An input of CSV files, which the writer can also read a block at a time (`kolomsgewijs`)."""

    def kop(self, tabel: str) -> list[str]:
        """The header of a table's file."""

    def blokken(self, tabel: str, grootte: int) -> Iterator[tuple[list[int], list[list[str]]]]:
        """The rows in blocks: the line each row starts on, and its cells."""

    def als_rijen(self, tabel: str, regels: list[int], cellen: list[list[str]]) -> list[Rij]:
        """A block as `rijen` gives it, for the row-by-row path."""


@dataclass
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    verwijderd: int = 0

    @property
    def totaal(self) -> int:
        return self.nieuw + self.gewijzigd + self.ongewijzigd


@dataclass
class _Kandidaat:
    pk: UUID
    waarden: dict[str, object]
    rij: Rij
    bron_id: str


@dataclass
class Schrijver:
    run: object  # hsds.Importrun
    bron: str
    meldingen: Meldingen
    voortgang: Voortgang = field(default_factory=lambda: Voortgang(aan=False))
    door: str = ""

    def __post_init__(self):
        self.door = self.door or f"import {self.bron}"
        self.tellingen: dict[str, Telling] = {}
        self.wijzigingen: list[str] = []
        self.aantal_wijzigingen = 0
        # Ids per table as integers: a national import holds over a million of them.
        self.ids: dict[str, set[int]] = {}
        self._in_db: dict[str, set[int]] = defaultdict(set)
        self._uniek: dict[str, dict[tuple, object]] = defaultdict(dict)
        self._invoegers: dict[type, Invoeger] = {}
        # Tables that held nothing before this import: no stored row to compare or clash with.
        self._leeg: set[str] = set()
        # Looked up for every value of a national import, so computed once.
        self._tabelnamen = set(t.tabellen())
        self._per_naam = {n: {k.naam: k for k in tab.kolommen} for n, tab in t.tabellen().items()}
        self._niet_leeg = {
            n: [k.naam for k in tab.kolommen if k.niet_leeg] for n, tab in t.tabellen().items()
        }
        self._verwijzingen = {
            n: [k for k in tab.kolommen if k.soort in ("ref", "gebied", "polyref")]
            for n, tab in t.tabellen().items()
        }
        self._gebieden: dict[str, str] | None = None
        self._buurtzoeker: Buurtzoeker | None = None
        self._onbekende_soorten: set[str] = set()
        # Services search must read again, as ints (UUID.int), like the ids.
        self._geraakt: set[int] = set()
        self._organisaties_gewijzigd: set[UUID] = set()
        self._locaties_gewijzigd: set[UUID] = set()
        self._termen_gewijzigd: set[UUID] = set()
        self._historie: list[dict] = []
        self._dubbel: dict[int, list[Plaats]] = defaultdict(list)
        self.aantal_geraakt = 0
        self.nu = timezone.now()

    # -- the two passes ---------------------------------------------------------------------

    def schrijf(self, invoer: Invoer) -> None:
        aanwezig = [naam for naam in t.tabellen() if naam in invoer.tabellen()]
        for naam in aanwezig:
            self.tellingen[naam] = Telling()
            self.ids[naam] = set()
            if not t.tabel(naam).model.objects.exists():
                self._leeg.add(naam)
            if naam in VOORAF_GELEZEN:
                self._lees_ids(naam, invoer)
        for naam in aanwezig:
            tabel = t.tabel(naam)
            if not self._kolommen_compleet(tabel, invoer.kolommen(naam)):
                continue
            self._dubbel = defaultdict(list)
            kolommen = invoer.kolommen(naam)
            label = tabel.bestand if kolommen is not None else tabel.naam  # a file, or JSON
            aantal = invoer.aantal(naam)
            self.voortgang.start(label, aantal)
            if hasattr(invoer, "blokken"):
                if naam in self._leeg and aantal >= INDEXEN_ACHTERAF_VANAF:
                    with indexen_achteraf(tabel.model):
                        self._schrijf_blokken(tabel, invoer)
                else:
                    self._schrijf_blokken(tabel, invoer)
            else:
                rijen = invoer.rijen(naam)
                while batch := list(islice(rijen, BATCH)):
                    self._verwerk(tabel, batch)
                    self.voortgang.stap(len(batch))
            self.voortgang.klaar()
            if self._dubbel:
                self._meld_dubbel(naam, invoer, self._dubbel)
        if not self.meldingen.heeft_fouten:
            self._rond_af()

    def _schrijf_blokken(self, tabel: t.Tabel, invoer: CsvInvoer) -> None:
        plan = Kolomplan(tabel, invoer.kop(tabel.naam), self.bron)
        for regels, cellen in invoer.blokken(tabel.naam, BATCH):
            if not self._verwerk_blok(tabel, plan, regels, cellen):
                self._verwerk(tabel, invoer.als_rijen(tabel.naam, regels, cellen))
            self.voortgang.stap(len(cellen))

    def _lees_ids(self, naam: str, invoer: Invoer) -> None:
        gezien = self.ids[naam]
        dubbel: dict[int, list[Plaats]] = defaultdict(list)
        for ruw, plaats in invoer.ids(naam):
            try:
                pk = sleutel(ruw, self.bron, naam).int
            except Ongeldig as fout:
                self.meldingen.fout(plaats.met_veld("id"), str(fout))
                continue
            if pk in gezien:
                dubbel[pk].append(plaats)
            gezien.add(pk)
        if dubbel:
            self._meld_dubbel(naam, invoer, dubbel)

    def _meld_dubbel(self, naam: str, invoer: Invoer, dubbel: dict) -> None:
        """Name where each doubled id first stood: a second look, only when it happens."""
        eerste = {}
        for ruw, plaats in invoer.ids(naam):
            try:
                pk = sleutel(ruw, self.bron, naam).int
            except Ongeldig:
                continue
            eerste.setdefault(pk, plaats)
        for pk, plaatsen in dubbel.items():
            waar = eerste[pk].rij
            waar = f"regel {waar}" if isinstance(waar, int) else str(waar)
            for plaats in plaatsen:
                self.meldingen.fout(
                    plaats.met_veld("id"), f"dubbel id {UUID(int=pk)}: staat ook op {waar}"
                )

    def _kolommen_compleet(self, tabel: t.Tabel, kolommen: set[str] | None) -> bool:
        if kolommen is None:
            return True
        ontbreekt = [k.naam for k in tabel.kolommen if k.niet_leeg and k.naam not in kolommen]
        for naam in ontbreekt:
            self.meldingen.fout(
                Plaats(tabel.bestand, 1, naam), "deze verplichte kolom ontbreekt in de kopregel"
            )
        return not ontbreekt

    # -- one batch ---------------------------------------------------------------------------

    def _verwerk(self, tabel: t.Tabel, rijen: list[Rij]) -> None:
        kandidaten = [k for rij in rijen if (k := self._lees_rij(tabel, rij)) is not None]
        if tabel.naam not in VOORAF_GELEZEN:
            kandidaten = self._zonder_dubbel(tabel.naam, kandidaten)
        self._controleer_verwijzingen(tabel, kandidaten)
        bestaand = self._bestaand(tabel, kandidaten)
        self._controleer_uniek(tabel, kandidaten, bestaand)
        nieuw, gewijzigd, velden = [], [], set()
        telling = self.tellingen[tabel.naam]
        for kandidaat in kandidaten:
            oud = bestaand.get(kandidaat.pk)
            if oud is None:
                nieuw.append(self._nieuw(tabel, kandidaat))
                telling.nieuw += 1
                continue
            verschil = self._verschil(tabel, kandidaat, oud)
            if not verschil:
                telling.ongewijzigd += 1
                continue
            telling.gewijzigd += 1
            velden.update(verschil)
            gewijzigd.append((kandidaat, oud, verschil))
        if self.meldingen.heeft_fouten:
            return  # keep checking the rest, but nothing will be written
        self._invoeger(tabel.model).voeg_in(nieuw)
        if gewijzigd:
            self._werk_bij(tabel, gewijzigd, velden)
        self._invoeger(m.Wijziging).voeg_in(
            [self._invoeger(m.Wijziging).rij(r) for r in self._historie]
        )
        self._historie.clear()

    # -- one block, column by column ---------------------------------------------------------

    def _verwerk_blok(self, tabel: t.Tabel, plan: Kolomplan, regels: list, cellen: list) -> bool:
        """Take a block column by column; False if it needs the row-by-row path.

        Two kinds of block go this way: new rows into a table that held nothing before this
        import (written at once), and rows that are stored exactly as they are (a re-import;
        nothing to write). Either only when every row is clean: known references and areas,
        no doubled ids or keys. A block with anything else (a change, a new row among stored
        ones, a problem to report) goes row by row. The block is checked whole before anything
        is remembered, so the row-by-row path can take over as if this one had never looked.
        """
        naam = tabel.naam
        try:
            blok = plan.lees(regels, cellen)
        except Afwijkend:
            return False
        self._vul_blok_aan(tabel, blok)
        if not self._blok_verwijst_goed(tabel, blok):
            return False
        ids = self.ids[naam]
        # The ids of a table read in advance were checked for doubles then.
        if naam not in VOORAF_GELEZEN:
            if len(set(blok.pks)) < blok.aantal or not ids.isdisjoint(blok.pks):
                return False
        uniek = self._blok_uniek(tabel, blok)
        if uniek is None:
            return False
        nieuw = naam in self._leeg
        if not nieuw and not self._blok_ongewijzigd(tabel, blok):
            return False
        if naam not in VOORAF_GELEZEN:
            ids.update(blok.pks)
        self._uniek[naam].update(uniek)
        if not nieuw:
            self.tellingen[naam].ongewijzigd += blok.aantal
            return True
        self.tellingen[naam].nieuw += blok.aantal
        self._merk_blok(tabel, blok)
        self.aantal_wijzigingen += blok.aantal
        namen = blok.waarden.get("name")
        for i in range(min(blok.aantal, MAX_GETOONDE_WIJZIGINGEN - len(self.wijzigingen))):
            naam_i = (namen[i] if namen else "") or ""
            self.wijzigingen.append(_wijzigingsregel("+", tabel, UUID(int=blok.pks[i]), naam_i))
        if not self.meldingen.heeft_fouten:  # else keep checking, but write nothing
            self._schrijf_blok(tabel, blok)
        return True

    def _vul_blok_aan(self, tabel: t.Tabel, blok: Blok) -> None:
        """`_vul_aan` for a whole block: a time's UTC offset, a location's buurt."""
        if tabel.naam == "schedule":
            zones = blok.ruw.get("timezone")
            if zones is not None and "" not in zones:
                return
            leeg = [""] * blok.aantal
            van, tot = blok.ruw.get("opens_at", leeg), blok.ruw.get("closes_at", leeg)
            gelezen = blok.waarden.get("timezone") or [None] * blok.aantal
            verschuiving: dict[str, float | None] = {}
            aangevuld = []
            for zone_ruw, waarde, *tijden in zip(zones or leeg, gelezen, van, tot, strict=True):
                if zone_ruw == "":
                    for ruw in tijden:
                        if ruw == "":
                            continue
                        if ruw not in verschuiving:
                            verschuiving[ruw] = lees_tijd(ruw)[1]
                        if verschuiving[ruw] is not None:
                            waarde = verschuiving[ruw]
                            break
                aangevuld.append(waarde)
            blok.waarden["timezone"] = aangevuld
        elif tabel.naam == "location" and "buurt_id" not in blok.waarden:
            breedte, lengte = blok.waarden.get("latitude"), blok.waarden.get("longitude")
            if breedte is not None and lengte is not None:
                blok.waarden["buurt_id"] = self._zoeker().buurten_voor(breedte, lengte)

    def _blok_verwijst_goed(self, tabel: t.Tabel, blok: Blok) -> bool:
        """Every reference of the block points to a record that exists, every area is known."""
        for kolom in self._verwijzingen[tabel.naam]:
            waarden = blok.waarden.get(kolom.attr)
            if waarden is None or kolom.naam == "resource_id":
                continue  # history may describe records that no longer exist
            if kolom.soort == "gebied":
                codes = set(waarden)
                codes.discard(None)
                if any(self._gebied_niveau(code) != kolom.niveau for code in codes):
                    return False
                continue
            if kolom.soort == "ref":
                groepen = {kolom.verwijst_naar: waarden}
            else:  # which table a polymorphic id is in, the row says
                soorten = blok.ruw.get(POLY_TABEL[kolom.naam])
                if soorten is None:
                    return False
                groepen = defaultdict(list)
                for doel, pk in zip(soorten, waarden, strict=True):
                    groepen[doel].append(pk)
            for doel, pks in groepen.items():
                if doel not in self._tabelnamen:
                    return False
                onbekend = set(pks)
                onbekend.discard(None)
                onbekend.difference_update(self.ids.get(doel, ()))
                onbekend.difference_update(self._in_db[doel])
                if onbekend:
                    self._zoek_in_db(doel, onbekend)
                    if not onbekend.issubset(self._in_db[doel]):
                        return False
        return True

    def _blok_uniek(self, tabel: t.Tabel, blok: Blok) -> dict | None:
        """The block's keys that must be unique, with their line; None if one is doubled."""
        velden = UNIEK.get(tabel.naam)
        kolommen = [blok.waarden.get(veld) for veld in velden or ()]
        if not kolommen or any(kolom is None for kolom in kolommen):
            return {}  # a key without all its fields never clashes
        eerder = self._uniek[tabel.naam]
        sleutels = list(zip(*kolommen, strict=True))
        if not any(None in kolom or "" in kolom for kolom in kolommen):
            nieuw = dict(zip(sleutels, blok.regels, strict=True))
            if len(nieuw) < len(sleutels) or not eerder.keys().isdisjoint(sleutels):
                return None
            return nieuw
        nieuw = {}
        for sleutel_, regel in zip(sleutels, blok.regels, strict=True):
            if None in sleutel_ or "" in sleutel_:
                continue  # NULL or an empty code never clashes
            if sleutel_ in eerder or sleutel_ in nieuw:
                return None
            nieuw[sleutel_] = regel
        return nieuw

    def _merk_blok(self, tabel: t.Tabel, blok: Blok) -> None:
        """`_merk` for a block of new rows: the listings search must read again."""
        naam = tabel.naam
        if naam == "service":
            self._geraakt.update(blok.pks)
        elif naam in ("service_at_location", "schedule", "cost_option"):
            self._geraakt.update(pk for pk in blok.waarden.get("service_id", ()) if pk is not None)
        elif naam == "accessibility":
            # Search reads a place's access; its listings are found in `_rond_af`.
            self._locaties_gewijzigd.update(
                UUID(int=pk) for pk in blok.waarden.get("location_id", ()) if pk is not None
            )
        elif naam == "attribute" and "link_id" in blok.waarden:
            soorten = blok.waarden.get("link_entity") or [None] * blok.aantal
            self._geraakt.update(
                pk
                for soort, pk in zip(soorten, blok.waarden["link_id"], strict=True)
                if soort == "service" and pk is not None
            )

    def _blok_ongewijzigd(self, tabel: t.Tabel, blok: Blok) -> bool:
        """Every row of the block is stored already, with exactly the block's values.

        Compared as model values, as `_verschil` compares them, a column at a time; ids as the
        database holds them, which saves making millions of UUIDs.
        """
        invoeger = self._invoeger(tabel.model)
        pks = invoeger.uuids(blok.pk_hex)
        attrs = list(blok.waarden)
        opgeslagen = invoeger.opgeslagen(attrs, pks, IN_STUKKEN)
        if len(opgeslagen) < blok.aantal:
            return False
        rijen = list(map(opgeslagen.__getitem__, pks))
        for i, attr in enumerate(attrs):
            kolom = [rij[i] for rij in rijen]
            if attr in blok.hex:
                if kolom != invoeger.uuids(blok.hex[attr]):
                    return False
            elif invoeger.als_model(attr, kolom) != blok.waarden[attr]:
                return False
        return True

    def _db_kolommen(self, invoeger: Invoeger, blok: Blok) -> dict[str, list]:
        """The block's id and values as the database takes them."""
        kolommen = {"id": invoeger.uuids(blok.pk_hex)}
        for attr, waarden in blok.waarden.items():
            if attr in blok.hex:
                kolommen[attr] = invoeger.uuids(blok.hex[attr])
            else:
                kolommen[attr] = invoeger.kolom(attr, waarden)
        return kolommen

    def _schrijf_blok(self, tabel: t.Tabel, blok: Blok) -> None:
        invoeger = self._invoeger(tabel.model)
        kolommen = self._db_kolommen(invoeger, blok)
        vast = {}
        if _heeft_herkomst(tabel.model):
            kolommen["bron_id"] = blok.bron_ids
            vast = {"bron": self.bron, "bron_import": self.run.pk}
        invoeger.voeg_in(invoeger.rijen(kolommen, vast, blok.aantal))
        if tabel.naam in AANMAAK_IN_HISTORIE:
            historie = self._invoeger(m.Wijziging)
            kolommen = {
                "id": historie.uuids([uuid.uuid4().hex for _ in range(blok.aantal)]),
                "resource_id": historie.uuids(blok.pk_hex),
            }
            vast = {
                "resource_type": tabel.naam,
                "last_action_date": self.nu,
                "last_action_type": "create",
                "field_name": "",
                "previous_value": als_tekst(None),
                "replacement_value": als_tekst(None),
                "updated_by": self.door,
            }
            historie.voeg_in(historie.rijen(kolommen, vast, blok.aantal))

    def _zonder_dubbel(self, naam: str, kandidaten: list[_Kandidaat]) -> list[_Kandidaat]:
        ids, uniek = self.ids[naam], []
        for kandidaat in kandidaten:
            pk = kandidaat.pk.int
            if pk in ids:
                self._dubbel[pk].append(kandidaat.rij.plaats)
                continue
            ids.add(pk)
            uniek.append(kandidaat)
        return uniek

    def _invoeger(self, model) -> Invoeger:
        if model not in self._invoegers:
            self._invoegers[model] = Invoeger(model, self.nu)
        return self._invoegers[model]

    def _lees_rij(self, tabel: t.Tabel, rij: Rij) -> _Kandidaat | None:
        ruw_id = rij.waarden.get("id")
        try:
            pk = sleutel(ruw_id, self.bron, tabel.naam)
        except Ongeldig as fout:
            if tabel.naam not in VOORAF_GELEZEN:  # else reported when the ids were read
                self.meldingen.fout(rij.plaats_van("id"), str(fout))
            return None
        waarden: dict[str, object] = {}
        goed = True
        per_naam = self._per_naam[tabel.naam]
        for naam, ruw in rij.waarden.items():
            kolom = per_naam.get(naam)
            if kolom is None or kolom.soort == "id":
                continue
            if kolom.niet_leeg and is_leeg(ruw):
                self.meldingen.fout(rij.plaats_van(naam), "verplicht veld is leeg")
                goed = False
                continue
            try:
                waarden[kolom.attr] = self._lees_waarde(tabel, kolom, ruw, rij)
            except Ongeldig as fout:
                self.meldingen.fout(rij.plaats_van(naam), str(fout))
                goed = False
        for naam in self._niet_leeg[tabel.naam]:
            if naam not in rij.waarden:
                self.meldingen.fout(rij.plaats_van(naam), "verplicht veld ontbreekt")
                goed = False
        if not goed:
            return None
        self._vul_aan(tabel, rij, waarden)
        return _Kandidaat(pk, waarden, rij, str(ruw_id).strip())

    def _lees_waarde(self, tabel: t.Tabel, kolom: t.Kolom, ruw, rij: Rij):
        if kolom.soort == "ref":
            return None if is_leeg(ruw) else sleutel(ruw, self.bron, kolom.verwijst_naar)
        if kolom.soort == "polyref":
            soort = rij.waarden.get(POLY_TABEL[kolom.naam])
            return None if is_leeg(ruw) else sleutel(ruw, self.bron, str(soort or ""))
        return lees_veld(tabel, kolom, ruw)

    def _vul_aan(self, tabel: t.Tabel, rij: Rij, waarden: dict) -> None:
        """What follows from other fields: a time's UTC offset, a location's buurt."""
        if tabel.naam == "schedule" and is_leeg(rij.waarden.get("timezone")):
            for naam in ("opens_at", "closes_at"):
                ruw = rij.waarden.get(naam)
                if not is_leeg(ruw) and (zone := lees_tijd(ruw)[1]) is not None:
                    waarden["timezone"] = zone
                    break
        if tabel.naam == "location" and "buurt_id" not in waarden:
            lat, lon = waarden.get("latitude"), waarden.get("longitude")
            if lat is not None and lon is not None:
                buurt = self._zoeker().buurt_voor(lat, lon)
                if buurt:
                    waarden["buurt_id"] = buurt

    # -- checks ----------------------------------------------------------------------------

    def _controleer_verwijzingen(self, tabel: t.Tabel, kandidaten: list[_Kandidaat]) -> None:
        verwijzingen = self._verwijzingen[tabel.naam]
        if not verwijzingen:
            return
        gevraagd: dict[str, set[UUID]] = defaultdict(set)
        for kandidaat in kandidaten:
            for kolom in verwijzingen:
                waarde = kandidaat.waarden.get(kolom.attr)
                if waarde is None or kolom.soort == "gebied":
                    continue
                doel = self._doel(kolom, kandidaat)
                if doel in self._tabelnamen and not self._bekend(doel, waarde.int):
                    gevraagd[doel].add(waarde.int)
        for doel, pks in gevraagd.items():
            self._zoek_in_db(doel, pks)
        for kandidaat in kandidaten:
            for kolom in verwijzingen:
                self._controleer_verwijzing(kolom, kandidaat)

    def _bekend(self, doel: str, pk: int) -> bool:
        return pk in self.ids.get(doel, ()) or pk in self._in_db[doel]

    def _zoek_in_db(self, doel: str, pks: Iterable[int]) -> None:
        """Remember which of these ids of `doel` are stored (before this import)."""
        model = t.tabel(doel).model
        for stuk in _stukken([UUID(int=pk) for pk in pks]):
            gevonden = model.objects.filter(pk__in=stuk).values_list("pk", flat=True)
            self._in_db[doel].update(pk.int for pk in gevonden)

    def _doel(self, kolom: t.Kolom, kandidaat: _Kandidaat) -> str | None:
        if kolom.soort == "polyref":
            return str(kandidaat.rij.waarden.get(POLY_TABEL[kolom.naam]) or "")
        return kolom.verwijst_naar

    def _controleer_verwijzing(self, kolom: t.Kolom, kandidaat: _Kandidaat) -> None:
        waarde = kandidaat.waarden.get(kolom.attr)
        if waarde is None:
            return
        if kolom.soort == "gebied":
            if self._gebied_niveau(waarde) != kolom.niveau:
                self.meldingen.waarschuw(
                    kandidaat.rij.plaats_van(kolom.naam),
                    f"{kolom.niveau} {waarde} is onbekend; koppeling weggelaten",
                )
                # Not read at all: a new record gets no link, a stored one keeps its own.
                del kandidaat.waarden[kolom.attr]
            return
        doel = self._doel(kolom, kandidaat)
        if kolom.naam == "resource_id":
            return  # history may describe records that no longer exist
        if doel not in self._tabelnamen:
            if doel not in self._onbekende_soorten:
                self._onbekende_soorten.add(doel)
                self.meldingen.waarschuw(
                    kandidaat.rij.plaats_van(kolom.naam),
                    f"link_entity {doel!r} is geen HSDS-tabel; niet gecontroleerd",
                )
            return
        if self._bekend(doel, waarde.int):
            return
        plaats = kandidaat.rij.plaats_van(kolom.naam)
        tekst = f"verwijst naar {doel} {kandidaat.rij.waarden.get(kolom.naam)}, die niet bestaat"
        if kolom.niet_leeg:
            self.meldingen.fout(plaats, tekst)
        else:
            self.meldingen.waarschuw(plaats, tekst + "; koppeling weggelaten")
            del kandidaat.waarden[kolom.attr]

    def _bestaand(self, tabel: t.Tabel, kandidaten: list[_Kandidaat]) -> dict[UUID, dict]:
        if not kandidaten or tabel.naam in self._leeg:
            return {}
        velden = {attr for k in kandidaten for attr in k.waarden}
        velden.update(UNIEK.get(tabel.naam, ()))
        if _heeft_herkomst(tabel.model):
            velden.update(HERKOMST)
        uitkomst = {}
        for stuk in _stukken([k.pk for k in kandidaten]):
            for rij in tabel.model.objects.filter(pk__in=stuk).values("pk", *sorted(velden)):
                uitkomst[rij.pop("pk")] = rij
        return uitkomst

    def _controleer_uniek(self, tabel: t.Tabel, kandidaten, bestaand) -> None:
        sleutelvelden = UNIEK.get(tabel.naam)
        if not sleutelvelden:
            return
        nodig = {}
        for kandidaat in kandidaten:
            samen = {**bestaand.get(kandidaat.pk, {}), **kandidaat.waarden}
            waarde = tuple(samen.get(v) for v in sleutelvelden)
            if any(w is None or w == "" for w in waarde):
                continue  # NULL or an empty code never clashes
            # Kept compact (ints, not UUIDs, and only the row): one per link in a national set.
            compact = tuple(w.int if isinstance(w, UUID) else w for w in waarde)
            eerder = self._uniek[tabel.naam].get(compact)
            if eerder is not None:
                waar = f"regel {eerder}" if isinstance(eerder, int) else str(eerder)
                self.meldingen.fout(
                    kandidaat.rij.plaats,
                    f"{tabel.naam} staat dubbel: zelfde {', '.join(sleutelvelden)} als op {waar}",
                )
                continue
            self._uniek[tabel.naam][compact] = kandidaat.rij.plaats.rij
            oud = bestaand.get(kandidaat.pk)
            if oud is not None and tuple(oud.get(v) for v in sleutelvelden) == waarde:
                # Its own stored row holds this key, so no other row can (the database keeps
                # it unique): what a re-import mostly sees, and no query needed.
                continue
            nodig[waarde] = kandidaat
        if not nodig or tabel.naam in self._leeg:
            return
        filters = {f"{v}__in": {w[i] for w in nodig} for i, v in enumerate(sleutelvelden)}
        eigen = self.ids[tabel.naam]
        for rij in tabel.model.objects.filter(**filters).values_list("pk", *sleutelvelden):
            andere, waarde = rij[0], tuple(rij[1:])
            kandidaat = nodig.get(waarde)
            if kandidaat is not None and andere != kandidaat.pk and andere.int not in eigen:
                self.meldingen.fout(
                    kandidaat.rij.plaats,
                    f"er bestaat al een {tabel.naam} ({andere}) met dezelfde "
                    f"{', '.join(sleutelvelden)}",
                )

    # -- writing -----------------------------------------------------------------------------

    def _nieuw(self, tabel: t.Tabel, kandidaat: _Kandidaat):
        velden = kandidaat.waarden  # not needed after this, so filled in place
        if _heeft_herkomst(tabel.model):
            velden.update(bron=self.bron, bron_id=kandidaat.bron_id, bron_import=self.run.pk)
        self._merk(tabel, kandidaat, velden, {})
        self._toon("+", tabel, kandidaat, [])
        velden["id"] = kandidaat.pk
        return self._invoeger(tabel.model).rij(velden)

    def _verschil(self, tabel: t.Tabel, kandidaat: _Kandidaat, oud: dict) -> list[str]:
        verschil = [attr for attr, w in kandidaat.waarden.items() if oud.get(attr) != w]
        if not verschil:
            return []
        if tabel.naam == "service" and "last_modified" not in kandidaat.waarden:
            kandidaat.waarden["last_modified"] = self.nu
            verschil.append("last_modified")
        if _heeft_herkomst(tabel.model):
            kandidaat.waarden.update(
                bron=self.bron, bron_id=kandidaat.bron_id, bron_import=self.run.pk
            )
            verschil.extend(HERKOMST)
        if tabel.naam == "organization":
            kandidaat.waarden["gewijzigd"] = self.nu  # bulk_update skips auto_now
            verschil.append("gewijzigd")
        return verschil

    def _werk_bij(self, tabel: t.Tabel, gewijzigd: list, velden: set[str]) -> None:
        objecten = []
        for kandidaat, oud, verschil in gewijzigd:
            samen = {**oud, **kandidaat.waarden}
            objecten.append(tabel.model(pk=kandidaat.pk, **{v: samen.get(v) for v in velden}))
            inhoud = [v for v in verschil if v not in HERKOMST and v != "gewijzigd"]
            self._merk(tabel, kandidaat, kandidaat.waarden, oud, inhoud)
            self._toon("~", tabel, kandidaat, inhoud)
        tabel.model.objects.bulk_update(objecten, sorted(velden), batch_size=200)

    def _merk(self, tabel, kandidaat, nieuw: dict, oud: dict, verschil=None) -> None:
        """Remember which listings search must re-read, and write the history."""
        naam, pk = tabel.naam, kandidaat.pk
        if naam == "service":
            self._geraakt.add(pk.int)
        elif naam in ("service_at_location", "schedule", "cost_option"):
            for waarden in (nieuw, oud):
                if waarden.get("service_id"):
                    self._geraakt.add(waarden["service_id"].int)
        elif naam == "accessibility":
            for waarden in (nieuw, oud):
                if waarden.get("location_id"):
                    self._locaties_gewijzigd.add(waarden["location_id"])
        elif naam == "attribute" and nieuw.get("link_entity") == "service":
            if nieuw.get("link_id") is not None:
                self._geraakt.add(nieuw["link_id"].int)
        elif naam == "organization" and oud:
            self._organisaties_gewijzigd.add(pk)
        elif naam == "location" and oud:
            self._locaties_gewijzigd.add(pk)
        elif naam == "taxonomy_term" and oud:
            self._termen_gewijzigd.add(pk)
        if naam not in MET_HISTORIE:
            return
        if verschil is None:
            if naam in AANMAAK_IN_HISTORIE:
                self._historie.append(self._historieregel(naam, pk, "create"))
            return
        kolommen = {k.attr: k.naam for k in t.tabel(naam).kolommen}
        for attr in verschil:
            if attr in kolommen:
                self._historie.append(
                    self._historieregel(
                        naam, pk, "update", kolommen[attr], oud.get(attr), nieuw.get(attr)
                    )
                )

    def _historieregel(self, soort, pk, actie, veld="", oud=None, nieuw=None) -> dict:
        return {
            "id": uuid.uuid4(),
            "resource_id": pk,
            "resource_type": soort,
            "last_action_date": self.nu,
            "last_action_type": actie,
            "field_name": veld,
            "previous_value": als_tekst(oud),
            "replacement_value": als_tekst(nieuw),
            "updated_by": self.door,
        }

    def _toon(self, teken: str, tabel, kandidaat, velden: list[str]) -> None:
        self.aantal_wijzigingen += 1
        if len(self.wijzigingen) >= MAX_GETOONDE_WIJZIGINGEN:
            return
        naam = kandidaat.waarden.get("name") or ""
        self.wijzigingen.append(_wijzigingsregel(teken, tabel, kandidaat.pk, naam, velden))

    def _rond_af(self) -> None:
        geraakt = set(self._geraakt)
        zoekopdrachten = [
            (m.Service, "organization_id", self._organisaties_gewijzigd, "pk"),
            (m.ServiceAtLocation, "location_id", self._locaties_gewijzigd, "service_id"),
            (m.Attribute, "taxonomy_term_id", self._termen_gewijzigd, "link_id"),
        ]
        for model, veld, pks, waarde in zoekopdrachten:
            for stuk in _stukken(list(pks)):
                qs = model.objects.filter(**{f"{veld}__in": stuk})
                if model is m.Attribute:
                    qs = qs.filter(link_entity="service")
                geraakt.update(pk.int for pk in qs.values_list(waarde, flat=True) if pk is not None)
        invoeger = self._invoeger(Zoekwijziging)
        # In order of id, so the same import logs the same way every time.
        hexen = [f"{pk:032x}" for pk in sorted(geraakt)]
        invoeger.voeg_in(invoeger.rijen({"service_id": invoeger.uuids(hexen)}, {}, len(hexen)))
        self.aantal_geraakt = len(geraakt)

    # -- areas -------------------------------------------------------------------------------

    def _gebied_niveau(self, code: str) -> str | None:
        if self._gebieden is None:
            self._gebieden = dict(Gebied.objects.values_list("code", "niveau"))
        return self._gebieden.get(code)

    def _zoeker(self) -> Buurtzoeker:
        # Built on first need and kept for the whole import: the buurten do not change in it.
        if self._buurtzoeker is None:
            self._buurtzoeker = Buurtzoeker.uit_database()
        return self._buurtzoeker


def _wijzigingsregel(teken: str, tabel: t.Tabel, pk: UUID, naam, velden=()) -> str:
    regel = f"{teken} {tabel.naam} {pk}"
    if naam:
        regel += f" {naam!s}"[:80]
    if velden:
        kolommen = {k.attr: k.naam for k in tabel.kolommen}
        regel += ": " + ", ".join(kolommen.get(v, v) for v in velden)
    return regel


def _heeft_herkomst(model) -> bool:
    return issubclass(model, m.Herkomst)


def _stukken(items: list, grootte: int = IN_STUKKEN) -> Iterable[list]:
    for begin in range(0, len(items), grootte):
        yield items[begin : begin + grootte]
