"""Search holds no personal data: its change log names listings only (privacy register)."""

from samenspel.core import verwerkingen

verwerkingen.zonder("search.Zoekwijziging")
