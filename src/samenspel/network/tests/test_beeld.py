"""The web's pages: the analysis per area, the picture with its table, print and exports."""

import io

import networkx as nx
import pytest
from django.urls import reverse

from samenspel.network import actions, gebiedsweb, uitvoer
from samenspel.network.models import Bandsoort
from samenspel.privacy.models import Actie, Auditregel

pytestmark = pytest.mark.django_db


@pytest.fixture
def web_overvecht(maak_aanbod, professional, analist, gebieden):
    """Buurtteam – Handjehelpen tied by one pair; the Breicafé works on the same bouwsteen."""
    team = maak_aanbod(
        naam="Spreekuur",
        organisatie="Buurtteam Overvecht",
        sector="formeel",
        bouwstenen=("sociale-contacten-en-ontmoeting", "zorg-en-begeleiding"),
    ).organization
    handje = maak_aanbod(naam="Eettafel", organisatie="Handjehelpen").organization
    brei = maak_aanbod(naam="Breien", organisatie="Breicafé De Steek").organization
    professional.organisatie = team
    professional.save()
    analist.gebieden.add(gebieden["utrecht"])
    zwaantje = actions.voeg_persoon_toe(team, "Zwaantje Verbinder", "test")
    marieke = actions.voeg_persoon_toe(
        handje, "Marieke Bos", "test", verbinderrol="vrijwilligerscoordinator", vrijwilligers=9
    )
    actions.voeg_persoon_toe(brei, "Nog Nietingestemd", "test", functie="voorzitter")
    actions.stem_in(zwaantje)
    actions.stem_in(marieke)
    actions.leg_band(zwaantje, marieke, Bandsoort.VERWIJZEN, "test")
    return {"team": team, "zwaantje": zwaantje, "marieke": marieke, "wijk": gebieden["overvecht"]}


def pad(naam, *args):
    return reverse(f"network:{naam}", args=args)


def test_a_partner_sees_the_web_of_the_wijk_with_names_picture_table_and_what_stands_out(
    client, professional, web_overvecht
):
    client.force_login(professional)
    inhoud = client.get(pad("gebied", "WK034403")).content.decode()
    assert "Zwaantje Verbinder" in inhoud and "Marieke Bos" in inhoud
    # Without consent only the role.
    assert "Nietingestemd" not in inhoud and "voorzitter" in inhoud
    svg = inhoud[inhoud.index("<svg xmlns") : inhoud.index("</svg>")]
    assert 'role="img"' in svg and "aria-label=" in svg
    assert "<title" in svg and "<desc" in svg and "3 organisaties" in svg
    # The only tie is a fragile bridge: dashed, and labelled.
    assert 'stroke-dasharray="12 7"' in svg and ">kwetsbaar</text>" in svg
    assert '<table class="utrecht-table' in inhoud
    assert "9 vrijwilligers" in svg
    # The Breicafé and the Buurtteam both work on ontmoeting in Overvecht, without a tie.
    assert "Buurtteam Overvecht en Breicafé De Steek in Overvecht" in inhoud
    assert "Handjehelpen: alleen via Marieke Bos" in inhoud
    assert pad("wat_als", "WK034403", web_overvecht["marieke"].pk) in inhoud


def test_an_analist_sees_the_shape_of_the_web_without_names(client, analist, web_overvecht):
    client.force_login(analist)
    for naam in ("gebied", "afdruk", "graphml", "gexf"):
        antwoord = client.get(pad(naam, "GM0344"))
        assert antwoord.status_code == 200, naam
        inhoud = antwoord.content.decode()
        assert "Zwaantje" not in inhoud and "Marieke" not in inhoud, naam
    assert "vrijwilligerscoördinator" in inhoud
    assert "/wat-als/" not in client.get(pad("gebied", "GM0344")).content.decode()
    antwoord = client.get(pad("wat_als", "GM0344", web_overvecht["marieke"].pk))
    assert antwoord.status_code == 403


def test_what_if_a_coordinator_leaves_shows_the_split_and_the_read_is_audited(
    client, professional, web_overvecht
):
    client.force_login(professional)
    marieke = web_overvecht["marieke"]
    antwoord = client.get(pad("wat_als", "WK034403", marieke.pk))
    inhoud = antwoord.content.decode()
    assert "Het web valt uiteen" in inhoud
    assert "9 vrijwilligers verliezen hun enige verbinding" in inhoud
    assert Auditregel.objects.voor(marieke).filter(actie=Actie.BEKEKEN).count() == 1


