"""The wijkscan's own records; each part of the scan has its own module."""

from .instelling import Gebeurtenis, Scaninstelling, Voorval
from .uitvoer import Stand

__all__ = ["Gebeurtenis", "Scaninstelling", "Stand", "Voorval"]
