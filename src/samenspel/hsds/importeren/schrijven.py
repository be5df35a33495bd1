"""Write HSDS rows into the database: check, upsert by id in batches, log, notify search.

Every input (data package, JSON, spreadsheet) is turned into rows per HSDS table and handed
to `Schrijver`, which writes the tables in an order where references point backwards, in
batches: one query per batch for what is stored, one prepared INSERT for the new rows
(`invoegen`) and one `bulk_update` for the changed ones. A table that refers to itself has its
ids read first, as a parent may come later in the file. Nothing here sends model signals, so
the search change log (Zoekwijziging) and the history (Wijziging) are written here, in bulk,
for exactly the listings that changed.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol
from uuid import UUID

from django.utils import timezone

from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.hsds import tabellen as t
from samenspel.hsds.importeren.fouten import Meldingen, Plaats
from samenspel.hsds.importeren.invoegen import Invoeger
from samenspel.hsds.ruimte import Buurtzoeker
from samenspel.hsds.voortgang import Voortgang
from samenspel.hsds.waarden import Ongeldig, als_tekst, is_leeg, lees, lees_tijd, sleutel
from samenspel.search.models import Zoekwijziging

BATCH = 1000
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

# Where a polymorphic id (attribute.link_id, metadata.resource_id) says which table it is in.
POLY_TABEL = {"link_id": "link_entity", "resource_id": "resource_type"}


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
        self._in_db: dict[str, set[UUID]] = defaultdict(set)
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
        self._geraakt: set[UUID] = set()
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
            self.voortgang.start(label, invoer.aantal(naam))
            rijen = invoer.rijen(naam)
            while batch := list(islice(rijen, BATCH)):
                self._verwerk(tabel, batch)
                self.voortgang.stap(len(batch))
            self.voortgang.klaar()
            if self._dubbel:
                self._meld_dubbel(naam, invoer, self._dubbel)
        if not self.meldingen.heeft_fouten:
            self._rond_af()

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
        waarde = lees(kolom, ruw)
        if waarde == "" and kolom.naam in tabel.altijd:
            # HSDS requires it; an empty value takes Samenspel's default (country NL, …).
            standaard = tabel.model._meta.get_field(kolom.attr).get_default()
            return standaard if standaard is not None else waarde
        return waarde

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
                buurt = self._buurt_voor(lat, lon)
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
                if doel in self._tabelnamen:
                    if waarde.int not in self.ids.get(doel, ()) and waarde not in self._in_db[doel]:
                        gevraagd[doel].add(waarde)
        for doel, pks in gevraagd.items():
            model = t.tabel(doel).model
            for stuk in _stukken(list(pks)):
                self._in_db[doel].update(
                    model.objects.filter(pk__in=stuk).values_list("pk", flat=True)
                )
        for kandidaat in kandidaten:
            for kolom in verwijzingen:
                self._controleer_verwijzing(kolom, kandidaat)

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
        if waarde.int in self.ids.get(doel, ()) or waarde in self._in_db[doel]:
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
            self._geraakt.add(pk)
        elif naam in ("service_at_location", "schedule", "cost_option"):
            for waarden in (nieuw, oud):
                if waarden.get("service_id"):
                    self._geraakt.add(waarden["service_id"])
        elif naam == "attribute" and nieuw.get("link_entity") == "service":
            self._geraakt.add(nieuw.get("link_id"))
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
        regel = f"{teken} {tabel.naam} {kandidaat.pk}"
        if naam:
            regel += f" {naam!s}"[:80]
        if velden:
            kolommen = {k.attr: k.naam for k in tabel.kolommen}
            regel += ": " + ", ".join(kolommen.get(v, v) for v in velden)
        self.wijzigingen.append(regel)

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
                geraakt.update(qs.values_list(waarde, flat=True))
        geraakt.discard(None)
        invoeger = self._invoeger(Zoekwijziging)
        invoeger.voeg_in([invoeger.rij({"service_id": pk}) for pk in geraakt])
        self.aantal_geraakt = len(geraakt)

    # -- areas -------------------------------------------------------------------------------

    def _gebied_niveau(self, code: str) -> str | None:
        if self._gebieden is None:
            self._gebieden = dict(Gebied.objects.values_list("code", "niveau"))
        return self._gebieden.get(code)

    def _buurt_voor(self, lat: float, lon: float) -> str | None:
        if self._buurtzoeker is None:
            self._buurtzoeker = Buurtzoeker.uit_database()
        buurt = self._buurtzoeker.buurt_voor(lat, lon)
        return buurt


def _heeft_herkomst(model) -> bool:
    return issubclass(model, m.Herkomst)


def _stukken(items: list, grootte: int = IN_STUKKEN) -> Iterable[list]:
    for begin in range(0, len(items), grootte):
        yield items[begin : begin + grootte]
