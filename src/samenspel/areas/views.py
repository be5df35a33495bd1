"""Area pages: a gemeente with its wijken, a buurt with its figures.

The wijk pages themselves are `wegwijzer.views_wijk`.
"""

from django.shortcuts import get_object_or_404, render

from samenspel.areas import cijfers
from samenspel.areas.models import Gebied, Niveau


def gemeente(request, code: str):
    gemeente = get_object_or_404(Gebied, code=code.upper(), niveau=Niveau.GEMEENTE)
    return render(
        request,
        "areas/gemeente.html",
        {
            "gemeente": gemeente,
            "wijken": gemeente.kinderen.order_by("naam"),
            "cijfers": cijfers.voor_pagina(gemeente),
        },
    )


def buurt(request, code: str):
    buurt = get_object_or_404(
        Gebied.objects.select_related("ouder__ouder"), code=code.upper(), niveau=Niveau.BUURT
    )
    return render(
        request, "areas/buurt.html", {"buurt": buurt, "cijfers": cijfers.voor_pagina(buurt)}
    )
