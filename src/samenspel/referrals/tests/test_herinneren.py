"""Reminders for referrals nobody answered after N working days (samenspel herinner)."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from samenspel.referrals import actions
from samenspel.referrals.herinneren import herinner_onbeantwoord, werkdagen_terug
from samenspel.referrals.models import Verwijzing
from samenspel.referrals.toegang import via_emaillink

pytestmark = pytest.mark.django_db

MAANDAG = dt.date(2025, 6, 2)


def _verstuurd_op(v, dag: dt.date):
    moment = timezone.make_aware(dt.datetime.combine(dag, dt.time(10, 0)))
    Verwijzing.objects.filter(pk=v.pk).update(verstuurd_op=moment)


def test_werkdagen_slaan_het_weekend_over():
    assert werkdagen_terug(dt.date(2025, 6, 4), 3) == dt.date(2025, 5, 30)  # wo -> vr
    assert werkdagen_terug(MAANDAG, 1) == dt.date(2025, 5, 30)


def test_na_drie_werkdagen_een_herinnering_met_nieuwe_link(verwijzing):
    _verstuurd_op(verwijzing, MAANDAG)
    mail.outbox.clear()
    assert herinner_onbeantwoord(MAANDAG + dt.timedelta(days=2)) == 0
    assert herinner_onbeantwoord(MAANDAG + dt.timedelta(days=3)) == 1
    [bericht] = mail.outbox
    assert bericht.to == ["wandel@example.org"]
    assert f"/verwijzingen/{verwijzing.pk}/antwoord/" in bericht.body
    assert "Sanne" not in bericht.body and "buitenlucht" not in bericht.body


def test_weekend_telt_niet_mee(verwijzing):
    vrijdag = dt.date(2025, 6, 6)
    _verstuurd_op(verwijzing, vrijdag)
    assert herinner_onbeantwoord(dt.date(2025, 6, 10)) == 0  # di: 2 werkdagen
    assert herinner_onbeantwoord(dt.date(2025, 6, 11)) == 1  # wo: 3 werkdagen


def test_niet_elke_dag_opnieuw(verwijzing):
    _verstuurd_op(verwijzing, MAANDAG)
    assert herinner_onbeantwoord(dt.date(2025, 6, 5)) == 1
    assert herinner_onbeantwoord(dt.date(2025, 6, 6)) == 0
    assert herinner_onbeantwoord(dt.date(2025, 6, 10)) == 1  # 3 werkdagen later


def test_beantwoorde_verwijzing_krijgt_geen_herinnering(verwijzing):
    _verstuurd_op(verwijzing, MAANDAG)
    actions.antwoord(verwijzing, via_emaillink(verwijzing), "aannemen")
    assert herinner_onbeantwoord(dt.date(2025, 6, 20)) == 0


def test_een_mail_per_adres_met_alle_wachtende(verwijs, pim, wandelgroep):
    for naam in ("A", "B"):
        _verstuurd_op(verwijs(pim, wandelgroep, naam=naam)[0], MAANDAG)
    mail.outbox.clear()
    assert herinner_onbeantwoord(dt.date(2025, 6, 9)) == 1
    assert mail.outbox[0].subject == "Er wachten 2 aanmeldingen op je antwoord"


def test_aantal_werkdagen_is_in_te_stellen(verwijzing, settings):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "HERINNER_WERKDAGEN": 1}
    _verstuurd_op(verwijzing, MAANDAG)
    assert herinner_onbeantwoord(MAANDAG + dt.timedelta(days=1)) == 1
