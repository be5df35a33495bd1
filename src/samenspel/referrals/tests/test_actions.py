"""State changes of a referral: the table of transitions, reasons, the log, consent first."""

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from samenspel.privacy.models import Actie, Auditregel, Manier
from samenspel.referrals import actions
from samenspel.referrals.models import (
    OVERGANGEN,
    REDEN_VERPLICHT,
    Gebeurtenis,
    Reden,
    Soort,
    Status,
    Terugkoppeling,
    Verwijzing,
)
from samenspel.referrals.toegang import Betrokkene, via_emaillink

pytestmark = pytest.mark.django_db


def _zet_status(v, status):
    reden = Reden.ANDERS if status in REDEN_VERPLICHT else ""
    Verwijzing.objects.filter(pk=v.pk).update(status=status, reden_code=reden)
    v.refresh_from_db()
    return v


def _verwijzer(v):
    return Betrokkene("verwijzer", v.afzender.get_username(), gebruiker=v.afzender)


ONTVANGER_DOELEN = sorted(actions.WIE_MAG["ontvanger"])


@pytest.mark.parametrize("van", Status.values)
@pytest.mark.parametrize("naar", ONTVANGER_DOELEN)
def test_alleen_overgangen_uit_de_tabel_mogen(verwijzing, van, naar):
    v = _zet_status(verwijzing, van)
    gebeurtenissen = Gebeurtenis.objects.count()
    mag = naar in OVERGANGEN.get(van, ()) or van == naar
    if mag:
        actions.wijzig_status(v, via_emaillink(v), naar, Reden.ANDERS, "Omdat het zo is.")
        v.refresh_from_db()
        assert v.status == naar
    else:
        with pytest.raises(actions.OngeldigeStatusovergang):
            actions.wijzig_status(v, via_emaillink(v), naar, Reden.ANDERS, "Omdat het zo is.")
        v.refresh_from_db()
        assert v.status == van
        assert Gebeurtenis.objects.count() == gebeurtenissen


def test_afgesloten_verwijzing_kan_niet_meer_veranderen(verwijzing):
    for status in (Status.REJECTED, Status.COMPLETED, Status.CANCELLED, Status.FAILED):
        assert not _zet_status(verwijzing, status).overgangen()


def test_overgang_schrijft_gebeurtenis_met_wie_wanneer_van_naar_en_reden(verwijzing, met_commit):
    met_commit(
        actions.antwoord, verwijzing, via_emaillink(verwijzing), "past-niet", "Wij zijn een groep."
    )
    laatste = verwijzing.gebeurtenissen.last()
    assert (laatste.van_status, laatste.naar_status) == (Status.REQUESTED, Status.REJECTED)
    assert laatste.reden_code == Reden.PAST_NIET
    assert laatste.reden == "Wij zijn een groep."
    assert laatste.partij == "ontvanger"
    assert laatste.door == "e-maillink Wandelgroep Overvecht"
    assert timezone.now() - laatste.wanneer < dt.timedelta(minutes=1)
    assert Auditregel.objects.voor(verwijzing).filter(actie=Actie.GEWIJZIGD).exists()


@pytest.mark.parametrize("naar", sorted(REDEN_VERPLICHT - {Status.CANCELLED}))
def test_reden_is_verplicht_bij_afwijzen_pauze_en_niet_gelukt(verwijzing, naar):
    v = verwijzing
    if naar == Status.FAILED:
        v = _zet_status(v, Status.ACCEPTED)
    with pytest.raises(actions.Geweigerd):
        actions.wijzig_status(v, via_emaillink(v), naar, Reden.ANDERS, "")
    v.refresh_from_db()
    assert v.status != naar


def test_intrekken_door_verwijzer_vraagt_een_reden(verwijzing):
    with pytest.raises(actions.Geweigerd):
        actions.trek_in(verwijzing, _verwijzer(verwijzing), "  ")
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_geen_plek_is_een_reden_op_zich(verwijzing):
    v, veranderd = actions.antwoord(verwijzing, via_emaillink(verwijzing), "geen-plek")
    assert veranderd and v.status == Status.REJECTED and v.reden_code == Reden.GEEN_PLEK


def test_twee_keer_aannemen_doet_het_een_keer(verwijzing, met_commit):
    mail.outbox.clear()
    ontvanger = via_emaillink(verwijzing)
    _, eerst = met_commit(actions.antwoord, verwijzing, ontvanger, "aannemen")
    _, daarna = met_commit(actions.antwoord, verwijzing, ontvanger, "aannemen")
    assert (eerst, daarna) == (True, False)
    assert verwijzing.gebeurtenissen.filter(naar_status=Status.ACCEPTED).count() == 1
    assert len(mail.outbox) == 1  # one status e-mail to the sender


def test_verwijzer_kan_niet_namens_het_aanbod_aannemen(verwijzing):
    with pytest.raises(actions.Geweigerd):
        actions.wijzig_status(verwijzing, _verwijzer(verwijzing), Status.ACCEPTED)
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.REQUESTED


def test_logboek_van_een_verwijzing_is_alleen_aan_te_vullen(verwijzing):
    regel = verwijzing.gebeurtenissen.first()
    regel.reden = "anders"
    with pytest.raises(ValueError):
        regel.save()
    with pytest.raises(ValueError):
        regel.delete()


