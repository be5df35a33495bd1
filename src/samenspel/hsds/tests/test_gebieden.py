"""CBS areas and figures: GeoJSON in WGS84 or RD, buurt by point-in-polygon, figures by code."""

import json

import pytest

from samenspel.areas.buurtzoeker import Buurtzoeker
from samenspel.areas.models import Gebied
from samenspel.directory import models as m
from samenspel.hsds.importeren.gebieden import importeer_gebieden
from samenspel.hsds.ruimte import geometrie_naar_wgs84, rd_naar_wgs84
from samenspel.search.models import Zoekwijziging

pytestmark = pytest.mark.django_db


def _vierkant(lat, lon, d=0.005):
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [lon - d, lat - d],
                [lon + d, lat - d],
                [lon + d, lat + d],
                [lon - d, lat + d],
                [lon - d, lat - d],
            ]
        ],
    }


def _kaart(pad, features, crs=None):
    document = {"type": "FeatureCollection", "features": features}
    if crs:
        document["crs"] = crs
    pad.write_text(json.dumps(document), encoding="utf-8")
    return pad


def _buurt(code, naam, lat, lon, **extra):
    return {
        "type": "Feature",
        "properties": {
            "buurtcode": code,
            "buurtnaam": naam,
            "wijkcode": code[:8].replace("BU", "WK"),
            **extra,
        },
        "geometry": _vierkant(lat, lon),
    }


def test_wijken_en_buurten_met_cbs_codes(tmp_path, gebieden):
    pad = _kaart(
        tmp_path / "kaart.geojson",
        [
            {
                "type": "Feature",
                "properties": {"WK_CODE": "WK034404", "WK_NAAM": "Noordoost", "GM_CODE": "GM0344"},
                "geometry": _vierkant(52.10, 5.14, 0.02),
            },
            _buurt("BU03440401", "Tuinwijk", 52.10, 5.14),
        ],
    )
    uitkomst = importeer_gebieden(pad)
    buurt = Gebied.objects.get(code="BU03440401")
    assert (buurt.naam, buurt.niveau, buurt.ouder_id) == ("Tuinwijk", "buurt", "WK034404")
    assert buurt.ouder.ouder_id == "GM0344"
    assert buurt.latitude == pytest.approx(52.10) and buurt.longitude == pytest.approx(5.14)
    assert uitkomst.tellingen["gebied"].nieuw == 2


def test_locaties_krijgen_hun_buurt_uit_de_polygoon(tmp_path, maak_aanbod):
    service = maak_aanbod(naam="Buurtsoep", punt=(52.1193, 5.1151))
    locatie = service.service_at_locations.get().location
    m.Location.objects.filter(pk=locatie.pk).update(buurt=None)
    Zoekwijziging.objects.all().delete()
    importeer_gebieden(
        _kaart(tmp_path / "b.geojson", [_buurt("BU03440301", "Zambesidreef e.o.", 52.119, 5.115)])
    )
    locatie.refresh_from_db()
    assert locatie.buurt_id == "BU03440301"
    assert Zoekwijziging.objects.filter(service_id=service.pk).exists()


def test_tweede_import_van_dezelfde_kaart_verandert_niets(tmp_path, gebieden):
    pad = _kaart(tmp_path / "b.geojson", [_buurt("BU03440303", "Wolgadreef", 52.12, 5.12)])
    importeer_gebieden(pad)
    voor = list(Gebied.objects.order_by("code").values())
    uitkomst = importeer_gebieden(pad)
    assert uitkomst.tellingen["gebied"].ongewijzigd == 1 and uitkomst.tellingen["gebied"].nieuw == 0
    assert list(Gebied.objects.order_by("code").values()) == voor


def test_rd_coordinaten_worden_wgs84(tmp_path, gebieden):
    x, y = 155000, 463000  # Amersfoort, the origin of the RD grid
    rd = {
        "type": "Polygon",
        "coordinates": [
            [
                [x - 500, y - 500],
                [x + 500, y - 500],
                [x + 500, y + 500],
                [x - 500, y + 500],
                [x - 500, y - 500],
            ]
        ],
    }
    feature = {
        "type": "Feature",
        "properties": {"buurtcode": "BU03440399", "buurtnaam": "Proef"},
        "geometry": rd,
    }
    importeer_gebieden(
        _kaart(
            tmp_path / "rd.geojson",
            [feature],
            crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        )
    )
    buurt = Gebied.objects.get(code="BU03440399")
    assert buurt.latitude == pytest.approx(52.1552, abs=1e-3)
    assert buurt.longitude == pytest.approx(5.3872, abs=1e-3)
    assert buurt.bevat_punt(52.1552, 5.3872)


