"""HSDS as JSON: one record or a list of them, fully nested, as the HSDS API returns them.

Accepted: a service, organization, service_at_location, location, taxonomy or taxonomy_term;
a list of those; a page of an HSDS API (``{"contents": [...]}``); and the tabular example
form (``{"services.csv": [rows]}``). Nesting is flattened into rows per table: a child row
gets its parent's id (a phone in a service gets ``service_id``), and a record that appears
in several places (one phone listed under the service, its contact and its location) becomes
one row with every link. Places in messages are JSON paths such as
``$.service_at_locations[0].location.addresses[1]``.
"""

import json
from pathlib import Path
from uuid import UUID

from samenspel.hsds import tabelkoppeling as t
from samenspel.hsds.importeren.fouten import ImportFout, Meldingen, Plaats
from samenspel.hsds.importeren.schrijven import Rij
from samenspel.hsds.waarden import Ongeldig, is_leeg, sleutel

SOORTEN = (
    "service",
    "organization",
    "service_at_location",
    "location",
    "taxonomy",
    "taxonomy_term",
)
# Keys that say what a record is when the document does not.
_TAXONOMIE_SLEUTELS = {"id", "name", "description", "uri", "version", "metadata"}
_TERM_SLEUTELS = {"taxonomy_detail", "parent_id", "term_uri", "taxonomy_id", "code", "taxonomy"}


def herken(record: dict) -> str:
    """The HSDS table a JSON record most likely belongs to."""
    sleutels = set(record)
    if "location_type" in sleutels:
        return "location"
    if "status" in sleutels or "service_at_locations" in sleutels:
        return "service"
    if "name" not in sleutels and sleutels & {"service", "location", "service_id", "location_id"}:
        return "service_at_location"
    if sleutels & _TERM_SLEUTELS:
        return "taxonomy_term"
    if sleutels <= _TAXONOMIE_SLEUTELS and "version" in sleutels:
        return "taxonomy"
    return "organization"


