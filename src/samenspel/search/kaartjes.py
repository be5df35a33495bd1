"""The result cards of the search page, each rendered once per version of its listing.

A search page shows twenty cards. Reading their listings (with schedules, places, addresses
and terms) and writing twenty cards cost most of a page's time, far more than the
search itself, and most questions are new while the listings they find are not. So a card,
and its entry for the map beside the results, is kept per listing version, language and day
(directory/bewaard.py holds the rule), and per whether it shows a distance. The distance
itself differs per question: the card keeps a mark where it goes, filled in per page.

A card is the same for every viewer: who may find a listing is decided by the search, and
the card shows nothing more to anyone.
"""

import uuid
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samenspel.directory import bewaard, vooraf_laden
from samenspel.directory.kaartje import html as kaartje_html
from samenspel.directory.models import Service
from samenspel.directory.templatetags.kaart import afstand
from samenspel.search import index, keuzelijsten
from samenspel.search.kaart import kaartpunten
from samenspel.search.zoeken import Treffer

# Where a card's distance goes: random per process, so no listing's text can hold it.
_AFSTAND = f"afstand-{uuid.uuid4().hex}"


@dataclass(frozen=True)
class _Kaartje:
    html: str
    punt: dict | None


def voor(treffers: list[Treffer]) -> tuple[list[SafeString], list[dict]]:
    """The cards of these hits, in their order, and the map's entries for them (see
    `kaart.kaartpunten`). Reads only the listings whose card is not kept. A listing deleted
    since the index looked is left out. Call it after the search (`index.actueel()`)."""
    ids = [str(t.id) for t in treffers]
    algemeen = bewaard.sleutels(ids, aanbodversies(ids, al_actueel=True), "kaartje")
    # Whether the card shows a distance is part of its key.
    sleutels = [(*s, t.afstand_km is not None) for t, s in zip(treffers, algemeen, strict=True)]
    kaartjes = {sleutel: bewaard.fragmenten.get(sleutel) for sleutel in sleutels}
    missend = [sleutel for sleutel, kaartje in kaartjes.items() if kaartje is None]
    if missend:
        kaartjes.update(_maak(missend))
    html, punten = [], []
    for treffer, sleutel in zip(treffers, sleutels, strict=True):
        kaartje = kaartjes[sleutel]
        if kaartje is None:
            continue
        html.append(mark_safe(kaartje.html.replace(_AFSTAND, escape(afstand(treffer.afstand_km)))))  # noqa: S308  (written by directory/kaartje.py; the distance is escaped)
        if kaartje.punt is not None:
            punten.append(kaartje.punt)
    return html, punten


def aanbodversies(ids: list[str], *, al_actueel: bool = False) -> list[tuple]:
    """Per listing, a value that changes whenever anything shown of it changes
    (`directory.bewaard.versies`): its version in the index, which follows every change
    (`index.aanbodversies`), with the version of the area and term lists. `al_actueel`: the
    caller has just brought the index up to date (a search has)."""
    if not al_actueel:
        index.actueel()
    lijsten = keuzelijsten.versie()
    return [(versie, lijsten) for versie in index.aanbodversies(ids)]


def _maak(sleutels: list[tuple]) -> dict[tuple, _Kaartje | None]:
    services = {
        str(pk): service
        for pk, service in Service.objects.select_related("organization")
        .in_bulk([s[0] for s in sleutels])
        .items()
    }
    vooraf_laden.voor_kaartjes(services.values())
    gemaakt = {}
    for sleutel in sleutels:
        service = services.get(sleutel[0])
        if service is None:
            gemaakt[sleutel] = None
            continue
        met_afstand = sleutel[-1]
        html = kaartje_html(
            service, kop="h3", afstand_km=0 if met_afstand else None, afstand_plek=_AFSTAND
        )
        punt = next(iter(kaartpunten([service])), None)
        kaartje = gemaakt[sleutel] = _Kaartje(str(html), punt)
        bewaard.fragmenten.put(sleutel, kaartje, len(kaartje.html) + 200 * bool(punt))
    return gemaakt
