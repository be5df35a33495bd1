"""Following the change log by its increasing id, without trusting any clock.

Ids are handed out when a row is written, not when its transaction commits. On PostgreSQL a
transaction that wrote row 10 may commit long after another one committed row 11; a reader
that has seen 11 must still pick up 10 later. So the reader keeps, besides the highest id it
has taken in, the gaps below it: ids it has not seen, because their transaction is still
open (or was rolled back, which leaves a gap that never fills). Every look asks for the rows
above the highest id and the rows inside the gaps; both are ranges on the primary key.

A gap is given up after `GAT_LEEFTIJD`: by then the log's own clean-up may have removed the
row, and a rolled-back gap would otherwise be asked for forever. (A transaction that stays
open that long is out of the question; the web server's timeout alone ends requests after
two minutes.)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

GAT_LEEFTIJD = timedelta(hours=23)
# More open gaps than this and a reader starts afresh (rebuilds) rather than asking for ever
# more ranges: that many transactions open at once does not happen, rolled-back ones are rare.
# Well below SQLite's limit of 1,000 on the depth of one expression.
MAX_GATEN = 200


@dataclass(frozen=True)
class Gat:
    """Ids ``van`` up to and including ``tot`` not seen yet, missing since ``sinds``."""

    van: int
    tot: int
    sinds: datetime


@dataclass(frozen=True)
class Stand:
    hoogste: int = 0
    gaten: tuple[Gat, ...] = ()


def begin(aanwezig: Iterable[int], nu: datetime) -> Stand:
    """The position right after reading every id in the log, in increasing order.

    Missing ids between them may belong to transactions still open, as may ids below the
    lowest one: all of those are gaps from now on. Of more than `MAX_GATEN` only the newest
    are kept: the older ones are rows rolled back or cleaned up.
    """
    gaten = []
    vorige = 0
    for pk in aanwezig:
        if pk > vorige + 1:
            gaten.append(Gat(vorige + 1, pk - 1, nu))
        vorige = pk
    return Stand(vorige, tuple(gaten[-MAX_GATEN:]))


def nieuw(stand: Stand, kolom: str) -> tuple[str, list[int]]:
    """Rows this reader has not seen, above the highest id or inside a gap: the condition
    on the (quoted) id column as SQL, and its parameters. Plain SQL, because this is asked
    before every search, and building it through the ORM cost more than running it."""
    delen, waarden = [f"{kolom} > %s"], [stand.hoogste]
    for gat in stand.gaten:
        delen.append(f"{kolom} BETWEEN %s AND %s")
        waarden += [gat.van, gat.tot]
    return " OR ".join(delen), waarden


def verder(stand: Stand, gevonden: Iterable[int], nu: datetime) -> Stand:
    """The position after a look that found the ids ``gevonden`` (from `nieuw`)."""
    gevonden = sorted(set(gevonden))
    boven = gevonden[bisect_right(gevonden, stand.hoogste) :]
    gaten = []
    for gat in stand.gaten:
        if nu - gat.sinds > GAT_LEEFTIJD:
            continue
        binnen = gevonden[bisect_left(gevonden, gat.van) : bisect_right(gevonden, gat.tot)]
        gaten.extend(_zonder(gat, binnen))
    # New ids above the old highest one that did not turn up are new gaps.
    vorige = stand.hoogste
    for pk in boven:
        if pk > vorige + 1:
            gaten.append(Gat(vorige + 1, pk - 1, nu))
        vorige = pk
    return Stand(vorige, tuple(gaten))


def _zonder(gat: Gat, gevonden: list[int]) -> list[Gat]:
    """What is left of a gap once the (sorted) ids ``gevonden`` inside it turned up."""
    delen = []
    van = gat.van
    for pk in gevonden:
        if pk > van:
            delen.append(Gat(van, pk - 1, gat.sinds))
        van = pk + 1
    if van <= gat.tot:
        delen.append(Gat(van, gat.tot, gat.sinds))
    return delen
