"""Reminders keep the kaart current: the informal field changes fast (seed 001, 2170-2172)."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail

from samenspel.directory import herinneren
from samenspel.directory import models as m

VANDAAG = dt.date(2025, 3, 15)
ZEVEN_MAANDEN_TERUG = dt.date(2024, 8, 15)


@pytest.fixture
def oud_aanbod(maak_aanbod):
    def maak(naam="Breicafé Overvecht", bevestigd=ZEVEN_MAANDEN_TERUG, **velden):
        velden.setdefault("beheerder_email", "anna@example.org")
        return maak_aanbod(naam=naam, bevestigd=bevestigd, **velden)

    return maak


def test_herinnering_na_zes_maanden_en_niet_twee_keer(oud_aanbod):
    service = oud_aanbod()

    assert herinneren.verstuur_herinneringen(VANDAAG) == 1
    (bericht,) = mail.outbox
    assert bericht.to == ["anna@example.org"]
    assert "Breicafé Overvecht" in bericht.subject
    for pad in ("klopt-nog", "bewerken", "stoppen"):
        assert f"/aanbod/{service.pk}/{pad}/" in bericht.body
    service.refresh_from_db()
    assert service.herinnerd_op == VANDAAG

    assert herinneren.verstuur_herinneringen(VANDAAG) == 0
    assert herinneren.verstuur_herinneringen(VANDAAG + dt.timedelta(days=29)) == 0
    assert len(mail.outbox) == 1
    # Still not confirmed a month later: one more nudge.
    assert herinneren.verstuur_herinneringen(VANDAAG + dt.timedelta(days=30)) == 1


def test_geen_herinnering_voor_vers_aanbod(oud_aanbod):
    oud_aanbod(bevestigd=dt.date(2024, 9, 16))  # just under six months
    oud_aanbod(naam="Precies zes maanden", bevestigd=dt.date(2024, 9, 15))
    assert herinneren.verstuur_herinneringen(VANDAAG) == 0
    assert mail.outbox == []


def test_aanbod_zonder_bevestigdatum_krijgt_ook_een_herinnering(oud_aanbod):
    service = oud_aanbod()
    m.Service.objects.filter(pk=service.pk).update(assured_date=None)
    assert herinneren.verstuur_herinneringen(VANDAAG) == 1


def test_meerdere_aanbiedingen_van_een_eigenaar_in_een_mail(oud_aanbod):
    oud_aanbod()
    oud_aanbod(naam="Taalcafé", beheerder_email="Anna@Example.org")
    oud_aanbod(naam="Buurttuin", beheerder_email="bob@example.org")

    assert herinneren.verstuur_herinneringen(VANDAAG) == 2

    per_adres = {bericht.to[0].lower(): bericht for bericht in mail.outbox}
    anna = per_adres["anna@example.org"]
    assert "Breicafé Overvecht" in anna.body and "Taalcafé" in anna.body
    assert "Buurttuin" not in anna.body
    assert m.Service.objects.filter(herinnerd_op=VANDAAG).count() == 3


@pytest.mark.parametrize(
    "velden",
    [
        {"moderatie": m.Moderatie.WACHTRIJ},
        {"moderatie": m.Moderatie.AFGEWEZEN},
        {"status": m.ServiceStatus.INACTIVE},
        {"beheerder_email": ""},
    ],
)
def test_geen_herinnering_voor_aanbod_dat_niet_live_is_of_geen_adres_heeft(oud_aanbod, velden):
    oud_aanbod(**velden)
    assert herinneren.verstuur_herinneringen(VANDAAG) == 0


def test_klopt_nog_link_uit_de_herinnering_werkt(client, oud_aanbod):
    service = oud_aanbod()
    herinneren.verstuur_herinneringen(VANDAAG)
    pad = re.search(
        rf"{re.escape(settings.SITE_URL)}(/aanbod/\S+/klopt-nog/\S+/)", mail.outbox[0].body
    ).group(1)

    client.post(pad)

    service.refresh_from_db()
    assert service.is_vers()
    assert service.herinnerd_op is None


def test_bevestigtermijn_is_instelbaar(oud_aanbod, settings):
    settings.SAMENSPEL["BEVESTIG_MAANDEN"] = 3
    oud_aanbod(bevestigd=dt.date(2024, 11, 1))
    assert herinneren.verstuur_herinneringen(VANDAAG) == 1
    assert "3 maanden" in mail.outbox[0].body


def test_mislukte_mail_houdt_de_andere_herinneringen_niet_tegen(oud_aanbod, monkeypatch):
    kapot = oud_aanbod(beheerder_email="kapot@example.org")
    goed = oud_aanbod(naam="Taalcafé", beheerder_email="bob@example.org")
    echte = herinneren.mail.verstuur

    def verstuur(sjabloon, aan, context):
        if aan == ["kapot@example.org"]:
            raise ConnectionRefusedError("mailserver weigert")
        echte(sjabloon, aan, context)

    monkeypatch.setattr(herinneren.mail, "verstuur", verstuur)
    assert herinneren.verstuur_herinneringen(VANDAAG) == 1
    kapot.refresh_from_db()
    goed.refresh_from_db()
    assert kapot.herinnerd_op is None  # tried again next time
    assert goed.herinnerd_op == VANDAAG


def test_verstuurde_herinnering_staat_in_de_geschiedenis(oud_aanbod):
    service = oud_aanbod()
    herinneren.verstuur_herinneringen(VANDAAG)
    rij = m.Wijziging.objects.get(resource_id=service.pk, last_action_type="herinnerd")
    assert (rij.field_name, rij.replacement_value) == ("herinnerd_op", "2025-03-15")
