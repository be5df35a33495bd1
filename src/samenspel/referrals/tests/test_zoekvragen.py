"""Lists stay cheap: the number of database queries does not grow with the referrals shown."""

import pytest
from django.urls import reverse

from samenspel.referrals import links

pytestmark = pytest.mark.django_db


def _maak(verwijs, pim, wandelgroep, aantal):
    return [verwijs(pim, wandelgroep, naam=f"Bewoner {i}") for i in range(aantal)]


@pytest.mark.parametrize("aantal", [2, 12])
def test_inbox_vraagt_een_vast_aantal_queries(
    client, verwijs, pim, ine, wandelgroep, aantal, django_assert_max_num_queries
):
    _maak(verwijs, pim, wandelgroep, aantal)
    client.force_login(ine)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("referrals:inbox")).status_code == 200


@pytest.mark.parametrize("aantal", [2, 12])
def test_api_lijst_vraagt_een_vast_aantal_queries(
    client, verwijs, pim, wandelgroep, aantal, django_assert_max_num_queries
):
    _maak(verwijs, pim, wandelgroep, aantal)
    client.force_login(pim)
    # One insert logs every referral shown.
    with django_assert_max_num_queries(8):
        antwoord = client.get(reverse("referrals:api_lijst"))
    assert len(antwoord.json()["verwijzingen"]) == aantal


def test_eigen_link_vraagt_weinig_queries(client, verwijzing, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        assert client.get(links.bewoner_pad(verwijzing.bewoner_token)).status_code == 200
