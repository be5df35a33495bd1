"""Protection against password guessing: lock a username and an address after N failures.

Counts live in the cache (Redis in production), so every app server shares them.
"""

from django.conf import settings
from django.core.cache import cache


def _sleutels(gebruikersnaam: str, adres: str) -> list[str]:
    naam = (gebruikersnaam or "").strip().lower()
    return [f"inlog:naam:{naam}", f"inlog:adres:{adres}"]


def is_geblokkeerd(gebruikersnaam: str, adres: str) -> bool:
    grens = settings.SAMENSPEL["INLOG_POGINGEN"]
    return any((cache.get(s) or 0) >= grens for s in _sleutels(gebruikersnaam, adres))


def mislukt(gebruikersnaam: str, adres: str) -> None:
    duur = settings.SAMENSPEL["INLOG_BLOKKADE_MINUTEN"] * 60
    for sleutel in _sleutels(gebruikersnaam, adres):
        cache.add(sleutel, 0, duur)
        try:
            cache.incr(sleutel)
        except ValueError:
            cache.set(sleutel, 1, duur)


def gelukt(gebruikersnaam: str, adres: str) -> None:
    cache.delete_many(_sleutels(gebruikersnaam, adres)[:1])
