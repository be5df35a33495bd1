"""Retention: personal data of closed referrals is erased after the retention period (default
12 months); the anonymous event log stays, so every figure stays exactly the same."""

import datetime as dt

import pytest
from django.utils import timezone

from samenspel import cli
from samenspel.privacy import bewaartermijn
from samenspel.privacy.models import Auditregel
from samenspel.referrals import actions, cijfers
from samenspel.referrals.models import Bewoner, Gebeurtenis, Kennismaking, Status, Verwijzing
from samenspel.referrals.toegang import via_emaillink

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 6, 15)


def _sluit_af_op(v, dag: dt.date):
    Verwijzing.objects.filter(pk=v.pk).update(
        afgesloten_op=timezone.make_aware(dt.datetime.combine(dag, dt.time(12)))
    )


@pytest.fixture
def verwijzingen(verwijs, pim, wandelgroep):
    """Closed long ago, closed recently, and still open."""

    def met(naam, *keuzes):
        v, _ = verwijs(pim, wandelgroep, naam=naam, wat_helpt=f"{naam} wandelt graag")
        for keuze in keuzes:
            actions.antwoord(
                v, via_emaillink(v), keuze, f"{naam} past niet", notitie=f"notitie over {naam}"
            )
        v.refresh_from_db()
        return v

    oud = met("Oud", "aannemen", "afgerond")
    _sluit_af_op(oud, dt.date(2025, 5, 1))
    Kennismaking.objects.create(
        verwijzing=oud,
        wanneer=timezone.now(),
        waar="Bij Oud thuis",
        voorgesteld_door="verwijzer",
        akkoord_verwijzer=timezone.now(),
        akkoord_ontvanger=timezone.now(),
    )
    afgewezen = met("Afgewezen", "past-niet")
    _sluit_af_op(afgewezen, dt.date(2025, 1, 10))
    recent = met("Recent", "aannemen", "afgerond")
    _sluit_af_op(recent, dt.date(2026, 1, 1))
    lopend = met("Lopend", "aannemen")
    # Consent must still hold on VANDAAG for those that are not old.
    for v in (recent, lopend):
        v.toestemming.geldig_tot = dt.date(2027, 1, 1)
        v.toestemming.save()
    return {"oud": oud, "afgewezen": afgewezen, "recent": recent, "lopend": lopend}


def test_bewaartermijn_wist_persoonsgegevens_van_oude_afgesloten_verwijzingen(verwijzingen):
    uitkomst = bewaartermijn.pas_toe(VANDAAG)
    assert uitkomst == {"verwijzingen": 2, "web": 0}
    for sleutel in ("oud", "afgewezen"):
        v = Verwijzing.objects.get(pk=verwijzingen[sleutel].pk)
        assert v.is_gewist
        assert (v.naam, v.contact, v.wat_helpt, v.notitie, v.reden) == ("", "", "", "", "")
    assert Kennismaking.objects.get().waar == ""
    assert not Gebeurtenis.objects.filter(verwijzing=verwijzingen["afgewezen"]).exclude(reden="")
    for sleutel in ("recent", "lopend"):
        assert Verwijzing.objects.get(pk=verwijzingen[sleutel].pk).naam != ""


def test_bewaartermijn_houdt_de_cijfers_gelijk(verwijzingen, wandelgroep):
    voor = (cijfers.voor_service(wandelgroep), [g.cijfers for g in cijfers.per_gebied()])
    bewaartermijn.pas_toe(VANDAAG)
    na = (cijfers.voor_service(wandelgroep), [g.cijfers for g in cijfers.per_gebied()])
    assert na == voor
    assert voor[0].aantal == 4 and voor[0].aangenomen == 3 and voor[0].kennismakingen == 1


def test_gewiste_verwijzing_houdt_een_anoniem_logboek(verwijzingen):
    bewaartermijn.pas_toe(VANDAAG)
    v = verwijzingen["afgewezen"]
    stappen = list(v.gebeurtenissen.values_list("soort", "van_status", "naar_status", "reden_code"))
    assert ("status", "requested", "rejected", "past-niet") in stappen
    assert stappen[-1][0] == "gewist"
    assert Auditregel.objects.voor(v).filter(actie="gewist", wie="systeem").exists()


def test_tweede_keer_draaien_wist_niets_meer(verwijzingen):
    bewaartermijn.pas_toe(VANDAAG)
    assert bewaartermijn.pas_toe(VANDAAG) == {"verwijzingen": 0, "web": 0}


def test_bewaartermijn_is_in_te_stellen(verwijzingen, settings):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "BEWAAR_MAANDEN": 3}
    assert bewaartermijn.pas_toe(VANDAAG) == {"verwijzingen": 3, "web": 0}


def test_verlopen_toestemming_stopt_het_delen(verwijzing, met_commit):
    verwijzing.toestemming.geldig_tot = dt.date(2026, 1, 1)
    verwijzing.toestemming.save()
    met_commit(bewaartermijn.pas_toe, VANDAAG)
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.CANCELLED and verwijzing.is_gewist


def test_bewonerslink_zonder_gegevens_verdwijnt_na_de_termijn(verwijzingen):
    Bewoner.objects.update(aangemaakt=timezone.make_aware(dt.datetime(2024, 1, 1)))
    bewaartermijn.pas_toe(VANDAAG)
    assert Bewoner.objects.count() == 2  # recent and lopend still hold data


def test_opdracht_samenspel_bewaartermijn(verwijzingen, capsys, monkeypatch):
    monkeypatch.setattr("samenspel.core.opstart.django_opzetten", lambda demo=False: None)
    cli.main(["bewaartermijn", "--maanden", "1"])
    uit = capsys.readouterr().out
    assert "Bewaartermijn 1 maanden: 3 record(s) gewist." in uit
    assert Verwijzing.objects.filter(gewist_op__isnull=False).count() == 3
