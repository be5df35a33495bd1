"""What is shown of a listing, rendered once per version of it and kept in the process.

Reading a listing with its places, addresses, schedules, terms, contacts and costs, and
rendering them, costs most of a search page (its twenty result cards, search/kaartjes.py)
and of a listing's own page. Listings change far less often than they are looked at, so the
rendered parts are kept per listing and made again only when something of it changes. The
key holds everything they depend on:

- the listing's version, given by the search app (`versies`), which follows every change to
  a listing, its organisation, places, addresses, schedules, costs, contacts, phone numbers
  and terms (search/signals.py), and the version of the area and term lists, for the names
  of buurten and terms;
- the language and today's date (opening times valid from or until a date; "laatst
  bevestigd");
- what the caller adds: which part, and what of the viewer it depends on (a listing reached
  via a contact person shows its places only to a viewer who may see all details,
  `models.toont_plaats`).

Without the search app nothing is kept: every part is rendered each time. The cache is
bounded in size and age (`SAMENSPEL_KAARTJES_MB`, five minutes).
"""

from collections.abc import Callable, Hashable

from django.conf import settings
from django.utils import timezone, translation

from samenspel.core.lru import BoundedCache

MAX_LEEFTIJD_SECONDEN = 300

fragmenten = BoundedCache(settings.SAMENSPEL["KAARTJES_MB"] * 1024 * 1024, MAX_LEEFTIJD_SECONDEN)

# Per listing id, a value that changes whenever anything shown of that listing changes; set
# by the search app when it is ready (directory sits below it and imports none of it).
versies: Callable[[list[str]], list[Hashable]] | None = None


def sleutels(ids: list[str], versies_van_ids: list[Hashable], *soort: Hashable) -> list[tuple]:
    """The key of each listing's part `soort`, in order, from the listings' versions."""
    algemeen = (translation.get_language(), timezone.localdate(), *soort)
    return [(id, versie, *algemeen) for id, versie in zip(ids, versies_van_ids, strict=True)]


def bewaard_of_gemaakt(id: str, soort: tuple, maak: Callable[[], str]) -> str:
    """Listing `id`'s part `soort` as kept, or made by `maak` (and kept)."""
    if versies is None:
        return maak()
    [sleutel] = sleutels([id], versies([id]), *soort)
    gevonden = fragmenten.get(sleutel)
    if gevonden is None:
        gevonden = maak()
        fragmenten.put(sleutel, gevonden, len(gevonden))
    return gevonden
