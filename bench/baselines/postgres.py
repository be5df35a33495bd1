"""PostgreSQL as Ohana-style directories search: tsvector('dutch') + GIN + a bounding box.

Fields get tsvector weights A–D in Samenspel's field order of importance, ts_rank orders,
bouwstenen are a text[] with a GIN index, and places are a table with a (lat, lon) b-tree.
"""

from __future__ import annotations

import psycopg

from baselines.gemeen import KM_PER_GRAAD, TOP, VELDEN, ZICHTBAAR, kader, km_per_graad_lon

_SCHEMA = """
DROP TABLE IF EXISTS bench_plek;
DROP TABLE IF EXISTS bench_doc;
CREATE TABLE bench_doc (
    nr integer PRIMARY KEY, id text NOT NULL, naam text, organisatie text, trefwoorden text,
    omschrijving text, zichtbaarheid text, gewicht real, bouwstenen text[],
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', coalesce(naam, '')), 'A')
        || setweight(to_tsvector('dutch', coalesce(trefwoorden, '')), 'B')
        || setweight(to_tsvector('dutch', coalesce(organisatie, '')), 'C')
        || setweight(to_tsvector('dutch', coalesce(omschrijving, '')), 'D')
    ) STORED
);
CREATE TABLE bench_plek (doc integer NOT NULL, lat double precision, lon double precision);
"""
_INDEXEN = """
CREATE INDEX bench_doc_tsv ON bench_doc USING gin (tsv);
CREATE INDEX bench_doc_bouwstenen ON bench_doc USING gin (bouwstenen);
CREATE INDEX bench_plek_lat_lon ON bench_plek (lat, lon);
CREATE INDEX bench_plek_doc ON bench_plek (doc);
ANALYZE bench_doc;
ANALYZE bench_plek;
"""


def bouw(url: str, documenten) -> None:
    with psycopg.connect(url, autocommit=True) as verbinding:
        verbinding.execute(_SCHEMA)
        with verbinding.cursor() as cursor:
            kolommen = "nr, id, naam, organisatie, trefwoorden, omschrijving, zichtbaarheid, "
            with cursor.copy(f"COPY bench_doc ({kolommen} gewicht, bouwstenen) FROM STDIN") as c:
                for nr, doc in enumerate(documenten, start=1):
                    c.write_row(
                        (
                            nr,
                            doc.id,
                            *(doc.velden.get(v, "") for v in VELDEN),
                            next(iter(doc.filters.get("zichtbaarheid", ())), ""),
                            doc.gewicht,
                            sorted(doc.filters.get("bouwsteen", ())),
                        )
                    )
            with cursor.copy("COPY bench_plek (doc, lat, lon) FROM STDIN") as c:
                for nr, doc in enumerate(documenten, start=1):
                    for lat, lon in doc.punten:
                        c.write_row((nr, lat, lon))
        verbinding.execute(_INDEXEN)


class Postgres:
    naam = "PostgreSQL tsvector('dutch') + GIN + bbox"

    def __init__(self, url: str):
        # Prepared after the first use: the four query shapes repeat all the time.
        self.verbinding = psycopg.connect(url, autocommit=True, prepare_threshold=1)

    def zoek(self, vraag) -> list[str]:
        parameters: dict = {"tekst": vraag.tekst, "zichtbaar": list(ZICHTBAAR)}
        voorwaarden = ["d.tsv @@ q.q", "d.zichtbaarheid = ANY(%(zichtbaar)s)"]
        afstand = "0"
        if vraag.bouwsteen:
            voorwaarden.append("d.bouwstenen @> ARRAY[%(bouwsteen)s]::text[]")
            parameters["bouwsteen"] = vraag.bouwsteen
        if vraag.punt is not None:
            lat, lon = vraag.punt
            lat_min, lat_max, lon_min, lon_max = kader(vraag.punt, vraag.straal_km)
            parameters.update(
                lat=lat,
                lon=lon,
                ky=KM_PER_GRAAD,
                kx=km_per_graad_lon(lat),
                lat_min=lat_min,
                lat_max=lat_max,
                lon_min=lon_min,
                lon_max=lon_max,
                straal2=vraag.straal_km**2,
            )
            kwadraat = "((p.lat - %(lat)s) * %(ky)s) ^ 2 + ((p.lon - %(lon)s) * %(kx)s) ^ 2"
            voorwaarden.append(
                "EXISTS (SELECT 1 FROM bench_plek p WHERE p.doc = d.nr "
                "AND p.lat BETWEEN %(lat_min)s AND %(lat_max)s "
                f"AND p.lon BETWEEN %(lon_min)s AND %(lon_max)s AND {kwadraat} <= %(straal2)s)"
            )
            afstand = f"(SELECT min({kwadraat}) FROM bench_plek p WHERE p.doc = d.nr)"
        sql = (
            f"SELECT d.id, ts_rank(d.tsv, q.q) * d.gewicht AS score, {afstand} AS afstand "
            "FROM bench_doc d, plainto_tsquery('dutch', %(tekst)s) AS q(q) "
            f"WHERE {' AND '.join(voorwaarden)} "
            f"ORDER BY score DESC, afstand, d.id LIMIT {TOP}"
        )
        return [rij[0] for rij in self.verbinding.execute(sql, parameters)]
