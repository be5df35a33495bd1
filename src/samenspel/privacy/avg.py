"""Privacy's own entries in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

v.registreer(
    "privacy.Toestemming",
    betrokkenen=v.BEWONERS,
    velden=("gegevens", "doel", "vastgelegd_door", "vastgelegd_door_naam", "gegeven_op"),
    doel=_("aantonen dat, waarvoor en tot wanneer een bewoner toestemming gaf"),
    grondslag=v.WETTELIJK,
    bewaren=_("met de verwijzing waar de toestemming bij hoort"),
    wie_ziet=_("de verwijzer en de organisatie die de verwijzing krijgt; de bewoner zelf"),
)
v.registreer(
    "privacy.Auditregel",
    betrokkenen=v.GEBRUIKERS,
    velden=("wie", "partij", "actie", "record_id"),
    doel=_("verantwoording: wie welk record bekeek of veranderde (nooit de inhoud)"),
    grondslag=v.WETTELIJK,
    bewaren=_("blijft bewaard; een regel kan niet veranderen of verdwijnen"),
    wie_ziet=_("beheerders"),
)
