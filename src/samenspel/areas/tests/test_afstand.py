"""One haversine for every distance: pages, the API and search."""

import math

import numpy as np
import pytest

from samenspel.areas.afstand import AARDSTRAAL_KM, afstand_km, afstanden_km

UTRECHT, AMSTERDAM = (52.0907, 5.1213), (52.3731, 4.8922)


def test_een_halve_graad_breedte_is_een_halve_graad_van_de_omtrek():
    assert afstand_km((52.0, 5.0), (52.5, 5.0)) == pytest.approx(
        AARDSTRAAL_KM * math.pi / 360, rel=1e-12
    )


def test_van_de_dom_naar_de_dam_is_vijfendertig_kilometer():
    assert afstand_km(UTRECHT, AMSTERDAM) == pytest.approx(35.06, abs=0.05)
    assert afstand_km(UTRECHT, UTRECHT) == 0


def test_tegenvoeters_liggen_een_halve_omtrek_uit_elkaar():
    assert afstand_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(math.pi * AARDSTRAAL_KM)
    assert afstanden_km(0.0, 0.0, [0.0], [180.0])[0] == pytest.approx(math.pi * AARDSTRAAL_KM)


def test_vele_afstanden_tegelijk_zijn_dezelfde_als_een_voor_een():
    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(50.7, 53.6, 500), rng.uniform(3.3, 7.2, 500)
    tegelijk = afstanden_km(*UTRECHT, lats, lons)
    los = [afstand_km(UTRECHT, (a, b)) for a, b in zip(lats, lons, strict=True)]
    assert tegelijk == pytest.approx(los, rel=1e-12)
