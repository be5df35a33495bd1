"""The analysis on small hand-drawn webs whose answers are known by looking at them.

The main web, formal (F) and informal (I) organisations, people in lower case:

    Buurthuis(F)-b1 ── w1-Wijkteam(F)-w2 ── c-Vrijwilligers(I) ── 12 volunteers
                        │                   │
                        └──── e1-Eettafel(I)┘

    Breicafé(I)-s1   (no ties)

w1–b1 is the only way to the Buurthuis; the coordinator c is the only person of the
Vrijwilligerscentrale and stands for its twelve volunteers.
"""

from samenspel.network.analyse import Mens, Org, Web

ORGANISATIES = [
    Org("W", "Wijkteam", "formeel"),
    Org("B", "Buurthuis", "formeel"),
    Org("V", "Vrijwilligerscentrale", "informeel"),
    Org("E", "Eettafel", "informeel"),
    Org("S", "Breicafé", "informeel"),
]
PERSONEN = [
    Mens("w1", "W"),
    Mens("w2", "W"),
    Mens("b1", "B"),
    Mens("c", "V", "vrijwilligerscoordinator", vrijwilligers=12),
    Mens("e1", "E"),
    Mens("s1", "S"),
]
BANDEN = [
    ("w1", "b1", "overleg"),
    ("w2", "c", "verwijzen"),
    ("c", "e1", "samenwerken"),
    ("e1", "w1", "kennismaking"),
]


def web(verwijsbanden=None):
    return Web(ORGANISATIES, PERSONEN, BANDEN, verwijsbanden)


def paren(bruggen):
    return {frozenset(b.personen or b.organisaties) for b in bruggen}


def test_only_the_tie_without_a_way_around_is_a_bridge():
    assert paren(web().bruggen()) == {frozenset({"w1", "b1"})}


def test_articulation_persons_are_those_whose_departure_cuts_something_off():
    # w2 is not one: the Wijkteam still reaches c through w1 and e1.
    assert web().scharnierpersonen() == ["b1", "c", "e1", "w1"]


def test_formal_informal_bridges_are_the_ties_across_the_sector_line():
    assert paren(web().sectorbruggen()) == {frozenset({"w2", "c"}), frozenset({"e1", "w1"})}


def test_organisations_that_reach_the_other_sector_through_one_person_only():
    # The Wijkteam has two people on a bridge; Eettafel and the Vrijwilligerscentrale one.
    assert web().via_een_persoon() == ["E", "V"]


def test_initiative_with_no_formal_tie_is_found():
    assert web().initiatieven_zonder_formele_band() == ["S"]


def test_the_web_splits_when_the_coordinator_leaves():
    gevolg = web().wat_als_vertrekt("c")
    assert gevolg.splitst
    assert gevolg.delen == [frozenset({"W", "B", "E"}), frozenset({"V"})]
    assert gevolg.vrijwilligers_los == 12
    assert paren(gevolg.verloren_banden) == {frozenset({"w2", "c"}), frozenset({"c", "e1"})}
    assert gevolg.geen_sectorband_meer == ["V"]


def test_a_person_with_a_way_around_leaves_without_splitting_the_web():
    gevolg = web().wat_als_vertrekt("w2")
    assert not gevolg.splitst
    assert gevolg.delen == [frozenset({"W", "B", "E", "V"})]
    assert paren(gevolg.verloren_banden) == {frozenset({"w2", "c"})}
    # But w2–c is the Vrijwilligerscentrale's only tie to the formal side.
    assert gevolg.geen_sectorband_meer == ["V"]


def test_a_tie_from_referrals_reaches_an_isolated_initiative_without_a_person():
    w = web({("S", "W"): 3})
    assert w.initiatieven_zonder_formele_band() == []
    [brug] = [b for b in w.bruggen() if set(b.organisaties) == {"S", "W"}]
    assert (brug.personen, brug.soorten) == (None, ("verwijzen",))
    # Not hanging on a person, it does not make the Breicafé fragile.
    assert "S" not in w.via_een_persoon()


def test_the_person_in_the_middle_is_the_broker():
    w = Web(
        [Org("X", "X", "formeel"), Org("Y", "Y", "informeel"), Org("Z", "Z", "formeel")],
        [Mens("x", "X"), Mens("y", "Y"), Mens("z", "Z")],
        [("x", "y", "overleg"), ("y", "z", "overleg")],
    )
    makelaars = w.makelaars()
    assert makelaars[0][0] == "y"
    assert makelaars[0][1] > dict(makelaars).get("x", 0)


def test_two_kinds_of_tie_between_the_same_pair_are_still_one_bridge():
    w = Web(
        [Org("X", "X", "formeel"), Org("Y", "Y", "informeel")],
        [Mens("x", "X"), Mens("y", "Y")],
        [("x", "y", "overleg"), ("y", "x", "kennismaking")],
    )
    assert [(paren([b]), b.soorten) for b in w.bruggen()] == [
        ({frozenset({"x", "y"})}, ("kennismaking", "overleg"))
    ]
