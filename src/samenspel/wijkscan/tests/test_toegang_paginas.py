"""Every page of the wijkscan, walked by the people of its gemeente and by outsiders.

Judgements in progress and the action list are for the gemeente's netwerkhouders and
analysts only; the matrix also for everybody once the gemeente made it public (issue 12,
"Outsider tests"). ``WERK`` names the pages of the first kind, ``MATRIX`` those of the
second, ``OPEN`` those anybody may open; ``ALLEEN_POST`` the buttons; ``LINKS`` the pages a
partner opens with a signed link, without an account. A new URL name of the app without an
entry fails ``test_elke_url_van_de_wijkscan_wordt_gecontroleerd``.
"""

import pytest
from django.urls import get_resolver, reverse

from samenspel.wijkscan import actions

pytestmark = pytest.mark.django_db

UTRECHT = "GM0344"


def _ronde(w, gesloten=False):
    """A round of Utrecht's wijk with one invitation, made without a log row (so the walk's
    check that outsiders' POSTs write no Gebeurtenis still holds)."""
    from django.utils import timezone

    from samenspel.wijkscan.models import Oordeelronde, Uitnodiging

    ronde = Oordeelronde.objects.create(
        gemeente=w["gemeente"], wijk=w["wijk"], gesloten_op=timezone.now() if gesloten else None
    )
    Uitnodiging.objects.create(ronde=ronde, label="Buurtteam Overvecht", soort="formeel")
    return ronde


def _vreemde_link(w):
    """The partner's page with a token made for another invitation: 404 for everybody."""
    from samenspel.wijkscan import oordeellinks

    eerste = _ronde(w).uitnodigingen.get()
    tweede = _ronde(w).uitnodigingen.get()
    return reverse("wijkscan:oordeel_partner", args=[tweede.pk, oordeellinks.maak_token(eerste)])


# URL name -> the path, built from the world.
OPEN: dict = {
    "wijkscan:start": lambda w: reverse("wijkscan:start"),
}
MATRIX: dict = {
    "wijkscan:gemeente": lambda w: reverse("wijkscan:gemeente", args=[UTRECHT]),
    # acties
    "wijkscan:etmaal": lambda w: reverse("wijkscan:etmaal", args=[UTRECHT]),
    # Uitvoer
    "wijkscan:matrix": lambda w: reverse("wijkscan:matrix", args=[UTRECHT]),
    "wijkscan:matrix_wijk": lambda w: reverse("wijkscan:matrix_wijk", args=[UTRECHT, "WK034403"]),
    "wijkscan:afdruk": lambda w: reverse("wijkscan:afdruk", args=[UTRECHT]),
    "wijkscan:csv": lambda w: reverse("wijkscan:csv", args=[UTRECHT]),
    "wijkscan:xlsx": lambda w: reverse("wijkscan:xlsx", args=[UTRECHT]),
    "wijkscan:kaart": lambda w: reverse("wijkscan:kaart", args=[UTRECHT]),
    "wijkscan:vergelijk": lambda w: reverse("wijkscan:vergelijk", args=[UTRECHT]),
    "wijkscan:trend": lambda w: reverse("wijkscan:trend", args=[UTRECHT, "BU03440301"]),
    # oordeel: the summaries of closed rounds go with the matrix.
    "wijkscan:oordeel_geschiedenis": lambda w: (
        _ronde(w, gesloten=True)
        and reverse("wijkscan:oordeel_geschiedenis", args=[UTRECHT, w["wijk"].code])
    ),
}


def _actie(w):
    """One action of Utrecht, owned by an organisation of its kaart (acties)."""
    import datetime as dt

    from samenspel.directory.models import Organization, TaxonomyTerm

    eigenaar = Organization.objects.create(
        name="Buurtteam Overvecht", description="Buurtteam", gemeente=w["gemeente"]
    )
    gegevens = {
        "gebied": w["wijk"],
        "bouwsteen": TaxonomyTerm.objects.bouwstenen().first(),
        "wat": "Een inloop starten",
        "eigenaar": eigenaar,
        "streefdatum": dt.date(2030, 1, 1),
    }
    return actions.maak_actie(w["gemeente"], gegevens, None)


