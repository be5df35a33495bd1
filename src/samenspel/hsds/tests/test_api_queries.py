"""The HSDS list endpoints cost the same few queries for a page of 5 as for a page of 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samenspel.directory import models as m

pytestmark = pytest.mark.django_db

API = "/api/hsds"
AANTAL = 55
KLEIN = 5
# What a full page costs depends on which nested tables have rows on it, not on its length:
# a listing reached only via a contact person nests no contacts, phones or places, so a page
# of only such listings costs fewer queries (21 instead of 49 for a resident). Search results
# of equal relevance come in no fixed order, so with many such listings a page of 5 could be
# just those. With fewer of them than a small page holds, every page has both kinds.
VIA_CONTACTPERSOON = range(1, 12, 3)


@pytest.fixture
def veel_aanbod(maak_aanbod):
    """Enough listings for a full page of 50, with everything a full record nests."""
    for i in range(AANTAL):
        zichtbaarheid = "professionals" if i % 3 == 2 else "openbaar"
        if i in VIA_CONTACTPERSOON:
            zichtbaarheid = "via_contactpersoon"
        service = maak_aanbod(
            naam=f"Wandelgroep {i:02d}",
            zichtbaarheid=zichtbaarheid,
            bouwstenen=("sociale-contacten-en-ontmoeting", "vroegsignalering")[: 1 + i % 2],
        )
        m.Phone.objects.create(service=service, number=f"030 12345{i:02d}")
        m.Contact.objects.create(service=service, name=f"Contact {i}", email="c@example.org")
        m.Address.objects.create(
            location=service.service_at_locations.get().location,
            address_1=f"Dorpsstraat {i}",
            city="Utrecht",
            postal_code="3561 GK",
        )


def _queries(client, pad: str, vraag: dict, **kop) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(f"{API}{pad}", vraag, **kop)
    assert antwoord.status_code == 200, antwoord.content
    return len(vastgelegd.captured_queries), antwoord.json()


TERM = "vroegsignalering"
LIJSTEN = [
    ("/services", {}),
    ("/services", {"search": "wandelgroep"}),
    ("/services", {"search": "wandelgroep", "taxonomy_term_id": TERM}),
    ("/services", {"search": "wandelgroep", "lat": 52.1, "lon": 5.12, "radius": 20000}),
    ("/services", {"postcode": "3561", "proximity": 20000}),
    ("/services", {"taxonomy_term_id": TERM}),
    ("/services", {"search": "wandelgroep", "full": "true"}),
    ("/services", {"full": "true"}),
    ("/service_at_locations", {}),
    ("/service_at_locations", {"search": "wandelgroep"}),
    ("/service_at_locations", {"lat": 52.1, "lon": 5.12, "radius": 20000, "full": "true"}),
    ("/organizations", {}),
    ("/organizations", {"search": "wandelgroep"}),
    ("/organizations", {"full": "true"}),
    ("/organizations", {"full_service": "true"}),
]


@pytest.mark.parametrize("professioneel_bereik", [False, True], ids=["anoniem", "sleutel"])
@pytest.mark.parametrize(("pad", "vraag"), LIJSTEN)
def test_een_grotere_pagina_kost_niet_meer_queries(
    client, veel_aanbod, sleutel, pad, vraag, professioneel_bereik
):
    if vraag.get("taxonomy_term_id") == TERM:
        term = m.TaxonomyTerm.objects.bouwstenen().get(code=TERM)
        vraag = {**vraag, "taxonomy_term_id": str(term.pk)}
    kop = {"HTTP_AUTHORIZATION": f"Bearer {sleutel}"} if professioneel_bereik else {}
    assert len(VIA_CONTACTPERSOON) < KLEIN
    client.get(f"{API}{pad}", vraag, **kop)  # the search index is built on first use
    klein, pagina_klein = _queries(client, pad, {**vraag, "per_page": KLEIN}, **kop)
    groot, pagina_groot = _queries(client, pad, {**vraag, "per_page": 50}, **kop)
    assert pagina_klein["size"] == min(KLEIN, pagina_klein["total_items"])
    assert pagina_groot["size"] > pagina_klein["size"], "the test needs more than one page"
    assert groot == klein
    # A list page is a handful of queries; a fully nested one a few per nested table.
    grens = 70 if vraag.get("full") or vraag.get("full_service") else 8
    assert groot <= grens


def test_zoeken_met_een_term_vraagt_de_database_niet_om_elke_treffer(
    client, veel_aanbod, django_assert_max_num_queries
):
    term = m.TaxonomyTerm.objects.bouwstenen().get(code=TERM)
    vraag = {"search": "wandelgroep", "taxonomy_term_id": str(term.pk), "per_page": 5}
    client.get(f"{API}/services", vraag)
    # The term lookup, the index's change log, the page of hits and the list items.
    with django_assert_max_num_queries(6):
        body = client.get(f"{API}/services", vraag).json()
    met_term = m.Service.objects.filter(
        zichtbaarheid__in=("openbaar", "via_contactpersoon"),
        pk__in=m.Attribute.objects.filter(taxonomy_term=term).values("link_id"),
    )
    assert body["total_items"] == met_term.count()


@pytest.mark.parametrize("professioneel_bereik", [False, True], ids=["anoniem", "sleutel"])
def test_de_snelle_vragen_tonen_hetzelfde_aanbod_als_het_bereik(maak_aanbod, professioneel_bereik):
    from samenspel.hsds.bereik import Bereik

    for zichtbaarheid in ("openbaar", "via_contactpersoon", "professionals"):
        for status, moderatie in (
            (m.ServiceStatus.ACTIVE, m.Moderatie.GOEDGEKEURD),
            (m.ServiceStatus.INACTIVE, m.Moderatie.GOEDGEKEURD),
            (m.ServiceStatus.ACTIVE, m.Moderatie.WACHTRIJ),
        ):
            maak_aanbod(
                naam=f"{zichtbaarheid} {status} {moderatie}",
                zichtbaarheid=zichtbaarheid,
                status=status,
                moderatie=moderatie,
            )
    bereik = Bereik(professioneel=professioneel_bereik)

    def ids(qs):
        return set(qs.values_list("pk", flat=True))

    assert ids(bereik.services_per_rij()) == ids(bereik.services())
    assert ids(bereik.service_at_locations_per_rij()) == ids(bereik.service_at_locations())
    assert ids(bereik.basis(m.Location)) == ids(
        bereik.locaties() if not professioneel_bereik else m.Location.objects.all()
    )
    assert ids(bereik.services()), "the test needs visible listings"
    assert ids(m.Service.objects.all()) - ids(bereik.services()), "and hidden ones"
