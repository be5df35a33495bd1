"""The English catalogue: extract, check and compile. Dutch is the source language.

One place says how messages are extracted, so `python3 dev.py vertaal` (which updates the
catalogue) and the test that fails on a missing translation look at exactly the same strings.

Compiled ``.mo`` files are committed: a fresh clone, a wheel and a server then need no gettext
tools. Compiling uses polib (no gettext needed either); only extraction needs Debian's
``gettext`` (xgettext, msgmerge), which `dev.py` installs when missing. A test proves the
committed ``.mo`` says the same as the ``.po``.

Run as ``python -m samenspel.core.vertalen``: extracts, compiles and lists what is missing.
"""

import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1]
LOCALE = PAKKET / "locale"
TALEN = ["en"]
# Domain -> file extensions to scan. JavaScript strings go through Django's JavaScriptCatalog.
DOMEINEN = {"django": ["html", "txt", "py"], "djangojs": ["js"]}
NEGEER = ["*/tests/*", "tests/*", "*/migrations/*", "static/vendor/*", "locale/*"]
# %(naam)s / %s / %d: a translation with other placeholders breaks at render time.
PLAATSHOUDER = re.compile(r"%(?:\([a-z_0-9]+\))?[sdif]")


def po_pad(taal: str, domein: str, locale: Path = LOCALE) -> Path:
    return locale / taal / "LC_MESSAGES" / f"{domein}.po"


@contextmanager
def _in_map(pad: Path):
    oud = Path.cwd()
    os.chdir(pad)
    try:
        yield
    finally:
        os.chdir(oud)


# Texts that live in data files, not in code: the built-in taxonomies' names and definitions
# (shown through the `vertaal` filter). For makemessages they are written, only while it
# runs, into this file of gettext_noop calls.
INGEBOUWDE_TEKSTEN = Path("directory") / "_ingebouwde_teksten.py"


def ingebouwde_teksten(bron: Path = PAKKET) -> list[str]:
    import json

    teksten = []
    for bestand in sorted((bron / "directory" / "data").glob("*.json")):
        for term in json.loads(bestand.read_text(encoding="utf-8")):
            teksten += [term["naam"], term.get("definitie") or ""]
    return list(dict.fromkeys(t for t in teksten if t))


def _schrijf_ingebouwde_teksten(bron: Path) -> Path:
    regels = [
        "# Written by samenspel.core.vertalen while makemessages runs; not part of the code.",
        "from django.utils.translation import gettext_noop",
        "",
    ] + [f"gettext_noop({tekst!r})" for tekst in ingebouwde_teksten(bron)]
    pad = bron / INGEBOUWDE_TEKSTEN
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def extraheer(bron: Path = PAKKET, locale: Path = LOCALE) -> None:
    """Bring the catalogues in `locale` up to date with the source in `bron`.

    New messages get an empty msgstr, changed ones a fuzzy guess, removed ones are dropped.
    `makemessages` writes into LOCALE_PATHS, so that setting points at `locale` meanwhile.
    """
    from django.core.management import call_command
    from django.test.utils import override_settings

    teksten = _schrijf_ingebouwde_teksten(bron)
    try:
        with override_settings(LOCALE_PATHS=[str(locale)]), _in_map(bron):
            for domein, extensies in DOMEINEN.items():
                call_command(
                    "makemessages",
                    locale=TALEN,
                    domain=domein,
                    extensions=extensies,
                    ignore_patterns=NEGEER,
                    no_obsolete=True,
                    add_location="file",
                    verbosity=0,
                )
    finally:
        teksten.unlink()


def _sleutel(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _vertaling(entry) -> tuple:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def _catalogi(locale: Path):
    """(language, .po path) of every catalogue that exists, in a fixed order."""
    for taal in TALEN:
        for domein in DOMEINEN:
            po = po_pad(taal, domein, locale)
            if po.exists():
                yield taal, po


def compileer(locale: Path = LOCALE) -> None:
    import polib

    for _taal, po in _catalogi(locale):
        polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))


def ontbrekend(locale: Path = LOCALE) -> list[str]:
    """Every message without a usable translation, one line each, naming file and msgid."""
    import polib

    fouten = []
    for taal, po in _catalogi(locale):
        for entry in polib.pofile(str(po)):
            if entry.obsolete:
                continue
            context = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt else ""
            naam = f"{taal}/{po.name}: {entry.msgid!r}{context}"
            if "fuzzy" in entry.flags:
                fouten.append(f"{naam} is fuzzy (check the guess, then remove 'fuzzy')")
            elif not all(_vertaling(entry)):
                fouten.append(f"{naam} has no translation")
            elif "python-format" in entry.flags or "python-brace-format" in entry.flags:
                verwacht = sorted(PLAATSHOUDER.findall(entry.msgid))
                for vertaald in _vertaling(entry):
                    if sorted(PLAATSHOUDER.findall(vertaald)) != verwacht and not (
                        entry.msgid_plural
                    ):
                        fouten.append(f"{naam} has other placeholders: {vertaald!r}")
    return fouten


