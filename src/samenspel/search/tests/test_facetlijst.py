"""The facet lists beside the results: each choice with its count, chosen ones ticked."""

from samenspel.search import facetlijst


def test_facetlijst_toont_keuzes_met_aantal_en_vinkt_gekozen_aan():
    html = facetlijst.html(
        [
            (
                "Soort hulp",
                "bouwsteen",
                [
                    {"code": "preventie", "label": "Preventie", "aantal": 3, "gekozen": True},
                    {"code": "zorg", "label": "Zorg & <steun>", "aantal": 12, "gekozen": False},
                ],
            ),
            ("Voor wie", "doelgroep", []),
        ]
    )
    assert "<legend>Soort hulp</legend>" in html
    assert 'name="bouwsteen" value="preventie" checked> Preventie' in html
    assert '<span class="facet__aantal">(12)</span>' in html
    assert 'value="zorg"> Zorg &amp; &lt;steun&gt;' in html
    # A facet with nothing to choose is left out.
    assert "Voor wie" not in html
