"""Het web's entries in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v
from samenspel.network.actions import PERSOONSGEGEVENS

_BEWAREN = _(
    "zolang iemand meedoet; %(WEB_BEWAAR_MAANDEN)s maanden na vertrek of uitstappen gewist"
)
_WIE = _("netwerkhouders en professionals van de gemeente; de persoon zelf via de eigen link")

v.registreer(
    "network.Persoon",
    betrokkenen=v.NETWERK,
    velden=PERSOONSGEGEVENS,
    doel=_("weten wie wie kent in de wijk, zodat verbindingen blijven als mensen vertrekken"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "network.Band",
    betrokkenen=v.NETWERK,
    velden=("van", "naar", "soort", "laatste_contact"),
    doel=_("zien welke bruggen tussen formeel en informeel kwetsbaar zijn"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "network.Samen",
    betrokkenen=v.NETWERK,
    velden=("uitnodiger", "uitnodiger_naam", "uitnodiger_email", "voornaam", "wanneer", "waar"),
    doel=_("een partner uit het web uitnodigen voor het eerste gesprek met een bewoner"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_("wie uitnodigt en wie uitgenodigd wordt"),
)
v.registreer(
    "network.Uitnodiging",
    betrokkenen=v.NETWERK,
    velden=("persoon", "antwoord"),
    doel=_("uitnodigen voor netwerkbijeenkomsten en weten wie komt"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "network.Agendapunt",
    betrokkenen=v.NETWERK,
    velden=("presentator", "door"),
    doel=_("de agenda van een netwerkbijeenkomst"),
    grondslag=v.TOESTEMMING,
    bewaren=_BEWAREN,
    wie_ziet=_WIE,
)
v.registreer(
    "network.Gebeurtenis",
    betrokkenen=v.NETWERK,
    velden=("door", "persoon"),
    doel=_("verantwoording: wat er in het web veranderde, en door wie"),
    grondslag=v.WETTELIJK,
    bewaren=_BEWAREN,
    wie_ziet=_("netwerkhouders en beheerders"),
)
v.registreer(
    "network.Reeks",
    betrokkenen=v.GEBRUIKERS,
    velden=("door",),
    doel=_("laten zien wie een reeks bijeenkomsten begon"),
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_("zolang de reeks bestaat"),
    wie_ziet=_WIE,
)
v.zonder("network.Bijeenkomst", "network.Gastheer")
