"""Area pages: per gemeente its wijken (the wijk pages themselves: `wegwijzer.views_wijk`)."""

from django.shortcuts import get_object_or_404, render

from samenspel.areas.models import Gebied, Niveau


def gemeente(request, code: str):
    gemeente = get_object_or_404(Gebied, code=code.upper(), niveau=Niveau.GEMEENTE)
    return render(
        request,
        "areas/gemeente.html",
        {"gemeente": gemeente, "wijken": gemeente.kinderen.order_by("naam")},
    )
