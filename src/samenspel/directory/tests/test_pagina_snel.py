"""A listing's page reads what it shows in a fixed number of queries, however many places."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenspel.directory import models as m

pytestmark = pytest.mark.django_db


def _vragen(client, service) -> list[str]:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(service.get_absolute_url()).status_code == 200
    return [v["sql"] for v in vastgelegd.captured_queries]


def test_aanbodpagina_met_meer_plekken_kost_niet_meer_vragen(client, maak_aanbod, gebieden):
    service = maak_aanbod(naam="Buurtkamer", buurt="zambesidreef")
    client.get(service.get_absolute_url())  # sessions, caches: the same for both
    een_plek = _vragen(client, service)
    for buurt in ("vechtzoom", "middelland_noord"):
        locatie = m.Location.objects.create(
            organization=service.organization,
            name=f"Buurtkamer {buurt}",
            latitude=gebieden[buurt].latitude,
            longitude=gebieden[buurt].longitude,
            buurt=gebieden[buurt],
        )
        m.ServiceAtLocation.objects.create(service=service, location=locatie)
    pagina = client.get(service.get_absolute_url()).content.decode()
    assert "Vechtzoom" in pagina
    assert len(_vragen(client, service)) == len(een_plek)


def test_aanbodpagina_leest_geen_buurtgrenzen(client, maak_aanbod):
    service = maak_aanbod(naam="Buurtkamer")
    # An area's outline can be hundreds of kilobytes; the page only names the buurt.
    assert not any('"geometrie"' in sql for sql in _vragen(client, service))
