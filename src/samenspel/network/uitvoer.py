"""The area's web as GraphML and GEXF for Gephi (issue 11, item 8), written by networkx.

Built from the same nodes and edges as the picture (``Gebiedsweb.knopen`` and ``.randen``), so
the export and the page never disagree. People carry the label the user may see: a name only
for partners and only after consent, else the role. Node ids are positions in the web
(``n0``, ``n1`` …), not the people's own ids.
"""

from __future__ import annotations

import io

import networkx as nx


def als_graaf(gw) -> nx.Graph:
    graaf = nx.Graph(naam=gw.gebied.naam, code=gw.gebied.code)
    for knoop in gw.knopen:
        graaf.add_node(
            knoop.id,
            label=knoop.label,
            soort=knoop.soort,
            sector=knoop.sector,
            organisatie=knoop.organisatie,
        )
    for rand in gw.randen:
        graaf.add_edge(
            rand.bron, rand.doel, soort=rand.soort, soorten=rand.soorten, kwetsbaar=rand.kwetsbaar
        )
    return graaf


def graphml(gw) -> bytes:
    uit = io.BytesIO()
    nx.write_graphml(als_graaf(gw), uit, encoding="utf-8")
    return uit.getvalue()


def gexf(gw) -> bytes:
    uit = io.BytesIO()
    nx.write_gexf(als_graaf(gw), uit, encoding="utf-8")
    return uit.getvalue()
