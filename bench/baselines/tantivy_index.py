"""A bare tantivy index as the practical limit: stemmed fields, filters inside the index.

Text is stemmed in Python exactly as for FTS5 and indexed with a whitespace tokenizer;
every query word must match one of the four fields (BM25 per field, boosted by Samenspel's
field weights). Visibility and bouwsteen are indexed terms, the radius is a range query on
lat and lon, and the few hits in a box's corners are dropped with the exact distance.
"""

from __future__ import annotations

import tantivy

from baselines.gemeen import GEWICHTEN, TOP, VELDEN, ZICHTBAAR, afstand_kwadraat, gestemd, kader
from baselines.gemeen import zoekstammen as stammen_van

_FLOAT = tantivy.FieldType.Float
_MUST = tantivy.Occur.Must
_SHOULD = tantivy.Occur.Should


class Tantivy:
    naam = "tantivy (bare index, filters in the index)"

    def bouw(self, documenten) -> None:
        bouwer = tantivy.SchemaBuilder()
        for veld in VELDEN:
            bouwer.add_text_field(veld, tokenizer_name="whitespace", index_option="freq")
        bouwer.add_text_field("bouwsteen", tokenizer_name="raw", index_option="basic")
        bouwer.add_text_field("zichtbaarheid", tokenizer_name="raw", index_option="basic")
        bouwer.add_float_field("lat", indexed=True, fast=True)
        bouwer.add_float_field("lon", indexed=True, fast=True)
        bouwer.add_integer_field("nr", fast=True)
        self.schema = bouwer.build()
        self.index = tantivy.Index(self.schema)
        schrijver = self.index.writer(heap_size=256_000_000, num_threads=2)
        self.ids: list[str] = []
        self.punten: list[tuple[tuple[float, float], ...]] = []
        for nr, doc in enumerate(documenten):
            self.ids.append(doc.id)
            self.punten.append(doc.punten)
            velden = {veld: gestemd(doc.velden.get(veld, "")) for veld in VELDEN}
            schrijver.add_document(
                tantivy.Document(
                    nr=[nr],
                    bouwsteen=sorted(doc.filters.get("bouwsteen", ())),
                    zichtbaarheid=sorted(doc.filters.get("zichtbaarheid", ())),
                    lat=[lat for lat, _ in doc.punten],
                    lon=[lon for _, lon in doc.punten],
                    **velden,
                )
            )
        schrijver.commit()
        schrijver.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()
        self._zichtbaar = tantivy.Query.term_set_query(self.schema, "zichtbaarheid", ZICHTBAAR)

    def _woord(self, stam: str) -> tantivy.Query:
        return tantivy.Query.boolean_query(
            [
                (
                    _SHOULD,
                    tantivy.Query.boost_query(
                        tantivy.Query.term_query(self.schema, veld, stam), gewicht
                    ),
                )
                for veld, gewicht in zip(VELDEN, GEWICHTEN, strict=True)
            ]
        )

    def zoek(self, vraag) -> list[str]:
        stammen = stammen_van(vraag.tekst)
        if not stammen:
            return []
        delen = [(_MUST, self._woord(s)) for s in stammen]
        delen.append((_MUST, self._zichtbaar))
        if vraag.bouwsteen:
            term = tantivy.Query.term_query(self.schema, "bouwsteen", vraag.bouwsteen)
            delen.append((_MUST, term))
        if vraag.punt is None:
            treffers = self.searcher.search(
                tantivy.Query.boolean_query(delen), TOP, count=False
            ).hits
            nrs = self.searcher.fast_field_values("nr", [adres for _, adres in treffers])
            return [self.ids[nr] for nr in nrs]

        lat_min, lat_max, lon_min, lon_max = kader(vraag.punt, vraag.straal_km)
        delen.append(
            (_MUST, tantivy.Query.range_query(self.schema, "lat", _FLOAT, lat_min, lat_max))
        )
        delen.append(
            (_MUST, tantivy.Query.range_query(self.schema, "lon", _FLOAT, lon_min, lon_max))
        )
        query = tantivy.Query.boolean_query(delen)
        straal2 = vraag.straal_km**2
        # The box holds about 27% more area than the circle: ask for more than 20, then keep
        # those really within the radius, by relevance and then distance.
        limiet = TOP * 2
        while True:
            treffers = self.searcher.search(query, limiet, count=False).hits
            nrs = self.searcher.fast_field_values("nr", [adres for _, adres in treffers])
            binnen = []
            for (score, _), nr in zip(treffers, nrs, strict=True):
                afstand = min(afstand_kwadraat(vraag.punt, p) for p in self.punten[nr])
                if afstand <= straal2:
                    binnen.append((-score, afstand, self.ids[nr]))
            if len(binnen) >= TOP or len(treffers) < limiet:
                return [id_ for *_, id_ in sorted(binnen)[:TOP]]
            limiet *= 4
