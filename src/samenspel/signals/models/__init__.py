"""The records of signalen; each part (route, worry, neighbourhood signal) has its own module.

Two kinds that are never mixed (DESIGN.md, "Signal"): a worry about a person, for the team
that may act on it, and a signal about the neighbourhood, for the netwerkhouder.
"""

from .buurtsignaal import Agendapunt, AgendaStatus, Buurtsignaal, SignaalStatus, Thema
from .logboek import Gebeurtenis, Voorval
from .meldroute import RegionaleRoute
from .zorg import Doorzending, Routeregel, Soort, Zorgmelding, Zorgstatus

__all__ = [
    "Agendapunt",
    "AgendaStatus",
    "Buurtsignaal",
    "Doorzending",
    "Gebeurtenis",
    "RegionaleRoute",
    "Routeregel",
    "SignaalStatus",
    "Soort",
    "Thema",
    "Voorval",
    "Zorgmelding",
    "Zorgstatus",
]