WERK: dict = {
    # acties
    "wijkscan:gaten": lambda w: reverse("wijkscan:gaten", args=[UTRECHT]),
    "wijkscan:acties": lambda w: reverse("wijkscan:acties", args=[UTRECHT]),
    "wijkscan:actie_nieuw": lambda w: reverse("wijkscan:actie_nieuw", args=[UTRECHT]),
    "wijkscan:actie": lambda w: reverse("wijkscan:actie", args=[UTRECHT, _actie(w).pk]),
    "wijkscan:actie_bewerken": lambda w: reverse(
        "wijkscan:actie_bewerken", args=[UTRECHT, _actie(w).pk]
    ),
}
WERK.update(
    {
        # verwachting
        "wijkscan:verwachting_formules": lambda w: reverse(
            "wijkscan:verwachting_formules", args=[UTRECHT]
        ),
        "wijkscan:verwachting_formule": lambda w: reverse(
            "wijkscan:verwachting_formule", args=[UTRECHT, "zorg-en-begeleiding"]
        ),
        "wijkscan:verwachting_signalen": lambda w: reverse(
            "wijkscan:verwachting_signalen", args=[UTRECHT]
        ),
        "wijkscan:verwachting_kennis": lambda w: reverse(
            "wijkscan:verwachting_kennis", args=[UTRECHT, w["wijk"].code, "zorg-en-begeleiding"]
        ),
        "wijkscan:draag": lambda w: reverse("wijkscan:draag", args=[UTRECHT]),
        "wijkscan:draag_formule": lambda w: reverse(
            "wijkscan:draag_formule", args=[UTRECHT, "draaglast"]
        ),
    }
)
WERK.update(
    {
        # oordeel: criteria, rounds in progress and individual answers.
        "wijkscan:oordeel_criteria": lambda w: reverse("wijkscan:oordeel_criteria", args=[UTRECHT]),
        "wijkscan:oordeel_criteria_bouwsteen": lambda w: reverse(
            "wijkscan:oordeel_criteria_bouwsteen", args=[UTRECHT, "24-uurszorg"]
        ),
        "wijkscan:oordeel_rondes": lambda w: reverse("wijkscan:oordeel_rondes", args=[UTRECHT]),
        "wijkscan:oordeel_ronde": lambda w: reverse(
            "wijkscan:oordeel_ronde", args=[UTRECHT, _ronde(w).pk]
        ),
        "wijkscan:oordeel_kaartjes": lambda w: reverse(
            "wijkscan:oordeel_kaartjes", args=[UTRECHT, _ronde(w).pk]
        ),
    }
)
# URL name -> the path of a POST-only button; outsiders' POSTs change nothing.
ALLEEN_POST: dict = {
    "wijkscan:openbaar": lambda w: reverse("wijkscan:openbaar", args=[UTRECHT]),
    # verwachting
    "wijkscan:verwachting_marge": lambda w: reverse("wijkscan:verwachting_marge", args=[UTRECHT]),
    "wijkscan:verwachting_standaard": lambda w: (
        _eigen_gewichten(w)
        or reverse("wijkscan:verwachting_standaard", args=[UTRECHT, "zorg-en-begeleiding"])
    ),
    "wijkscan:draag_standaard": lambda w: (
        _eigen_draagformule(w) or reverse("wijkscan:draag_standaard", args=[UTRECHT, "draaglast"])
    ),
    # Uitvoer
    "wijkscan:stand": lambda w: reverse("wijkscan:stand", args=[UTRECHT]),
    # oordeel
    "wijkscan:oordeel_start": lambda w: reverse("wijkscan:oordeel_start", args=[UTRECHT]),
    "wijkscan:oordeel_uitnodigen": lambda w: reverse(
        "wijkscan:oordeel_uitnodigen", args=[UTRECHT, _ronde(w).pk]
    ),
    "wijkscan:oordeel_sluiten": lambda w: reverse(
        "wijkscan:oordeel_sluiten", args=[UTRECHT, _ronde(w).pk]
    ),
}
# URL name -> a path with a signed link made for something else: 404 for everybody.
LINKS: dict = {
    # oordeel: the partner's page.
    "wijkscan:oordeel_partner": _vreemde_link,
}


def _eigen_gewichten(w):
    """Utrecht has its own weights, so "terug naar de standaard" would change something."""
    from samenspel.directory.models import TaxonomyTerm
    from samenspel.wijkscan.models import Verwachtingsformule

    Verwachtingsformule.objects.create(
        gemeente=w["gemeente"],
        bouwsteen=TaxonomyTerm.objects.bouwstenen().get(code="zorg-en-begeleiding"),
        gewichten={"lage_inkomens": 1.0},
    )


def _eigen_draagformule(w):
    from samenspel.wijkscan.models import Draagformule

    Draagformule.objects.create(
        gemeente=w["gemeente"], soort="draaglast", gewichten={"lage_inkomens": 1.0}
    )


def _wijkscan_namen() -> set[str]:
    resolver = get_resolver()
    namespace = resolver.namespace_dict["wijkscan"][1]
    return {f"wijkscan:{naam}" for naam in namespace.reverse_dict if isinstance(naam, str)}


