"""The process-wide search index, derived from the database and kept current.

Before each query the index reads the change log (one indexed query, usually empty) and
re-reads the listings named in rows it has not seen before. The log is followed by its id, not
by time: rows of a transaction that commits late, or written on a server whose clock is off,
are picked up when they commit (see logboek.py). A missing index (new process) is simply built
from the database; so is one whose last look is older than the log keeps its rows, and one
of a process that finds a rebuild asked for in the log (`vraag_herbouw`).

A server that forks workers builds the index once before forking (see gunicorn_conf.py), so
the workers share its memory and only catch up through the log.
"""

import hashlib
import threading
import uuid
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from samenspel.core.geheugen import zonder_kringloopopruiming
from samenspel.search import documenten, logboek, schijf, synoniemen
from samenspel.search.engine import Document, ZoekIndex
from samenspel.search.models import Zoekwijziging

BEWAAR_LOG = timedelta(days=1)
# An index that last looked at the log longer ago than this may have missed rows that were
# cleaned up since (`ruim_log_op`): it is rebuilt instead of caught up. The margin leaves
# room for clocks and slow transactions.
MAX_ACHTERSTAND = BEWAAR_LOG - timedelta(hours=1)
# A log row for no listing: every process that reads it rebuilds its index.
HERBOUW = uuid.UUID(int=0)

_slot = threading.Lock()
_index: ZoekIndex | None = None
# Where this process is in the log, and when it last looked (its own clock, for the age only).
_stand = logboek.Stand()
_gekeken = None
_versie: tuple[str, int] | None = None
# Per listing re-read since the build, the fingerprint of its document then (see `versie`).
_afdrukken: dict[str, int] = {}
# Per listing named in the log since the build, the last row that named it (`aanbodversies`).
_laatste_rij: dict[str, int] = {}
# The day the documents were made for: opening times may be valid from or until a date.
_dag = None


def herbouw() -> ZoekIndex:
    """Rebuild from scratch."""
    with _slot:
        return _herbouw()


def start() -> tuple[ZoekIndex, bool]:
    """For a server that starts: the copy on disk (schijf.py) if it is usable, brought up to
    date through the log; otherwise a new build, of which a copy is written for the next
    start. Also says whether the copy was used."""
    global _index, _stand, _gekeken, _versie, _afdrukken, _laatste_rij, _dag
    with _slot:
        toestand = schijf.laad()
        if toestand is not None and timezone.now() - toestand["gekeken"] <= MAX_ACHTERSTAND:
            _index, _stand, _gekeken = toestand["index"], toestand["stand"], toestand["gekeken"]
            _versie, _afdrukken, _dag = toestand["versie"], toestand["afdrukken"], toestand["dag"]
            _laatste_rij = toestand["laatste_rij"]
            geladen = _index
            # A rebuild asked for since the copy was made is in the log: it happens here.
            return _actueel(), _index is geladen
        _herbouw()
        schijf.bewaar(
            {
                "index": _index,
                "stand": _stand,
                "gekeken": _gekeken,
                "versie": _versie,
                "afdrukken": _afdrukken,
                "laatste_rij": _laatste_rij,
                "dag": _dag,
            }
        )
        return _index, False


def _herbouw() -> ZoekIndex:
    global _index, _stand, _gekeken, _versie, _afdrukken, _laatste_rij, _dag
    # The log first, then the listings: every row there now was committed before the
    # listings are read, so it is no news to the new index; rows committed later have higher
    # ids or fall in a gap, and are replayed by the next `actueel`.
    nu = timezone.now()
    _dag = timezone.localdate()
    stand = logboek.begin(
        Zoekwijziging.objects.order_by("pk").values_list("pk", flat=True).iterator(), nu
    )
    nieuw = ZoekIndex(synoniemen.groepen())
    with zonder_kringloopopruiming():
        nieuw.vervang(documenten.alle())
    _index, _stand, _gekeken = nieuw, stand, nu
    # Every build is new content as far as anyone caching answers knows, even if it happens
    # to hold the same listings as the one before.
    _versie, _afdrukken, _laatste_rij = (uuid.uuid4().hex, 0), {}, {}
    return nieuw


def actueel() -> ZoekIndex:
    """The index, brought up to date with every committed change."""
    # One lock for all of it: requests arriving while the index is built wait for that one
    # build instead of each starting their own.
    with _slot:
        return _actueel()


