"""The wijkscan's own records; each part of the scan has its own module."""

from .acties import Actie, Actiestatus
from .instelling import Gebeurtenis, Scaninstelling, Voorval

__all__ = ["Actie", "Actiestatus", "Gebeurtenis", "Scaninstelling", "Voorval"]
