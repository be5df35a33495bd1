"""Changes outside a referral's own steps are recorded too: a service's intake settings in the
listing's history, and each reminder in the referral's event log."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import Wijziging
from samenspel.referrals import links
from samenspel.referrals.herinneren import herinner_onbeantwoord
from samenspel.referrals.models import Gebeurtenis, Verwijzing, Voorval

pytestmark = pytest.mark.django_db


def _ontvangst_rijen(service) -> list[tuple]:
    return list(
        Wijziging.objects.filter(resource_type="ontvangst", resource_id=service.pk)
        .order_by("field_name")
        .values_list("field_name", "previous_value", "replacement_value", "updated_by")
    )


def test_vol_zetten_komt_in_de_historie_met_wie_het_deed(client, wandelgroep, ine):
    client.force_login(ine)
    antwoord = client.post(
        reverse("referrals:ontvangst", args=[wandelgroep.pk]),
        {"vol": "on", "wachttijd": "ongeveer 3 weken", "reactie_email": ""},
    )
    assert antwoord.status_code == 302
    assert _ontvangst_rijen(wandelgroep) == [
        ("vol", "False", "True", "ine"),
        ("wachttijd", "", "ongeveer 3 weken", "ine"),
    ]


def test_via_de_link_staat_de_link_als_wie_in_de_historie(client, wandelgroep):
    client.post(links.ontvangst_pad(wandelgroep), {"vol": "on", "wachttijd": ""})
    assert _ontvangst_rijen(wandelgroep) == [
        ("vol", "False", "True", f"e-maillink {wandelgroep.name}"),
    ]
    # Saving the same settings again changes nothing, so records nothing.
    client.post(links.ontvangst_pad(wandelgroep), {"vol": "on", "wachttijd": ""})
    assert len(_ontvangst_rijen(wandelgroep)) == 1


def test_herinnering_staat_in_het_logboek_maar_niet_in_de_geschiedenis_van_partijen(
    client, verwijzing, pim
):
    maandag = dt.date(2025, 6, 2)
    moment = timezone.make_aware(dt.datetime.combine(maandag, dt.time(10, 0)))
    Verwijzing.objects.filter(pk=verwijzing.pk).update(verstuurd_op=moment)

    assert herinner_onbeantwoord(maandag + dt.timedelta(days=3)) == 1

    verwijzing.refresh_from_db()
    assert verwijzing.herinnerd_op == maandag + dt.timedelta(days=3)
    (rij,) = Gebeurtenis.objects.filter(verwijzing=verwijzing, soort=Voorval.HERINNERING)
    assert (rij.partij, rij.door) == ("systeem", "systeem")
    client.force_login(pim)
    pagina = client.get(reverse("referrals:detail", args=[verwijzing.pk]))
    assert pagina.status_code == 200
    soorten = [g["soort"] for g in pagina.context["w"].gebeurtenissen]
    assert soorten and Voorval.HERINNERING not in soorten
