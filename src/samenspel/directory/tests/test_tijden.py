"""Opening times as text: a round-the-clock service reads "dag en nacht" everywhere."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.directory import models as m
from samenspel.directory.templatetags.kaart import tijden

pytestmark = pytest.mark.django_db

ALLE_DAGEN = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _rooster(service, rijen):
    service.schedules.all().delete()
    for byday, van, tot in rijen:
        m.Schedule.objects.create(service=service, byday=byday, opens_at=van, closes_at=tot)
    return m.Service.objects.get(pk=service.pk)


def test_zeven_dagen_van_middernacht_tot_middernacht_is_dag_en_nacht(maak_aanbod):
    service = _rooster(maak_aanbod(), [(d, dt.time(0, 0), dt.time(23, 59)) for d in ALLE_DAGEN])
    assert tijden(service) == "dag en nacht"


def test_een_rij_voor_de_hele_week_tot_nul_uur_is_ook_dag_en_nacht(maak_aanbod):
    service = _rooster(maak_aanbod(), [(",".join(ALLE_DAGEN), dt.time(0, 0), dt.time(0, 0))])
    assert tijden(service) == "dag en nacht"


def test_zes_dagen_rond_de_klok_blijven_dagen_met_tijden(maak_aanbod):
    service = _rooster(maak_aanbod(), [(d, dt.time(0, 0), dt.time(23, 59)) for d in ALLE_DAGEN[:6]])
    assert tijden(service).startswith("ma 00:00–23:59")


def test_gewone_openingstijden_blijven_zoals_ze_waren(maak_aanbod):
    service = _rooster(maak_aanbod(), [("TU", dt.time(10, 0), dt.time(12, 0))])
    assert tijden(service) == "di 10:00–12:00"


def test_aanbodpagina_zegt_ook_dag_en_nacht(client, maak_aanbod):
    service = _rooster(
        maak_aanbod(naam="Crisisdienst"),
        [(d, dt.time(0, 0), dt.time(23, 59)) for d in ALLE_DAGEN],
    )
    pagina = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "<dd>dag en nacht</dd>" in pagina
    assert "23:59" not in pagina
