"""System checks that keep a production installation from running with demo settings, or
with settings that cannot mean what the operator wrote."""

from django.conf import settings
from django.core.checks import Error, register

from samenspel.core import client_ip

# Django's own minimum for a secret key (security.W009).
SLEUTEL_MIN = 50


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
    # Django only warns about these two (security.W009, and nothing for '*'); an installation
    # holding worries about residents must not start with them.
    if len(settings.SECRET_KEY) < SLEUTEL_MIN or len(set(settings.SECRET_KEY)) < 5:
        fouten.append(
            Error(
                f"SECRET_KEY is korter dan {SLEUTEL_MIN} tekens of bijna overal hetzelfde teken.",
                hint="Maak een nieuwe, bijvoorbeeld met: "
                "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
                id="samenspel.E005",
            )
        )
    if "*" in settings.ALLOWED_HOSTS:
        fouten.append(
            Error(
                "ALLOWED_HOSTS bevat '*': elke hostnaam wordt aangenomen.",
                hint="Noem de hostnamen van deze installatie, bijvoorbeeld samenspel.example.org.",
                id="samenspel.E006",
            )
        )
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
