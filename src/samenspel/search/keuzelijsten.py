"""The search form's choice lists, read from the database once in a while, not per request.

At national scale the gemeente list alone has 342 rows and the wijk and buurt lists thousands;
reading them for every search cost more than the search itself. Areas and taxonomy terms
change rarely (an import or an edit by a beheerder), so a list may be a few minutes old in
other processes; a change saved in this process empties the lists at once (signals below).

Two layers: the shared cache (one process reads the database for all), and in front of it a
copy in the process, so a search page does not ask the shared cache (a network round trip
with Redis) ten times for lists it asked for a moment ago. The version is asked for again
after `VERSIE_SECONDEN`, so a change in another process reaches this one within seconds.
"""

import time
from collections.abc import Callable

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext

from samenspel.areas.models import Gebied
from samenspel.core.lru import BoundedCache
from samenspel.directory.models import BOUWSTENEN, DOELGROEPEN, LEVENSDOMEINEN, TaxonomyTerm

VERVERS_SECONDEN = 300
VERSIE_SECONDEN = 5
TAXONOMIE_SLEUTELS = {
    BOUWSTENEN: "bouwstenen",
    DOELGROEPEN: "doelgroepen",
    LEVENSDOMEINEN: "levensdomeinen",
}
_VERSIE = "zoekkeuzes:versie"


_hier = BoundedCache(max_bytes=8 * 1024 * 1024, max_age=VERVERS_SECONDEN)
_versie_hier: tuple[float, int] | None = None


def versie() -> int:
    """Changes whenever the lists are emptied; part of the key of cached search pages."""
    global _versie_hier
    if _versie_hier is None or time.monotonic() - _versie_hier[0] > VERSIE_SECONDEN:
        _versie_hier = (time.monotonic(), cache.get_or_set(_VERSIE, 1, None))
    return _versie_hier[1]


def _bewaard(naam: str, maak: Callable[[], list]) -> list:
    # A version number in the key: emptying all lists (also those per gemeente or wijk,
    # whose keys nobody keeps) is one write.
    sleutel = f"zoekkeuzes:{versie()}:{naam}"
    waarde = _hier.get(sleutel)
    if waarde is None:
        waarde = cache.get(sleutel)
        if waarde is None:
            waarde = maak()
            cache.set(sleutel, waarde, VERVERS_SECONDEN)
        # The size only bounds the copy here; a row is about this much.
        _hier.put(sleutel, waarde, 100 * len(waarde))
    return waarde


def vergeet() -> None:
    global _versie_hier
    try:
        cache.incr(_VERSIE)
    except ValueError:
        cache.set(_VERSIE, 1, None)
    _versie_hier = None
    _hier.clear()


def gemeenten() -> list[tuple[str, str]]:
    return _bewaard(
        "gemeenten",
        lambda: list(
            Gebied.objects.gemeenten().order_by("naam", "code").values_list("code", "naam")
        ),
    )


def aantal(niveau: str) -> int:
    return _bewaard(f"aantal-{niveau}", lambda: [Gebied.objects.filter(niveau=niveau).count()])[0]


def wijken(gemeente: str = "", wijk: str = "", alle: bool = True) -> list[tuple[str, str]]:
    """All wijken, or only those of the chosen gemeente plus the chosen wijk itself."""
    if alle:
        return _bewaard("wijken", lambda: _lijst(Gebied.objects.wijken()))
    # Only known codes make a key: anything typed into the URL must not fill the cache.
    gemeente = gemeente if gemeente in dict(gemeenten()) else ""
    lijst = _bewaard(f"wijken-{gemeente}", lambda: _lijst(Gebied.objects.wijken(), gemeente))
    return _met_gekozen(lijst, Gebied.objects.wijken(), wijk)


def buurten(wijk: str = "", buurt: str = "", alle: bool = True) -> list[tuple[str, list]]:
    """Buurten grouped by the name of their wijk, as the select list shows them."""
    if alle:
        alle_buurten = _bewaard("buurten", lambda: _lijst(Gebied.objects.buurten(), met_wijk=True))
        return _per_wijk(alle_buurten)
    bekend = wijk and Gebied.objects.wijken().filter(code=wijk).exists()
    wijk = wijk if bekend else ""
    lijst = _bewaard(f"buurten-{wijk}", lambda: _lijst(Gebied.objects.buurten(), wijk, True))
    return _per_wijk(_met_gekozen(lijst, Gebied.objects.buurten(), buurt, met_wijk=True))


def _lijst(qs, ouder: str | None = None, met_wijk: bool = False) -> list[tuple]:
    if ouder is not None:
        qs = qs.filter(ouder_id=ouder)
    velden = ("code", "naam", "ouder__naam") if met_wijk else ("code", "naam")
    return list(qs.order_by("naam", "code").values_list(*velden))


def _met_gekozen(lijst: list[tuple], qs, code: str, met_wijk: bool = False) -> list[tuple]:
    """The chosen area stays in its list even when it lies outside the chosen parent."""
    if not code or any(rij[0] == code for rij in lijst):
        return lijst
    gekozen = _lijst(qs.filter(code=code), met_wijk=met_wijk)
    return sorted([*lijst, *gekozen], key=lambda rij: (rij[1], rij[0]))


def _per_wijk(rijen: list[tuple[str, str, str]]) -> list[tuple[str, list]]:
    per_wijk: dict[str, list] = {}
    for code, naam, wijknaam in rijen:
        per_wijk.setdefault(wijknaam or "", []).append((code, naam))
    return sorted(per_wijk.items())


def termen(taxonomie: str) -> list[tuple[str, str]]:
    """(code, name) of a taxonomy's terms, names in the active language (built-in terms)."""
    rijen = _bewaard(
        f"termen-{TAXONOMIE_SLEUTELS[taxonomie]}",
        lambda: list(
            TaxonomyTerm.objects.filter(taxonomy__name=taxonomie)
            .order_by("volgorde", "name")
            .values_list("code", "name")
        ),
    )
    # Translated per call: the list above is shared by visitors in every language.
    return [(code, gettext(naam)) for code, naam in rijen]


def bouwstenen() -> list[tuple[str, str]]:
    return termen(BOUWSTENEN)


def doelgroepen() -> list[tuple[str, str]]:
    return termen(DOELGROEPEN)


def levensdomeinen() -> list[tuple[str, str]]:
    return termen(LEVENSDOMEINEN)


@receiver(post_save, sender=Gebied)
@receiver(post_delete, sender=Gebied)
@receiver(post_save, sender=TaxonomyTerm)
@receiver(post_delete, sender=TaxonomyTerm)
def _gewijzigd(**kwargs) -> None:
    vergeet()
