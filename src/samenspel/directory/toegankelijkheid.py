"""How accessible a place is: one fixed list, used by the forms, search, pages and HSDS.

The focus group's case is a woman with a rollator (seed 000, Bijlage 4A); she needs to know
before she goes whether she gets in. So a location carries HSDS 3.0 `accessibility` records,
one per feature from the list below.

How a feature maps onto HSDS: `description` holds the feature's Dutch text exactly as written
here ("Drempelvrij (rollator)"), so any HSDS reader shows something sensible, and `details`
and `url` stay free for what the owner or the source adds. A record is recognised as a
feature when its description, compared without case, accents and punctuation, is the
feature's text, its code, or one of its known other phrasings (older texts, the English ones
other HSDS publishers use). That makes export → import a round trip in JSON and in CSV
without a column of Samenspel's own, and it keeps a text's meaning even if a label's
translation changes. Anything else ("Lift naar de eerste verdieping") is no feature: it is
kept, shown and searchable as it is, never dropped and never guessed at, because a wrong
"rolstoeltoegankelijk" sends someone to a door they cannot pass.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop


@dataclass(frozen=True)
class Voorziening:
    code: str
    tekst: str  # Dutch, stored in HSDS accessibility.description; also the msgid
    zoekwoorden: tuple[str, ...]  # put into the listing's searchable text
    anders: tuple[str, ...] = ()  # other descriptions that mean the same (read at import)

    @property
    def label(self) -> str:
        return gettext(self.tekst)

    def __str__(self) -> str:
        return self.label


VOORZIENINGEN = (
    Voorziening(
        "rolstoeltoegankelijk",
        gettext_noop("Rolstoeltoegankelijk"),
        ("rolstoel", "rolstoeltoegankelijk", "toegankelijk", "mindervalide", "scootmobiel"),
        ("rolstoelvriendelijk", "wheelchair accessible", "wheelchair access"),
    ),
    Voorziening(
        "drempelvrij",
        gettext_noop("Drempelvrij (rollator)"),
        ("drempelvrij", "drempels", "rollator", "gelijkvloers", "kinderwagen", "toegankelijk"),
        ("drempelvrij", "gelijkvloers", "step free access", "step-free access", "level access"),
    ),
    Voorziening(
        "aangepast-toilet",
        gettext_noop("Aangepast toilet"),
        ("toilet", "invalidentoilet", "wc", "toegankelijk"),
        ("invalidentoilet", "mindervalidentoilet", "accessible toilet"),
    ),
    Voorziening(
        "ringleiding",
        gettext_noop("Ringleiding"),
        ("ringleiding", "hoortoestel", "slechthorend", "doof", "toegankelijk"),
        ("solo-apparatuur", "induction loop", "hearing loop"),
    ),
    Voorziening(
        "prikkelarm",
        gettext_noop("Rustige ruimte (prikkelarm)"),
        ("prikkelarm", "rustig", "rustige", "stil", "stilteruimte", "overprikkeld", "autisme"),
        ("rustige ruimte", "prikkelarme ruimte", "stilteruimte", "quiet room", "quiet space"),
    ),
    Voorziening(
        "parkeren-dichtbij",
        gettext_noop("Parkeren dichtbij"),
        ("parkeren", "parkeerplaats", "invalidenparkeerplaats", "auto"),
        ("parkeerplaats dichtbij", "invalidenparkeerplaats", "parking nearby"),
    ),
)

PER_CODE = {v.code: v for v in VOORZIENINGEN}
CODES = tuple(PER_CODE)


def _norm(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", (tekst or "").lower())
    tekst = "".join(teken for teken in tekst if not unicodedata.combining(teken))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", tekst).split())


_HERKEND = {_norm(tekst): v for v in VOORZIENINGEN for tekst in (v.code, v.tekst, *v.anders)}


def herken(tekst: str) -> Voorziening | None:
    """The feature a description names, or None when it is anything else."""
    return _HERKEND.get(_norm(tekst))


def keuzes() -> list[tuple[str, str]]:
    """(code, label) in the list's order, in the active language: for checkboxes."""
    return [(v.code, v.label) for v in VOORZIENINGEN]


@dataclass(frozen=True)
class Vermelding:
    """One accessibility record as a page shows it: a feature, or a source's own text."""

    tekst: str
    details: str = ""
    url: str = ""
    voorziening: Voorziening | None = None


def vermelding(description: str, details: str = "", url: str = "") -> Vermelding:
    voorziening = herken(description)
    tekst = voorziening.label if voorziening else description.strip()
    return Vermelding(tekst, details.strip(), url, voorziening)


def vermeldingen(records) -> list[Vermelding]:
    """(description, details, url) records as a page lists them: features in the list's
    order, then a source's own texts; the same thing said twice (two places) once."""
    uniek = {}
    for description, details, url in records:
        item = vermelding(description, details, url)
        if item.tekst or item.details:
            uniek.setdefault((item.tekst, item.details, item.url), item)
    volgorde = {code: i for i, code in enumerate(CODES)}
    return sorted(
        uniek.values(),
        key=lambda v: volgorde[v.voorziening.code] if v.voorziening else len(CODES),
    )


def codes_van(descriptions) -> list[str]:
    """The codes of the features among these descriptions, in the list's order."""
    gevonden = {v.code for v in map(herken, descriptions) if v}
    return [code for code in CODES if code in gevonden]


def zoektekst(descriptions) -> str:
    """What search should find a place by: each feature's words, and unknown texts as is."""
    delen = []
    for description in descriptions:
        voorziening = herken(description)
        if voorziening:
            delen += [voorziening.tekst, *voorziening.zoekwoorden, *voorziening.anders]
        elif description.strip():
            delen.append(description.strip())
    return " ".join(dict.fromkeys(delen))
