"""The "Zet op mijn wegwijzer" button on a listing's page."""

from django import template

from samenspel.wegwijzer import lijst

register = template.Library()


@register.inclusion_tag("wegwijzer/_knop.html", takes_context=True)
def wegwijzer_knop(context, service):
    request = context["request"]
    ids = lijst.uit_cookie(request)
    return {
        # A wegwijzer goes to residents: what only professionals may see never goes on one.
        "kan": service.is_zichtbaar_voor(None),
        "service": service,
        "erop": str(service.pk) in ids,
        "aantal": len(ids),
        "vol": len(ids) >= lijst.MAXIMAAL,
        "terug": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "MAXIMAAL": lijst.MAXIMAAL,
    }
