"""Public pages of the kaart: one listing, one organisation."""

from collections.abc import Callable

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from samenspel.directory import bewaard, vooraf_laden
from samenspel.directory.models import Organization, Service

# Blocks that higher apps add to a listing's page, by name (the web: "wie kent dit
# initiatief?"). Each gets the request and the service and returns None (nothing to show to
# this user) or a context dict with the ``sjabloon`` it is drawn with. Filled by those apps in
# their ``AppConfig.ready()``: directory sits below them and imports none of them.
aanbod_blokken: dict[str, Callable[[object, Service], dict | None]] = {}


def service(request, pk):
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    if not service.is_zichtbaar_voor(request.user):
        # Not live, or professional-only: to a resident it simply does not exist.
        raise Http404
    alleen_contact = not service.toont_plaats_aan(request.user)
    gegevens = bewaard.bewaard_of_gemaakt(
        str(service.pk), ("pagina", alleen_contact), lambda: _gegevens(service, alleen_contact)
    )
    return render(
        request,
        "directory/service.html",
        {
            "service": service,
            "gegevens": mark_safe(gegevens),  # noqa: S308  (rendered by our own template)
            "blokken": [
                blok
                for maak in aanbod_blokken.values()
                if (blok := maak(request, service)) is not None
            ],
        },
    )


def _gegevens(service, alleen_contact: bool) -> str:
    """The listing's own part of its page: what it is, when and where, costs and contact."""
    vooraf_laden.voor_lijst([service])
    prefetch_related_objects([service], "cost_options")
    locaties = [sal.location for sal in service.service_at_locations.all()]
    return render_to_string(
        "directory/_service_gegevens.html",
        {
            "service": service,
            "locaties": locaties,
            "adressen": [a for loc in locaties for a in loc.addresses.all()],
            "alleen_contact": alleen_contact,
        },
    )


def organisatie(request, pk):
    organisatie = get_object_or_404(Organization, pk=pk)
    services = vooraf_laden.voor_lijst(
        Service.objects.zichtbaar_voor(request.user)
        .filter(organization=organisatie)
        .select_related("organization")
    )
    if not services:
        raise Http404
    return render(
        request, "directory/organisatie.html", {"organisatie": organisatie, "services": services}
    )
