from django.middleware.csrf import REASON_NO_CSRF_COOKIE
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


def csrf_fout(request, reason=""):
    """A form that came back without a valid safety code: say what happened, in plain words.

    Mostly the page stood open too long (the code expires with the session) or the browser
    keeps no cookies; nothing was saved either way, and reloading the page fixes the first.
    """
    return render(
        request,
        "core/csrf.html",
        {"geen_cookies": reason == REASON_NO_CSRF_COOKIE, "terug": request.get_full_path()},
        status=403,
    )
