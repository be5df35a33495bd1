"""Following the change log by id: every committed row is taken in exactly once, whatever the
order in which transactions commit, and without looking at any clock but the reader's own."""

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.search import logboek

NU = datetime(2026, 3, 2, 9, 0)


def _kijk(stand: logboek.Stand, zichtbaar: set[int], nu=NU) -> tuple[logboek.Stand, set[int]]:
    """One look at a log holding the committed ids ``zichtbaar``, as the database answers
    the query of `logboek.nieuw`."""
    gevonden = {
        pk
        for pk in zichtbaar
        if pk > stand.hoogste or any(gat.van <= pk <= gat.tot for gat in stand.gaten)
    }
    return logboek.verder(stand, gevonden, nu), gevonden


def test_rij_van_een_transactie_die_later_vastlegt_wordt_alsnog_gezien():
    # Row 1 is written first but committed after row 2.
    stand, gezien = _kijk(logboek.Stand(), {2})
    assert gezien == {2}

    stand, gezien = _kijk(stand, {2})
    assert gezien == set()

    stand, gezien = _kijk(stand, {1, 2})
    assert gezien == {1}
    assert stand == logboek.Stand(2, ())


def test_een_nieuwe_lezer_ziet_ook_wat_onder_de_laagste_rij_nog_openstaat():
    stand = logboek.begin([5, 6, 9], NU)
    assert [(g.van, g.tot) for g in stand.gaten] == [(1, 4), (7, 8)]

    stand, gezien = _kijk(stand, {3, 5, 6, 8, 9, 10})
    assert gezien == {3, 8, 10}
    assert [(g.van, g.tot) for g in stand.gaten] == [(1, 2), (4, 4), (7, 7)]


def test_een_gat_van_een_teruggedraaide_transactie_wordt_na_een_dag_opgegeven():
    stand, _ = _kijk(logboek.Stand(), {1, 3})
    assert len(stand.gaten) == 1

    later = NU + logboek.GAT_LEEFTIJD - timedelta(minutes=1)
    stand, _ = _kijk(stand, {1, 3}, nu=later)
    assert len(stand.gaten) == 1
    stand, _ = _kijk(stand, {1, 3}, nu=NU + logboek.GAT_LEEFTIJD + timedelta(minutes=1))
    assert stand.gaten == ()


def test_een_nieuwe_lezer_houdt_alleen_de_nieuwste_gaten_bij():
    oneven = range(1, 4 * logboek.MAX_GATEN, 2)

    stand = logboek.begin(oneven, NU)

    assert len(stand.gaten) == logboek.MAX_GATEN
    assert stand.gaten[-1].tot == oneven[-1] - 1


@st.composite
def _geschiedenis(draw):
    """Transactions that each write some ids in turn, then commit or roll back in any order,
    with looks of the reader in between; a second reader starts somewhere in the middle."""
    aantal = draw(st.integers(1, 8))
    rijen: dict[int, list[int]] = {t: [] for t in range(aantal)}
    volgende = 1
    for _ in range(draw(st.integers(1, 30))):
        rijen[draw(st.integers(0, aantal - 1))].append(volgende)
        volgende += 1
    stappen = draw(st.permutations([("einde", t) for t in range(aantal)]))
    stappen = list(stappen)
    for _ in range(draw(st.integers(0, 10))):
        stappen.insert(draw(st.integers(0, len(stappen))), ("kijk", None))
    stappen.insert(draw(st.integers(0, len(stappen))), ("tweede lezer", None))
    terug = draw(st.sets(st.integers(0, aantal - 1)))
    return rijen, stappen, terug


@settings(max_examples=300, deadline=None)
@given(_geschiedenis())
def test_elke_vastgelegde_rij_wordt_precies_een_keer_gezien(geschiedenis):
    rijen, stappen, teruggedraaid = geschiedenis
    zichtbaar: set[int] = set()
    lezers = {"eerste": (logboek.Stand(), [])}
    voor_tweede: set[int] = set()
    for soort, transactie in stappen:
        if soort == "einde" and transactie not in teruggedraaid:
            zichtbaar |= set(rijen[transactie])
        elif soort == "tweede lezer":
            # It builds from what is committed now: those rows are no news to it.
            voor_tweede = set(zichtbaar)
            lezers["tweede"] = (logboek.begin(sorted(zichtbaar), NU), [])
        for naam, (stand, gezien) in list(lezers.items()):
            if soort == "kijk" or soort == "einde":
                stand, nieuw = _kijk(stand, zichtbaar)
                lezers[naam] = (stand, gezien + sorted(nieuw))
    for naam, (stand, gezien) in lezers.items():
        stand, nieuw = _kijk(stand, zichtbaar)
        gezien = gezien + sorted(nieuw)
        verwacht = zichtbaar - voor_tweede if naam == "tweede" else zichtbaar
        assert sorted(gezien) == sorted(verwacht), naam