def verouderd(locale: Path = LOCALE) -> list[str]:
    """Catalogues whose committed .mo says something else than the .po."""
    import polib

    fouten = []
    for _taal, po in _catalogi(locale):
        mo = po.with_suffix(".mo")
        if not mo.exists():
            fouten.append(f"{mo.relative_to(locale)} is missing")
            continue
        uit_po = {_sleutel(e): _vertaling(e) for e in polib.pofile(str(po)).translated_entries()}
        uit_mo = {_sleutel(e): _vertaling(e) for e in polib.mofile(str(mo)) if e.msgid}
        if uit_po != uit_mo:
            verschil = sorted(k[1] for k in uit_po.keys() ^ uit_mo.keys())
            verschil += sorted(
                k[1] for k in uit_po.keys() & uit_mo.keys() if uit_po[k] != uit_mo[k]
            )
            fouten.append(
                f"{mo.relative_to(locale)} is older than its .po "
                f"({len(verschil)} messages differ, e.g. {verschil[:3]})"
            )
    return fouten


# Shorter pieces of a message could be ordinary words in Dutch data (a listing's description).
# So could one long word ("vrijwilligerscoördinator" inside "vrijwilligerscoördinatoren" of a
# description): a piece is two words at least. A one-word message is still found when it is an
# element's whole text.
MIN_FRAGMENT = 20
_TAG = re.compile(r"<[^>]+>")
_SPATIE = re.compile(r"\s+")


def _normaal(tekst: str) -> str:
    return _SPATIE.sub(" ", tekst).strip()


def bronteksten(taal: str = "en", locale: Path = LOCALE) -> tuple[set[str], set[str]]:
    """The Dutch a page in `taal` must not show: (whole messages, long pieces of messages).

    Only messages whose translation differs (not "Filters", "Privacy", "Website"); a whole
    message counts when it is an element's entire text, a piece when it appears anywhere.
    Read once per version of the catalogue: a crawl checks hundreds of pages.
    """
    versie = tuple(
        (str(pad), pad.stat().st_mtime_ns)
        for pad in (po_pad(taal, domein, locale) for domein in DOMEINEN)
        if pad.exists()
    )
    if versie not in _BRONTEKSTEN:
        _BRONTEKSTEN[versie] = _lees_bronteksten(taal, locale)
    return _BRONTEKSTEN[versie]


_BRONTEKSTEN: dict[tuple, tuple[set[str], set[str]]] = {}


def _lees_bronteksten(taal: str, locale: Path) -> tuple[set[str], set[str]]:
    import polib

    hele, stukken = set(), set()
    for domein in DOMEINEN:
        po = po_pad(taal, domein, locale)
        if not po.exists():
            continue
        for entry in polib.pofile(str(po)):
            for bron, vertaald in (
                (entry.msgid, entry.msgstr or entry.msgstr_plural.get(0, "")),
                (entry.msgid_plural, entry.msgstr_plural.get(1, "")),
            ):
                if not bron or _normaal(bron) == _normaal(vertaald):
                    continue
                tekst = _normaal(_TAG.sub("", bron).replace("%%", "%"))
                if not PLAATSHOUDER.search(tekst) and len(tekst) >= 3:
                    hele.add(tekst.rstrip(":").strip())
                for stuk in PLAATSHOUDER.split(tekst):
                    stuk = stuk.strip(" “”\"'.,:;!?()")
                    if len(stuk) >= MIN_FRAGMENT and " " in stuk:
                        stukken.add(stuk)
    return hele, stukken


def nederlands_op_pagina(
    elementteksten: list[str], paginatekst: str, taal: str = "en", locale: Path = LOCALE
) -> list[str]:
    """Dutch messages of the catalogue that a page in `taal` still shows.

    `elementteksten`: the text of each visible element without its children's text (and
    labels such as aria-label); `paginatekst`: all visible text. Data (names and descriptions
    of listings) may be Dutch; it rarely equals a whole message or a long piece of one.
    """
    hele, stukken = bronteksten(taal, locale)
    gevonden = {t for t in (_normaal(e).rstrip(":").strip() for e in elementteksten) if t in hele}
    tekst = _normaal(paginatekst)
    gevonden |= {s for s in stukken if s in tekst}
    return sorted(gevonden)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings")
    import django

    django.setup()
    extraheer()
    compileer()
    fouten = ontbrekend()
    for fout in fouten:
        print(fout)
    if fouten:
        print(
            f"\n{len(fouten)} messages still need English: fill their msgstr in "
            f"{po_pad('en', 'django').relative_to(PAKKET.parents[1])} (and djangojs.po), "
            "then run this again."
        )
        sys.exit(1)
    print("The English catalogue is complete and compiled.")


if __name__ == "__main__":
    main()
