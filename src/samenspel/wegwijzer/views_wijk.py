"""Per wijk: an overview of its listings by bouwsteen, and the printable wijkwijzer.

Here and not in `areas`: these pages read the listings of a wijk through search and print
them as the wegwijzer does, and areas lies below both (see the README's layer order).
"""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from samenspel.areas import cijfers
from samenspel.areas.models import Gebied, Niveau
from samenspel.directory import vooraf_laden
from samenspel.directory.models import TaxonomyTerm
from samenspel.search.zoeken import Zoekvraag, zoek
from samenspel.wegwijzer import papier

# A wijk has tens to a few hundred listings; one page of this size holds them all.
MAX_PER_WIJK = 2000


def _in_wijk(wijk: Gebied, gebruiker, laad=vooraf_laden.voor_lijst) -> list:
    resultaat = zoek(
        Zoekvraag(filters={"wijk": [wijk.code]}, per_pagina=MAX_PER_WIJK), gebruiker, facetten=()
    )
    services = laad(t.service for t in resultaat.treffers)
    services.sort(key=lambda s: s.name.lower())
    return services


def _per_bouwsteen(wijk: Gebied, gebruiker):
    services = _in_wijk(wijk, gebruiker)
    groepen = []
    for bouwsteen in TaxonomyTerm.objects.bouwstenen():
        groepen.append(
            (bouwsteen, [s for s in services if any(b.pk == bouwsteen.pk for b in s.bouwstenen)])
        )
    return groepen, len(services)


def wijk(request, code: str):
    wijk = get_object_or_404(
        Gebied.objects.select_related("ouder"), code=code.upper(), niveau=Niveau.WIJK
    )
    groepen, totaal = _per_bouwsteen(wijk, request.user)
    return render(
        request,
        "wegwijzer/wijk.html",
        {
            "wijk": wijk,
            "groepen": groepen,
            "totaal": totaal,
            "buurten": wijk.kinderen.order_by("naam"),
            "cijfers": cijfers.voor_pagina(wijk),
            "ontbreekt": [b for b, lijst in groepen if not lijst],
        },
    )


def wijkwijzer(request, code: str):
    wijk = get_object_or_404(
        Gebied.objects.select_related("ouder"), code=code.upper(), niveau=Niveau.WIJK
    )
    # Printed for waiting rooms: only what every resident may see, whoever prints it.
    # Each listing once, its bouwstenen as labels: paper has no room for repeats.
    services = _in_wijk(wijk, None, laad=papier.laad)
    return render(
        request,
        "wegwijzer/wijkwijzer.html",
        {"wijk": wijk, "services": services, "datum": timezone.localdate()},
    )
