"""The national pass gives, cell for cell, what `aanbod()` and `bereik()` give per gemeente.

A small hand-made country: Proefstad (two wijken; Noord and Zuid 2.2 km apart, Haven 700 m
east of Noord; a buurt directly under the gemeente) and Buurdorp next to it, 1 km west of
Noord across the border. Listings of every kind the rules tell apart: informal and fresh,
stale in two buurten, sector not said and never confirmed, formal, a contact-route-only one
(counted in supply, no place for reach), professionals-only, waiting for approval, one with a
place without a buurt, one in two gemeenten.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.wijkscan.aanbod import aanbod
from samenspel.wijkscan.bereik import bereik
from samenspel.wijkscan.land import land

pytestmark = pytest.mark.django_db

SOCIAAL = "sociale-contacten-en-ontmoeting"
ZORG = "zorg-en-begeleiding"
ERVARING = "ervaringsdeskundigheid"

NOORD = (52.100, 5.100)
ZUID = (52.080, 5.100)
HAVEN = (52.100, 5.110)
MARKT = (52.090, 5.120)
DORP = (52.100, 5.085)


def _gebied(code, naam, niveau, ouder=None, punt=(None, None), inwoners=None):
    return Gebied.objects.create(
        code=code,
        naam=naam,
        niveau=niveau,
        ouder=ouder,
        latitude=punt[0],
        longitude=punt[1],
        cijfers={} if inwoners is None else {"inwoners": inwoners},
    )


def _aanbod(naam, plaatsen, bouwstenen, sector="informeel", bevestigd="vers", **velden):
    """A listing with a place per (buurt or None, (lat, lon)) and the given bouwstenen."""
    vandaag = timezone.localdate()
    datum = {"vers": vandaag, "oud": vandaag - dt.timedelta(days=730), "nooit": None}[bevestigd]
    organisatie = m.Organization.objects.create(
        name=f"{naam} (org)", description=naam, sector=sector
    )
    service = m.Service.objects.create(
        organization=organisatie,
        name=naam,
        description=naam,
        assured_date=datum,
        beheerder_email="eigenaar@example.org",
        **velden,
    )
    for buurt, (lat, lon) in plaatsen:
        locatie = m.Location.objects.create(
            organization=organisatie, name=naam, latitude=lat, longitude=lon, buurt=buurt
        )
        m.ServiceAtLocation.objects.create(service=service, location=locatie)
    for code in bouwstenen:
        term = m.TaxonomyTerm.objects.bouwstenen().get(code=code)
        m.Attribute.objects.create(link_entity="service", link_id=service.pk, taxonomy_term=term)
    return service


@pytest.fixture
def proefland(taxonomieen):
    stad = _gebied("GM9999", "Proefstad", "gemeente")
    centrum = _gebied("WK999901", "Centrum", "wijk", stad, inwoners=2500)
    oost = _gebied("WK999902", "Oost", "wijk", stad)
    noord = _gebied("BU99990101", "Noord", "buurt", centrum, NOORD, 2000)
    zuid = _gebied("BU99990102", "Zuid", "buurt", centrum, ZUID, 500)
    haven = _gebied("BU99990201", "Haven", "buurt", oost, HAVEN, 800)
    markt = _gebied("BU99990001", "Markt", "buurt", stad, MARKT, 300)
    dorp_gm = _gebied("GM9998", "Buurdorp", "gemeente", inwoners=4000)
    dorp_wk = _gebied("WK999801", "Dorp", "wijk", dorp_gm)
    dorp = _gebied("BU99980101", "Dorpskern", "buurt", dorp_wk, DORP, 4000)
    n, z, h, mk, d = (noord, NOORD), (zuid, ZUID), (haven, HAVEN), (markt, MARKT), (dorp, DORP)
    _aanbod("Buurtcirkel", [n], [SOCIAAL])
    _aanbod("Maatjesproject", [n, z], [SOCIAAL, ERVARING], bevestigd="oud")
    _aanbod("Thuisadministratie", [n, h], [ZORG], "", bevestigd="nooit")
    _aanbod("Praatgroep", [h], [SOCIAAL], zichtbaarheid=m.Zichtbaarheid.VIA_CONTACTPERSOON)
    _aanbod("Nieuw initiatief", [n], [SOCIAAL], moderatie=m.Moderatie.WACHTRIJ)
    _aanbod("Wijkteam", [z, mk], [ZORG], "formeel", route="aanmelden")
    _aanbod("Huiskamer", [z], [SOCIAAL], "hybride", zichtbaarheid=m.Zichtbaarheid.PROFESSIONALS)
    _aanbod("Dorpshuis", [d, h], [SOCIAAL, ZORG], "informeel")
    _aanbod("Inloop zonder buurt", [(None, (52.099, 5.101))], [SOCIAAL])
    return [stad, dorp_gm]


def _per_gemeente(gemeenten, gebruiker):
    """Every cell the way a gemeente's page asks it: `aanbod()` and `bereik()`."""
    vakken, bereiken = {}, {}
    for gemeente in gemeenten:
        scan = aanbod(gemeente, gebruiker)
        for gebied in scan.gebieden:
            for term in scan.bouwstenen:
                vakken[(gebied.code, term.code)] = scan.vak(gebied, term)
        bereiken.update(bereik([g for g in scan.gebieden if g.niveau == "buurt"], gebruiker))
    return vakken, bereiken


