"""The overview behind "Signalen" in the menu: each user finds their own ways in, no one else's.

A team member finds the team's inbox without knowing its address; an outsider never sees
another team's inbox, nor the counts of a gemeente they do not work in.
"""

import pytest
from django.urls import reverse

from samenspel.signals.tests.zorg_hulp import zorg

pytestmark = pytest.mark.django_db


def _mijn(client, gebruiker):
    client.force_login(gebruiker)
    antwoord = client.get(reverse("signals:mijn"))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_een_teamlid_vindt_de_zorgen_van_het_eigen_team_met_wat_nog_open_staat(
    client, signaalwereld
):
    zorg(signaalwereld)
    zorg(signaalwereld)
    pagina = _mijn(client, signaalwereld["teamlid"])
    assert reverse("signals:zorg_inbox", args=[signaalwereld["wijkteam"].pk]) in pagina
    assert "Zorgen voor Buurtteam Overvecht" in pagina
    assert "2 nog niet afgerond" in pagina


def test_wie_bij_een_ander_team_werkt_ziet_die_inbox_niet(client, signaalwereld):
    zorg(signaalwereld)
    pagina = _mijn(client, signaalwereld["rotterdammer"])
    assert reverse("signals:zorg_inbox", args=[signaalwereld["wijkteam"].pk]) not in pagina
    # Rotterdam's team receives nothing in Samenspel: no inbox to offer at all.
    assert "/signalen/zorg/team/" not in pagina


def test_de_analist_ziet_alleen_de_tellingen_van_de_eigen_gemeente(client, signaalwereld):
    pagina = _mijn(client, signaalwereld["analist"])
    assert reverse("signals:buurtsignaal_tellingen", args=["GM0344"]) in pagina
    assert reverse("signals:buurtsignaal_tellingen", args=["GM0599"]) not in pagina
    assert reverse("signals:routeregels") not in pagina


def test_de_netwerkhouder_vindt_de_buurtsignalen_en_de_wijkagenda_van_het_eigen_gebied(
    client, signaalwereld
):
    pagina = _mijn(client, signaalwereld["netwerkhouder"])
    assert reverse("signals:buurtsignalen") in pagina
    assert reverse("signals:wijkagenda", args=["WK034403"]) in pagina
    assert reverse("signals:wijkagenda", args=["WK059903"]) not in pagina


def test_de_beheerder_vindt_de_routes_en_routeregels(client, signaalwereld):
    zorg(signaalwereld)  # sets up Utrecht's routing rules
    pagina = _mijn(client, signaalwereld["beheerder"])
    assert reverse("signals:routes") in pagina
    assert reverse("signals:routeregels") in pagina
    assert reverse("signals:zorg_tellingen") + "?gemeente=GM0344" in pagina


def test_iedereen_kan_zelf_een_zorg_of_buurtsignaal_geven(client, signaalwereld):
    pagina = _mijn(client, signaalwereld["vrijwilliger"])
    assert reverse("signals:start") in pagina
    assert reverse("signals:buurtsignaal_sturen") in pagina
    assert "/signalen/zorg/team/" not in pagina


def test_de_kop_van_elke_ingelogde_pagina_wijst_naar_signalen(client, signaalwereld):
    client.force_login(signaalwereld["vrijwilliger"])
    assert reverse("signals:mijn") in client.get("/").content.decode()
    client.logout()
    assert reverse("signals:mijn") not in client.get("/").content.decode()
