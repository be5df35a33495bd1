"""A crawl through the site as one visitor: open a page, check it, follow its links.

Only GET links on the site itself are followed (no GET changes anything in Samenspel: mail
scanners open links too). Each page is checked for horizontal overflow and with axe-core; each
visited page is recorded under its URL name, so a test can compare that with every URL name the
project has.
"""

import os
import time
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from tests.e2e.conftest import axe_overtredingen


def alle_url_namen() -> set[str]:
    """Every named URL of the project, as 'namespace:name' (nested namespaces joined)."""

    def langs(patronen, ruimte=()):
        for patroon in patronen:
            if isinstance(patroon, URLResolver):
                ns = ruimte + ((patroon.namespace,) if patroon.namespace else ())
                yield from langs(patroon.url_patterns, ns)
            elif isinstance(patroon, URLPattern):
                yield ":".join((*ruimte, patroon.name or f"<zonder naam: {patroon.pattern}>"))

    return set(langs(get_resolver().url_patterns))


def url_naam(pad: str) -> str | None:
    try:
        return resolve(pad).view_name
    except Resolver404:
        return None  # static files and the like


@dataclass
class Bevinding:
    wie: str
    url: str
    wat: str

    def __str__(self) -> str:
        return f"{self.wie} {self.url}: {self.wat}"


@dataclass
class Rondgang:
    """One visitor's crawl. `overslaan(naam)` says which URL names are never opened;
    `genoeg(naam, parameters, al)` says when a kind of page has been seen often enough.

    A kind of page is its URL name and the names of its query parameters. Every page is
    measured for overflow (its content decides that: a long address, a long word); axe-core,
    which mostly judges the template, runs on the first `axe_per_soort` pages of each kind,
    which keeps the crawl of the whole demo within a few minutes."""

    pagina: object
    basis: str
    wie: str
    breedte: int
    overslaan: object
    genoeg: object
    axe_per_soort: int = 1
    # pagina -> what is wrong with the page's language (an English page showing Dutch
    # messages of the catalogue); checked on every page, like the overflow.
    taalcontrole: object = None
    # The page language the crawl keeps: the header's switch to another language is not
    # followed (it sets a cookie, and every later page would be in that language).
    taal: str | None = None
    bezocht: dict = field(default_factory=dict)  # url name -> number of pages
    bevindingen: list = field(default_factory=list)
    _gezien: set = field(default_factory=set)
    _per_soort: dict = field(default_factory=dict)
    _axe_per_soort: dict = field(default_factory=dict)

    def _soort(self, url: str) -> tuple[str | None, tuple]:
        delen = urlsplit(url)
        return url_naam(delen.path), tuple(sorted({k for k, _ in parse_qsl(delen.query)}))

    def loop(self, *starts: str) -> None:
        wachtrij = deque(self.basis + s if s.startswith("/") else s for s in starts)
        while wachtrij:
            url = wachtrij.popleft().split("#")[0]
            if url in self._gezien or not url.startswith(self.basis):
                continue
            self._gezien.add(url)
            naam, parameters = self._soort(url)
            if naam is None or self.overslaan(naam) or self._andere_taal(url):
                continue
            soort = (naam, parameters)
            if self.genoeg(naam, parameters, self._per_soort.get(soort, 0)):
                continue
            self._per_soort[soort] = self._per_soort.get(soort, 0) + 1
            wachtrij.extend(self.bekijk(url))

    def _andere_taal(self, url: str) -> bool:
        gevonden = resolve(urlsplit(url).path)
        return (
            self.taal is not None
            and gevonden.view_name == "core:taal"
            and gevonden.kwargs["taal"] != self.taal
        )

    def bekijk(self, url: str) -> list[str]:
        """Open and check one page; return the links on it."""
        antwoord = self.pagina.goto(url)
        if antwoord is not None and antwoord.status >= 400:
            self.bevindingen.append(Bevinding(self.wie, url, f"status {antwoord.status}"))
        echt = self.pagina.url.split("#")[0]
        if echt != url and echt in self._gezien:
            return []  # a redirect to a page already checked
        return self.controleer()

    def controleer(self) -> list[str]:
        """Check the page the browser shows now; return the links on it."""
        echt = self.pagina.url.split("#")[0]
        self._gezien.add(echt)
        naam = url_naam(urlsplit(echt).path)
        begin, gevonden = time.monotonic(), len(self.bevindingen)
        if naam is not None:
            self.bezocht[naam] = self.bezocht.get(naam, 0) + 1
        breedte = self.pagina.evaluate("document.documentElement.scrollWidth")
        if breedte > self.breedte:
            self.bevindingen.append(
                Bevinding(self.wie, echt, f"{breedte} px breed: {self._te_breed()}")
            )
        if self.taalcontrole is not None:
            for fout in self.taalcontrole(self.pagina):
                self.bevindingen.append(Bevinding(self.wie, echt, fout))
        soort = self._soort(echt)
        if self._axe_per_soort.get(soort, 0) < self.axe_per_soort:
            self._axe_per_soort[soort] = self._axe_per_soort.get(soort, 0) + 1
            for fout in axe_overtredingen(self.pagina):
                self.bevindingen.append(
                    Bevinding(self.wie, echt, f"axe {fout['id']}: {fout['help']} {fout['nodes']}")
                )
        if os.environ.get("RONDGANG_LOG"):  # RONDGANG_LOG=1 pytest -s: follow the crawl
            print(f"{self.wie:16} {time.monotonic() - begin:5.2f}s {naam} {echt}", flush=True)
            for bevinding in self.bevindingen[gevonden:]:
                print("   ", bevinding, flush=True)
        return self.pagina.eval_on_selector_all(
            "a[href]", "links => links.map(a => a.href).filter(h => h.startsWith('http'))"
        )

    def _te_breed(self) -> str:
        """The first few elements that stick out on the right, to find the cause quickly."""
        return self.pagina.evaluate(
            """(breedte) => Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > breedte + 1)
                .slice(-3)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                          + ' "' + (e.textContent || '').trim().slice(0, 40) + '"')
                .join(' | ')""",
            self.breedte,
        )
