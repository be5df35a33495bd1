"""The data migration keeps answers that were given and forgets defaults shown as facts."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("directory", "0003_hsds_volledig")]
NA = [("directory", "0004_onbekend_blijft_onbekend")]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


@pytest.fixture
def terug_naar_de_laatste_migratie():
    """Later tests share this database: leave it at the newest migration of every app, not at
    the one this test checks (a later migration's columns would be missing)."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("terug_naar_de_laatste_migratie")
def test_migratie_bewaart_antwoorden_en_vergeet_standaarden():
    oud = _migreer(VOOR)
    Organization = oud.get_model("directory", "Organization")
    Service = oud.get_model("directory", "Service")
    Schedule = oud.get_model("directory", "Schedule")

    def dienst(naam, bron, sector, **velden):
        org = Organization.objects.create(name=naam, description="", sector=sector, bron=bron)
        return Service.objects.create(organization=org, name=naam, bron=bron, **velden)

    # Through the form (no bron): the sector was asked, cost and referral never were.
    aangemeld = dienst(
        "Breicafé", "", "informeel", tijden_omschrijving="elke dinsdag 10-12 in De Boog"
    )
    Schedule.objects.create(service=aangemeld, byday="TU")
    geimporteerd = dienst("Schuldhulp", "gemeente", "informeel")
    formeel = dienst("Buurtteam", "gemeente", "formeel", gratis=True, zonder_indicatie=False)
    demo = dienst("Taalcafé", "samenspel-demo", "informeel", zonder_indicatie=True)

    nieuw = _migreer(NA)
    Service = nieuw.get_model("directory", "Service")
    Schedule = nieuw.get_model("directory", "Schedule")

    def na(service):
        s = Service.objects.select_related("organization").get(pk=service.pk)
        return s.organization.sector, s.gratis, s.zonder_indicatie

    assert na(aangemeld) == ("informeel", None, None)
    assert na(geimporteerd) == ("", None, None)
    assert na(formeel) == ("formeel", True, False)
    assert na(demo) == ("informeel", None, True)
    schema = Schedule.objects.get(service_id=aangemeld.pk)
    assert schema.description == "elke dinsdag 10-12 in De Boog"
