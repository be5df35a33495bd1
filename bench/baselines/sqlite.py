"""Two SQLite baselines on one file: LIKE '%woord%', and FTS5 over Snowball-stemmed text.

Both filter with plain tables as a Django app would have them: a bouwsteen link table and a
table of places with a (lat, lon) index for the bounding box of the radius.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from baselines.gemeen import (
    GEWICHTEN,
    KM_PER_GRAAD,
    TOP,
    VELDEN,
    ZICHTBAAR,
    gestemd,
    kader,
    km_per_graad_lon,
    zoekstammen,
)
from samenspel.search.tekst import tokens

_SCHEMA = """
CREATE TABLE doc (
    nr INTEGER PRIMARY KEY, id TEXT NOT NULL, naam TEXT, organisatie TEXT, trefwoorden TEXT,
    omschrijving TEXT, zichtbaarheid TEXT, sector TEXT, gewicht REAL
);
CREATE TABLE bouwsteen (doc INTEGER NOT NULL, code TEXT NOT NULL);
CREATE TABLE plek (doc INTEGER NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(
    naam, organisatie, trefwoorden, omschrijving, content='', tokenize='ascii'
);
"""
_INDEXEN = """
CREATE INDEX bouwsteen_code ON bouwsteen (code, doc);
CREATE INDEX plek_lat_lon ON plek (lat, lon);
CREATE INDEX plek_doc ON plek (doc);
ANALYZE;
"""


def verbind(pad: Path) -> sqlite3.Connection:
    verbinding = sqlite3.connect(pad, check_same_thread=False)
    # Give SQLite the memory the in-memory engines get, so the comparison is about method.
    verbinding.execute("PRAGMA cache_size = -500000")
    verbinding.execute("PRAGMA mmap_size = 2000000000")
    return verbinding


def bouw(pad: Path, documenten) -> None:
    """One file with the documents, their bouwstenen and places, and the FTS5 index."""
    pad.unlink(missing_ok=True)
    verbinding = sqlite3.connect(pad)
    verbinding.execute("PRAGMA journal_mode = OFF")
    verbinding.execute("PRAGMA synchronous = OFF")
    verbinding.executescript(_SCHEMA)
    with verbinding:
        for nr, doc in enumerate(documenten, start=1):
            velden = [doc.velden.get(v, "") for v in VELDEN]
            verbinding.execute(
                "INSERT INTO doc VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    nr,
                    doc.id,
                    *velden,
                    next(iter(doc.filters.get("zichtbaarheid", ())), ""),
                    next(iter(doc.filters.get("sector", ())), ""),
                    doc.gewicht,
                ),
            )
            verbinding.execute(
                "INSERT INTO fts (rowid, naam, organisatie, trefwoorden, omschrijving) "
                "VALUES (?, ?, ?, ?, ?)",
                (nr, *(gestemd(v) for v in velden)),
            )
            verbinding.executemany(
                "INSERT INTO bouwsteen VALUES (?, ?)",
                [(nr, code) for code in doc.filters.get("bouwsteen", ())],
            )
            verbinding.executemany(
                "INSERT INTO plek VALUES (?, ?, ?)", [(nr, lat, lon) for lat, lon in doc.punten]
            )
    verbinding.executescript(_INDEXEN)
    verbinding.close()


def _filters(vraag, parameters: list) -> tuple[str, str]:
    """WHERE clauses for visibility, bouwsteen and radius, and the distance expression."""
    delen = [f"d.zichtbaarheid IN ({', '.join('?' * len(ZICHTBAAR))})"]
    parameters.extend(ZICHTBAAR)
    if vraag.bouwsteen:
        delen.append("d.nr IN (SELECT doc FROM bouwsteen WHERE code = ?)")
        parameters.append(vraag.bouwsteen)
    afstand = "0"
    if vraag.punt is not None:
        lat, lon = vraag.punt
        kx, ky = km_per_graad_lon(lat), KM_PER_GRAAD
        kwadraat = f"((p.lat - {lat!r}) * {ky!r}) * ((p.lat - {lat!r}) * {ky!r}) + " + (
            f"((p.lon - {lon!r}) * {kx!r}) * ((p.lon - {lon!r}) * {kx!r})"
        )
        lat_min, lat_max, lon_min, lon_max = kader(vraag.punt, vraag.straal_km)
        delen.append(
            "d.nr IN (SELECT doc FROM plek p WHERE p.lat BETWEEN ? AND ? "
            f"AND p.lon BETWEEN ? AND ? AND {kwadraat} <= ?)"
        )
        parameters.extend([lat_min, lat_max, lon_min, lon_max, vraag.straal_km**2])
        afstand = f"(SELECT min({kwadraat}) FROM plek p WHERE p.doc = d.nr)"
    return " AND ".join(delen), afstand


class Like:
    """LIKE '%woord%' on the raw fields: every word somewhere, name matches first."""

    naam = "SQLite LIKE '%woord%' + bbox"

    def __init__(self, pad: Path):
        self.verbinding = verbind(pad)

    def zoek(self, vraag) -> list[str]:
        woorden = list(dict.fromkeys(tokens(vraag.tekst)))
        if not woorden:
            return []
        parameters: list = []
        score, voorwaarden = [], []
        for woord in woorden:
            patroon = f"%{woord}%"
            per_veld = [f"d.{veld} LIKE ?" for veld in VELDEN]
            score.append(
                " + ".join(f"({p}) * {g}" for p, g in zip(per_veld, GEWICHTEN, strict=True))
            )
            voorwaarden.append("(" + " OR ".join(per_veld) + ")")
            parameters.extend([patroon] * len(VELDEN))
        filter_parameters: list = []
        filters, afstand = _filters(vraag, filter_parameters)
        sql = (
            f"SELECT d.id, ({' + '.join(score)}) * d.gewicht AS score, {afstand} AS afstand "
            f"FROM doc d WHERE {' AND '.join(voorwaarden)} AND {filters} "
            f"ORDER BY score DESC, afstand, d.id LIMIT {TOP}"
        )
        rijen = self.verbinding.execute(sql, [*parameters, *parameters, *filter_parameters])
        return [rij[0] for rij in rijen]


class Fts5:
    """FTS5 with bm25 over pre-stemmed fields (the same field weights as Samenspel)."""

    naam = "SQLite FTS5, Dutch stemmer + bbox"

    def __init__(self, pad: Path):
        self.verbinding = verbind(pad)
        gewichten = ", ".join(repr(g) for g in GEWICHTEN)
        self._bm25 = f"bm25(fts, {gewichten})"

    def zoek(self, vraag) -> list[str]:
        stammen = zoekstammen(vraag.tekst)
        if not stammen:
            return []
        parameters: list = [" AND ".join(f'"{s}"' for s in stammen)]
        filters, afstand = _filters(vraag, parameters)
        # bm25() is negative, lower is better; times the freshness weight, as in Samenspel.
        sql = (
            f"SELECT d.id, {self._bm25} * d.gewicht AS score, {afstand} AS afstand "
            f"FROM fts JOIN doc d ON d.nr = fts.rowid WHERE fts MATCH ? AND {filters} "
            f"ORDER BY score, afstand, d.id LIMIT {TOP}"
        )
        return [rij[0] for rij in self.verbinding.execute(sql, parameters)]

    def gevonden(self, vraag, ids: list[str]) -> set[str]:
        """Which of these ids the reference matches at all (any rank)."""
        stammen = zoekstammen(vraag.tekst)
        if not stammen or not ids:
            return set()
        sql = (
            "SELECT d.id FROM fts JOIN doc d ON d.nr = fts.rowid WHERE fts MATCH ? "
            f"AND d.id IN ({', '.join('?' * len(ids))})"
        )
        uitkomst = self.verbinding.execute(sql, [" AND ".join(f'"{s}"' for s in stammen), *ids])
        return {rij[0] for rij in uitkomst}
