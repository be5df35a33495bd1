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


def extraheer(bron: Path = PAKKET, locale: Path = LOCALE) -> None:
    """Bring the catalogues in `locale` up to date with the source in `bron`.

    New messages get an empty msgstr, changed ones a fuzzy guess, removed ones are dropped.
    `makemessages` writes into LOCALE_PATHS, so that setting points at `locale` meanwhile.
    """
    from django.core.management import call_command
    from django.test.utils import override_settings

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


def _sleutel(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _vertaling(entry) -> tuple:
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def compileer(locale: Path = LOCALE) -> None:
    import polib

    for taal in TALEN:
        for domein in DOMEINEN:
            po = po_pad(taal, domein, locale)
            if po.exists():
                polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo")))


def ontbrekend(locale: Path = LOCALE) -> list[str]:
    """Every message without a usable translation, one line each, naming file and msgid."""
    import polib

    fouten = []
    for taal in TALEN:
        for domein in DOMEINEN:
            po = po_pad(taal, domein, locale)
            if not po.exists():
                continue
            for entry in polib.pofile(str(po)):
                if entry.obsolete:
                    continue
                naam = f"{taal}/{po.name}: {entry.msgid!r}"
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
    for taal in TALEN:
        for domein in DOMEINEN:
            po = po_pad(taal, domein, locale)
            if not po.exists():
                continue
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
