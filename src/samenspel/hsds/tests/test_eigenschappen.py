"""Property: exporting a directory and importing the package gives the same directory back."""

import datetime as dt
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.areas.geo import NEDERLAND
from samenspel.directory import models as m
from samenspel.hsds import exporteren
from samenspel.hsds.importeren.uitvoeren import importeer_hsds

from .conftest import momentopname, wis_kaart

pytestmark = pytest.mark.django_db

# Any text a person could type, including quotes, separators and line breaks; not NUL (no
# database stores it) and no lone surrogates (not Unicode).
tekst = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
lastige_tekst = st.one_of(tekst, st.sampled_from(['a,"b"', "regel\r\nregel", " ; ", "\r", "é€"]))
naam = st.one_of(tekst.filter(lambda s: s != ""), st.just('Café "De Boog", Overvecht'))
email = st.one_of(st.just(""), st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.nl", fullmatch=True))
url = st.one_of(
    st.just(""), st.from_regex(r"https://[a-z]{1,10}\.nl(/[a-z0-9]{0,8})?", fullmatch=True)
)
datum = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
tijdstip = st.datetimes(dt.datetime(1970, 1, 1), dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC))
tijd = st.one_of(st.none(), st.times())
# Inside the Netherlands: an import refuses a location elsewhere (see test_foute_invoer).
breedte = st.floats(NEDERLAND.min_lat, NEDERLAND.max_lat, allow_nan=False, allow_infinity=False)
lengte = st.floats(NEDERLAND.min_lon, NEDERLAND.max_lon, allow_nan=False, allow_infinity=False)


@st.composite
def kaarten(draw):
    """A small directory: organisations with services, places, times, phones and terms."""
    termen = list(m.TaxonomyTerm.objects.values_list("pk", flat=True))
    organisaties = []
    for _ in range(draw(st.integers(1, 3))):
        organisaties.append(
            {
                "org": dict(
                    name=draw(naam),
                    description=draw(lastige_tekst),
                    sector=draw(st.sampled_from(["", *m.Sector.values])),
                    email=draw(email),
                    website=draw(url),
                    year_incorporated=draw(st.one_of(st.none(), st.integers(1800, 2100))),
                    tax_status=draw(tekst),
                ),
                "services": [
                    dict(
                        name=draw(naam),
                        description=draw(lastige_tekst),
                        status=draw(st.sampled_from(m.ServiceStatus.values)),
                        zichtbaarheid=draw(st.sampled_from(m.Zichtbaarheid.values)),
                        route=draw(st.sampled_from(m.Route.values)),
                        moderatie=draw(st.sampled_from(m.Moderatie.values)),
                        gratis=draw(st.one_of(st.none(), st.booleans())),
                        inloop=draw(st.booleans()),
                        minimum_age=draw(st.one_of(st.none(), st.integers(0, 120))),
                        assured_date=draw(datum),
                        last_modified=draw(tijdstip),
                        url=draw(url),
                        tijden_omschrijving=draw(tekst),
                        fees=draw(lastige_tekst),
                        locatie=draw(st.one_of(st.none(), st.tuples(naam, breedte, lengte, tekst))),
                        telefoon=draw(
                            st.one_of(
                                st.none(),
                                st.tuples(
                                    # A phone number holds at most 30 characters.
                                    tekst.filter(lambda s: 0 < len(s) <= 30),
                                    st.from_regex(r"[0-9]{0,5}", fullmatch=True),
                                ),
                            )
                        ),
                        tijden=draw(
                            st.lists(
                                st.tuples(
                                    st.sampled_from(["MO", "TU,WE", "SA"]),
                                    tijd,
                                    tijd,
                                    st.one_of(st.none(), st.sampled_from([0.0, 1.0, 5.5, -3.0])),
                                ),
                                max_size=2,
                            )
                        ),
                        termen=draw(st.lists(st.sampled_from(termen), max_size=3, unique=True)),
                        kosten=draw(
                            st.one_of(
                                st.none(),
                                st.decimals(
                                    0, 99999, places=2, allow_nan=False, allow_infinity=False
                                ),
                            )
                        ),
                    )
                    for _ in range(draw(st.integers(0, 3)))
                ],
            }
        )
    return organisaties


def _maak(kaart) -> None:
    for deel in kaart:
        org = m.Organization.objects.create(**deel["org"])
        for gegevens in deel["services"]:
            gegevens = dict(gegevens)
            locatie, telefoon = gegevens.pop("locatie"), gegevens.pop("telefoon")
            tijden, termen, kosten = (
                gegevens.pop("tijden"),
                gegevens.pop("termen"),
                gegevens.pop("kosten"),
            )
            service = m.Service.objects.create(organization=org, **gegevens)
            if locatie:
                plek = m.Location.objects.create(
                    organization=org,
                    name=locatie[0],
                    latitude=locatie[1],
                    longitude=locatie[2],
                    external_identifier=locatie[3],
                )
                m.ServiceAtLocation.objects.create(service=service, location=plek)
                m.Address.objects.create(
                    location=plek, address_1=locatie[0], city="Utrecht", postal_code="3561 GK"
                )
            if telefoon:
                m.Phone.objects.create(service=service, number=telefoon[0], extension=telefoon[1])
            for byday, van, tot, zone in tijden:
                m.Schedule.objects.create(
                    service=service, byday=byday, opens_at=van, closes_at=tot, timezone=zone
                )
            for term in termen:
                m.Attribute.objects.create(
                    link_entity="service", link_id=service.pk, taxonomy_term_id=term
                )
            if kosten is not None:
                m.CostOption.objects.create(
                    service=service, amount=Decimal(kosten), option="per keer"
                )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kaart=kaarten())
def test_export_en_import_is_de_identiteit(kaart):
    with transaction.atomic():
        _maak(kaart)
        voor = momentopname()
        with tempfile.TemporaryDirectory() as map_:
            exporteren.exporteer(Path(map_))
            wis_kaart()
            importeer_hsds(Path(map_), bron=str(uuid.uuid4()))
        assert momentopname() == voor
        transaction.set_rollback(True)
