"""Who sees the web: partners of the gemeente see names, an analist only the shape,
residents and partners of another gemeente nothing."""

import pytest

from samenspel.directory import models as m
from samenspel.network import toegang

pytestmark = pytest.mark.django_db


@pytest.fixture
def wijkteam(gebieden):
    return m.Organization.objects.create(
        name="Wijkteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )


@pytest.fixture
def rotterdams_team(gebieden):
    return m.Organization.objects.create(
        name="Wijkteam West", description="-", sector="formeel", gemeente=gebieden["rotterdam"]
    )


def test_partners_of_the_gemeente_see_names_and_others_do_not(
    client,
    wijkteam,
    rotterdams_team,
    professional,
    netwerkhouder,
    andere_netwerkhouder,
    analist,
    beheerder,
    gebieden,
):
    professional.organisatie = wijkteam
    professional.save()
    analist.gebieden.add(gebieden["utrecht"])
    utrecht = gebieden["utrecht"].code

    assert toegang.is_partner(professional, utrecht)
    assert toegang.is_partner(netwerkhouder, utrecht)  # through the wijk Overvecht
    assert toegang.is_partner(beheerder, utrecht)
    assert not toegang.is_partner(andere_netwerkhouder, utrecht)
    assert not toegang.is_partner(analist, utrecht)
    assert toegang.ziet_web(analist, utrecht)
    assert not toegang.ziet_web(analist, gebieden["rotterdam"].code)
    anoniem = client.get("/").wsgi_request.user
    assert not toegang.is_partner(anoniem, utrecht)
    assert not toegang.ziet_web(anoniem, utrecht)
    assert not toegang.is_partner(professional, None)


def test_own_staff_and_the_gemeentes_netwerkhouder_change_an_organisations_people(
    wijkteam,
    rotterdams_team,
    professional,
    initiatiefnemer,
    netwerkhouder,
    andere_netwerkhouder,
    analist,
):
    professional.organisatie = wijkteam
    professional.save()
    assert toegang.beheert_personen(professional, wijkteam)
    assert not toegang.beheert_personen(professional, rotterdams_team)
    assert toegang.beheert_personen(netwerkhouder, wijkteam)
    assert not toegang.beheert_personen(andere_netwerkhouder, wijkteam)
    assert not toegang.beheert_personen(initiatiefnemer, wijkteam)
    assert not toegang.beheert_personen(analist, wijkteam)
    assert toegang.beheert_web(netwerkhouder, wijkteam.gemeente_id)
    assert not toegang.beheert_web(professional, wijkteam.gemeente_id)
