"""The language switch in the header: a link that sets the visitor's language and goes back.

A link (GET) instead of Django's `set_language` (POST): a form would put a CSRF token on every
page, while pages for anonymous visitors come from a shared response cache that must hold
nothing personal. Choosing a language changes nothing but the visitor's own cookie.
Without that cookie Django's LocaleMiddleware follows the browser (Accept-Language) and falls
back to Dutch (LANGUAGE_CODE).
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

JAAR = 365 * 24 * 3600


def kies_taal(request: HttpRequest, taal: str) -> HttpResponse:
    if taal not in dict(settings.LANGUAGES):
        raise Http404
    volgende = request.GET.get("volgende", "")
    if not url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        volgende = reverse("core:home")
    antwoord = redirect(volgende)
    antwoord.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        taal,
        max_age=JAAR,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return antwoord
