"""Every page of signalen, walked by the people it is for and by outsiders.

A worry's content is for the receiving team only; the signaller follows it through a private
link; neighbourhood signals are for the area's netwerkhouders; counts for analysts (issue 13,
"Outsider tests"). Each URL name of the app has an entry:

- ``OPEN``: anybody, anonymous included (the meldroute, sending a signal);
- ``BESLOTEN``: name -> (path builder, the world's users who may open it); every other user
  of the world, and an anonymous visitor, is refused (403, 404 or the login page);
- ``ALLEEN_POST``: name -> path builder of a POST-only button; outsiders' POSTs change nothing;
- ``LINKS``: pages opened with a private link: a link made for something else gives 404.

A new URL name without an entry fails ``test_elke_url_van_signalen_wordt_gecontroleerd``.
"""

import pytest
from django.urls import get_resolver, reverse

pytestmark = pytest.mark.django_db

GEBRUIKERS = [
    "teamlid",
    "corporatielid",
    "ander_teamlid",
    "rotterdammer",
    "vrijwilliger",
    "netwerkhouder",
    "andere_netwerkhouder",
    "analist",
    "andere_analist",
    "beheerder",
]

OPEN: dict = {}
BESLOTEN: dict = {}
ALLEEN_POST: dict = {}
LINKS: dict = {}

# --- zorg: a worry about a person, forwarding, routing rules ---
from samenspel.signals import zorglinks  # noqa: E402
from samenspel.signals.tests.zorg_hulp import regels, zorg  # noqa: E402


def _vreemde_link(w, naam="signals:zorg_status"):
    """The token of one worry on the address of another."""
    eerste, tweede = zorg(w), zorg(w)
    return reverse(naam, args=[tweede.pk, zorglinks.maak_token(eerste)])


def _regel_pk(w):
    return regels(w).pk


OPEN["signals:doorgeven"] = lambda w: (
    regels(w) and reverse("signals:doorgeven") + "?gemeente=" + w["gemeente"].code
)
LINKS["signals:zorg_status"] = _vreemde_link
LINKS["signals:zorg_download"] = lambda w: _vreemde_link(w, "signals:zorg_download")
LINKS["signals:zorg_wissen"] = lambda w: _vreemde_link(w, "signals:zorg_wissen")
BESLOTEN["signals:zorg_inbox"] = (
    lambda w: reverse("signals:zorg_inbox", args=[w["wijkteam"].pk]),
    ["teamlid"],
)
BESLOTEN["signals:zorg_detail"] = (
    lambda w: reverse("signals:zorg_detail", args=[zorg(w).pk]),
    ["teamlid"],
)
BESLOTEN["signals:zorg_tellingen"] = (
    lambda w: zorg(w) and reverse("signals:zorg_tellingen") + "?gemeente=GM0344",
    ["netwerkhouder", "analist", "beheerder"],
)
BESLOTEN["signals:routeregels"] = (lambda w: reverse("signals:routeregels"), ["beheerder"])
BESLOTEN["signals:routeregel_nieuw"] = (
    lambda w: reverse("signals:routeregel_nieuw"),
    ["beheerder"],
)
BESLOTEN["signals:routeregel_bewerken"] = (
    lambda w: reverse("signals:routeregel_bewerken", args=[_regel_pk(w)]),
    ["beheerder"],
)
BESLOTEN["signals:routeregel_verwijderen"] = (
    lambda w: reverse("signals:routeregel_verwijderen", args=[_regel_pk(w)]),
    ["beheerder"],
)
BESLOTEN["signals:routeregel_proef"] = (
    lambda w: reverse("signals:routeregel_proef") + "?buurt=BU03440301&soort=zorg",
    ["beheerder"],
)
ALLEEN_POST["signals:zorg_bijwerken"] = lambda w: reverse(
    "signals:zorg_bijwerken", args=[zorg(w).pk]
)
ALLEEN_POST["signals:zorg_doorsturen"] = lambda w: reverse(
    "signals:zorg_doorsturen", args=[zorg(w).pk]
)


# --- the overview behind "Signalen" in the menu: every logged-in user, own links only ---
BESLOTEN["signals:mijn"] = (lambda w: reverse("signals:mijn"), GEBRUIKERS)


# --- meldroute ---
def _een_route(wereld):
    from samenspel.signals import actions
    from samenspel.signals.models import RegionaleRoute

    route = RegionaleRoute(
        gemeente=wereld["gemeente"],
        soort="crisisdienst",
        naam="Crisisdienst",
        telefoon="030 1234567",
    )
    return actions.bewaar_route(route, wereld["beheerder"])


OPEN.update(
    {
        "signals:start": lambda w: reverse("signals:start"),
        "signals:route": lambda w: reverse("signals:route", args=["GM0344", "burger", "acuut"]),
        "signals:overzicht": lambda w: reverse("signals:overzicht", args=["GM0344"]),
    }
)
BESLOTEN.update(
    {
        "signals:routes": (lambda w: reverse("signals:routes") + "?gemeente=GM0344", ["beheerder"]),
        "signals:route_nieuw": (lambda w: reverse("signals:route_nieuw"), ["beheerder"]),
        "signals:route_wijzigen": (
            lambda w: reverse("signals:route_wijzigen", args=[_een_route(w).pk]),
            ["beheerder"],
        ),
    }
)
ALLEEN_POST.update(
    {
        "signals:route_verwijderen": lambda w: reverse(
            "signals:route_verwijderen", args=[_een_route(w).pk]
        ),
    }
)


