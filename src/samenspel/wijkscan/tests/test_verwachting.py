"""Expected versus present, and draagkracht and draaglast, on a small hand-made gemeente.

Rekenstad (4,000 inwoners) has one wijk Midden without figures of its own and two buurten:
- Oost (1,000 inwoners): 20 % psychische klachten, 10 % lage inkomens, no listings;
- West (3,000 inwoners): 10 % psychische klachten, 10 % lage inkomens, four listings of zorg
  en begeleiding.
The gemeente's figures are the residents-weighted mean: 12.5 % and 10 %; its basis is
4 listings per 4,000 inwoners = 1.0 per 1,000.
"""

import pytest

from samenspel.areas.models import Gebied
from samenspel.wijkscan import actions
from samenspel.wijkscan.aanbod import Aanbod, Vak
from samenspel.wijkscan.models import Gebeurtenis
from samenspel.wijkscan.verwachting import (
    STANDAARD,
    Reden,
    Vlag,
    draag,
    verwachtingen,
)

from .rekenwereld import ZORG, cijfers

pytestmark = pytest.mark.django_db


class Term:
    def __init__(self, code):
        self.code = code


@pytest.fixture
def rekenstad():
    gemeente = Gebied.objects.create(code="GM9998", naam="Rekenstad", niveau="gemeente")
    wijk = Gebied.objects.create(code="WK999801", naam="Midden", niveau="wijk", ouder=gemeente)
    oost = Gebied.objects.create(
        code="BU99980101",
        naam="Oost",
        niveau="buurt",
        ouder=wijk,
        cijfers=cijfers(inwoners=1000, psychische_klachten=20, lage_inkomens=10),
    )
    west = Gebied.objects.create(
        code="BU99980102",
        naam="West",
        niveau="buurt",
        ouder=wijk,
        cijfers=cijfers(inwoners=3000, psychische_klachten=10, lage_inkomens=10),
    )
    return {"gemeente": gemeente, "wijk": wijk, "oost": oost, "west": west}


def _scan(w, aantallen, inwoners=None):
    """A hand-made supply: {area key: number of zorg listings}."""
    gebieden = [w["gemeente"], w["wijk"], w["oost"], w["west"]]
    inwoners = inwoners or {
        "GM9998": 4000,
        "WK999801": 4000,
        "BU99980101": 1000,
        "BU99980102": 3000,
    }
    vakken = {
        (w[sleutel].code, ZORG): Vak(aantal=n, inwoners=inwoners[w[sleutel].code])
        for sleutel, n in aantallen.items()
    }
    return Aanbod(w["gemeente"], gebieden, [Term(ZORG)], vakken, inwoners)


STANDAARD_ZORG = {"gemeente": 4, "wijk": 4, "west": 4}


def test_de_formule_geeft_precies_de_verwachting_en_de_index(rekenstad):
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG))
    oost = uit[("BU99980101", ZORG)]
    # index = (2 × 20/12.5 + 1 × 10/10) / 3 = 1.4; verwacht = 1.0 × 1,000/1,000 × 1.4
    assert oost.index == pytest.approx(1.4)
    assert oost.verwacht == pytest.approx(1.4)
    assert (oost.aanwezig, oost.vlag) == (0, Vlag.MINDER)
    west = uit[("BU99980102", ZORG)]
    # index = (2 × 10/12.5 + 1) / 3 = 0.8667; verwacht = 3 × 0.8667 = 2.6; 4 > 2.6 × 1.25
    assert west.index == pytest.approx(2.6 / 3)
    assert west.verwacht == pytest.approx(2.6)
    assert (west.aanwezig, west.vlag) == (4, Vlag.MEER)
    wijk = uit[("WK999801", ZORG)]
    assert (wijk.index, wijk.verwacht) == (pytest.approx(1.0), pytest.approx(4.0))
    assert (wijk.vlag, wijk.reden) == (Vlag.GEEN, Reden.BINNEN_MARGE)
    assert ("GM9998", ZORG) not in uit


def test_de_uitleg_noemt_elk_cijfer_met_gewicht_en_verhouding(rekenstad):
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG))
    delen = {d.sleutel: d for d in uit[("BU99980101", ZORG)].delen}
    assert delen["psychische_klachten"].gewicht == 2
    assert delen["psychische_klachten"].gemeente == pytest.approx(12.5)
    assert delen["psychische_klachten"].verhouding == pytest.approx(1.6)
    assert uit[("BU99980101", ZORG)].basis == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("aanwezig", "marge", "vlag"),
    [
        (5, 25, Vlag.GEEN),
        (6, 25, Vlag.MEER),
        (3, 25, Vlag.GEEN),
        (2, 25, Vlag.MINDER),
        (5, 24, Vlag.MEER),
        (4, 0, Vlag.GEEN),
    ],
)
def test_precies_op_de_rand_van_de_marge_is_geen_signaal(rekenstad, aanwezig, marge, vlag):
    scan = _scan(rekenstad, {"gemeente": 4, "wijk": aanwezig})
    uit = verwachtingen(
        rekenstad["gemeente"], scan, gewichten={ZORG: {"lage_inkomens": 1}}, marge=marge
    )
    assert uit[("WK999801", ZORG)].verwacht == pytest.approx(4.0)
    assert uit[("WK999801", ZORG)].vlag == vlag


