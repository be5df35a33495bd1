"""The wijkscan's entries in the processing register (core/verwerkingen.py): it counts
supply and judges bouwstenen per wijk, and holds no data about residents."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

for model in ("wijkscan.Oordeelronde", "wijkscan.Gebeurtenis"):
    v.registreer(
        model,
        betrokkenen=v.GEBRUIKERS,
        velden=("gestart_door",) if model.endswith("Oordeelronde") else ("door",),
        doel=_("verantwoording: wie een ronde startte of iets aan de wijkscan veranderde"),
        grondslag=v.WETTELIJK,
        bewaren=_("zolang de wijkscan van de gemeente bestaat"),
        wie_ziet=_("analisten, netwerkhouders en beheerders van de gemeente"),
    )
v.zonder(
    "wijkscan.Actie",
    "wijkscan.Criteriumkeuze",
    "wijkscan.Draagformule",
    "wijkscan.Oordeel",
    "wijkscan.Scaninstelling",
    "wijkscan.Stand",
    "wijkscan.Uitnodiging",
    "wijkscan.Verwachtingsformule",
    "wijkscan.Verwachtingsinstelling",
    "wijkscan.Wijkkennis",
)
