"""The web in the database: consent before names, ties from referrals, the event log."""

import datetime as dt

import pytest
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.network import actions, analyse, personen, verwijsbanden
from samenspel.network.models import Gebeurtenis, Verbinderrol, Voorval
from samenspel.privacy.models import Auditregel, Toestemming
from samenspel.referrals.models import Status, Verwijzing

pytestmark = pytest.mark.django_db


@pytest.fixture
def wijkteam(gebieden):
    return m.Organization.objects.create(
        name="Wijkteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )


@pytest.fixture
def eettafel(maak_aanbod):
    return maak_aanbod(naam="Eettafel De Linde", organisatie="Stichting De Linde")


def verwijs(van, service, status):
    toestemming = Toestemming.objects.create(
        organisatie_naam=van.name,
        doel="verwijzen",
        geldig_tot=timezone.localdate() + dt.timedelta(days=90),
        manier="online",
    )
    extra = {"reden_code": "geen-plek"} if status == Status.REJECTED else {}
    return Verwijzing.objects.create(
        service=service,
        afzender_organisatie=van,
        herkomst="formeel",
        toestemming=toestemming,
        status=status,
        **extra,
    )


def test_two_accepted_referrals_make_no_tie_and_three_do(wijkteam, eettafel):
    stichting = eettafel.organization
    verwijs(wijkteam, eettafel, Status.ACCEPTED)
    verwijs(wijkteam, eettafel, Status.COMPLETED)
    # Neither an unanswered nor a rejected referral counts.
    verwijs(wijkteam, eettafel, Status.REQUESTED)
    verwijs(wijkteam, eettafel, Status.REJECTED)
    assert verwijsbanden.verwijsband(wijkteam, stichting) is None
    assert verwijsbanden.verwijsbanden() == {}
    assert analyse.laad([wijkteam.pk, stichting.pk]).initiatieven_zonder_formele_band() == [
        str(stichting.pk)
    ]

    verwijs(wijkteam, eettafel, Status.IN_PROGRESS)
    assert verwijsbanden.verwijsband(wijkteam, stichting) == 3
    assert verwijsbanden.verwijsband(stichting, wijkteam) == 3
    assert list(verwijsbanden.verwijsbanden().values()) == [3]
    assert analyse.laad([wijkteam.pk, stichting.pk]).initiatieven_zonder_formele_band() == []


def test_partners_see_only_the_role_of_a_person_who_has_not_agreed(wijkteam):
    persoon = actions.voeg_persoon_toe(
        wijkteam,
        "Anouk de Vries",
        door="netwerkhouder",
        verbinderrol=Verbinderrol.GEBIEDSMAKELAAR,
        bereikbaar="06 12345678, dinsdag",
        email="anouk@example.org",
    )
    [zichtbaar] = personen.voor_partners([wijkteam])
    assert zichtbaar.rol == "gebiedsmakelaar"
    assert "Anouk" not in repr(zichtbaar)
    assert "06 12345678" not in repr(zichtbaar)
    assert "Anouk" not in str(persoon)

    actions.stem_in(persoon)
    [zichtbaar] = personen.voor_partners([wijkteam])
    assert zichtbaar.naam == "Anouk de Vries"
    assert zichtbaar.bereikbaar == "06 12345678, dinsdag"
    assert "anouk@example.org" not in repr(zichtbaar)


def test_agreeing_is_recorded_once_with_its_moment_and_audited(wijkteam):
    persoon = actions.voeg_persoon_toe(wijkteam, "Anouk", door="netwerkhouder")
    eerste = actions.stem_in(persoon).ingestemd_op
    assert eerste is not None
    assert actions.stem_in(persoon).ingestemd_op == eerste
    assert list(Gebeurtenis.objects.values_list("soort", flat=True)) == [
        Voorval.PERSOON_TOEGEVOEGD,
        Voorval.INGESTEMD,
    ]
    assert Auditregel.objects.voor(persoon).count() == 2


def test_a_tie_needs_two_organisations(wijkteam, eettafel):
    a = actions.voeg_persoon_toe(wijkteam, "Anouk", door="netwerkhouder")
    b = actions.voeg_persoon_toe(wijkteam, "Bram", door="netwerkhouder")
    with pytest.raises(actions.Geweigerd, match="twee organisaties"):
        actions.leg_band(a, b, "overleg", door="netwerkhouder")
    c = actions.voeg_persoon_toe(eettafel.organization, "Cor", door="netwerkhouder")
    actions.leg_band(c, a, "overleg", door="netwerkhouder")
    with pytest.raises(actions.Geweigerd, match="bestaat al"):
        actions.leg_band(a, c, "overleg", door="netwerkhouder")


def test_a_person_who_left_drops_out_of_the_web_and_its_bridges(wijkteam, eettafel):
    a = actions.voeg_persoon_toe(wijkteam, "Anouk", door="netwerkhouder")
    c = actions.voeg_persoon_toe(
        eettafel.organization, "Cor", door="netwerkhouder", vrijwilligers=8
    )
    actions.leg_band(a, c, "samenwerken", door="netwerkhouder")
    ids = [wijkteam.pk, eettafel.organization.pk]
    web = analyse.laad(ids)
    assert web.wat_als_vertrekt(str(c.pk)).vrijwilligers_los == 8
    assert len(web.sectorbruggen()) == 1

    actions.markeer_vertrokken(c, door="netwerkhouder")
    web = analyse.laad(ids)
    assert web.sectorbruggen() == []
    assert web.initiatieven_zonder_formele_band() == [str(eettafel.organization.pk)]
    assert Gebeurtenis.objects.filter(soort=Voorval.VERTROKKEN, persoon=c).exists()
    with pytest.raises(actions.Geweigerd):
        actions.markeer_vertrokken(c, door="netwerkhouder")


def test_vacant_connector_roles_are_those_nobody_active_holds_in_the_wijk(wijkteam, gebieden):
    wijk = gebieden["zambesidreef"].ouder
    actions.voeg_persoon_toe(
        wijkteam, "Anouk", door="netwerkhouder", wijk=wijk, verbinderrol="kwartiermaker"
    )
    weg = actions.voeg_persoon_toe(
        wijkteam, "Bram", door="netwerkhouder", wijk=wijk, verbinderrol="wijkambassadeur"
    )
    actions.markeer_vertrokken(weg, door="netwerkhouder")
    assert analyse.vacante_verbinderrollen(wijk) == [
        "wijkambassadeur",
        "vrijwilligerscoordinator",
        "ervaringsdeskundige",
        "gebiedsmakelaar",
    ]


def test_a_wijk_web_holds_the_organisations_located_there(eettafel, gebieden, wijkteam):
    wijk = gebieden["zambesidreef"].ouder
    assert analyse.organisaties_in(wijk) == [str(eettafel.organization.pk)]


def test_the_demo_web_has_a_fragile_bridge_a_role_without_consent_and_loads_once(db):
    from samenspel.demo import laden
    from samenspel.network.models import Band, Persoon

    laden.laad_gebieden()
    laden.laad_aanbod()
    eerst = laden.web.laad_web()
    assert eerst > 10
    banden = Band.objects.count()
    assert laden.web.laad_web() == eerst
    assert Band.objects.count() == banden
    niet = Persoon.objects.filter(ingestemd_op__isnull=True).first()
    assert niet is not None and niet.naam not in niet.zichtbaar_als