def test_zonder_cijfers_geen_signaal_maar_te_weinig_cijfers(rekenstad):
    Gebied.objects.filter(pk=rekenstad["oost"].pk).update(cijfers=cijfers(inwoners=1000))
    rekenstad["oost"].refresh_from_db()
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG))
    oost = uit[("BU99980101", ZORG)]
    assert (oost.verwacht, oost.index, oost.vlag) == (None, None, Vlag.GEEN)
    assert oost.reden == Reden.TE_WEINIG_CIJFERS
    # The gemeente's mean now comes from West alone: 10 % and 10 %.
    assert uit[("BU99980102", ZORG)].index == pytest.approx(1.0)


def test_een_buurt_zonder_inwoners_krijgt_geen_verwachting(rekenstad):
    inwoners = {"GM9998": 3000, "WK999801": 3000, "BU99980101": 0, "BU99980102": 3000}
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG, inwoners))
    assert uit[("BU99980101", ZORG)].verwacht is None
    assert uit[("BU99980101", ZORG)].reden == Reden.TE_WEINIG_CIJFERS


def test_een_gemeente_zonder_inwoners_verwacht_niets(rekenstad):
    inwoners = {"GM9998": None, "WK999801": None, "BU99980101": None, "BU99980102": None}
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG, inwoners))
    assert {v.reden for v in uit.values()} == {Reden.TE_WEINIG_CIJFERS}


def test_een_verwachting_onder_een_aanbod_zegt_niets(rekenstad):
    uit = verwachtingen(
        rekenstad["gemeente"], _scan(rekenstad, {"gemeente": 2, "wijk": 2, "west": 2})
    )
    oost = uit[("BU99980101", ZORG)]
    assert oost.verwacht == pytest.approx(0.7)
    assert (oost.vlag, oost.reden) == (Vlag.GEEN, Reden.TE_KLEIN)


def test_aangepaste_gewichten_van_de_gemeente_veranderen_het_signaal(
    rekenstad, taxonomieen, analist
):
    from samenspel.directory.models import TaxonomyTerm

    zorg = TaxonomyTerm.objects.bouwstenen().get(code=ZORG)
    # Only low incomes: Oost is like the gemeente, expects 1.0 and has 0: still "minder".
    actions.zet_gewichten(rekenstad["gemeente"], zorg, {"lage_inkomens": 1}, analist)
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG))
    assert uit[("BU99980102", ZORG)].verwacht == pytest.approx(3.0)
    assert uit[("BU99980102", ZORG)].vlag == Vlag.MEER
    actions.zet_marge(rekenstad["gemeente"], 40, analist)
    uit = verwachtingen(rekenstad["gemeente"], _scan(rekenstad, STANDAARD_ZORG))
    assert uit[("BU99980102", ZORG)].vlag == Vlag.GEEN
    actions.gewichten_naar_standaard(rekenstad["gemeente"], zorg, analist)
    assert list(Gebeurtenis.objects.values_list("soort", flat=True)) == [
        "gewichten",
        "marge",
        "gewichten_standaard",
    ]
    with pytest.raises(ValueError):
        actions.zet_gewichten(rekenstad["gemeente"], zorg, {"lage_inkomens": 0}, analist)


def test_elke_bouwsteen_heeft_een_standaard_met_bekende_cijfers():
    from samenspel.areas.cijfers import FIGUREN

    assert len(STANDAARD) == 7
    assert all(
        set(g) <= set(FIGUREN) and all(v > 0 for v in g.values()) for g in STANDAARD.values()
    )


def test_draagkracht_en_draaglast_ten_opzichte_van_de_gemeente(rekenstad):
    gewichten = {
        "draagkracht": {"lage_inkomens": -1},
        "draaglast": {"psychische_klachten": 1, "lage_inkomens": 1},
    }
    rijen = draag(rekenstad["gemeente"], _scan(rekenstad, {}), gewichten)
    per_naam = {r.buurt.naam: r for r in rijen}
    # Oost: last = 100 × (1 × (1.6 − 1) + 1 × 0) / 2 = 30; kracht = 0; balans −30.
    assert per_naam["Oost"].draaglast == pytest.approx(30)
    assert per_naam["Oost"].draagkracht == pytest.approx(0)
    # West: last = 100 × (0.8 − 1) / 2 = −10; balans +10: first, most room.
    assert per_naam["West"].balans == pytest.approx(10)
    assert [r.buurt.naam for r in rijen] == ["West", "Oost"]


def test_wijkkennis_houdt_de_geschiedenis(rekenstad, taxonomieen, analist):
    from samenspel.directory.models import TaxonomyTerm

    zorg = TaxonomyTerm.objects.bouwstenen().get(code=ZORG)
    g, oost = rekenstad["gemeente"], rekenstad["oost"]
    actions.leg_wijkkennis_vast(g, oost, zorg, "Veel mensen redden zich via de kerk.", analist)
    actions.leg_wijkkennis_vast(g, oost, zorg, "Veel mensen redden zich via de kerk.", analist)
    actions.leg_wijkkennis_vast(g, oost, zorg, "Ook zorgmijding.", analist, "nee", "Te vroeg")
    versies = list(actions.wijkkennis_van(g, oost, zorg).values_list("tekst", "afschalen"))
    assert versies == [("Ook zorgmijding.", "nee"), ("Veel mensen redden zich via de kerk.", "")]
    assert Gebeurtenis.objects.filter(soort="wijkkennis").count() == 2
