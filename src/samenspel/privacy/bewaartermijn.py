"""Retention: personal data of closed cases is erased after a set number of months.

Apps that keep personal data register an eraser here (in ``AppConfig.ready``); the command
``samenspel bewaartermijn`` runs them all. Each eraser keeps the anonymous remains its figures
need, so erasing never changes a figure (DESIGN principle 6).
"""

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils import timezone

from samenspel.core.datums import maanden_terug

STANDAARD_MAANDEN = 12

# name -> function(peildatum, vandaag) -> number of records erased
_WISSERS: dict[str, Callable[[date, date], int]] = {}


def registreer(naam: str, wisser: Callable[[date, date], int]) -> None:
    _WISSERS[naam] = wisser


def bewaar_maanden() -> int:
    return int(settings.SAMENSPEL.get("BEWAAR_MAANDEN", STANDAARD_MAANDEN))


def peildatum(vandaag: date | None = None, maanden: int | None = None) -> date:
    """Cases closed before this date have outlived the retention period."""
    vandaag = vandaag or timezone.localdate()
    return maanden_terug(vandaag, bewaar_maanden() if maanden is None else maanden)


def pas_toe(vandaag: date | None = None, maanden: int | None = None) -> dict[str, int]:
    """Run every registered eraser; returns how many records each erased."""
    vandaag = vandaag or timezone.localdate()
    grens = peildatum(vandaag, maanden)
    return {naam: wisser(grens, vandaag) for naam, wisser in sorted(_WISSERS.items())}