@pytest.mark.parametrize(
    "adres",
    [
        "/web/gebied/WK999999/",
        "/web/gebied/BU03440301/",
        "/web/gebied/WK034403/wat-als/geen-uuid/",
        "/web/gebied/WK034403/wat-als/00000000-0000-0000-0000-000000000000/",
    ],
)
def test_a_bad_area_or_person_gives_404(client, professional, web_overvecht, adres):
    client.force_login(professional)
    assert client.get(adres).status_code == 404


def test_a_person_of_another_area_is_not_found_there(client, beheerder, web_overvecht):
    client.force_login(beheerder)
    adres = pad("wat_als", "WK059903", web_overvecht["zwaantje"].pk)
    assert client.get(adres).status_code == 404


def test_the_exports_open_in_networkx_with_the_same_nodes_and_edges(
    client, professional, web_overvecht
):
    client.force_login(professional)
    verwacht = uitvoer.als_graaf(gebiedsweb.bouw(web_overvecht["wijk"], professional))
    assert verwacht.number_of_nodes() == 3 + 3 + 1 and verwacht.number_of_edges() == 3 + 1 + 1
    for naam, lees in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        antwoord = client.get(pad(naam, "WK034403"))
        assert antwoord["Content-Disposition"].startswith("attachment;")
        gelezen = lees(io.BytesIO(antwoord.content))
        assert set(gelezen.nodes) == set(verwacht.nodes), naam
        assert {frozenset(e) for e in gelezen.edges} == {frozenset(e) for e in verwacht.edges}
        labels = {gelezen.nodes[n].get("label") for n in gelezen.nodes}
        assert "Zwaantje Verbinder" in labels and "voorzitter" in labels, naam
        kwetsbaar = [e for e in gelezen.edges(data=True) if e[2]["kwetsbaar"] in (True, "true")]
        assert len(kwetsbaar) == 1, naam
    # A file that names people is a read of each of them.
    assert (
        Auditregel.objects.voor(web_overvecht["zwaantje"]).filter(actie=Actie.GEDOWNLOAD).count()
        == 2
    )


def test_the_overview_lists_the_gemeenten_and_wijken_the_user_may_see(
    client, professional, andere_netwerkhouder, web_overvecht
):
    client.force_login(professional)
    inhoud = client.get(pad("overzicht")).content.decode()
    assert pad("gebied", "GM0344") in inhoud and pad("gebied", "WK034403") in inhoud
    assert "GM0599" not in inhoud
    assert 'href="/web/">Het web</a>' in inhoud
    client.force_login(andere_netwerkhouder)
    inhoud = client.get(pad("overzicht")).content.decode()
    assert pad("gebied", "GM0599") in inhoud and "GM0344" not in inhoud
    assert client.get(pad("gebied", "WK034403")).status_code == 403


def test_a_wijk_without_organisations_says_so(client, andere_netwerkhouder, gebieden):
    client.force_login(andere_netwerkhouder)
    inhoud = client.get(pad("gebied", "WK059903")).content.decode()
    assert "Er staan nog geen organisaties van Middelland op de kaart" in inhoud


def test_someone_who_works_in_no_gemeente_sees_an_empty_overview(client, django_user_model, db):
    from samenspel.accounts.models import Rol

    zonder = django_user_model.objects.create_user(
        username="los", password="geheim-wachtwoord-123", rol=Rol.PROFESSIONAL
    )
    client.force_login(zonder)
    assert "Je ziet nog geen web." in client.get(pad("overzicht")).content.decode()


def test_a_resident_sees_no_link_to_the_web(client, db):
    assert 'href="/web/"' not in client.get("/").content.decode()


def test_the_print_view_is_a3_landscape_without_links_to_people(
    client, professional, web_overvecht
):
    client.force_login(professional)
    inhoud = client.get(pad("afdruk", "WK034403")).content.decode()
    assert "network/afdruk.css" in inhoud and "<svg xmlns" in inhoud
    assert "/wat-als/" not in inhoud
    from django.contrib.staticfiles import finders

    with open(finders.find("network/afdruk.css"), encoding="utf-8") as css:
        assert "size: A3 landscape" in css.read()


def test_het_overzicht_wijst_elke_rol_de_paginas_van_het_web_die_voor_haar_zijn(
    client, netwerkhouder, initiatiefnemer, analist
):
    client.force_login(netwerkhouder)
    inhoud = client.get(reverse("network:overzicht")).content.decode()
    for naam in ("network:reeksen", "network:overdracht", "network:samen_lijst"):
        assert reverse(naam) in inhoud, naam
    client.force_login(initiatiefnemer)
    inhoud = client.get(reverse("network:overzicht")).content.decode()
    assert reverse("network:reeksen") in inhoud
    assert reverse("network:overdracht") not in inhoud
    client.force_login(analist)
    inhoud = client.get(reverse("network:overzicht")).content.decode()
    assert reverse("network:reeksen") not in inhoud
