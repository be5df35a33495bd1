"""The search index on disk, so a server that starts again answers within seconds.

Building the index reads every listing from the database: 15–45 s at national scale. A copy
of the built index, with its place in the change log (logboek.Stand), loads in about a
second; the log then brings it up to date, as for any process that looked a while ago. The
server's master writes the copy after each build it makes at start (gunicorn_conf.py), and
loads it at the next start when it is usable:

- the same code made it: a fingerprint of the engine, the documents and the synonyms, so an
  update of Samenspel never loads an index it does not understand;
- it is younger than the log's memory (index.MAX_ACHTERSTAND), so no change can have been
  cleaned from the log in between;
- it reads without error. A missing, truncated or corrupt file is simply not used: the
  server builds the index as before and writes a new copy.

The file is a pickle in the server's own data directory (VAR_DIR), written and read only by
Samenspel itself, atomically (a new file renamed over the old one), so a server killed while
writing leaves the previous copy. SAMENSPEL_ZOEKINDEX_BESTAND chooses the file; empty
switches the copy off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from django.conf import settings

from samenspel.core.geheugen import zonder_kringloopopruiming
from samenspel.search import documenten, engine, logboek, synoniemen, tekst

# Raised whenever what `index.start` keeps in the copy changes.
FORMAAT = 3


def bestand() -> Path | None:
    pad = settings.SAMENSPEL.get("ZOEKINDEX_BESTAND", "")
    return Path(pad) if pad else None


def kenmerk() -> str:
    """Of the code and data the index is made with: another version never loads it."""
    inhoud = hashlib.blake2b(digest_size=16)
    inhoud.update(str(FORMAAT).encode())
    for module in (engine, documenten, tekst, logboek):
        inhoud.update(Path(module.__file__).read_bytes())
    inhoud.update(synoniemen.BESTAND.read_bytes())
    return inhoud.hexdigest()


def bewaar(toestand: dict) -> None:
    pad = bestand()
    if pad is None:
        return
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f"{pad.name}.{os.getpid()}.nieuw")
    with open(tijdelijk, "wb") as uit:
        pickle.dump({"kenmerk": kenmerk(), **toestand}, uit, protocol=pickle.HIGHEST_PROTOCOL)
        uit.flush()
        os.fsync(uit.fileno())
    os.replace(tijdelijk, pad)


def laad() -> dict | None:
    """What `bewaar` wrote, or None when there is no usable copy."""
    pad = bestand()
    if pad is None or not pad.exists():
        return None
    try:
        with open(pad, "rb") as bron, zonder_kringloopopruiming():
            toestand = pickle.load(bron)  # noqa: S301  (our own file in our own data directory)
    except Exception:  # noqa: BLE001  (a copy that does not read, whatever the reason, is not used)
        return None
    if not isinstance(toestand, dict) or toestand.get("kenmerk") != kenmerk():
        return None
    return toestand
