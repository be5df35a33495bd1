"""Which search facet a taxonomy term lands in, and the values a document carries for it.

One rule for the documents the index holds (`documenten`) and for what callers ask for
(`zoeken`): the search pages filter on the built-in taxonomies by term code, the HSDS API on
any term, taxonomy or organisation by its key.
"""

import uuid
from datetime import UTC, datetime, timedelta

from samenspel.directory import models as m

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# The facet of a term by the name of its taxonomy; every other taxonomy's terms go to TERM.
FACET_VAN_TAXONOMIE = {
    m.BOUWSTENEN: "bouwsteen",
    m.DOELGROEPEN: "doelgroep",
    m.LEVENSDOMEINEN: "levensdomein",
}
TERM = "term"

# Filters by key: exact whatever the terms' codes (two taxonomies may share a code).
TERM_ID = "term_id"
TAXONOMIE_ID = "taxonomie_id"
ORGANISATIE_ID = "organisatie_id"

# A listing's last change (HSDS `last_modified`), as a number the index can bound from below.
GEWIJZIGD = "gewijzigd"


def facet_van_taxonomie(naam: str | None) -> str:
    return FACET_VAN_TAXONOMIE.get(naam or "", TERM)


def termwaarde(code: str, pk) -> str:
    """A term's value in its facet: its code, or its key when it has none."""
    return code or sleutel(pk)


def sleutel(pk) -> str:
    """A key as a facet value, in one form whatever form the database returned it in."""
    return str(pk if isinstance(pk, uuid.UUID) else uuid.UUID(str(pk)))


def tijdgetal(tijdstip: datetime) -> float:
    """Microseconds since 1970 (of an aware moment): whole numbers, exact in a float."""
    return float((tijdstip - _EPOCH) // timedelta(microseconds=1))