def _actueel() -> ZoekIndex:
    """`actueel` for a caller that holds `_slot`."""
    global _stand, _gekeken, _dag
    nu = timezone.now()
    if _index is None or nu - _gekeken > MAX_ACHTERSTAND:
        return _herbouw()
    rijen = _nieuwe_rijen()
    stand = logboek.verder(_stand, (rij for rij, _ in rijen), nu)
    ids = {service_id for _, service_id in rijen}
    if HERBOUW in ids or len(stand.gaten) > logboek.MAX_GATEN:
        return _herbouw()
    if timezone.localdate() != _dag:
        # A new day: listings whose opening times start or end on a date may be open on
        # other days now ("nu open", "na kantoortijd"), so they are read again.
        _dag = timezone.localdate()
        ids |= set(documenten.met_geldigheidsdatum())
    if ids:
        live = documenten.voor(ids)
        for document in live:
            _index.zet(document)
            _wordt(document.id, _vingerafdruk(document))
        for id in {str(service_id) for service_id in ids} - {d.id for d in live}:
            _index.verwijder(id)
            _wordt(id, _vingerafdruk(id))
    if rijen:
        _meld_rijen(rij for rij, _ in rijen)
        for rij, service_id in rijen:
            _laatste_rij[str(service_id)] = max(rij, _laatste_rij.get(str(service_id), 0))
    _stand, _gekeken = stand, nu
    return _index


def _nieuwe_rijen() -> list[tuple[int, uuid.UUID]]:
    """(id, listing) of every log row this process has not taken in (see logboek.py)."""
    naam = connection.ops.quote_name
    tabel = naam(Zoekwijziging._meta.db_table)
    kolom = Zoekwijziging._meta.get_field("service_id")
    voorwaarde, waarden = logboek.nieuw(_stand, naam(Zoekwijziging._meta.pk.column))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {naam(Zoekwijziging._meta.pk.column)}, {naam(kolom.column)} "  # noqa: S608  (names from the model, values as parameters)
            f"FROM {tabel} WHERE {voorwaarde}",
            waarden,
        )
        return [(rij, kolom.to_python(service_id)) for rij, service_id in cursor.fetchall()]


def vraag_herbouw() -> None:
    """Ask every process of every server to rebuild its index at its next look at the log
    (`samenspel zoekindex herbouw`): a running server needs no restart."""
    Zoekwijziging.objects.create(service_id=HERBOUW)


def versie() -> tuple[str, int]:
    """A value that changes whenever what this process's index holds changes.

    (build, fingerprint). `build` is new with every build (`herbouw`, or a process that builds
    its own). The fingerprint sums up the change-log rows taken in since and the document
    each re-read listing had then, so it changes with every document that changes, and also
    when a listing was saved but its document stayed the same (its page may still differ, say
    in opening hours). Each log row is taken in once.

    Equal values mean equal content, also in other processes: workers forked from one server
    share the build, and the fingerprint depends on which rows and documents were taken in,
    not on the order. Cheap; call it right after `actueel()`. Without an index it builds one.
    """
    with _slot:
        if _versie is not None:
            return _versie
    actueel()
    with _slot:
        assert _versie is not None
        return _versie


def aanbodversies(ids: list[str]) -> list[tuple[str, int]]:
    """Per listing, a value that changes whenever anything of it changes: (build, the last log
    row that named it). Unlike `versie` it also changes for what the index does not hold,
    such as an address (search/signals.py logs those too), so it can key what is shown of a
    listing (search/kaartjes.py). Call it right after `actueel()`."""
    with _slot:
        assert _versie is not None
        return [(_versie[0], _laatste_rij.get(id, 0)) for id in ids]


def _wordt(id: str, afdruk: int) -> None:
    """A re-read listing now has document fingerprint `afdruk` (caller holds `_slot`)."""
    _verander_versie(_afdrukken.get(id, 0) ^ afdruk)
    _afdrukken[id] = afdruk


def _meld_rijen(rijen) -> None:
    afdruk = 0
    for rij in rijen:
        afdruk ^= _hash(repr(("rij", rij)))
    _verander_versie(afdruk)


def _verander_versie(verschil: int) -> None:
    global _versie
    assert _versie is not None
    # XOR: the same rows and documents give the same value, whatever the order they came in.
    _versie = (_versie[0], _versie[1] ^ verschil)


def _vingerafdruk(document: Document | str) -> int:
    """Of a document, or of a listing gone from the index (given its id)."""
    if isinstance(document, str):
        return _hash(repr(("weg", document)))
    return _hash(
        repr(
            (
                document.id,
                sorted(document.velden.items()),
                sorted((facet, sorted(waarden)) for facet, waarden in document.filters.items()),
                document.punten,
                document.gewicht,
                sorted(document.getallen.items()),
            )
        )
    )


def _hash(tekst: str) -> int:
    # Not hash(): that differs between processes, and the version is compared across them.
    return int.from_bytes(hashlib.blake2b(tekst.encode(), digest_size=8).digest(), "big")


def vergeet() -> None:
    """Drop the in-memory index (tests; a corrupt state) so the next query rebuilds it."""
    global _index, _stand, _gekeken, _versie, _afdrukken, _laatste_rij, _dag
    with _slot:
        _index, _stand, _gekeken, _versie, _afdrukken = None, logboek.Stand(), None, None, {}
        _laatste_rij = {}
        _dag = None


def ruim_log_op() -> int:
    with transaction.atomic():
        verwijderd, _ = Zoekwijziging.objects.filter(op__lt=timezone.now() - BEWAAR_LOG).delete()
    return verwijderd
