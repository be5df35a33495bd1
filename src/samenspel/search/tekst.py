"""Nederlandse tekstanalyse voor de zoekmachine: normaliseren, tokens en stammen."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Function words that say nothing about which service someone is looking for. Kept deliberately
# short: words such as "zorg", "hulp" or "thuis" carry meaning here and must stay searchable.
STOPWOORDEN = frozenset(
    """
    aan al alle alles als andere ben bij dan dat de deze die dit door dus een eens en er
    ge geen had heb hebben heeft het hier hij hoe hun iemand iets ik in is ja je jij jouw
    kan kon kunnen maar me meer men met mij mijn na naar niet niets nog nu of om omdat ons
    onze ook op over reeds te tegen toch toen tot u uit uw van veel voor want waar waren
    was wat we wel werd wie wij wil worden wordt zal ze zelf zich zij zijn zo zou
    """.split()
)

MIN_TOKENLENGTE = 2

# Apostrophes are removed rather than treated as separators, so "auto's" stays one word
# ("autos") instead of leaving a stray "s".
_APOSTROF = re.compile(r"['’‘`´]")
# A run of letters or digits in any script; "_" is part of \w but is not a letter.
_WOORD = re.compile(r"[^\W_]+")

_STEMMER = snowballstemmer.stemmer("dutch")
# A Snowball stemmer object keeps the word it is working on as internal state, so threads
# (Django can serve requests concurrently) must not use it at the same time.
_STEMMER_SLOT = threading.Lock()


def normaliseer(tekst: str) -> str:
    """Lowercase, strip diacritics and keep only letters and digits, words separated by a space."""
    return " ".join(_woorden(tekst))


def tokens(tekst: str) -> list[str]:
    """The searchable words of a text: normalised, without stop words and one-letter words."""
    return [
        woord
        for woord in _woorden(tekst)
        if len(woord) >= MIN_TOKENLENGTE and woord not in STOPWOORDEN
    ]


@lru_cache(maxsize=131_072)
def stam(token: str) -> str:
    """Dutch Snowball stem of a normalised token."""
    # Cached because the same few thousand words recur in every listing and every query;
    # bounded because query text is user input.
    with _STEMMER_SLOT:
        return _STEMMER.stemWord(token)


def zoekstammen(token: str) -> tuple[str, ...]:
    """Stems to try for a query word: its own stem first, then likely alternatives."""
    eigen = stam(token)
    # Snowball leaves the present-tense "-t" on verbs ("wandelt", "fietst", "vindt"), so a
    # visitor typing "wandelt" would miss "wandelen". Dropping the "t" gives the verb stem;
    # it is only an alternative, so nouns ending in "t" keep their own stem as the best match.
    if len(token) >= 5 and token.endswith("t"):
        zonder_t = stam(token[:-1])
        if zonder_t != eigen:
            return (eigen, zonder_t)
    return (eigen,)


def _woorden(tekst: str) -> list[str]:
    tekst = _APOSTROF.sub("", tekst.casefold())
    if not tekst.isascii():
        tekst = _zonder_diakrieten(tekst)
    return _WOORD.findall(tekst)


def _zonder_diakrieten(tekst: str) -> str:
    # NFKD splits "é" into "e" plus a combining accent (and "ﬁ" into "fi"); dropping the
    # combining marks lets "cafe" find "café" and vice versa.
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(teken for teken in ontleed if not unicodedata.combining(teken))
