"""Which buurt holds a point: the lookup every import and command shares."""

import pytest

from samenspel.areas.buurtzoeker import Buurtzoeker, buurt_voor_punt, vorm
from samenspel.areas.models import Gebied


def _ring(lat, lon, d):
    return [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d]]


def _vierkant(lat, lon, d=0.005):
    return {"type": "Polygon", "coordinates": [_ring(lat, lon, d) + [_ring(lat, lon, d)[0]]]}


def test_punt_in_het_gat_van_een_buurt_hoort_er_niet_bij():
    buiten, gat = _ring(52.0, 5.0, 0.01), _ring(52.0, 5.0, 0.002)
    zoeker = Buurtzoeker([("BU1", {"type": "Polygon", "coordinates": [buiten, gat]})])
    assert zoeker.buurt_voor(52.0, 5.0) is None
    assert zoeker.buurt_voor(52.0, 5.006) == "BU1"


def test_een_buurt_uit_meerdere_delen_bevat_elk_deel():
    delen = {
        "type": "MultiPolygon",
        "coordinates": [[_ring(52.0, 5.0, 0.001)], [_ring(52.1, 5.1, 0.001)]],
    }
    zoeker = Buurtzoeker([("BU1", delen)])
    assert zoeker.buurt_voor(52.0, 5.0) == "BU1"
    assert zoeker.buurt_voor(52.1, 5.1) == "BU1"
    assert zoeker.buurt_voor(52.05, 5.05) is None


def test_punt_op_de_grens_van_twee_buurten_gaat_naar_de_eerste():
    links, rechts = _vierkant(52.0, 5.0), _vierkant(52.0, 5.01)
    assert Buurtzoeker([("BU1", links), ("BU2", rechts)]).buurt_voor(52.0, 5.005) == "BU1"
    assert Buurtzoeker([("BU2", rechts), ("BU1", links)]).buurt_voor(52.0, 5.005) == "BU2"


def test_veel_punten_tegelijk_geven_hetzelfde_als_een_voor_een():
    zoeker = Buurtzoeker([(f"BU{i}", _vierkant(52.0, 5.0 + i * 0.01)) for i in range(50)])
    lats = [52.0, 52.003, 51.9, None, float("nan"), 52.0]
    lons = [5.001, 5.102, 5.0, 5.0, 5.0, None]
    assert zoeker.buurten_voor(lats, lons) == ["BU0", "BU10", None, None, None, None]
    assert zoeker.buurten_voor(lats[:3], lons[:3]) == [
        zoeker.buurt_voor(lat, lon) for lat, lon in zip(lats[:3], lons[:3], strict=True)
    ]
    assert zoeker.buurten_voor([], []) == []


def test_geometrie_als_tekst_en_kapotte_geometrie():
    # A ring that crosses itself (a bow tie) still holds what it visibly holds.
    strik = [[5.0, 52.0], [5.02, 52.02], [5.02, 52.0], [5.0, 52.02], [5.0, 52.0]]
    zoeker = Buurtzoeker(
        [
            ("BU1", '{"type": "Polygon", "coordinates": [[[4,51],[4.01,51],[4.01,51.01],[4,51]]]}'),
            ("BU2", {"type": "Polygon", "coordinates": [strik]}),
            ("BU3", {"type": "Point", "coordinates": [5.5, 52.5]}),
            ("BU4", {"type": "Polygon", "coordinates": [[[6, 52], [6.1]]]}),
            ("BU5", None),
            ("BU6", "geen json"),
        ]
    )
    assert len(zoeker) == 2
    assert zoeker.buurt_voor(51.002, 4.008) == "BU1"
    assert zoeker.buurt_voor(52.01, 5.018) == "BU2"
    assert zoeker.buurt_voor(52.01, 5.002) == "BU2"
    assert zoeker.buurt_voor(52.019, 5.01) is None
    assert vorm({"type": "Polygon", "coordinates": []}) is None


def test_zonder_buurten_met_geometrie_is_er_geen_buurt():
    zoeker = Buurtzoeker([])
    assert not zoeker
    assert zoeker.buurt_voor(52.0, 5.0) is None
    assert zoeker.buurten_voor([52.0], [5.0]) == [None]


@pytest.mark.django_db
def test_enkel_punt_ziet_de_geometrie_zoals_die_nu_is(gebieden):
    buurt = gebieden["zambesidreef"]
    buurt.geometrie = _vierkant(52.12, 5.11)
    buurt.save()
    assert buurt_voor_punt(52.12, 5.11) == buurt
    Gebied.objects.filter(pk=buurt.pk).update(geometrie=_vierkant(52.5, 5.5))
    assert buurt_voor_punt(52.12, 5.11) is None
    assert buurt_voor_punt(52.5, 5.5) == buurt


def test_een_omtrek_zonder_oppervlak_bevat_niets():
    plat = {
        "type": "Polygon",
        "coordinates": [[[5.0, 52.0], [5.01, 52.0], [5.02, 52.0], [5.0, 52.0]]],
    }
    zoeker = Buurtzoeker([("BU1", plat)])
    assert not zoeker
    assert zoeker.buurt_voor(52.0, 5.01) is None