# --- buurtsignaal ---------------------------------------------------------------------------
def _buurtsignaal(w, openbaar=False):
    from samenspel.signals import actions

    return actions.stuur_buurtsignaal(
        w["buurt"], "ontmoetplek", "Het buurthuis is dicht.", openbaar, "bewoner@example.org"
    )


def _agendapunt(w):
    from samenspel.signals import actions

    return actions.zet_op_wijkagenda(_buurtsignaal(w), w["netwerkhouder"], titel="Ontmoeten")


OPEN.update(
    {
        "signals:buurtsignaal_sturen": lambda w: reverse("signals:buurtsignaal_sturen"),
        "signals:buurtsignaal_verstuurd": lambda w: reverse("signals:buurtsignaal_verstuurd"),
        "signals:buurtsignalen_openbaar": lambda w: reverse(
            "signals:buurtsignalen_openbaar", args=[_buurtsignaal(w, True).buurt.ouder_id]
        ),
    }
)
BESLOTEN.update(
    {
        # Every netwerkhouder has a list; it holds only the signals of their own area
        # (test_buurtsignaal.py checks the other gemeente's netwerkhouder sees none of them).
        "signals:buurtsignalen": (
            lambda w: _buurtsignaal(w) and reverse("signals:buurtsignalen"),
            ["netwerkhouder", "andere_netwerkhouder", "beheerder"],
        ),
        "signals:buurtsignaal": (
            lambda w: reverse("signals:buurtsignaal", args=[_buurtsignaal(w).pk]),
            ["netwerkhouder", "beheerder"],
        ),
        "signals:wijkagenda": (
            lambda w: reverse("signals:wijkagenda", args=[_agendapunt(w).wijk_id]),
            ["netwerkhouder", "beheerder"],
        ),
        "signals:buurtsignaal_tellingen": (
            lambda w: (
                _buurtsignaal(w)
                and reverse("signals:buurtsignaal_tellingen", args=[w["gemeente"].code])
            ),
            ["netwerkhouder", "analist", "beheerder"],
        ),
    }
)
ALLEEN_POST.update(
    {
        "signals:buurtsignaal_op_agenda": lambda w: reverse(
            "signals:buurtsignaal_op_agenda", args=[_buurtsignaal(w).pk]
        ),
        "signals:agendapunt_status": lambda w: reverse(
            "signals:agendapunt_status", args=[_agendapunt(w).pk]
        ),
    }
)


def _namen() -> set[str]:
    namespace = get_resolver().namespace_dict["signals"][1]
    return {f"signals:{naam}" for naam in namespace.reverse_dict if isinstance(naam, str)}


def test_elke_url_van_signalen_wordt_gecontroleerd():
    gecontroleerd = set(OPEN) | set(BESLOTEN) | set(ALLEEN_POST) | set(LINKS)
    assert _namen() - gecontroleerd == set()
    assert gecontroleerd - _namen() == set()


def _dicht(antwoord) -> bool:
    if antwoord.status_code in (403, 404):
        return True
    return antwoord.status_code == 302 and reverse("accounts:inloggen") in antwoord["Location"]


def _als(client, wereld, wie):
    if wie is not None:
        client.force_login(wereld[wie])
    return client


def _gevallen(soort):
    return [(naam, wie) for naam in sorted(soort) for wie in [None, *GEBRUIKERS]]


@pytest.mark.parametrize(("naam", "wie"), _gevallen(BESLOTEN))
def test_besloten_paginas_alleen_voor_wie_ze_zijn(client, signaalwereld, naam, wie):
    pad, mogen = BESLOTEN[naam]
    antwoord = _als(client, signaalwereld, wie).get(pad(signaalwereld))
    if wie in mogen:
        assert antwoord.status_code == 200
    else:
        assert _dicht(antwoord)


@pytest.mark.parametrize("naam", sorted(OPEN))
def test_open_paginas_openen_zonder_account(client, signaalwereld, naam):
    assert client.get(OPEN[naam](signaalwereld)).status_code == 200


@pytest.mark.parametrize("naam", sorted(ALLEEN_POST))
@pytest.mark.parametrize(
    "wie", [None, "ander_teamlid", "rotterdammer", "analist", "andere_analist"]
)
def test_knoppen_van_buitenstaanders_doen_niets(client, signaalwereld, naam, wie):
    from samenspel.signals.models import Gebeurtenis

    pad = ALLEEN_POST[naam](signaalwereld)
    voor = Gebeurtenis.objects.count()
    assert _dicht(_als(client, signaalwereld, wie).post(pad, {}))
    assert Gebeurtenis.objects.count() == voor


@pytest.mark.parametrize("naam", sorted(LINKS))
def test_een_link_van_iets_anders_opent_niets(client, signaalwereld, naam):
    assert client.get(LINKS[naam](signaalwereld)).status_code == 404
