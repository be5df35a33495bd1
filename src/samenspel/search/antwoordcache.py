"""Ready answers for searches by residents: the same question is asked many times a day.

A search page for someone without a session depends only on its address, the language, the
date (freshness labels), the content of the search index and the form's choice lists. The
index version changes with every listing that changes, so a saved change is never hidden by
this cache; the area and term lists (see `keuzelijsten`) may lag a few minutes, as they do
without it.

The cache lives in the process, next to the index whose version is part of the key: reading
it costs no network round trip and no unpickling.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from samenspel.core.lru import BoundedCache
from samenspel.search import index, keuzelijsten

MAX_BYTES = 64 * 1024 * 1024
MAX_LEEFTIJD_SECONDEN = 300


class Antwoordcache(BoundedCache):
    """Least recently used answers (content and content type), bounded in size and in age."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_leeftijd: float = MAX_LEEFTIJD_SECONDEN):
        super().__init__(max_bytes, max_leeftijd)

    def haal(self, sleutel: tuple) -> tuple[bytes, str] | None:
        return self.get(sleutel)

    def bewaar(self, sleutel: tuple, inhoud: bytes, soort: str) -> None:
        self.put(sleutel, (inhoud, soort), len(inhoud))

    def leeg(self) -> None:
        self.clear()


antwoorden = Antwoordcache()


def voor_iedereen_gelijk(request: HttpRequest) -> bool:
    """True when the answer cannot hold anything personal: no session (so no login and no
    messages), no API token, a plain GET."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _sleutel(request: HttpRequest) -> tuple:
    index.actueel()  # first take in every committed change, so the version below is current
    return (
        request.path,
        request.META.get("QUERY_STRING", ""),
        translation.get_language(),
        timezone.localdate(),
        index.versie(),
        keuzelijsten.versie(),
    )


def bewaar_antwoord(
    view: Callable[..., HttpResponse] | None = None,
    *,
    behalve: tuple[str, ...] = (),
) -> Callable:
    """Serve a view's answers for anonymous visitors from the cache above.

    `behalve`: query parameters that make an answer show more than the index version follows
    (e.g. the API's `full`, with contacts and phone numbers); such requests are not cached.
    """
    if view is None:
        return lambda v: bewaar_antwoord(v, behalve=behalve)

    @wraps(view)
    def met_cache(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not voor_iedereen_gelijk(request) or any(p in request.GET for p in behalve):
            return view(request, *args, **kwargs)
        sleutel = _sleutel(request)
        gevonden = antwoorden.haal(sleutel)
        if gevonden is not None:
            inhoud, soort = gevonden
            return HttpResponse(inhoud, content_type=soort)
        antwoord = view(request, *args, **kwargs)
        if (
            antwoord.status_code == 200
            and not antwoord.streaming
            and not antwoord.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not antwoord.has_header("Cache-Control")
        ):
            antwoorden.bewaar(sleutel, antwoord.content, antwoord["Content-Type"])
        return antwoord

    return met_cache
