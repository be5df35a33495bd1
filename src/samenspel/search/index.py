"""The process-wide search index, derived from the database and kept current.

Before each query the index reads the change log (one indexed query, usually empty) and
re-reads only the listings changed since its last look. The log is read with an overlap of a
few seconds because transactions may commit in another order than they were written; indexing
a listing twice is harmless. A missing index (new process) is simply built from the database.
"""

import threading
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from samenspel.search import documenten
from samenspel.search.engine import ZoekIndex
from samenspel.search.models import Zoekwijziging

OVERLAP = timedelta(seconds=5)
BEWAAR_LOG = timedelta(days=1)

_slot = threading.Lock()
_index: ZoekIndex | None = None
_gezien_tot = None


def herbouw() -> ZoekIndex:
    """Rebuild from scratch (also `samenspel zoekindex herbouw`)."""
    global _index, _gezien_tot
    with _slot:
        start = timezone.now()
        nieuw = ZoekIndex()
        nieuw.vervang(documenten.documenten(documenten.live_services().iterator(chunk_size=2000)))
        _index, _gezien_tot = nieuw, start
        return nieuw


def _bij_te_werken(sinds) -> set:
    return set(
        Zoekwijziging.objects.filter(op__gte=sinds - OVERLAP).values_list("service_id", flat=True)
    )


def actueel() -> ZoekIndex:
    """The index, brought up to date with every committed change."""
    global _gezien_tot
    if _index is None:
        return herbouw()
    with _slot:
        nu = timezone.now()
        ids = _bij_te_werken(_gezien_tot)
        if ids:
            live = {s.pk: s for s in documenten.live_services().filter(pk__in=ids)}
            for doc in documenten.documenten(live.values()):
                _index.zet(doc)
            for sid in ids - set(live):
                _index.verwijder(str(sid))
        _gezien_tot = nu
        return _index


def vergeet() -> None:
    """Drop the in-memory index (tests; a corrupt state) so the next query rebuilds it."""
    global _index, _gezien_tot
    with _slot:
        _index, _gezien_tot = None, None


def ruim_log_op() -> int:
    with transaction.atomic():
        verwijderd, _ = Zoekwijziging.objects.filter(op__lt=timezone.now() - BEWAAR_LOG).delete()
    return verwijderd