def test_elke_url_van_de_wijkscan_wordt_gecontroleerd():
    gecontroleerd = set(OPEN) | set(MATRIX) | set(WERK) | set(ALLEEN_POST) | set(LINKS)
    assert _wijkscan_namen() - gecontroleerd == set()
    assert gecontroleerd - _wijkscan_namen() == set()


def _inloggen(client, gebruiker):
    if gebruiker is not None:
        client.force_login(gebruiker)
    return client


def _dicht(antwoord) -> bool:
    """Refused: 403 or 404, or sent to the login page."""
    if antwoord.status_code in (403, 404):
        return True
    return antwoord.status_code == 302 and reverse("accounts:inloggen") in antwoord["Location"]


@pytest.mark.parametrize("naam", sorted({**MATRIX, **WERK}))
@pytest.mark.parametrize("wie", ["netwerkhouder", "analist"])
def test_wie_aan_de_scan_werkt_opent_elke_pagina(client, scanwereld, naam, wie):
    pad = {**MATRIX, **WERK}[naam](scanwereld)
    assert _inloggen(client, scanwereld[wie]).get(pad).status_code == 200


@pytest.mark.parametrize("naam", sorted({**MATRIX, **WERK}))
@pytest.mark.parametrize("wie", [None, "rotterdam", "analist_rotterdam", "professional"])
def test_buitenstaanders_zien_geen_besloten_wijkscan(client, scanwereld, naam, wie):
    pad = {**MATRIX, **WERK}[naam](scanwereld)
    assert _dicht(_inloggen(client, scanwereld.get(wie)).get(pad))


@pytest.mark.parametrize("naam", sorted(WERK))
@pytest.mark.parametrize("wie", [None, "rotterdam", "professional"])
def test_werk_in_uitvoering_blijft_besloten_ook_als_de_matrix_openbaar_is(
    client, scanwereld, naam, wie
):
    actions.zet_matrix_openbaar(scanwereld["gemeente"], True, None)
    pad = WERK[naam](scanwereld)
    assert _dicht(_inloggen(client, scanwereld.get(wie)).get(pad))


@pytest.mark.parametrize("naam", sorted(MATRIX))
@pytest.mark.parametrize("wie", [None, "rotterdam", "professional"])
def test_iedereen_ziet_de_matrix_als_de_gemeente_hem_openbaar_maakte(client, scanwereld, naam, wie):
    actions.zet_matrix_openbaar(scanwereld["gemeente"], True, None)
    pad = MATRIX[naam](scanwereld)
    assert _inloggen(client, scanwereld.get(wie)).get(pad).status_code == 200


@pytest.mark.parametrize("naam", sorted(OPEN))
@pytest.mark.parametrize("wie", [None, "rotterdam", "netwerkhouder"])
def test_open_paginas_openen_voor_iedereen(client, scanwereld, naam, wie):
    assert _inloggen(client, scanwereld.get(wie)).get(OPEN[naam](scanwereld)).status_code == 200


@pytest.mark.parametrize("naam", sorted(ALLEEN_POST))
@pytest.mark.parametrize("wie", [None, "rotterdam", "analist_rotterdam", "professional"])
def test_knoppen_van_buitenstaanders_doen_niets(client, scanwereld, naam, wie):
    from samenspel.wijkscan.models import Gebeurtenis

    pad = ALLEEN_POST[naam](scanwereld)
    antwoord = _inloggen(client, scanwereld.get(wie)).post(pad, {"openbaar": "ja"})
    assert _dicht(antwoord)
    assert not Gebeurtenis.objects.exists()


@pytest.mark.parametrize("naam", sorted(LINKS))
def test_een_link_van_een_ander_opent_niets(client, scanwereld, naam):
    assert client.get(LINKS[naam](scanwereld)).status_code == 404


def test_een_gemeente_maakt_haar_matrix_openbaar_en_weer_besloten(client, scanwereld):
    client.force_login(scanwereld["analist"])
    pad = reverse("wijkscan:openbaar", args=[UTRECHT])
    client.post(pad, {"openbaar": "ja"})
    client.logout()
    assert "Utrecht" in client.get(reverse("wijkscan:start")).content.decode()
    assert client.get(reverse("wijkscan:gemeente", args=[UTRECHT])).status_code == 200
    client.force_login(scanwereld["netwerkhouder"])
    client.post(pad, {"openbaar": "nee"})
    client.logout()
    assert _dicht(client.get(reverse("wijkscan:gemeente", args=[UTRECHT])))
    from samenspel.wijkscan.models import Gebeurtenis

    assert list(Gebeurtenis.objects.values_list("soort", flat=True)) == [
        "matrix_openbaar",
        "matrix_besloten",
    ]