class JsonInvoer:
    def __init__(self, pad: Path, meldingen: Meldingen, bron: str, soort: str | None = None):
        self.bestand, self.meldingen, self.bron = pad.name, meldingen, bron
        self._rijen: dict[str, dict[UUID, Rij]] = {}
        self._gewaarschuwd: set[tuple[str, str]] = set()
        # In the tabular form a missing column keeps what is stored, as in a CSV file.
        self._is_tabular = False
        if soort is not None and soort not in SOORTEN:
            raise ImportFout.een(
                Plaats(self.bestand), f"onbekende soort {soort!r}; kies uit {', '.join(SOORTEN)}"
            )
        document = self._lees(pad)
        self._verwerk_document(document, soort)
        if not self._is_tabular:
            self._vul_lege_velden()

    # -- reading the file ------------------------------------------------------------------

    def _lees(self, pad: Path):
        ruw = pad.read_bytes()
        if not ruw.strip():
            raise ImportFout.een(Plaats(self.bestand), "het bestand is leeg")
        try:
            tekst = ruw.decode("utf-8-sig")
        except UnicodeDecodeError as fout:
            regel = ruw[: fout.start].count(b"\n") + 1
            raise ImportFout.een(
                Plaats(self.bestand, regel),
                f"geen geldige UTF-8-tekst (byte 0x{ruw[fout.start]:02x}); JSON is altijd UTF-8",
            ) from None
        try:
            return json.loads(tekst)
        except json.JSONDecodeError as fout:
            raise ImportFout.een(
                Plaats(self.bestand, fout.lineno),
                f"geen geldige JSON: {fout.msg} (kolom {fout.colno})",
            ) from None
        except RecursionError:
            raise ImportFout.een(Plaats(self.bestand), "de JSON is te diep genest") from None

    def _verwerk_document(self, document, soort: str | None) -> None:
        if isinstance(document, list):
            self._lijst(document, "$", soort)
        elif not isinstance(document, dict):
            raise ImportFout.een(Plaats(self.bestand, "$"), "verwacht een JSON-object of -lijst")
        elif isinstance(document.get("contents"), list):
            self._lijst(document["contents"], "$.contents", soort)
        elif document and all(isinstance(k, str) and k.endswith(".csv") for k in document):
            self._tabular(document)
        elif "id" in document or {"name", "status", "location_type"} & set(document):
            self._record(soort or herken(document), document, "$", {})
        elif {"version", "openapi_url"} & set(document):
            self.meldingen.waarschuw(
                Plaats(self.bestand, "$"), "dit is de beschrijving van een HSDS-API, geen gegevens"
            )
        else:
            raise ImportFout.een(
                Plaats(self.bestand, "$"),
                'geen HSDS-gegevens: verwacht een record met id, een lijst of {"contents": …}',
            )

    def _lijst(self, items: list, pad: str, soort: str | None) -> None:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.meldingen.fout(Plaats(self.bestand, f"{pad}[{i}]"), "verwacht een object")
                continue
            self._record(soort or herken(item), item, f"{pad}[{i}]", {})

    def _tabular(self, document: dict) -> None:
        self._is_tabular = True
        for bestand, rijen in document.items():
            tabel = t.tabel_voor_bestand(bestand)
            plaats = Plaats(self.bestand, f"$[{bestand!r}]")
            if tabel is None or not isinstance(rijen, list):
                self.meldingen.waarschuw(plaats, "geen HSDS-tabel; overgeslagen")
                continue
            for i, rij in enumerate(rijen):
                if not isinstance(rij, dict):
                    self.meldingen.fout(
                        Plaats(self.bestand, f"{plaats.rij}[{i}]"), "verwacht een object"
                    )
                    continue
                waarden = {k: v for k, v in rij.items() if tabel.kolom(k) is not None}
                self._voeg_toe(tabel.naam, waarden, Plaats(self.bestand, f"{plaats.rij}[{i}]"))

    # -- flattening --------------------------------------------------------------------------

    def _record(self, soort: str, record: dict, pad: str, context: dict) -> str | None:
        """Add a record and its nested records; return its id as written."""
        plaats = Plaats(self.bestand, pad)
        if not isinstance(record, dict):
            self.meldingen.fout(plaats, "verwacht een object")
            return None
        tabel = t.tabel(soort)
        if is_leeg(record.get("id")):
            self.meldingen.fout(plaats.met_veld("id"), "het id ontbreekt")
            return None
        nesten = {n.sleutel: n for n in t.GENEST.get(soort, ())}
        waarden = {}
        for sleutel_, waarde in record.items():
            if tabel.kolom(sleutel_) is not None:
                waarden[sleutel_] = waarde
            elif sleutel_ not in nesten and sleutel_ not in ("attributes", "metadata"):
                self._waarschuw_eenmaal(soort, sleutel_, plaats)
        for kolom, waarde in context.items():
            self._zet_context(waarden, kolom, waarde, plaats)
        eigen_id = record["id"]
        for nest in nesten.values():
            inhoud = record.get(nest.sleutel)
            if inhoud is None:
                continue
            subpad = f"{pad}.{nest.sleutel}"
            if not nest.lijst:
                kind_id = self._record(nest.kind, inhoud, subpad, {})
                if kind_id is not None:
                    self._zet_context(waarden, nest.kolom, kind_id, plaats)
                continue
            if not isinstance(inhoud, list):
                self.meldingen.fout(Plaats(self.bestand, subpad), "verwacht een lijst")
                continue
            for i, kind in enumerate(inhoud):
                self._record(nest.kind, kind, f"{subpad}[{i}]", {nest.kolom: eigen_id})
        self._gekoppeld(record, "attributes", "attribute", soort, eigen_id, pad)
        self._gekoppeld(record, "metadata", "metadata", soort, eigen_id, pad)
        self._voeg_toe(soort, waarden, plaats)
        return eigen_id

    def _gekoppeld(self, record, sleutel_, soort, eigen_soort, eigen_id, pad) -> None:
        """Attributes and metadata belong to the record they are nested in, whatever they say."""
        inhoud = record.get(sleutel_)
        if inhoud is None:
            return
        if not isinstance(inhoud, list):
            self.meldingen.fout(Plaats(self.bestand, f"{pad}.{sleutel_}"), "verwacht een lijst")
            return
        velden = (
            ("link_entity", "link_id") if soort == "attribute" else ("resource_type", "resource_id")
        )
        for i, kind in enumerate(inhoud):
            subpad = f"{pad}.{sleutel_}[{i}]"
            if not isinstance(kind, dict):
                self.meldingen.fout(Plaats(self.bestand, subpad), "verwacht een object")
                continue
            gegeven = kind.get(velden[0])
            if not is_leeg(gegeven) and gegeven != eigen_soort:
                self.meldingen.waarschuw(
                    Plaats(self.bestand, subpad, velden[0]),
                    f"{gegeven!r} vervangen door {eigen_soort!r}: het staat in een {eigen_soort}",
                )
            kind = {**kind, velden[0]: eigen_soort, velden[1]: eigen_id}
            self._record(soort, kind, subpad, {})

    def _zet_context(self, waarden: dict, kolom: str, waarde, plaats: Plaats) -> None:
        gegeven = waarden.get(kolom)
        if not is_leeg(gegeven) and str(gegeven) != str(waarde):
            self.meldingen.fout(
                plaats.met_veld(kolom),
                f"{gegeven!r} klopt niet met de plaats in het bestand (hoort {waarde!r} te zijn)",
            )
            return
        waarden[kolom] = waarde

    def _voeg_toe(self, soort: str, waarden: dict, plaats: Plaats) -> None:
        ruw_id = waarden.get("id")
        try:
            pk = sleutel(ruw_id, self.bron, soort)
        except Ongeldig as fout:
            self.meldingen.fout(plaats.met_veld("id"), str(fout))
            return
        rijen = self._rijen.setdefault(soort, {})
        bestaand = rijen.get(pk)
        if bestaand is None:
            rijen[pk] = Rij(plaats, dict(waarden))
            return
        for kolom, waarde in waarden.items():
            eerder = bestaand.waarden.get(kolom)
            if is_leeg(eerder):
                bestaand.waarden[kolom] = waarde
            elif not is_leeg(waarde) and eerder != waarde:
                self.meldingen.fout(
                    plaats.met_veld(kolom),
                    f"{soort} {ruw_id} staat ook op {bestaand.plaats.rij} met een andere waarde "
                    f"({eerder!r} tegenover {waarde!r})",
                )

    def _vul_lege_velden(self) -> None:
        """A field a JSON record leaves out is empty; links are only what the nesting says."""
        for soort, rijen in self._rijen.items():
            data = [
                k.naam
                for k in t.tabel(soort).hsds_kolommen
                if k.soort not in ("id", "ref") and k.naam != "last_modified"
            ]
            for rij in rijen.values():
                for naam in data:
                    rij.waarden.setdefault(naam, "")

    def _waarschuw_eenmaal(self, soort: str, sleutel_: str, plaats: Plaats) -> None:
        if (soort, sleutel_) not in self._gewaarschuwd:
            self._gewaarschuwd.add((soort, sleutel_))
            self.meldingen.waarschuw(
                plaats.met_veld(sleutel_), f"geen HSDS-veld van {soort}; overgeslagen"
            )

    # -- the Invoer protocol -----------------------------------------------------------------

    def tabellen(self) -> set[str]:
        return set(self._rijen)

    def kolommen(self, tabel: str) -> None:
        return None

    def ids(self, tabel: str):
        for rij in self._rijen.get(tabel, {}).values():
            yield rij.waarden.get("id"), rij.plaats

    def aantal(self, tabel: str) -> int:
        return len(self._rijen.get(tabel, {}))

    def rijen(self, tabel: str):
        yield from self._rijen.get(tabel, {}).values()
