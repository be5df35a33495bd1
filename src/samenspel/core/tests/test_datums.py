"""Months are calendar months everywhere: freshness, retention and consent count alike."""

import datetime as dt

import pytest

from samenspel.core.datums import maanden_terug, maanden_verder


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (dt.date(2025, 3, 15), 6, dt.date(2024, 9, 15)),
        (dt.date(2025, 8, 31), 6, dt.date(2025, 2, 28)),
        (dt.date(2024, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 10), 1, dt.date(2024, 12, 10)),
        (dt.date(2025, 3, 31), 6, dt.date(2024, 9, 30)),
        (dt.date(2025, 2, 28), 12, dt.date(2024, 2, 28)),
    ],
)
def test_maanden_terug_is_dezelfde_dag_of_het_einde_van_een_kortere_maand(datum, maanden, verwacht):
    assert maanden_terug(datum, maanden) == verwacht


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (dt.date(2025, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 15), 3, dt.date(2025, 4, 15)),
    ],
)
def test_maanden_verder_telt_net_zo(datum, maanden, verwacht):
    assert maanden_verder(datum, maanden) == verwacht
