"""Supply, reach and referral figures on a small hand-made gemeente with known answers.

Proefstad has one wijk with two buurten, 2.2 km apart (north to south):
- Noord (2,000 inwoners): the Buurtcirkel (informal, fresh), the Maatjesproject (informal,
  stale, also in Zuid), the Thuisadministratie (sector not said, never confirmed), a
  contact-route-only Praatgroep (informal, fresh) and a listing still waiting for approval;
- Zuid (500 inwoners): the Maatjesproject, the Wijkteam (formal, fresh) and a
  professionals-only Huiskamer (hybrid, fresh).
"""

import datetime as dt

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pyproj import Geod

from samenspel.accounts.models import Rol
from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.privacy.models import Manier
from samenspel.referrals import actions
from samenspel.referrals.models import Contactmanier, Gebeurtenis, Terugkoppeling
from samenspel.referrals.toegang import via_emaillink
from samenspel.wijkscan import bereik as bereik_module
from samenspel.wijkscan.aanbod import aanbod
from samenspel.wijkscan.bereik import bereik, naar_meters, straal_fietsen_m, straal_lopen_m
from samenspel.wijkscan.verwijzingen import verwijzingen

pytestmark = pytest.mark.django_db

SOCIAAL = "sociale-contacten-en-ontmoeting"
ZORG = "zorg-en-begeleiding"
ERVARING = "ervaringsdeskundigheid"
PREVENTIE = "preventie"
NACHT = "24-uurszorg"

NOORD_PUNT = (52.10, 5.10)
ZUID_PUNT = (52.08, 5.10)


@pytest.fixture
def proefstad(taxonomieen):
    gemeente = Gebied.objects.create(code="GM9999", naam="Proefstad", niveau="gemeente")
    wijk = Gebied.objects.create(
        code="WK999901",
        naam="Centrum",
        niveau="wijk",
        ouder=gemeente,
        cijfers={"inwoners": 2500},
    )
    noord = Gebied.objects.create(
        code="BU99990101",
        naam="Noord",
        niveau="buurt",
        ouder=wijk,
        latitude=NOORD_PUNT[0],
        longitude=NOORD_PUNT[1],
        cijfers={"inwoners": 2000},
    )
    zuid = Gebied.objects.create(
        code="BU99990102",
        naam="Zuid",
        niveau="buurt",
        ouder=wijk,
        latitude=ZUID_PUNT[0],
        longitude=ZUID_PUNT[1],
        cijfers={"inwoners": 500},
    )
    return {"gemeente": gemeente, "wijk": wijk, "noord": noord, "zuid": zuid}


def _term(code):
    return m.TaxonomyTerm.objects.bouwstenen().get(code=code)


