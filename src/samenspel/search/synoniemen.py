"""The synonym list for search: a plain text file a netwerkhouder can edit.

One group per line, words separated by commas, `#` starts a comment (the file's own header
explains it). A mistake names its line, both when the index is built and in Django's system
checks (`samenspel beheer check`), so a broken edit is found before it matters.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.core import checks
from django.utils.translation import gettext as _

from samenspel.search.tekst import STOPWOORDEN, normaliseer

BESTAND = Path(__file__).resolve().parent / "data" / "synoniemen.txt"


class SynoniemFout(ValueError):
    """A line of the synonym file that cannot be read; the message names the line."""


def lees(tekst: str, naam: str = "synoniemen.txt") -> list[tuple[str, ...]]:
    """The groups of a synonym file's text, each as normalised words."""
    groepen = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        inhoud = regel.split("#", 1)[0].strip()
        if not inhoud:
            continue
        woorden = []
        for deel in inhoud.split(","):
            woord = normaliseer(deel)
            if not woord:
                raise SynoniemFout(
                    _("%(naam)s, regel %(nr)d: er staat een lege plek tussen twee komma's.")
                    % {"naam": naam, "nr": nummer}
                )
            if " " in woord:
                raise SynoniemFout(
                    _(
                        "%(naam)s, regel %(nr)d: '%(deel)s' is meer dan één woord. "
                        "Zet komma's tussen de woorden."
                    )
                    % {"naam": naam, "nr": nummer, "deel": deel.strip()}
                )
            if woord in STOPWOORDEN or len(woord) < 2:
                raise SynoniemFout(
                    _("%(naam)s, regel %(nr)d: op '%(deel)s' kan niet gezocht worden.")
                    % {"naam": naam, "nr": nummer, "deel": deel.strip()}
                )
            woorden.append(woord)
        if len(set(woorden)) < 2:
            raise SynoniemFout(
                _("%(naam)s, regel %(nr)d: een groep heeft minstens twee verschillende woorden.")
                % {"naam": naam, "nr": nummer}
            )
        groepen.append(tuple(dict.fromkeys(woorden)))
    return groepen


def lees_bestand(pad: Path = BESTAND) -> list[tuple[str, ...]]:
    return lees(pad.read_text(encoding="utf-8"), pad.name)


@lru_cache(maxsize=1)
def groepen() -> tuple[tuple[str, ...], ...]:
    """The groups of the installed file, read once per process (an edit needs a restart)."""
    return tuple(lees_bestand())


@checks.register()
def controleer_synoniemen(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        lees_bestand()
    except (SynoniemFout, OSError, UnicodeDecodeError) as fout:
        return [checks.Error(str(fout), obj=str(BESTAND.name), id="samenspel.search.E001")]
    return []
