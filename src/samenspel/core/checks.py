"""System checks that keep a production installation from running with demo settings, or
with settings that cannot mean what the operator wrote."""

from django.conf import settings
from django.core.checks import Error, register

from samenspel.core import client_ip


@register(deploy=True)
def productie_instellingen(app_configs, **kwargs):
    fouten = []
    if not settings.PRODUCTIE:
        fouten.append(
            Error(
                "SAMENSPEL_PRODUCTIE staat niet aan.",
                hint="Zet SAMENSPEL_PRODUCTIE=1 voor HTTPS-cookies, HSTS en SSL-doorverwijzing.",
                id="samenspel.E001",
            )
        )
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY:
        fouten.append(
            Error(
                "SECRET_KEY is de demosleutel.",
                hint="Zet een eigen, geheime SECRET_KEY in de omgeving.",
                id="samenspel.E002",
            )
        )
    if settings.DEMO or settings.DEBUG:
        fouten.append(Error("DEBUG of SAMENSPEL_DEMO staat aan in productie.", id="samenspel.E003"))
    return fouten


@register()
def vertrouwde_proxies(app_configs, **kwargs):
    fout = client_ip.invalid_entries(settings.SAMENSPEL["VERTROUWDE_PROXIES"])
    if not fout:
        return []
    return [
        Error(
            "SAMENSPEL_VERTROUWDE_PROXIES bevat iets dat geen IP-adres of netwerk is: "
            + ", ".join(repr(f) for f in fout),
            hint="Geef adressen of netwerken, gescheiden door komma's, "
            "bijvoorbeeld 127.0.0.1,10.0.0.0/8.",
            id="samenspel.E004",
        )
    ]
