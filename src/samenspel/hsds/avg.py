"""The HSDS exchange's entries in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

v.registreer(
    "hsds.Sleutelgebeurtenis",
    betrokkenen=v.GEBRUIKERS,
    velden=("door",),
    doel=_("verantwoording: wie een API-sleutel maakte of introk"),
    grondslag=v.WETTELIJK,
    bewaren=_("zolang de sleutel bestaat"),
    wie_ziet=_("de organisatie van de sleutel en beheerders"),
)
v.zonder("hsds.ApiToken", "hsds.Importrun")