def _aanbod(gemeente, naam, plaatsen, bouwstenen, sector="informeel", bevestigd="vers", **velden):
    """A listing with a place per (buurt or None, (lat, lon)) and the given bouwstenen."""
    vandaag = timezone.localdate()
    datum = {"vers": vandaag, "oud": vandaag - dt.timedelta(days=730), "nooit": None}[bevestigd]
    organisatie = m.Organization.objects.create(
        name=f"{naam} (organisatie)", description=naam, sector=sector, gemeente=gemeente
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
        m.Attribute.objects.create(
            link_entity="service", link_id=service.pk, taxonomy_term=_term(code)
        )
    return service


@pytest.fixture
def kaart(proefstad):
    g, noord, zuid = proefstad["gemeente"], proefstad["noord"], proefstad["zuid"]
    n, z = (noord, NOORD_PUNT), (zuid, ZUID_PUNT)
    return {
        "buurtcirkel": _aanbod(g, "Buurtcirkel", [n], [SOCIAAL]),
        "maatjes": _aanbod(g, "Maatjesproject", [n, z], [SOCIAAL, ERVARING], bevestigd="oud"),
        "administratie": _aanbod(g, "Thuisadministratie", [n], [ZORG], "", bevestigd="nooit"),
        "praatgroep": _aanbod(
            g, "Praatgroep", [n], [SOCIAAL], zichtbaarheid=m.Zichtbaarheid.VIA_CONTACTPERSOON
        ),
        "wacht": _aanbod(g, "Nieuw initiatief", [n], [SOCIAAL], moderatie=m.Moderatie.WACHTRIJ),
        "wijkteam": _aanbod(g, "Wijkteam", [z], [ZORG], "formeel", route="aanmelden"),
        "huiskamer": _aanbod(
            g, "Huiskamer", [z], [SOCIAAL], "hybride", zichtbaarheid=m.Zichtbaarheid.PROFESSIONALS
        ),
    }


# Supply per area × bouwsteen


def test_aantallen_per_buurt_wijk_en_gemeente(kaart, proefstad, analist):
    scan = aanbod(proefstad["gemeente"], analist)
    tel = {
        (gebied, code): scan.vak(proefstad[gebied], code).aantal
        for gebied in ("noord", "zuid", "wijk", "gemeente")
        for code in (SOCIAAL, ZORG, ERVARING, PREVENTIE)
    }
    assert tel == {
        # Buurtcirkel, Maatjesproject, Praatgroep; not the one waiting for approval.
        ("noord", SOCIAAL): 3,
        ("noord", ZORG): 1,
        ("noord", ERVARING): 1,
        ("noord", PREVENTIE): 0,
        ("zuid", SOCIAAL): 2,
        ("zuid", ZORG): 1,
        ("zuid", ERVARING): 1,
        ("zuid", PREVENTIE): 0,
        # The Maatjesproject lies in both buurten and counts once in the wijk.
        ("wijk", SOCIAAL): 4,
        ("wijk", ZORG): 2,
        ("wijk", ERVARING): 1,
        ("wijk", PREVENTIE): 0,
        ("gemeente", SOCIAAL): 4,
        ("gemeente", ZORG): 2,
        ("gemeente", ERVARING): 1,
        ("gemeente", PREVENTIE): 0,
    }
    assert [b.code for b in scan.bouwstenen][:1] == [ZORG] and len(scan.bouwstenen) == 7
    assert [g.code for g in scan.gebieden] == ["GM9999", "WK999901", "BU99990101", "BU99990102"]


def test_een_bewoner_telt_het_aanbod_alleen_voor_professionals_niet(kaart, proefstad):
    scan = aanbod(proefstad["gemeente"], AnonymousUser())
    assert scan.vak(proefstad["zuid"], SOCIAAL).aantal == 1
    assert scan.vak(proefstad["wijk"], SOCIAAL).aantal == 3


def test_per_1000_inwoners_alleen_waar_de_cijfers_inwoners_hebben(kaart, proefstad, analist):
    scan = aanbod(proefstad["gemeente"], analist)
    assert scan.vak(proefstad["noord"], SOCIAAL).per_1000_inwoners == pytest.approx(1.5)
    assert scan.vak(proefstad["zuid"], SOCIAAL).per_1000_inwoners == pytest.approx(4.0)
    assert scan.vak(proefstad["wijk"], SOCIAAL).per_1000_inwoners == pytest.approx(1.6)
    assert scan.vak(proefstad["noord"], PREVENTIE).per_1000_inwoners == 0
    # The gemeente has no figure of its own: its wijken's residents are summed.
    assert scan.vak(proefstad["gemeente"], SOCIAAL).inwoners == 2500


def test_een_wijk_zonder_eigen_cijfer_telt_de_inwoners_van_haar_buurten(kaart, proefstad, analist):
    Gebied.objects.filter(pk=proefstad["wijk"].pk).update(cijfers={})
    Gebied.objects.filter(pk=proefstad["noord"].pk).update(
        cijfers={"inwoners": {"waarde": 2100, "jaar": 2024, "bron": "CBS"}}
    )
    scan = aanbod(proefstad["gemeente"], analist)
    assert scan.vak(proefstad["wijk"], SOCIAAL).inwoners == 2600
    assert scan.vak(proefstad["gemeente"], PREVENTIE).inwoners == 2600


def test_een_wijk_met_een_buurt_zonder_cijfer_krijgt_geen_geschat_aantal(kaart, proefstad, analist):
    Gebied.objects.filter(pk=proefstad["wijk"].pk).update(cijfers={})
    Gebied.objects.filter(pk=proefstad["zuid"].pk).update(
        cijfers={"inwoners": {"waarde": None, "jaar": 2024, "bron": "CBS"}}
    )
    scan = aanbod(proefstad["gemeente"], analist)
    assert scan.vak(proefstad["wijk"], SOCIAAL).per_1000_inwoners is None


def test_versheid_en_formeel_informeel(kaart, proefstad, analist):
    scan = aanbod(proefstad["gemeente"], analist)
    noord = scan.vak(proefstad["noord"], SOCIAAL)
    assert (noord.vers, noord.aandeel_vers) == (2, pytest.approx(2 / 3))
    assert (noord.formeel, noord.informeel, noord.hybride, noord.sector_onbekend) == (0, 3, 0, 0)
    zuid = scan.vak(proefstad["zuid"], SOCIAAL)
    assert (zuid.vers, zuid.informeel, zuid.hybride) == (1, 1, 1)
    zorg = scan.vak(proefstad["wijk"], ZORG)
    # The Thuisadministratie was never confirmed and said no sector: not fresh, not informal.
    assert (zorg.vers, zorg.formeel, zorg.informeel, zorg.sector_onbekend) == (1, 1, 0, 1)
    assert scan.vak(proefstad["noord"], PREVENTIE).aandeel_vers is None


# Reach on foot and by bike


def _verschoven(punt, noord_m=0.0, oost_m=0.0):
    """The (lat, lon) that lies the given metres north and east of `punt` in RD New."""
    x, y = naar_meters([punt[0]], [punt[1]])[0]
    lon, lat = bereik_module._omrekenaar().transform(x + oost_m, y + noord_m, direction="INVERSE")
    return (float(lat), float(lon))


def test_de_stralen_komen_uit_de_instellingen(settings):
    assert (straal_lopen_m(), straal_fietsen_m()) == (1250, 2500)
    settings.SAMENSPEL = {**settings.SAMENSPEL, "WIJKSCAN_LOPEN_MINUTEN": 6}
    assert straal_lopen_m() == 500


def _over_de_grond_m(a, b):
    # The geodesic on the WGS84 ellipsoid; haversine's sphere is itself some 0.1% off here.
    return Geod(ellps="WGS84").inv(a[1], a[0], b[1], b[0])[2]


def test_meters_in_rd_zijn_meters_op_de_grond():
    # The radius is applied in RD New; over the ground it is the same to half a metre.
    binnen = _verschoven(NOORD_PUNT, noord_m=straal_lopen_m() - 1)
    assert _over_de_grond_m(NOORD_PUNT, binnen) == pytest.approx(1249, abs=0.5)
    schuin = _verschoven(ZUID_PUNT, noord_m=1500, oost_m=2000)
    assert _over_de_grond_m(ZUID_PUNT, schuin) == pytest.approx(2500, abs=0.5)


def test_bereik_te_voet_en_per_fiets(kaart, proefstad, analist):
    g = proefstad["gemeente"]
    lopen, fietsen = straal_lopen_m(), straal_fietsen_m()
    # Places outside every buurt of Proefstad: reach does not stop at an area's border.
    _aanbod(g, "Net binnen", [(None, _verschoven(NOORD_PUNT, noord_m=lopen - 1))], [PREVENTIE])
    _aanbod(g, "Net buiten", [(None, _verschoven(NOORD_PUNT, noord_m=lopen + 1))], [PREVENTIE])
    _aanbod(g, "Nacht binnen", [(None, _verschoven(ZUID_PUNT, oost_m=fietsen - 1))], [NACHT])
    _aanbod(g, "Nacht buiten", [(None, _verschoven(ZUID_PUNT, oost_m=fietsen + 1))], [NACHT])

    uitkomst = bereik([proefstad["noord"], proefstad["zuid"]], analist)
    tel = {(sleutel[0][-2:], sleutel[1]): (b.lopen, b.fietsen) for sleutel, b in uitkomst.items()}
    assert tel == {
        # Noord: on foot its own places (the contact-route Praatgroep has none to count) and
        # the one just inside the radius; by bike also Zuid's, 2.2 km away.
        ("01", SOCIAAL): (2, 3),
        ("01", ZORG): (1, 2),
        ("01", ERVARING): (1, 1),
        ("01", PREVENTIE): (1, 2),
        # Zuid: the Maatjesproject has a place in both buurten and counts once.
        ("02", SOCIAAL): (2, 3),
        ("02", ZORG): (1, 2),
        ("02", ERVARING): (1, 1),
        ("02", NACHT): (0, 1),
    }


def test_een_buurt_zonder_middelpunt_telt_niet_mee(kaart, proefstad, analist):
    proefstad["noord"].latitude = None
    assert {s[0] for s in bereik([proefstad["noord"], proefstad["zuid"]], analist)} == {
        "BU99990102"
    }
    assert bereik([proefstad["noord"]], analist) == {}


# Referral figures, from 3 on


@pytest.fixture
def verwijzer(django_user_model, proefstad):
    organisatie = m.Organization.objects.create(
        name="Huisartsenpraktijk Proefstad", description="-", sector="formeel"
    )
    return django_user_model.objects.create_user(
        username="pim",
        email="pim@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.PROFESSIONAL,
        organisatie=organisatie,
    )


def _verwijs(verwijzer, service, naam, dagen, keuze="aannemen"):
    gegevens = {
        "naam": naam,
        "contactmanier": Contactmanier.EMAIL,
        "contact": "bewoner@example.org",
        "wat_helpt": "-",
        "toestemming": Manier.MONDELING,
        "terugkoppeling": Terugkoppeling.STATUS,
        "geldig_tot": timezone.localdate() + dt.timedelta(days=180),
    }
    v, _ = actions.verwijs(verwijzer, service, gegevens)
    actions.antwoord(v, via_emaillink(v), keuze)
    verstuurd = v.gebeurtenissen.filter(naar_status="requested").first().wanneer
    Gebeurtenis.objects.filter(verwijzing=v, partij="ontvanger").update(
        wanneer=verstuurd + dt.timedelta(days=dagen)
    )
    return v


def test_verwijscijfers_vanaf_drie_en_niet_bij_twee(kaart, proefstad, verwijzer):
    wijkteam = kaart["wijkteam"]
    _verwijs(verwijzer, wijkteam, "A", 1.2)
    _verwijs(verwijzer, wijkteam, "B", 6, "geen-plek")
    assert verwijzingen(proefstad["gemeente"]) == {}

    _verwijs(verwijzer, wijkteam, "C", 2.5)
    uitkomst = verwijzingen(proefstad["gemeente"])
    assert set(uitkomst) == {("BU99990102", ZORG), ("WK999901", ZORG), ("GM9999", ZORG)}
    zuid = uitkomst[("BU99990102", ZORG)]
    assert (zuid.aantal, zuid.aangenomen, zuid.aandeel_aangenomen) == (3, 2, 67)
    assert zuid.reageert_binnen == 3  # the median of 1.2, 2.5 and 6 days, rounded up


# A few queries, whatever the number of listings


def _queries(functie):
    with CaptureQueriesContext(connection) as vastgelegd:
        functie()
    return len(vastgelegd.captured_queries)


def test_het_aantal_queries_groeit_niet_met_het_aanbod(kaart, proefstad, analist, verwijzer):
    g, noord, zuid = proefstad["gemeente"], proefstad["noord"], proefstad["zuid"]
    _verwijs(verwijzer, kaart["wijkteam"], "A", 1)
    buurten = [noord, zuid]

    def alles():
        cache.clear()  # counted afresh each time, not reused (see the next test)
        return (
            _queries(lambda: aanbod(g, analist)),
            _queries(lambda: bereik(buurten, analist)),
            _queries(lambda: verwijzingen(g)),
        )

    weinig = alles()
    rng = np.random.default_rng(12)
    for i in range(30):
        lat, lon = NOORD_PUNT[0] - 0.02 * rng.random(), NOORD_PUNT[1] + 0.01 * rng.random()
        buurt = noord if i % 2 else zuid
        _aanbod(g, f"Extra {i}", [(buurt, (lat, lon)), (zuid, ZUID_PUNT)], [SOCIAAL, ZORG])
        _verwijs(verwijzer, kaart["wijkteam"], f"V{i}", 1)
    assert aanbod(g, analist).vak(zuid, SOCIAAL).aantal == 32
    assert alles() == weinig
    # Reach: the kaart's version (for reuse), the places, their bouwstenen.
    assert weinig[0] <= 5 and weinig[1] <= 3 and weinig[2] <= 5


def test_dezelfde_cellen_worden_hergebruikt_en_een_wijziging_telt_meteen(kaart, proefstad, analist):
    g, zuid = proefstad["gemeente"], proefstad["zuid"]
    cache.clear()
    eerst = _queries(lambda: aanbod(g, analist))
    voor = aanbod(g, analist).vak(zuid, SOCIAAL).aantal
    # Nothing changed: the listings are not read again.
    assert _queries(lambda: aanbod(g, analist)) == eerst - 2
    _aanbod(g, "Nieuw", [(zuid, ZUID_PUNT)], [SOCIAAL])
    assert aanbod(g, analist).vak(zuid, SOCIAAL).aantal == voor + 1
    # What the public may see is counted apart from what a professional sees: a listing for
    # professionals only, counted for the analyst a moment ago, is not reused for the public.
    _aanbod(
        g, "Alleen voor professionals", [(zuid, ZUID_PUNT)], [SOCIAAL],
        zichtbaarheid=m.Zichtbaarheid.PROFESSIONALS,
    )  # fmt: skip
    professioneel = aanbod(g, analist).vak(zuid, SOCIAAL).aantal
    assert professioneel == voor + 2
    assert aanbod(g, AnonymousUser()).vak(zuid, SOCIAAL).aantal < professioneel


def test_bereik_wordt_hergebruikt_en_een_nieuwe_plaats_telt_meteen(kaart, proefstad, analist):
    g, noord, zuid = proefstad["gemeente"], proefstad["noord"], proefstad["zuid"]
    cache.clear()

    def lopen(gebruiker, buurt):
        vak = bereik([noord, zuid], gebruiker).get((buurt.code, SOCIAAL))
        return vak.lopen if vak else 0

    voor, publiek = lopen(analist, zuid), lopen(AnonymousUser(), zuid)
    # Nothing changed: only the kaart's version is asked, the places are not read again.
    assert _queries(lambda: bereik([noord, zuid], analist)) == 1
    _aanbod(g, "Nieuw in zuid", [(zuid, ZUID_PUNT)], [SOCIAAL])
    assert lopen(analist, zuid) == voor + 1
    # A listing for professionals only is in reach for the analyst, not for the public,
    # though the analyst's count was made a moment before.
    _aanbod(
        g, "Alleen voor professionals", [(zuid, ZUID_PUNT)], [SOCIAAL],
        zichtbaarheid=m.Zichtbaarheid.PROFESSIONALS,
    )  # fmt: skip
    assert lopen(analist, zuid) == voor + 2
    assert lopen(AnonymousUser(), zuid) == publiek + 1