@pytest.mark.parametrize("wie", ["bewoner", "analist"])
def test_het_hele_land_geeft_dezelfde_vakken_als_elke_gemeente_apart(proefland, analist, wie):
    gebruiker = analist if wie == "analist" else AnonymousUser()
    vakken, bereiken = _per_gemeente(proefland, gebruiker)
    geheel = land(gebruiker)
    assert {k: geheel.vak(*k) for k in vakken} == vakken
    nationaal = {
        (b, t): geheel.bereik(b, t)
        for b in geheel.buurten()
        for t in geheel.termen
        if geheel.bereik(b, t) is not None
    }
    assert nationaal == bereiken
    # The data set is not trivial: the cases it was made for do occur.
    assert vakken[("GM9999", SOCIAAL)].aantal == (5 if wie == "analist" else 4)
    assert bereiken[("BU99990101", SOCIAAL)].fietsen >= 4


def test_een_aanbod_in_twee_buurten_van_een_wijk_telt_een_keer_in_de_wijk(proefland, analist):
    geheel = land(analist)
    assert geheel.vak("BU99990101", SOCIAAL).aantal == 2  # Buurtcirkel, Maatjesproject
    assert geheel.vak("BU99990102", SOCIAAL).aantal == 2  # Maatjesproject, Huiskamer
    assert geheel.vak("WK999901", SOCIAAL).aantal == 3
    vak = geheel.vak("WK999901", SOCIAAL)
    assert (vak.vers, vak.informeel, vak.hybride, vak.per_1000_inwoners) == (2, 2, 1, 1.2)


def test_een_buurt_direct_onder_de_gemeente_telt_mee_in_de_gemeente(proefland, analist):
    geheel = land(analist)
    assert geheel.vak("BU99990001", ZORG).formeel == 1
    assert geheel.vak("GM9999", ZORG).aantal == 3  # Thuisadministratie, Wijkteam, Dorpshuis


def test_aanbod_in_twee_gemeenten_telt_in_allebei(proefland, analist):
    geheel = land(analist)
    assert geheel.vak("GM9998", SOCIAAL).aantal == 1
    assert geheel.vak("BU99990201", SOCIAAL).aantal == 2  # Praatgroep, Dorpshuis


def test_een_aanbod_alleen_via_contactpersoon_krijgt_geen_plaats_in_het_bereik(proefland, analist):
    geheel = land(analist)
    # Haven on foot (1,250 m): the Dorpshuis in Haven, and in Noord (680 m) the Buurtcirkel,
    # the Maatjesproject and the Inloop; the Praatgroep in Haven itself counts in supply only.
    assert geheel.bereik("BU99990201", SOCIAAL).lopen == 4
    assert geheel.vak("BU99990201", SOCIAAL).aantal == 2


def test_een_leeg_vak_heeft_wel_de_inwoners_en_het_bereik_gaat_over_de_grens(proefland, analist):
    geheel = land(analist)
    vak = geheel.vak("BU99980101", ERVARING)
    assert (vak.aantal, vak.inwoners, vak.per_1000_inwoners) == (0, 4000, 0)
    # The Maatjesproject in Noord lies 1 km away, in the other gemeente.
    assert (
        geheel.bereik("BU99980101", ERVARING).lopen,
        geheel.bereik("BU99980101", ERVARING).fietsen,
    ) == (1, 1)
    assert geheel.bereik("BU99980101", "preventie") is None


def test_het_hele_land_kost_een_vast_aantal_queries(proefland, analist):
    with CaptureQueriesContext(connection) as vragen:
        land(analist)
    aantal = len(vragen)
    _aanbod("Nog een", [(None, NOORD)], [SOCIAAL])
    with CaptureQueriesContext(connection) as vragen:
        land(analist)
    assert len(vragen) == aantal <= 8


def test_een_land_zonder_aanbod_geeft_lege_vakken(taxonomieen, analist):
    _gebied("GM9999", "Proefstad", "gemeente", inwoners=10)
    geheel = land(analist)
    assert geheel.vak("GM9999", SOCIAAL).aantal == 0
    assert geheel.vak("GM9999", SOCIAAL).inwoners == 10
    assert geheel.buurten() == []


def test_bereik_telt_een_aanbod_met_twee_plaatsen_in_de_buurt_een_keer():
    import numpy as np

    from samenspel.wijkscan.land import tel_in_bereik

    midden = np.array([[0.0, 0.0], [5000.0, 0.0]])
    # Listing 0 has two places near the first centre, listing 1 one at exactly 1,000 m.
    punten = np.array([[10.0, 0.0], [0.0, 20.0], [1000.0, 0.0]])
    van_plaats = np.array([0, 0, 1])
    heeft = np.array([[1, 0], [1, 1]], dtype=np.int32)
    lopen, fietsen = tel_in_bereik(midden, punten, van_plaats, heeft, (1000.0, 5000.0))
    assert lopen.tolist() == [[2, 1], [0, 0]]
    # 5,000 m from the second centre: listing 1 at 4,000 m, listing 0 at 4,990 and 5,000 m.
    assert fietsen.tolist() == [[2, 1], [2, 1]]
