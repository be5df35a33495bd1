"""Template helpers for printed listings (see samenspel.wegwijzer.papier)."""

from django import template

from samenspel.core import qr
from samenspel.wegwijzer import papier

register = template.Library()


@register.filter
def papiertekst(service, max_tekens=None) -> str:
    return papier.tekst(service, int(max_tekens) if max_tekens else None)


@register.filter
def papieradressen(service) -> list:
    return papier.adressen(service)


@register.filter
def papiertelefoons(service) -> list[str]:
    return papier.telefoons(service)


@register.simple_tag(takes_context=True)
def qr_naar(context, service) -> str:
    """QR code and printed address of a listing's page, absolute for the site being used."""
    return qr.figuur(context["request"].build_absolute_uri(service.get_absolute_url()))


@register.simple_tag(takes_context=True)
def site_adres(context) -> str:
    return context["request"].build_absolute_uri("/")
