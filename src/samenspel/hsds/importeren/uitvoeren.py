"""Run an import as one transaction: all of it or nothing, and a dry run that rolls back."""

import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from samenspel.core.geheugen import zonder_kringloopopruiming
from samenspel.hsds.importeren.fouten import ImportFout, Melding, Meldingen, Plaats, TeveelFouten
from samenspel.hsds.importeren.schrijven import Schrijver, Telling
from samenspel.hsds.models import Importrun
from samenspel.hsds.voortgang import Voortgang

# Pages of SQLite cache during an import, in KiB: room for a national import within 1 GB.
SQLITE_CACHE_KB = 256_000


@dataclass
class Importuitkomst:
    soort: str
    bron: str
    proef: bool
    run_id: object = None
    tellingen: dict[str, Telling] = field(default_factory=dict)
    waarschuwingen: list[Melding] = field(default_factory=list)
    aantal_waarschuwingen: int = 0
    wijzigingen: list[str] = field(default_factory=list)
    aantal_wijzigingen: int = 0
    extra: dict = field(default_factory=dict)
    duur: float = 0.0

    def samenvatting(self) -> dict:
        return {
            "tabellen": {naam: vars(telling) for naam, telling in self.tellingen.items()},
            "waarschuwingen": self.aantal_waarschuwingen,
            **self.extra,
        }


@contextmanager
def _ruime_cache():
    """On SQLite, a page cache big enough that a large import never spills mid-transaction.

    The default cache (2 MB) spills dirty pages into the database file while the import
    runs, and each spill first syncs the journal to disk: a national import then waits on the
    disk for minutes. PostgreSQL manages its own buffers.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        vorige = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(vorige)}")


def voer_uit(
    soort: str,
    bron: str,
    bestand: str,
    stap: Callable[[Importrun, Meldingen], Importuitkomst],
    proef: bool,
) -> Importuitkomst:
    """Run `stap` inside one transaction; any error, or a dry run, leaves the database as it was."""
    begin = time.monotonic()
    meldingen = Meldingen()
    try:
        with zonder_kringloopopruiming(), _ruime_cache(), transaction.atomic():
            run = Importrun.objects.create(soort=soort, bron=bron[:100], bestand=bestand[:250])
            try:
                uitkomst = stap(run, meldingen)
            except TeveelFouten:
                uitkomst = None
            except ImportFout as fout:
                meldingen.fouten.extend(fout.fouten)
                uitkomst = None
            if meldingen.heeft_fouten:
                raise ImportFout(meldingen.fouten)
            uitkomst.waarschuwingen = meldingen.waarschuwingen
            uitkomst.aantal_waarschuwingen = meldingen.aantal_waarschuwingen
            uitkomst.duur = time.monotonic() - begin
            uitkomst.run_id = run.pk
            run.klaar = timezone.now()
            run.samenvatting = uitkomst.samenvatting()
            run.save(update_fields=["klaar", "samenvatting"])
            if proef:
                transaction.set_rollback(True)
    except DatabaseError as fout:
        raise ImportFout.een(Plaats(bestand), f"de database weigerde de gegevens: {fout}") from None
    return uitkomst


def uitkomst_van(schrijver: Schrijver, soort: str, proef: bool) -> Importuitkomst:
    return Importuitkomst(
        soort=soort,
        bron=schrijver.bron,
        proef=proef,
        tellingen=schrijver.tellingen,
        wijzigingen=schrijver.wijzigingen,
        aantal_wijzigingen=schrijver.aantal_wijzigingen,
        extra={"zoekindex": schrijver.aantal_geraakt},
    )


def bestaat(pad: Path) -> Path:
    pad = Path(pad)
    if not pad.exists():
        raise ImportFout.een(Plaats(pad.name), "dit bestand of deze map bestaat niet")
    return pad


def bron_naam(pad: Path) -> str:
    """A source's default name: its folder or file name (datapackage.json: its folder)."""
    if pad.name == "datapackage.json" or pad.suffix.lower() == ".csv" and not pad.is_dir():
        return pad.resolve().parent.name
    return pad.stem if pad.is_file() else pad.resolve().name


def importeer_hsds(
    pad,
    bron: str | None = None,
    proef: bool = False,
    voortgang: Voortgang | None = None,
    tekenset: str = "utf-8",
    soort: str | None = None,
) -> Importuitkomst:
    """Import an HSDS data package (folder, zip, datapackage.json) or an HSDS JSON file."""
    from samenspel.hsds.importeren.datapakket import TabularInvoer
    from samenspel.hsds.importeren.json import JsonInvoer

    pad = bestaat(pad)
    naam = bron or bron_naam(pad)
    is_json = pad.is_file() and pad.suffix.lower() == ".json" and pad.name != "datapackage.json"

    def stap(run, meldingen):
        if is_json:
            invoer = JsonInvoer(pad, meldingen, naam, soort)
        else:
            invoer = TabularInvoer(pad, meldingen, tekenset)
        schrijver = Schrijver(run, naam, meldingen, voortgang or Voortgang(aan=False))
        schrijver.schrijf(invoer)
        return uitkomst_van(schrijver, "hsds", proef)

    return voer_uit("hsds", naam, pad.name, stap, proef)
