"""Freshness is one rule: the listing's page, the "klopt nog" reminder and the search ranking
agree on every day, also where months are short (seed 001, lines 2170-2172)."""

import datetime as dt

import pytest
from django.utils import timezone

from samenspel.directory import herinneren
from samenspel.directory import models as m
from samenspel.search import documenten

# (today, the earliest confirmation that is still fresh: six calendar months back)
GRENZEN = [
    (dt.date(2025, 8, 31), dt.date(2025, 2, 28)),
    (dt.date(2024, 8, 31), dt.date(2024, 2, 29)),  # leap year
    (dt.date(2025, 9, 30), dt.date(2025, 3, 30)),
    (dt.date(2025, 3, 31), dt.date(2024, 9, 30)),
    (dt.date(2025, 3, 15), dt.date(2024, 9, 15)),
]


def _zo_ziet_iedereen_het(client, service) -> dict[str, bool]:
    """Fresh or not, as the page, the reminder and the ranking each say it."""
    pagina = client.get(service.get_absolute_url()).content.decode()
    (document,) = documenten.voor([service.pk])
    return {
        "pagina": "Laatst bevestigd op" in pagina and "Al lang niet bevestigd" not in pagina,
        "herinnering": service not in herinneren.te_herinneren(timezone.localdate()),
        "ranking": document.gewicht == 1.0,
    }


@pytest.mark.parametrize(("vandaag", "grens"), GRENZEN)
def test_pagina_herinnering_en_ranking_zijn_het_eens_op_de_grensdag(
    client, maak_aanbod, monkeypatch, vandaag, grens
):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: vandaag)
    net_vers = maak_aanbod(naam="Net vers", bevestigd=grens)
    net_oud = maak_aanbod(naam="Net oud", bevestigd=grens - dt.timedelta(days=1))

    assert m.vers_vanaf(vandaag) == grens
    assert _zo_ziet_iedereen_het(client, net_vers) == dict.fromkeys(
        ("pagina", "herinnering", "ranking"), True
    )
    assert _zo_ziet_iedereen_het(client, net_oud) == dict.fromkeys(
        ("pagina", "herinnering", "ranking"), False
    )


def test_nooit_bevestigd_is_nooit_vers(maak_aanbod):
    service = maak_aanbod()
    m.Service.objects.filter(pk=service.pk).update(assured_date=None)
    service.refresh_from_db()
    assert not service.is_vers()
    assert service in m.Service.objects.niet_vers()
