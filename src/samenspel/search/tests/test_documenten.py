"""What the index learns about each listing: every field, filter, place and weight.

The documents are built from plain rows, a portion of listings at a time. Here they are
compared with what each listing says when read the plain way, object by object, on a set of
listings with every kind of detail: several terms and locations, areas at every level,
missing coordinates, unconfirmed listings, listings that are not live.
"""

import datetime as dt
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.directory import openingstijden, toegankelijkheid
from samenspel.search import documenten
from samenspel.search.engine import Document

pytestmark = pytest.mark.django_db


def _zoals_de_vermelding(service: m.Service) -> Document:
    """The document a listing should give, read object by object through the models.

    Terms and locations in the order of their keys: their order means nothing to search, and
    a fixed one keeps documents alike on every database.
    """
    kenmerken = sorted(service.kenmerken(), key=lambda kenmerk: kenmerk.taxonomy_term_id)
    termen = [kenmerk.taxonomy_term for kenmerk in kenmerken]
    locaties = [
        sal.location
        for sal in sorted(service.service_at_locations.all(), key=lambda sal: sal.location_id)
    ]
    soorten = {
        m.BOUWSTENEN: "bouwsteen",
        m.DOELGROEPEN: "doelgroep",
        m.LEVENSDOMEINEN: "levensdomein",
    }
    filters = defaultdict(set)
    filters["sector"].add(service.organization.sector)
    filters["zichtbaarheid"].add(service.zichtbaarheid)
    # By key, for the HSDS API's organization_id, taxonomy_term_id and taxonomy_id.
    filters["organisatie_id"].add(str(service.organization_id))
    for schema in service.schedules.all():
        # Only what is valid today; the rules themselves are those of openingstijden.
        if not openingstijden.geldig_op(schema.valid_from, schema.valid_to, timezone.localdate()):
            continue
        for blok in openingstijden.blokken(schema.byday, schema.opens_at, schema.closes_at):
            filters["dag"].add(blok.dag)
            if openingstijden.sleutel(blok):
                filters["open"].add(openingstijden.sleutel(blok))
            if openingstijden.na_kantoortijd(blok):
                filters["na_kantoortijd"].add("ja")
    for term in termen:
        soort = soorten.get(term.taxonomy.name if term.taxonomy else "", "term")
        filters[soort].add(term.code or str(term.pk))
        filters["term_id"].add(str(term.pk))
        if term.taxonomy_id:
            filters["taxonomie_id"].add(str(term.taxonomy_id))
    gebiednamen = []
    for locatie in locaties:
        gebied = locatie.buurt
        while gebied is not None:
            filters[gebied.niveau].add(gebied.code)
            gebiednamen.append(gebied.naam)
            gebied = gebied.ouder
    for vlag in ("gratis", "zonder_indicatie", "inloop"):
        if getattr(service, vlag):
            filters[vlag].add("ja")
    # What its places say about access, unless the place is not shown.
    toegang = [
        record.description
        for locatie in locaties
        for record in sorted(locatie.accessibility.all(), key=lambda record: record.pk)
    ]
    if service.zichtbaarheid == m.Zichtbaarheid.VIA_CONTACTPERSOON:
        toegang = []
    filters["toegankelijkheid"].update(toegankelijkheid.codes_van(toegang))
    toegangswoorden = [toegankelijkheid.zoektekst(toegang)] if toegang else []
    return Document(
        id=str(service.pk),
        velden={
            "naam": service.name,
            "organisatie": service.organization.name,
            "trefwoorden": " ".join(
                [term.name for term in termen]
                + gebiednamen
                + [service.tijden_omschrijving]
                + toegangswoorden
            ),
            "omschrijving": " ".join(
                [service.description, service.eligibility_description, service.alternate_name]
            ),
        },
        filters={facet: frozenset(waarden) for facet, waarden in filters.items() if waarden},
        punten=tuple(locatie.punt for locatie in locaties if locatie.punt),
        gewicht=1.0 if service.is_vers() else documenten.GEWICHT_NIET_BEVESTIGD,
        # HSDS modified_after: microseconds since 1970.
        getallen={
            "gewijzigd": (service.last_modified - dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
            / dt.timedelta(microseconds=1)
        },
    )


@pytest.fixture
def kaart(maak_aanbod, gebieden):
    """Listings with every kind of detail a document is made of."""
    vandaag = timezone.localdate()
    eigen = m.Taxonomy.objects.create(name="Eigen indeling van de wijk", description="")
    eigen_term = m.TaxonomyTerm.objects.create(
        taxonomy=eigen, code="buurtkamer", name="Buurtkamer", description=""
    )
    losse_term = m.TaxonomyTerm.objects.create(name="Zonder taxonomie", description="")

    def koppel(service, *termen):
        for term in termen:
            m.Attribute.objects.create(
                link_entity="service", link_id=service.pk, taxonomy_term=term
            )

    def locatie(service, naam, buurt=None, punt=(None, None)):
        plek = m.Location.objects.create(
            organization=service.organization,
            name=naam,
            buurt=gebieden[buurt] if buurt else None,
            latitude=punt[0],
            longitude=punt[1],
        )
        m.ServiceAtLocation.objects.create(service=service, location=plek)

    uitgebreid = maak_aanbod(
        naam="Buurtkamer Zambesi",
        omschrijving="Koffie, een praatje en samen koken.",
        bouwstenen=("sociale-contacten-en-ontmoeting", "preventie"),
        dagen="MO,WE",
        punt=(52.1191, 5.1151),
        alternate_name="De Kamer",
        eligibility_description="Voor alle buren, jong en oud.",
        tijden_omschrijving="maandag en woensdag 10 tot 12 uur",
        gratis=True,
        inloop=True,
    )
    koppel(
        uitgebreid,
        m.TaxonomyTerm.objects.doelgroepen().first(),
        m.TaxonomyTerm.objects.levensdomeinen().last(),
        eigen_term,
        losse_term,
    )
    m.Schedule.objects.create(service=uitgebreid, byday="WE,FR")
    m.Schedule.objects.create(service=uitgebreid, byday="")
    # An evening that ended long ago, and one that starts next month: neither counts today.
    for geldig in (
        {"valid_to": dt.date(2005, 6, 30)},
        {"valid_from": vandaag + dt.timedelta(days=31)},
    ):
        m.Schedule.objects.create(
            service=uitgebreid, byday="TH", opens_at=dt.time(19), closes_at=dt.time(21), **geldig
        )
    locatie(uitgebreid, "Tweede plek in Rotterdam", "middelland_noord", (51.9186, 4.4612))
    locatie(uitgebreid, "Zonder coördinaten", "vechtzoom")
    locatie(uitgebreid, "Zonder buurt", punt=(52.09, 5.12))
    # Access on two of its places: features, a source's own text, one feature twice.
    plekken = m.Location.objects.filter(service_at_locations__service=uitgebreid).order_by("pk")
    for plek, teksten in zip(
        plekken,
        (
            ["Drempelvrij (rollator)", "Lift naar de eerste verdieping"],
            ["ringleiding", "Drempelvrij"],
        ),
        strict=False,
    ):
        for tekst in teksten:
            m.Accessibility.objects.create(location=plek, description=tekst)
    # Opening times of a location, not of the listing itself, and a term of the organisation.
    m.Schedule.objects.create(location=m.Location.objects.first(), byday="SA")
    m.Attribute.objects.create(
        link_entity="organization", link_id=uitgebreid.organization.pk, taxonomy_term=eigen_term
    )

    onbevestigd = maak_aanbod(
        naam="Schuldhulp Middelland",
        buurt="middelland_noord",
        bouwstenen=("zorg-en-begeleiding",),
        sector="formeel",
        zichtbaarheid="professionals",
        dagen="",
        bevestigd=vandaag - dt.timedelta(days=900),
        zonder_indicatie=False,
    )
    m.Service.objects.filter(pk=onbevestigd.pk).update(assured_date=None)
    via_contact = maak_aanbod(
        naam="Maatje via de coördinator",
        buurt="vechtzoom",
        bouwstenen=(),
        zichtbaarheid="via_contactpersoon",
        bevestigd=vandaag - dt.timedelta(days=400),
    )
    m.Accessibility.objects.create(
        location=via_contact.service_at_locations.get().location, description="Ringleiding"
    )
    zelfde_organisatie = maak_aanbod(naam="Taalcafé", omschrijving="Nederlands oefenen.")
    tweede = maak_aanbod(naam="Taalmaatje", omschrijving="Een op een oefenen.")
    m.Service.objects.filter(pk=tweede.pk).update(organization=zelfde_organisatie.organization)
    maak_aanbod(naam="Gestopt koor", status=m.ServiceStatus.INACTIVE)
    maak_aanbod(naam="Nog niet goedgekeurd", moderatie=m.Moderatie.WACHTRIJ)
    return m.Service.objects.select_related("organization")


def test_elke_vermelding_geeft_het_document_dat_ze_beschrijft(kaart):
    verwacht = {str(s.pk): _zoals_de_vermelding(s) for s in kaart.live()}
    # Portions of two: listings, terms and locations cross the portion boundaries.
    gebouwd = list(documenten.alle(portie=2))

    assert len(verwacht) == 5
    assert {document.id: document for document in gebouwd} == verwacht
    assert len(gebouwd) == len(verwacht)
    # The Thursday evenings are not valid today: no Thursday, nothing after office hours.
    (uitgebreid,) = [d for d in gebouwd if d.velden["naam"] == "Buurtkamer Zambesi"]
    assert uitgebreid.filters["dag"] == {"MO", "WE", "FR"}
    assert "na_kantoortijd" not in uitgebreid.filters
    assert uitgebreid.filters["open"] == {"MO-600-720", "WE-600-720"}


def test_alleen_live_vermeldingen_in_de_gevraagde_volgorde(kaart):
    namen = ["Taalmaatje", "Gestopt koor", "Buurtkamer Zambesi", "Nog niet goedgekeurd"]
    services = [kaart.get(name=naam) for naam in namen]
    onbekend = "00000000-0000-0000-0000-000000000000"

    gebouwd = documenten.voor([s.pk for s in services] + [onbekend], portie=3)

    assert gebouwd == [_zoals_de_vermelding(services[0]), _zoals_de_vermelding(services[2])]
    assert documenten.documenten(services) == gebouwd


def test_opbouw_leest_per_portie_met_een_vast_aantal_vragen(kaart):
    with CaptureQueriesContext(connection) as vragen:
        gebouwd = list(documenten.alle(portie=2))

    # Live ids, terms, areas; then per portion its listings, terms, locations, days, access.
    porties = -(-len(gebouwd) // 2)
    assert len(vragen) == 3 + 5 * porties
