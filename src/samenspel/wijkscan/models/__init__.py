"""The wijkscan's own records; each part of the scan has its own module."""

from .instelling import Gebeurtenis, Scaninstelling, Voorval

__all__ = ["Gebeurtenis", "Scaninstelling", "Voorval"]
