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

# The second step of logging in (django-otp): the code app's key and the recovery codes.
for model, velden in (
    ("otp_totp.TOTPDevice", ("user", "name", "key")),
    ("otp_static.StaticDevice", ("user", "name")),
    ("otp_static.StaticToken", ("device", "token")),
):
    v.registreer(
        model,
        betrokkenen=v.GEBRUIKERS,
        velden=velden,
        doel=_("inloggen in twee stappen: de code-app en de herstelcodes"),
        grondslag=v.WETTELIJK,
        bewaren=_("tot de gebruiker de tweede stap uitzet of het account verdwijnt"),
        wie_ziet=_("niemand; alleen de server leest de sleutel en de codes"),
    )
