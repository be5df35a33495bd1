"""The wijkscan's own records; each part of the scan has its own module."""

from .acties import Actie, Actiestatus
from .instelling import Gebeurtenis, Scaninstelling, Voorval
from .oordeel import Criteriumkeuze, Oordeel, Oordeelronde, Uitnodiging
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
    "Criteriumkeuze",
    "Draagformule",
    "Draagsoort",
    "Gebeurtenis",
    "Oordeel",
    "Oordeelronde",
    "Scaninstelling",
    "Stand",
    "Uitnodiging",
    "Verwachtingsformule",
    "Verwachtingsinstelling",
    "Voorval",
    "Wijkkennis",
]
