"""When a listing is open: the one place for the rules on opening times (`Schedule` rows).

A schedule row (HSDS, iCal style) names weekdays (`byday`, e.g. "MO,WE") with one time slot
(`opens_at`–`closes_at`), optionally only between `valid_from` and `valid_to`. Here:

* a row counts only on the days it is valid (`geldig_op`): an imported schedule that ended
  in 2005 says nothing about today;
* "open at a moment" is read in the Netherlands' time (Europe/Amsterdam), from the opening
  time up to but not including the closing time; a closing time at or before the opening
  time runs past midnight into the next day, and 23:59 means until midnight;
* "na kantoortijd" (outside office hours, what people ask for who work or go to school) is
  open on Saturday or Sunday, or on a weekday after 18:00 or before 07:00 (night);
* a row without times says only the day: never "open now", "na kantoortijd" only when that
  day is in the weekend. Unknown stays unknown.

The search index holds each row as a short text key (`sleutel`), so that "open now" is one
filter over keys (`open_sleutels`); the keys are made and read only here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

TIJDZONE = ZoneInfo("Europe/Amsterdam")
DAGEN = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # in the order of date.weekday()
WEEKEND = frozenset({"SA", "SU"})
AVOND_VANAF = 18 * 60  # minutes after midnight
NACHT_TOT = 7 * 60
_DAG = 24 * 60


@dataclass(frozen=True, slots=True)
class Blok:
    """One weekday with one time slot, in minutes after midnight (None: not known).

    `tot` may exceed a day (up to 48 hours) for a slot that runs past midnight.
    """

    dag: str
    van: int | None
    tot: int | None


def geldig_op(valid_from: date | None, valid_to: date | None, datum: date) -> bool:
    """Does a schedule with this validity apply on `datum` (both ends included)?"""
    return (valid_from is None or valid_from <= datum) and (valid_to is None or datum <= valid_to)


def blokken(byday: str, opens_at: time | None, closes_at: time | None) -> tuple[Blok, ...]:
    """The weekday slots of one schedule row; unknown day codes are left out."""
    van = _minuut(opens_at)
    tot = _minuut(closes_at)
    if tot is not None and closes_at == time(23, 59):
        tot = _DAG  # "until 23:59" is how forms and imports say "until midnight"
    if van is not None and tot is not None and tot <= van:
        tot += _DAG  # past midnight
    dagen = [dag for dag in byday.split(",") if dag in DAGEN]
    return tuple(Blok(dag, van, tot) for dag in dict.fromkeys(dagen))


def is_open_op(blok: Blok, moment: datetime) -> bool:
    """Is the slot open at this moment (an aware datetime, any time zone)?"""
    if blok.van is None or blok.tot is None:
        return False
    lokaal = moment.astimezone(TIJDZONE)
    minuut = lokaal.hour * 60 + lokaal.minute
    vandaag = DAGEN[lokaal.weekday()]
    gisteren = DAGEN[(lokaal.weekday() - 1) % 7]
    if blok.dag == vandaag and blok.van <= minuut < blok.tot:
        return True
    # A slot of yesterday that runs past midnight.
    return blok.dag == gisteren and minuut + _DAG < blok.tot


def na_kantoortijd(blok: Blok) -> bool:
    """Open in the weekend, in the evening (after 18:00) or at night (before 07:00)."""
    if blok.dag in WEEKEND:
        return True
    if blok.van is None or blok.tot is None:
        # Only one of the times: it alone must lie in the evening or night.
        bekend = blok.van if blok.van is not None else blok.tot
        return bekend is not None and (bekend >= AVOND_VANAF or bekend < NACHT_TOT)
    # (A slot past midnight ends after 18:00 of its own day as well.)
    return blok.tot > AVOND_VANAF or blok.van < NACHT_TOT


def sleutel(blok: Blok) -> str | None:
    """The search index's text for a slot with known times ("MO-600-720"), else None."""
    if blok.van is None or blok.tot is None:
        return None
    return f"{blok.dag}-{blok.van}-{blok.tot}"


def open_sleutels(sleutels, moment: datetime) -> list[str]:
    """Those of these keys (`sleutel`) whose slot is open at the moment."""
    return [s for s in sleutels if (blok := _uit_sleutel(s)) and is_open_op(blok, moment)]


@lru_cache(maxsize=65_536)
def _uit_sleutel(tekst: str) -> Blok | None:
    try:
        dag, van, tot = tekst.split("-")
        return Blok(dag, int(van), int(tot))
    except ValueError:
        return None


def _minuut(tijd: time | None) -> int | None:
    return None if tijd is None else tijd.hour * 60 + tijd.minute
