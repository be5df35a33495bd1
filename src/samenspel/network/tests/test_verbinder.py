""" "Vraag een verbinder" and "Samen beginnen" (issue 11, items 5 and 6), seen by the people
who use them: a professional on a listing, the person they ask or invite, and outsiders."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from samenspel.network import actions, links
from samenspel.network.models import (
    Antwoord,
    Band,
    Bandsoort,
    Gebeurtenis,
    Gesprek,
    Samen,
    Verbinderrol,
    Voorval,
)
from samenspel.privacy.models import Actie, Auditregel, Manier, Toestemming

pytestmark = pytest.mark.django_db

VRAAG = "Wie kan mij voorstellen aan de coördinator? Ik zoek een maatje om te wandelen."


@pytest.fixture
def web(gebieden, maak_aanbod, professional, django_user_model):
    """Utrecht: a buurtteam (the professional's), Handjehelpen with a listing, and Enik with an
    ervaringsdeskundige; Fatima of the buurtteam knows Marieke of Handjehelpen."""
    aanbod = maak_aanbod(naam="Klussen met Handjehelpen", organisatie="Handjehelpen")
    handjehelpen = aanbod.organization
    team = m.Organization.objects.create(
        name="Buurtteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )
    enik = m.Organization.objects.create(
        name="Enik Recovery College",
        description="-",
        sector="informeel",
        gemeente=gebieden["utrecht"],
    )
    professional.organisatie = team
    professional.first_name, professional.last_name = "Pim", "de Boer"
    professional.save()

    def persoon(org, naam, ingestemd=True, **velden):
        p = actions.voeg_persoon_toe(
            org, naam, "test", email=f"{naam.split()[0].lower()}@example.org", **velden
        )
        return actions.stem_in(p) if ingestemd else p

    fatima = persoon(team, "Fatima el Idrissi", functie="buurtteamer")
    marieke = persoon(handjehelpen, "Marieke Bos", verbinderrol="vrijwilligerscoordinator")
    stil = persoon(team, "Linda Smit", ingestemd=False, functie="POH-ggz")
    sanne = persoon(enik, "Sanne de Groot", verbinderrol=Verbinderrol.ERVARINGSDESKUNDIGE)
    actions.leg_band(fatima, marieke, Bandsoort.VERWIJZEN, "test")
    actions.leg_band(stil, marieke, Bandsoort.OVERLEG, "test")
    rotterdam = m.Organization.objects.create(
        name="Wijkteam West", description="-", sector="formeel", gemeente=gebieden["rotterdam"]
    )
    buiten = django_user_model.objects.create_user(
        username="rotterdam_prof",
        email="rp@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.PROFESSIONAL,
        organisatie=rotterdam,
    )
    mail.outbox.clear()
    return {
        "aanbod": aanbod,
        "team": team,
        "enik": enik,
        "fatima": fatima,
        "marieke": marieke,
        "stil": stil,
        "sanne": sanne,
        "buiten": buiten,
    }


def vraag_url(web, persoon="fatima"):
    return reverse("network:vraag_verbinder", args=[web["aanbod"].pk, web[persoon].pk])


# --- Vraag een verbinder ------------------------------------------------------------------


def test_a_partner_of_the_gemeente_sees_who_knows_the_initiative(client, web, professional):
    client.force_login(professional)
    inhoud = client.get(web["aanbod"].get_absolute_url()).content.decode()
    assert "Wie kent dit initiatief?" in inhoud
    assert "Fatima el Idrissi" in inhoud  # knows Marieke, agreed
    assert "Marieke Bos" in inhoud  # works there, agreed
    # Linda did not agree: only her role shows.
    assert "Linda" not in inhoud
    assert "POH-ggz bij Buurtteam Overvecht" in inhoud
    assert vraag_url(web) in inhoud
    assert vraag_url(web, "stil") not in inhoud
    # Showing a name is a read of that person's entry.
    assert Auditregel.objects.voor(web["fatima"]).filter(actie=Actie.BEKEKEN).exists()


@pytest.mark.parametrize("wie", ["anoniem", "buiten"])
def test_a_resident_and_a_partner_of_another_gemeente_see_nobody(client, web, wie):
    if wie != "anoniem":
        client.force_login(web[wie])
    inhoud = client.get(web["aanbod"].get_absolute_url()).content.decode()
    assert "Wie kent dit initiatief?" not in inhoud
    assert "Fatima" not in inhoud
    assert client.get(vraag_url(web)).status_code in (302, 404)
    antwoord = client.post(vraag_url(web), {"vraag": VRAAG})
    assert antwoord.status_code in (302, 404)
    assert mail.outbox == []


def test_the_question_reaches_the_chosen_person_and_nobody_else(client, web, professional):
    client.force_login(professional)
    antwoord = client.post(vraag_url(web), {"vraag": VRAAG})
    assert antwoord.status_code == 302
    [bericht] = mail.outbox
    assert bericht.to == ["fatima@example.org"]
    assert VRAAG in bericht.body
    assert "Pim de Boer" in bericht.body and professional.email in bericht.body
    assert web["aanbod"].name in bericht.subject
    # Kept: that a question was asked. Not kept: the question.
    gesteld = Gebeurtenis.objects.get(soort=Voorval.VRAAG_GESTELD)
    assert gesteld.persoon == web["fatima"] and gesteld.door == professional.username
    assert VRAAG not in str(list(Gebeurtenis.objects.values()))


def test_nobody_outside_those_who_know_the_initiative_can_be_asked(client, web, professional):
    client.force_login(professional)
    # Sanne has no tie to Handjehelpen; Linda did not agree.
    for wie in ("sanne", "stil"):
        assert client.get(vraag_url(web, wie)).status_code == 404
        assert client.post(vraag_url(web, wie), {"vraag": VRAAG}).status_code == 404
    assert mail.outbox == []


def test_an_empty_or_too_long_question_names_the_field(client, web, professional):
    client.force_login(professional)
    for tekst, fout in (("", "Schrijf je vraag."), ("x" * 601, "te lang")):
        inhoud = client.post(vraag_url(web), {"vraag": tekst}).content.decode()
        assert 'href="#id_vraag"' in inhoud and fout in inhoud
    assert mail.outbox == []


def test_asking_too_often_in_one_hour_is_stopped(client, web, professional):
    client.force_login(professional)
    for _ in range(10):
        assert client.post(vraag_url(web), {"vraag": VRAAG}).status_code == 302
    antwoord = client.post(vraag_url(web), {"vraag": VRAAG})
    assert antwoord.status_code == 200
    assert "al veel vragen" in antwoord.content.decode()
    assert len(mail.outbox) == 10


# --- Samen beginnen -----------------------------------------------------------------------


def _morgen(uur=10):
    morgen = timezone.localdate() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(morgen, dt.time(uur, 0)))


def formulier(web, **over):
    data = {
        "persoon": str(web["sanne"].pk),
        "gesprek": Gesprek.EERSTE_GESPREK,
        "wanneer": _morgen().strftime("%Y-%m-%dT%H:%M"),
        "waar": "Buurtteamkantoor Zambesidreef",
        "toestemming": "on",
    }
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def _link(aan: str) -> str:
    bericht = [b for b in mail.outbox if b.to == [aan]][-1]
    return re.search(r"https?://[^/\s]+(/\S+)", bericht.body).group(1)


def test_an_invitation_needs_the_residents_consent(client, web, professional):
    client.force_login(professional)
    antwoord = client.post(reverse("network:samen_nieuw"), formulier(web, toestemming=None))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'href="#id_toestemming"' in inhoud and "Zonder toestemming" in inhoud
    assert not Samen.objects.exists() and mail.outbox == []


def test_the_invitation_records_the_consent_like_a_referral_and_shares_no_name(
    client, web, professional
):
    client.force_login(professional)
    antwoord = client.post(reverse("network:samen_nieuw"), formulier(web))
    samen = Samen.objects.get()
    assert antwoord.url == reverse("network:samen", args=[samen.pk])
    toestemming = samen.toestemming
    assert toestemming.manier == Manier.MONDELING
    assert toestemming.vastgelegd_door == professional
    assert toestemming.organisatie == web["enik"]
    assert toestemming.gegevens == [] and toestemming.is_geldig()
    assert toestemming.geldig_tot == _morgen().date()
    [bericht] = mail.outbox
    assert bericht.to == ["sanne@example.org"]
    assert "een bewoner" in bericht.body
    assert "Buurtteamkantoor Zambesidreef" in bericht.body
    assert Auditregel.objects.voor(samen).filter(actie=Actie.AANGEMAAKT).exists()


def test_a_first_name_goes_only_with_the_residents_wish(client, web, professional):
    client.force_login(professional)
    # A name without the tick is refused: the form never shares more than the consent.
    inhoud = client.post(
        reverse("network:samen_nieuw"), formulier(web, voornaam="Piet")
    ).content.decode()
    assert 'href="#id_voornaam"' in inhoud and not Samen.objects.exists()
    client.post(reverse("network:samen_nieuw"), formulier(web, voornaam="Piet", deel_voornaam="on"))
    samen = Samen.objects.get()
    assert samen.toestemming.gegevens == ["naam"]
    assert "Piet" in mail.outbox[-1].body


def test_the_invitation_carries_nothing_the_consent_does_not_name(web, professional):
    toestemming = actions.leg_samen_toestemming_vast(
        professional, web["sanne"], Gesprek.KEUKENTAFEL, _morgen(), gegevens=[]
    )
    samen = actions.nodig_uit(
        professional, web["sanne"], toestemming, Gesprek.KEUKENTAFEL, _morgen(), "Thuis", "Piet"
    )
    assert samen.voornaam == ""
    assert "Piet" not in mail.outbox[-1].body and "Piet" not in mail.outbox[-1].alternatives[0][0]


def _toestemming(web, professional, **over):
    velden = {
        "organisatie": web["enik"],
        "organisatie_naam": "Enik Recovery College",
        "gegevens": ["naam"],
        "doel": "samen beginnen",
        "geldig_tot": timezone.localdate() + dt.timedelta(days=30),
        "manier": Manier.MONDELING,
        "vastgelegd_door": professional,
        "vastgelegd_door_naam": "Pim de Boer",
        "gegeven_op": timezone.now(),
    }
    velden.update(over)
    return Toestemming.objects.create(**velden)


@pytest.mark.parametrize(
    "over",
    [
        {"ingetrokken_op": timezone.now()},
        {"geldig_tot": timezone.localdate() - dt.timedelta(days=1)},
        {"gegeven_op": None},
    ],
    ids=["ingetrokken", "verlopen", "nog-niet-gegeven"],
)
def test_withdrawn_or_expired_consent_blocks_the_invitation(web, professional, over):
    toestemming = _toestemming(web, professional, **over)
    with pytest.raises(actions.Geweigerd):
        actions.nodig_uit(
            professional, web["sanne"], toestemming, Gesprek.EERSTE_GESPREK, _morgen(), "Kantoor"
        )
    assert not Samen.objects.exists() and mail.outbox == []


def test_a_consent_for_another_organisation_does_not_cover_this_partner(web, professional):
    toestemming = _toestemming(web, professional, organisatie=web["aanbod"].organization)
    with pytest.raises(actions.Geweigerd):
        actions.nodig_uit(
            professional, web["sanne"], toestemming, Gesprek.EERSTE_GESPREK, _morgen(), "Kantoor"
        )


def test_the_partner_answers_from_the_email_without_an_account(client, web, professional):
    client.force_login(professional)
    client.post(reverse("network:samen_nieuw"), formulier(web, voornaam="Piet", deel_voornaam="on"))
    samen = Samen.objects.get()
    client.logout()
    pad = _link("sanne@example.org")
    inhoud = client.get(pad).content.decode()
    assert "Piet" in inhoud and "Ja, ik kom" in inhoud
    assert client.post(pad, {"keuze": "ja"}).status_code == 302
    samen.refresh_from_db()
    assert samen.antwoord == Antwoord.JA
    assert mail.outbox[-1].to == [professional.email]
    assert "Sanne de Groot komt" in mail.outbox[-1].subject
    assert Auditregel.objects.voor(samen).filter(actie=Actie.BEKEKEN, partij="ontvanger").exists()


def test_a_tampered_or_foreign_answer_link_is_not_found(client, web, professional):
    toestemming = _toestemming(web, professional)
    een = actions.nodig_uit(
        professional, web["sanne"], toestemming, Gesprek.EERSTE_GESPREK, _morgen(), "Kantoor"
    )
    ander = actions.nodig_uit(
        professional, web["sanne"], toestemming, Gesprek.KEUKENTAFEL, _morgen(14), "Thuis"
    )
    token = links.samen_token(een)
    for pk, t in ((een.pk, token[:-2] + "xx"), (ander.pk, token), (een.pk, "rommel")):
        pad = reverse("network:samen_antwoord", args=[pk, t])
        assert client.get(pad).status_code == 404
        assert client.post(pad, {"keuze": "ja"}).status_code == 404
    assert Samen.objects.filter(antwoord=Antwoord.JA).count() == 0


def test_after_a_yes_and_the_date_passing_the_pair_counts_toward_the_tie(client, web, professional):
    client.force_login(professional)
    client.post(reverse("network:samen_nieuw"), formulier(web, voornaam="Piet", deel_voornaam="on"))
    samen = Samen.objects.get()
    actions.beantwoord_samen(samen, ja=True)
    assert not Band.objects.filter(soort=Bandsoort.SAMENWERKEN).exists()
    Samen.objects.filter(pk=samen.pk).update(wanneer=timezone.now() - dt.timedelta(hours=2))
    inhoud = client.get(reverse("network:samen", args=[samen.pk])).content.decode()
    samen.refresh_from_db()
    band = Band.objects.get(soort=Bandsoort.SAMENWERKEN)
    assert samen.band == band and samen.gehouden_op is not None
    assert {band.van.organisatie, band.naar.organisatie} == {web["team"], web["enik"]}
    assert band.laatste_contact == samen.gehouden_op
    # Nothing of the resident is needed any more.
    assert samen.voornaam == ""
    assert "telt nu mee als band" in inhoud


def test_the_professional_can_mark_the_conversation_held_on_the_day(
    client, web, professional, monkeypatch
):
    # At noon, so "later today" is the same day whenever the test runs, also late at night.
    middag = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(12, 0)))
    monkeypatch.setattr(timezone, "now", lambda: middag)
    toestemming = _toestemming(web, professional)
    straks = middag + dt.timedelta(minutes=30)
    samen = actions.nodig_uit(
        professional, web["sanne"], toestemming, Gesprek.EERSTE_GESPREK, straks, "Kantoor"
    )
    actions.beantwoord_samen(samen, ja=True)
    client.force_login(professional)
    assert (
        "Het gesprek is geweest"
        in client.get(reverse("network:samen", args=[samen.pk])).content.decode()
    )
    client.post(reverse("network:samen_gehouden", args=[samen.pk]))
    assert Samen.objects.get().band is not None


def test_a_no_never_counts_toward_the_tie(web, professional):
    toestemming = _toestemming(web, professional)
    samen = actions.nodig_uit(
        professional, web["sanne"], toestemming, Gesprek.EERSTE_GESPREK, _morgen(), "Kantoor"
    )
    actions.beantwoord_samen(samen, ja=False)
    Samen.objects.filter(pk=samen.pk).update(wanneer=timezone.now() - dt.timedelta(days=1))
    assert actions.tel_voorbije_mee() == 0
    with pytest.raises(actions.Geweigerd):
        actions.markeer_gehouden(samen, "test")
    assert not Band.objects.filter(soort=Bandsoort.SAMENWERKEN).exists()


def test_withdrawing_tells_the_partner_and_blocks_a_later_yes(client, web, professional):
    client.force_login(professional)
    client.post(reverse("network:samen_nieuw"), formulier(web, voornaam="Piet", deel_voornaam="on"))
    samen = Samen.objects.get()
    pad = _link("sanne@example.org")
    # The page asks first; only the POST withdraws.
    assert (
        "Ja, intrekken"
        in client.get(reverse("network:samen_intrekken", args=[samen.pk])).content.decode()
    )
    client.post(reverse("network:samen_intrekken", args=[samen.pk]))
    samen.refresh_from_db()
    assert samen.voornaam == "" and samen.toestemming.ingetrokken_op is not None
    assert "zonder jou" in mail.outbox[-1].subject and mail.outbox[-1].to == ["sanne@example.org"]
    client.logout()
    client.post(pad, {"keuze": "ja"})
    samen.refresh_from_db()
    assert samen.antwoord == Antwoord.OPEN
    assert "Piet" not in client.get(pad).content.decode()


def test_someone_elses_invitation_does_not_exist_for_you(client, web, professional):
    samen = actions.nodig_uit(
        professional,
        web["sanne"],
        _toestemming(web, professional),
        Gesprek.EERSTE_GESPREK,
        _morgen(),
        "Kantoor",
    )
    client.force_login(web["buiten"])
    for naam in ("network:samen", "network:samen_intrekken"):
        assert client.get(reverse(naam, args=[samen.pk])).status_code == 404
    assert client.post(reverse("network:samen_gehouden", args=[samen.pk])).status_code == 404
    # And the Rotterdam professional cannot pick an Utrecht partner.
    antwoord = client.post(reverse("network:samen_nieuw"), formulier(web))
    assert Samen.objects.count() == 1
    assert "Sanne" not in antwoord.content.decode()


def test_the_listing_links_to_inviting_an_informal_partner(client, web, professional):
    client.force_login(professional)
    inhoud = client.get(web["aanbod"].get_absolute_url()).content.decode()
    assert f"{reverse('network:samen_nieuw')}?persoon={web['marieke'].pk}" in inhoud
    # Fatima of the (formal) buurtteam is asked, not invited.
    assert f"?persoon={web['fatima'].pk}" not in inhoud
    pagina = client.get(f"{reverse('network:samen_nieuw')}?persoon={web['marieke'].pk}")
    assert f'value="{web["marieke"].pk}" selected' in pagina.content.decode()
    assert client.get(f"{reverse('network:samen_nieuw')}?persoon=geen-uuid").status_code == 200


def test_the_demo_shows_an_answered_invitation_to_a_first_conversation(db):
    from samenspel.demo import laden

    assert laden.laad_alles()["samen"] == 1
    samen = Samen.objects.get()
    assert samen.antwoord == Antwoord.JA and samen.persoon.naam == "Sanne de Groot"
    assert samen.toestemming.is_geldig()
    assert laden.laad_alles()["samen"] == 1 and Samen.objects.count() == 1
