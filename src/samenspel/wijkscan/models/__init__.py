"""The wijkscan's own records; each part of the scan has its own module."""

from .acties import Actie, Actiestatus
from .instelling import Gebeurtenis, Scaninstelling, Voorval
from .uitvoer import Stand
from .verwachting import (
    Afschalen,
    Draagformule,
    Draagsoort,
    Verwachtingsformule,
    Verwachtingsinstelling,
    Wijkkennis,
)

__all__ = [
    "Actie",
    "Actiestatus",
    "Afschalen",
    "Draagformule",
    "Draagsoort",
    "Gebeurtenis",
    "Scaninstelling",
    "Stand",
    "Verwachtingsformule",
    "Verwachtingsinstelling",
    "Voorval",
    "Wijkkennis",
]
