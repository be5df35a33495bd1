"""Wanneer is iets open: geldigheid, 'nu open' in Nederlandse tijd en 'na kantoortijd'."""

import datetime as dt

import pytest

from samenspel.directory.openingstijden import (
    TIJDZONE,
    Blok,
    blokken,
    geldig_op,
    is_open_op,
    na_kantoortijd,
    open_sleutels,
    sleutel,
)

UTC = dt.UTC


def _om(dag: str, uur: int, minuut: int = 0, tz=TIJDZONE) -> dt.datetime:
    """A moment in the week of Monday 7 December 2026 (winter time) on that weekday."""
    dagen = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    return dt.datetime(2026, 12, 7 + dagen.index(dag), uur, minuut, tzinfo=tz)


def _blok(byday: str, van: str | None, tot: str | None) -> Blok:
    (blok,) = blokken(
        byday,
        dt.time.fromisoformat(van) if van else None,
        dt.time.fromisoformat(tot) if tot else None,
    )
    return blok


def test_rooster_uit_2005_geldt_vandaag_niet():
    vandaag = dt.date(2026, 12, 1)
    assert not geldig_op(dt.date(2004, 1, 1), dt.date(2005, 6, 30), vandaag)
    assert not geldig_op(dt.date(2027, 1, 1), None, vandaag)
    assert geldig_op(None, None, vandaag)
    # Both ends are days on which it still applies.
    assert geldig_op(vandaag, vandaag, vandaag)


def test_open_vanaf_openingstijd_tot_maar_niet_met_de_sluitingstijd():
    blok = _blok("MO", "10:00", "11:30")
    assert not is_open_op(blok, _om("ma", 9, 59))
    assert is_open_op(blok, _om("ma", 10, 0))
    assert is_open_op(blok, _om("ma", 11, 29))
    assert not is_open_op(blok, _om("ma", 11, 30))
    assert not is_open_op(blok, _om("di", 10, 30))


def test_nu_open_rekent_in_nederlandse_tijd_ook_in_de_zomer():
    blok = _blok("MO", "10:00", "11:00")
    # 09:30 UTC is 10:30 in Amsterdam in winter, and 11:30 in summer.
    assert is_open_op(blok, _om("ma", 9, 30, tz=UTC))
    zomer = dt.datetime(2026, 6, 1, 9, 30, tzinfo=UTC)  # a Monday
    assert not is_open_op(blok, zomer)
    assert is_open_op(blok, dt.datetime(2026, 6, 1, 8, 30, tzinfo=UTC))


def test_openingstijd_over_middernacht_loopt_door_in_de_volgende_dag():
    blok = _blok("FR", "22:00", "02:00")
    assert is_open_op(blok, _om("vr", 23, 0))
    assert is_open_op(blok, _om("za", 1, 59))
    assert not is_open_op(blok, _om("za", 2, 0))
    assert not is_open_op(blok, _om("vr", 1, 0))


def test_tot_2359_betekent_tot_middernacht():
    blok = _blok("SU", "00:00", "23:59")
    assert is_open_op(blok, _om("zo", 23, 59))
    assert is_open_op(blok, _om("zo", 0, 0))
    assert not is_open_op(blok, _om("ma", 0, 0))


def test_zonder_tijden_is_het_nooit_nu_open():
    assert not is_open_op(_blok("MO", None, None), _om("ma", 12))
    assert sleutel(_blok("MO", None, None)) is None


@pytest.mark.parametrize(
    ("byday", "van", "tot", "verwacht"),
    [
        ("TH", "17:30", "19:30", True),  # samen eten: in the evening
        ("TU", "19:30", "21:00", True),
        ("WE", "18:00", "20:30", True),
        ("MO", "09:00", "17:00", False),
        ("MO", "10:00", "18:00", False),  # until six is still office hours
        ("MO", "06:00", "08:00", True),  # early morning counts as night
        ("SA", "10:00", "13:00", True),  # weekend
        ("SU", None, None, True),  # weekend, even without times
        ("WE", None, None, False),  # a weekday without times: unknown
        ("FR", "22:00", "02:00", True),
        ("MO", "19:00", None, True),
    ],
)
def test_na_kantoortijd_is_avond_nacht_of_weekend(byday, van, tot, verwacht):
    assert na_kantoortijd(_blok(byday, van, tot)) is verwacht


def test_een_rij_voor_meer_dagen_geeft_een_blok_per_dag_en_negeert_onzin():
    assert [b.dag for b in blokken("MO,WE,XX,MO", dt.time(9), dt.time(12))] == ["MO", "WE"]


def test_nu_open_kiest_de_open_sleutels_uit_de_index():
    ochtend = sleutel(_blok("MO", "09:00", "12:00"))
    middag = sleutel(_blok("MO", "13:00", "17:00"))
    assert open_sleutels([ochtend, middag, "onzin"], _om("ma", 10)) == [ochtend]
