from django.shortcuts import render

from samenspel.areas.models import Gebied
from samenspel.directory.models import TaxonomyTerm


def home(request):
    gemeenten = Gebied.objects.gemeenten().prefetch_related("kinderen")
    return render(
        request,
        "core/home.html",
        {"gemeenten": gemeenten, "bouwstenen": TaxonomyTerm.objects.bouwstenen()},
    )


def niet_gevonden(request, exception=None):
    return render(request, "core/404.html", status=404)


def geen_toegang(request, exception=None):
    return render(request, "core/403.html", status=403)


def serverfout(request):
    return render(request, "core/500.html", status=500)
