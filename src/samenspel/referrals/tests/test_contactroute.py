""" "Ik wil meedoen" ends with words that fit the contact route the resident gave."""

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _meedoen(**over):
    return {
        "naam": "Bo",
        "contactmanier": "email",
        "contact": "bo@example.org",
        "wat_helpt": "Ik wandel graag.",
        "toestemming": "on",
        **over,
    }


def _meld_aan(client, wandelgroep, met_commit, **over):
    pad = reverse("referrals:meedoen", args=[wandelgroep.pk])
    return met_commit(client.post, pad, _meedoen(**over), follow=True).content.decode()


def test_bewoner_met_alleen_telefoon_hoort_dat_de_link_niet_wordt_opgestuurd(
    client, wandelgroep, met_commit
):
    tekst = _meld_aan(
        client, wandelgroep, met_commit, contactmanier="telefoon", contact="06 12345678"
    )
    assert "we sturen de link niet op" in tekst
    assert "ongewenste e-mail" not in tekst
    assert "in je e-mail" not in tekst
    assert [b.to for b in mail.outbox] == [["wandel@example.org"]]  # only the initiative


def test_bewoner_met_e_mail_hoort_dat_de_link_ook_in_de_mail_staat(client, wandelgroep, met_commit):
    tekst = _meld_aan(client, wandelgroep, met_commit)
    assert "De link staat ook in je e-mail." in tekst
    assert "we sturen de link niet op" not in tekst
