from collections.abc import Callable

from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render

# What the home page shows beside the search box, per template variable. Filled by the apps
# that own it (areas: the gemeenten and their wijken, directory: the bouwstenen) in their
# `AppConfig.ready()`: core is the lowest layer and imports none of them.
home_inhoud: dict[str, Callable[[], object]] = {}


def home(request):
    return render(request, "core/home.html", {naam: maak() for naam, maak in home_inhoud.items()})


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
