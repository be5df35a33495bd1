"""Revoking an API key is recorded: who did it and when, from the command line or the admin."""

import pytest

from samenspel import cli
from samenspel.directory import models as m
from samenspel.hsds.models import ApiToken, Sleutelgebeurtenis

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisatie():
    return m.Organization.objects.create(name="GGZ Centraal", description="")


def test_intrekken_op_de_commandoregel_komt_in_het_logboek(capsys, organisatie):
    cli.main(["apisleutel", "nieuw", "GGZ Centraal"])
    sleutel = next(w for w in capsys.readouterr().out.split() if w.startswith("ss_"))
    token = ApiToken.objects.get()

    cli.main(["apisleutel", "intrekken", sleutel[:8]])

    assert "Sleutel ingetrokken." in capsys.readouterr().out
    assert ApiToken.objects.bij_sleutel(sleutel) is None
    assert list(token.gebeurtenissen.order_by("id").values_list("soort", "door")) == [
        ("aangemaakt", "commandoregel"),
        ("ingetrokken", "commandoregel"),
    ]


def test_intrekken_in_de_admin_gaat_via_dezelfde_actie(client, beheerder, organisatie):
    token, sleutel = ApiToken.maak(organisatie)
    client.force_login(beheerder)

    formulier = client.get(f"/beheer/admin/hsds/apitoken/{token.pk}/change/")
    assert "actief" not in formulier.context["adminform"].form.fields

    antwoord = client.post(
        "/beheer/admin/hsds/apitoken/",
        {"action": "intrekken", "_selected_action": [token.pk]},
        follow=True,
    )
    assert "1 sleutel ingetrokken." in antwoord.content.decode()
    assert ApiToken.objects.bij_sleutel(sleutel) is None
    gebeurtenis = Sleutelgebeurtenis.objects.get(token=token)
    assert (gebeurtenis.soort, gebeurtenis.door) == ("ingetrokken", "beheerder")

    # A second revocation changes nothing and writes nothing.
    client.post(
        "/beheer/admin/hsds/apitoken/", {"action": "intrekken", "_selected_action": [token.pk]}
    )
    assert Sleutelgebeurtenis.objects.filter(token=token).count() == 1