def test_database_weigert_verwijzing_zonder_toestemming(wandelgroep, pim):
    with pytest.raises(IntegrityError), transaction.atomic():
        Verwijzing.objects.create(
            service=wandelgroep, afzender=pim, herkomst="formeel", naam="Iemand"
        )


def test_database_weigert_persoonsgegevens_in_een_plekvraag(wandelgroep, pim):
    with pytest.raises(IntegrityError), transaction.atomic():
        Verwijzing.objects.create(
            service=wandelgroep, soort=Soort.PLEKVRAAG, herkomst="formeel", naam="Iemand"
        )


def test_database_weigert_afwijzing_zonder_reden(verwijzing):
    with pytest.raises(IntegrityError), transaction.atomic():
        Verwijzing.objects.filter(pk=verwijzing.pk).update(status=Status.REJECTED, reden_code="")


def test_mondelinge_toestemming_noemt_wie_hem_vastlegde(verwijzing, pim):
    t = verwijzing.toestemming
    assert t.manier == Manier.MONDELING
    assert t.vastgelegd_door == pim
    assert t.vastgelegd_door_naam == "Pim"
    assert t.organisatie == verwijzing.service.organization
    assert t.gegevens == ["naam", "contact", "wat_helpt"]
    assert "Stichting Samen Lopen" in t.doel and t.is_geldig()


def test_online_toestemming_deelt_niets_tot_de_bewoner_ja_zegt(
    verwijs, pim, wandelgroep, met_commit
):
    mail.outbox.clear()
    v, _ = verwijs(pim, wandelgroep, toestemming=Manier.ONLINE)
    assert v.status == Status.DRAFT
    assert [m.to for m in mail.outbox] == [["sanne.visser@example.org"]]  # only her own link
    assert not Verwijzing.objects.gedeeld().filter(pk=v.pk).exists()

    met_commit(actions.geef_toestemming, v, Betrokkene("bewoner", "bewoner"))

    v.refresh_from_db()
    assert v.status == Status.REQUESTED and v.verstuurd_op
    assert v.toestemming.gegeven_op is not None
    assert mail.outbox[-1].to == ["wandel@example.org"]


def test_nee_op_toestemming_wist_alles_en_niemand_hoort_ervan(
    verwijs, pim, wandelgroep, met_commit
):
    v, _ = verwijs(pim, wandelgroep, toestemming=Manier.ONLINE)
    mail.outbox.clear()
    met_commit(actions.trek_toestemming_in, v, Betrokkene("bewoner", "bewoner"))
    v.refresh_from_db()
    assert v.status == Status.CANCELLED and v.reden_code == Reden.GEEN_TOESTEMMING
    assert v.naam == "" and v.is_gewist
    assert not [m for m in mail.outbox if "wandel@example.org" in m.to]


def test_alleen_aanbod_met_aanmeldroute_neemt_verwijzingen(verwijs, pim, maak_aanbod):
    alleen_info = maak_aanbod(naam="Inloop", route="informatie")
    with pytest.raises(actions.Geweigerd):
        verwijs(pim, alleen_info)
    assert not Verwijzing.objects.exists()


def test_analist_en_beheerder_kunnen_niet_verwijzen(verwijs, analist, beheerder, wandelgroep):
    for gebruiker in (analist, beheerder):
        with pytest.raises(actions.Geweigerd):
            verwijs(gebruiker, wandelgroep)


def test_kennismaking_voorstellen_en_bevestigen(verwijzing, met_commit):
    wanneer = timezone.now() + dt.timedelta(days=2)
    k = met_commit(
        actions.stel_kennismaking_voor, verwijzing, _verwijzer(verwijzing), wanneer, "Buurthuis"
    )
    assert k.akkoord_verwijzer and not k.akkoord_ontvanger
    mail.outbox.clear()
    k, veranderd = met_commit(actions.bevestig_kennismaking, verwijzing, via_emaillink(verwijzing))
    assert veranderd and k.is_bevestigd
    assert sorted(m.to[0] for m in mail.outbox) == ["pim@example.org", "wandel@example.org"]
    _, nogmaals = actions.bevestig_kennismaking(verwijzing, via_emaillink(verwijzing))
    assert nogmaals is False


def test_geen_kennismaking_als_de_bewoner_niets_terug_wil_horen(verwijs, pim, wandelgroep):
    v, _ = verwijs(pim, wandelgroep, terugkoppeling=Terugkoppeling.NIETS)
    with pytest.raises(actions.Geweigerd):
        actions.stel_kennismaking_voor(
            v, _verwijzer(v), timezone.now() + dt.timedelta(days=1), "Buurthuis"
        )
    assert not v.kennismakingen.exists()


def test_initiatief_verwijst_naar_buurtteam_met_dezelfde_regels(verwijs, ine, buurtteam):
    v, _ = verwijs(ine, buurtteam)
    assert (v.herkomst, v.naar_sector) == ("informeel", "formeel")
    assert v.toestemming.vastgelegd_door == ine
    assert v.status == Status.REQUESTED
