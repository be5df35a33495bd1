"""The accounts' entries in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

v.registreer(
    "accounts.Gebruiker",
    betrokkenen=v.GEBRUIKERS,
    velden=("username", "first_name", "last_name", "email", "last_login"),
    doel=_("inloggen, en laten zien wie iets deed of beantwoordt"),
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_("zolang het account bestaat"),
    wie_ziet=_("beheerders; de naam ook wie met de gebruiker samenwerkt"),
)
v.registreer(
    "accounts.Accountgebeurtenis",
    betrokkenen=v.GEBRUIKERS,
    velden=("gebruiker", "soort", "wanneer"),
    doel=_("verantwoording van wat er met een account gebeurde"),
    grondslag=v.WETTELIJK,
    bewaren=_("zolang het account bestaat"),
    wie_ziet=_("beheerders"),
)
