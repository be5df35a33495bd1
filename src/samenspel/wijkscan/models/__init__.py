"""The wijkscan's own records; each part of the scan has its own module."""

from .instelling import Gebeurtenis, Scaninstelling, Voorval
from .oordeel import Criteriumkeuze, Oordeel, Oordeelronde, Uitnodiging

__all__ = [
    "Criteriumkeuze",
    "Gebeurtenis",
    "Oordeel",
    "Oordeelronde",
    "Scaninstelling",
    "Uitnodiging",
    "Voorval",
]