def test_rd_omrekening_van_de_westertoren():
    # The reference point of the published approximation formulas.
    lat, lon = rd_naar_wgs84(120700.723, 487525.501)
    assert lat == pytest.approx(52.37453253, abs=1e-4)
    assert lon == pytest.approx(4.88352559, abs=1e-4)


# 1e-5 degrees is about a metre: what RD to WGS84 without grid files promises.
@pytest.mark.parametrize(
    ("x", "y", "lat", "lon"),
    [
        # The origin of the grid, the Onze Lieve Vrouwetoren in Amersfoort, in WGS84.
        (155000, 463000, 52.15517440, 5.38720621),
        # The Westertoren in Amsterdam, the other reference point of the published formulas.
        (120700.723, 487525.501, 52.37453253, 4.88352559),
    ],
)
def test_rd_omrekening_valt_binnen_een_meter_op_de_referentiepunten(x, y, lat, lon):
    assert rd_naar_wgs84(x, y) == pytest.approx((lat, lon), abs=1e-5)


def test_rd_omrekening_zet_de_dom_op_de_domtoren():
    # The Domtoren in Utrecht: 52.0907 N 5.1213 E, in RD 136,777 / 455,860 (the published
    # approximation formulas give the same to within a metre).
    assert rd_naar_wgs84(136777, 455860) == pytest.approx((52.0907, 5.1213), abs=1e-4)


def test_rd_geometrie_wordt_lengte_breedte_met_zeven_decimalen():
    ring = [[155000, 463000], [156000, 463000], [156000, 464000], [155000, 463000]]
    omgerekend = geometrie_naar_wgs84({"type": "Polygon", "coordinates": [ring]})
    lon, lat = omgerekend["coordinates"][0][0]
    assert (lat, lon) == pytest.approx((52.15517, 5.38721), abs=1e-5)
    assert lon == round(lon, 7)
    assert len(omgerekend["coordinates"][0]) == 4


def test_ontbrekende_gemeente_wordt_gemaakt_als_de_naam_bekend_is(tmp_path, db):
    features = [
        {
            "type": "Feature",
            "properties": {
                "wijkcode": "WK036301",
                "wijknaam": "Centrum",
                "gemeentecode": "GM0363",
                "gemeentenaam": "Amsterdam",
            },
            "geometry": None,
        },
    ]
    importeer_gebieden(_kaart(tmp_path / "w.geojson", features))
    assert Gebied.objects.get(code="GM0363").naam == "Amsterdam"


def test_cijfers_per_cbs_code(tmp_path, gebieden):
    pad = tmp_path / "cijfers.csv"
    pad.write_text(
        "gwb_code;naam;aantal_inwoners;Percentage laag inkomen\n"
        "WK034403;Overvecht;33.000;\n"
        "BU03440301;Zambesidreef e.o.;4210;23,5\n"
        "BU99999999;Onbekend;1;1\n",
        encoding="utf-8",
    )
    uitkomst = importeer_gebieden(pad)
    assert Gebied.objects.get(code="BU03440301").cijfers == {
        "aantal_inwoners": 4210,
        "percentage_laag_inkomen": 23.5,
    }
    assert Gebied.objects.get(code="WK034403").cijfers == {"aantal_inwoners": 33.0}
    assert "1 rij(en) over onbekende gebieden" in str(uitkomst.waarschuwingen[0])
    assert importeer_gebieden(pad).tellingen["gebied"].gewijzigd == 0


def test_buurtzoeker_kiest_de_buurt_die_het_punt_bevat():
    zoeker = Buurtzoeker([("BU1", _vierkant(52.0, 5.0)), ("BU2", _vierkant(52.0, 5.02))])
    assert zoeker.buurt_voor(52.0, 5.001) == "BU1"
    assert zoeker.buurt_voor(52.0, 5.021) == "BU2"
    assert zoeker.buurt_voor(53.0, 5.0) is None
