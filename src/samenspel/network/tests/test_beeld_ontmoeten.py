"""Suggestions to meet on a small hand-drawn web whose answers are known by looking at it.

Formal (F), informal (I) and hybrid (H) parties, each with one person; one tie, Wijkteam–
Eettafel. Where each works on what (wijk, bouwsteen):

    Wijkteam(F)   WK1 ontmoeting, WK1 preventie, WK2 ontmoeting
    Huisarts(F)   WK1 preventie
    Eettafel(I)   WK1 ontmoeting                 (tied to the Wijkteam)
    Breicafé(I)   WK1 ontmoeting, WK1 preventie, WK2 ontmoeting
    Sociaal café(H) WK1 ontmoeting
"""

import pytest

from samenspel.network import analyse, ontmoeten
from samenspel.network.analyse import Mens, Org, Web
from samenspel.network.ontmoeten import Suggestie

ORGANISATIES = [
    Org("W", "Wijkteam", "formeel"),
    Org("A", "Huisarts", "formeel"),
    Org("E", "Eettafel", "informeel"),
    Org("B", "Breicafé", "informeel"),
    Org("H", "Sociaal café", "hybride"),
]
PERSONEN = [Mens("w", "W"), Mens("a", "A"), Mens("e", "E"), Mens("b", "B"), Mens("h", "H")]
BANDEN = [("w", "e", "overleg")]
PLEKKEN = {
    "W": {("WK1", "ontmoeting"), ("WK1", "preventie"), ("WK2", "ontmoeting")},
    "A": {("WK1", "preventie")},
    "E": {("WK1", "ontmoeting")},
    "B": {("WK1", "ontmoeting"), ("WK1", "preventie"), ("WK2", "ontmoeting")},
    "H": {("WK1", "ontmoeting")},
}


def test_a_formal_and_an_informal_party_on_the_same_bouwsteen_in_a_wijk_without_a_tie_meet():
    web = Web(ORGANISATIES, PERSONEN, BANDEN)
    assert ontmoeten.suggesties(web, PLEKKEN) == [
        # Per wijk, the pair sharing most bouwstenen first.
        Suggestie("W", "B", "WK1", ("ontmoeting", "preventie")),
        Suggestie("A", "B", "WK1", ("preventie",)),
        Suggestie("W", "B", "WK2", ("ontmoeting",)),
    ]


def test_parties_already_tied_by_referrals_are_not_suggested():
    web = Web(ORGANISATIES, PERSONEN, BANDEN, {("A", "B"): 3})
    assert [(s.formeel, s.informeel, s.wijk) for s in ontmoeten.suggesties(web, PLEKKEN)] == [
        ("W", "B", "WK1"),
        ("W", "B", "WK2"),
    ]


def test_a_tie_of_any_kind_between_their_people_means_they_know_each_other():
    web = Web(ORGANISATIES, PERSONEN, [*BANDEN, ("b", "w", "kennismaking")])
    assert ontmoeten.suggesties(web, PLEKKEN) == [Suggestie("A", "B", "WK1", ("preventie",))]


def test_no_suggestion_without_a_shared_bouwsteen_or_wijk():
    web = Web(ORGANISATIES, PERSONEN, [])
    plekken = {
        "A": {("WK1", "preventie")},
        "E": {("WK1", "ontmoeting")},
        "B": {("WK2", "preventie")},
    }
    assert ontmoeten.suggesties(web, plekken) == []


@pytest.mark.django_db
def test_where_a_party_works_comes_from_its_live_listings_in_the_area(maak_aanbod, gebieden):
    team = maak_aanbod(
        naam="Spreekuur",
        organisatie="Buurtteam",
        sector="formeel",
        bouwstenen=("vroegsignalering", "preventie"),
    ).organization
    eettafel = maak_aanbod(naam="Eettafel", sector="informeel").organization
    # A listing of the Buurtteam in Rotterdam does not count for Overvecht.
    ander = maak_aanbod(naam="Rotterdams spreekuur", buurt="middelland_noord", sector="formeel")
    ander.organization = team
    ander.save()
    overvecht = gebieden["overvecht"]
    ids = analyse.organisaties_in(overvecht)
    assert ontmoeten.plekken(ids, overvecht) == {
        str(team.pk): {("WK034403", "vroegsignalering"), ("WK034403", "preventie")},
        str(eettafel.pk): {("WK034403", "sociale-contacten-en-ontmoeting")},
    }
    assert ontmoeten.plekken(ids, gebieden["utrecht"]) == ontmoeten.plekken(ids, overvecht)
    # Nothing shared, so no suggestion; with a shared bouwsteen, one.
    assert ontmoeten.suggesties(analyse.laad(ids), ontmoeten.plekken(ids, overvecht)) == []
    maak_aanbod(naam="Buurtlunch", organisatie="Lunch", bouwstenen=("preventie",))
    ids = analyse.organisaties_in(overvecht)
    [suggestie] = ontmoeten.suggesties(analyse.laad(ids), ontmoeten.plekken(ids, overvecht))
    assert (suggestie.formeel, suggestie.wijk, suggestie.bouwstenen) == (
        str(team.pk),
        "WK034403",
        ("preventie",),
    )
