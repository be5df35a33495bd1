"""Hand-over when someone leaves, and when an organisation's work moves to another.

"Vaak persoonsgebonden" (seed 000 l.372–373) and "veel verloop in het personeel" (000
l.885–888): each tie a leaver carried gets a named successor, and the partner on the other
side hears who it is. A lost tender or a merger (000 l.345–370) moves all ties at once.
"""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.network import actions, overdracht
from samenspel.network.models import Band, Bandsoort, Gebeurtenis, Persoon, Voorval
from samenspel.privacy.models import Actie, Auditregel

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _org(naam, gemeente, sector="formeel", **velden):
    return m.Organization.objects.create(
        name=naam, description="-", sector=sector, gemeente=gemeente, **velden
    )


def _persoon(organisatie, naam, ingestemd=True, **velden):
    velden.setdefault("sinds", VANDAAG - dt.timedelta(days=400))
    persoon = actions.voeg_persoon_toe(
        organisatie, naam, "test", email=f"{naam.split()[0].lower()}@example.org", **velden
    )
    if ingestemd:
        persoon = actions.stem_in(persoon)
    return persoon


@pytest.fixture
def web(gebieden):
    """Fatima of the buurtteam carries two ties to Marieke and one to Hamid; Joost and the
    unnamed Lotte are her colleagues; Bart works elsewhere."""
    utrecht = gebieden["utrecht"]
    team = _org("Buurtteam Overvecht", utrecht, email="buurtteam@example.org")
    hulp = _org("Handjehelpen", utrecht, "informeel")
    nizu = _org("Nizu", utrecht, "informeel")
    ander_team = _org("Wijkteam Noord", utrecht)
    fatima = _persoon(team, "Fatima el Idrissi")
    joost = _persoon(team, "Joost van Dam", bereikbaar="Bel op dinsdag")
    lotte = _persoon(team, "Lotte Geheim", ingestemd=False, functie="buurtteamer")
    marieke = _persoon(hulp, "Marieke Bos")
    hamid = _persoon(nizu, "Hamid Ouali")
    bart = _persoon(ander_team, "Bart Buiten")
    sinds = VANDAAG - dt.timedelta(days=300)
    banden = {
        "verwijzen": actions.leg_band(fatima, marieke, Bandsoort.VERWIJZEN, "test", sinds=sinds),
        "overleg": actions.leg_band(fatima, marieke, Bandsoort.OVERLEG, "test", sinds=sinds),
        "hamid": actions.leg_band(fatima, hamid, Bandsoort.KENNISMAKING, "test", sinds=sinds),
        # Not Fatima's: its partner must hear nothing.
        "los": actions.leg_band(joost, hamid, Bandsoort.SAMENWERKEN, "test", sinds=sinds),
    }
    mail.outbox.clear()
    return {
        "team": team,
        "hulp": hulp,
        "nizu": nizu,
        "ander_team": ander_team,
        "fatima": fatima,
        "joost": joost,
        "lotte": lotte,
        "marieke": marieke,
        "hamid": hamid,
        "bart": bart,
        "banden": banden,
    }


def _regel(web, sleutel):
    return next(
        r for r in overdracht.open_banden([web["fatima"]]) if r.band == web["banden"][sleutel]
    )


def test_de_opvolger_krijgt_de_band_en_de_oude_band_eindigt(web):
    oud = web["banden"]["verwijzen"]
    nieuw = actions.draag_over(oud, web["joost"], "netwerkhouder")
    oud.refresh_from_db()
    assert oud.beeindigd == VANDAAG
    assert {nieuw.van, nieuw.naar} == {web["joost"], web["marieke"]}
    assert nieuw.soort == Bandsoort.VERWIJZEN and nieuw.beeindigd is None
    # The pair is new today; the organisations' contact is as old as the first pair's.
    assert nieuw.sinds == VANDAAG and nieuw.voorganger == oud
    assert nieuw.eerste_sinds() == oud.sinds
    soorten = set(Gebeurtenis.objects.filter(band__in=[oud, nieuw]).values_list("soort", flat=True))
    assert {Voorval.BAND_BEEINDIGD, Voorval.BAND_GELEGD, Voorval.OVERGEDRAGEN} <= soorten


def test_een_opvolger_van_een_andere_organisatie_wordt_geweigerd_met_uitleg(web):
    with pytest.raises(actions.Geweigerd, match="Wijkteam Noord.*Kies een collega"):
        actions.draag_over(web["banden"]["verwijzen"], web["bart"], "netwerkhouder")
    assert Band.objects.get(pk=web["banden"]["verwijzen"].pk).beeindigd is None


def test_een_opvolger_die_al_zo_n_band_heeft_krijgt_geen_tweede(web):
    bestaand = actions.leg_band(web["joost"], web["marieke"], Bandsoort.VERWIJZEN, "test")
    nieuw = actions.draag_over(web["banden"]["verwijzen"], web["joost"], "test")
    assert nieuw == bestaand
    assert Band.objects.filter(soort=Bandsoort.VERWIJZEN, beeindigd__isnull=True).count() == 1


def test_vertrek_draagt_over_en_mailt_alleen_de_partners_van_de_vertrekker(web):
    keuzes = {
        _regel(web, "verwijzen"): web["joost"],
        _regel(web, "overleg"): web["joost"],
        _regel(web, "hamid"): None,
    }
    overdracht.vertrek(web["fatima"], keuzes, "netwerkhouder")
    fatima = Persoon.objects.get(pk=web["fatima"].pk)
    assert fatima.vertrokken == VANDAAG
    # Marieke hears once for both ties; Hamid hears there is no successor yet; Joost's own
    # partner of the untouched tie is Hamid too, so nobody else gets mail.
    aan = sorted(b.to[0] for b in mail.outbox)
    assert aan == ["hamid@example.org", "marieke@example.org"]
    voor_marieke = next(b for b in mail.outbox if b.to == ["marieke@example.org"])
    assert "Fatima el Idrissi werkt niet meer bij Buurtteam Overvecht" in voor_marieke.body
    assert voor_marieke.body.count("Joost van Dam") == 2
    assert "Bel op dinsdag" in voor_marieke.body
    voor_hamid = next(b for b in mail.outbox if b.to == ["hamid@example.org"])
    assert "nog geen opvolger" in voor_hamid.body
    # The tie without a successor stays, at risk.
    assert overdracht.open_banden([fatima]) == [_regel(web, "hamid")]


def test_de_overgedragen_banden_komen_in_een_vast_aantal_vragen(web, django_assert_num_queries):
    keuzes = {_regel(web, "verwijzen"): web["joost"], _regel(web, "overleg"): web["joost"]}
    overdracht.vertrek(web["fatima"], keuzes, "netwerkhouder")
    fatima = Persoon.objects.get(pk=web["fatima"].pk)
    # The ties, and their successors with both ends: not one query per tie.
    with django_assert_num_queries(2):
        lijst = overdracht.overgedragen(fatima)
    assert sorted(o.opvolger.naam for o in lijst) == ["Joost van Dam", "Joost van Dam"]


def test_een_opvolger_die_nog_niet_instemde_staat_in_de_mail_als_rol(web):
    overdracht.vertrek(web["fatima"], {_regel(web, "hamid"): web["lotte"]}, "netwerkhouder")
    bericht = mail.outbox[0]
    assert "Lotte" not in bericht.body
    assert "buurtteamer bij Buurtteam Overvecht" in bericht.body
    assert "buurtteam@example.org" in bericht.body


def test_de_opvolger_van_een_coordinator_erft_de_vrijwilligers(web):
    web["fatima"].vrijwilligers = 24
    web["fatima"].save()
    overdracht.vertrek(web["fatima"], {}, "netwerkhouder", vrijwilligers_naar=web["joost"])
    assert Persoon.objects.get(pk=web["joost"].pk).vrijwilligers == 24
    assert Persoon.objects.get(pk=web["fatima"].pk).vrijwilligers == 0
    assert Gebeurtenis.objects.filter(soort=Voorval.VRIJWILLIGERS_OVER).count() == 2


def test_een_geweigerde_stap_laat_niets_achter(web):
    keuzes = {_regel(web, "verwijzen"): web["joost"], _regel(web, "hamid"): web["bart"]}
    voor = (Band.objects.count(), Gebeurtenis.objects.count())
    with pytest.raises(actions.Geweigerd):
        overdracht.vertrek(web["fatima"], keuzes, "netwerkhouder")
    assert Persoon.objects.get(pk=web["fatima"].pk).vertrokken is None
    assert (Band.objects.count(), Gebeurtenis.objects.count()) == voor
    assert Band.objects.filter(beeindigd__isnull=False).count() == 0
    assert mail.outbox == []


def test_verhuizen_mailt_elke_partner_een_keer_met_al_zijn_banden(web):
    regels = overdracht.open_banden(Persoon.objects.filter(organisatie=web["team"]))
    assert len(regels) == 4
    nieuw = _persoon(web["ander_team"], "Nina Nieuw")
    uitkomst = overdracht.verhuis(
        web["team"], web["ander_team"], dict.fromkeys(regels, nieuw), "netwerkhouder"
    )
    assert all(o.nieuw is not None for o in uitkomst)
    assert sorted(b.to[0] for b in mail.outbox) == ["hamid@example.org", "marieke@example.org"]
    voor_hamid = next(b for b in mail.outbox if b.to == ["hamid@example.org"])
    assert "Het werk van Buurtteam Overvecht gaat over naar Wijkteam Noord" in voor_hamid.subject
    assert "Fatima el Idrissi" in voor_hamid.body and "Joost van Dam" in voor_hamid.body
    assert overdracht.open_banden(Persoon.objects.filter(organisatie=web["team"])) == []
    # The old people did not leave: only their ties moved.
    assert Persoon.objects.filter(organisatie=web["team"], vertrokken__isnull=False).count() == 0


def test_verhuizen_naar_iemand_buiten_de_nieuwe_organisatie_wordt_geweigerd(web):
    regels = overdracht.open_banden([web["fatima"]])
    with pytest.raises(actions.Geweigerd, match="werkt niet bij Wijkteam Noord"):
        overdracht.verhuis(
            web["team"], web["ander_team"], dict.fromkeys(regels, web["joost"]), "test"
        )
    assert Band.objects.filter(beeindigd__isnull=False).count() == 0


# --- the pages ------------------------------------------------------------------------


def _pad(web):
    return reverse("network:vertrek", args=[web["fatima"].pk])


def _velden(web, **keuzes):
    gegevens = {"vertrokken": VANDAAG.isoformat(), "alle": ""}
    for sleutel, persoon in keuzes.items():
        gegevens[f"opvolger_{web['banden'][sleutel].pk}"] = str(persoon.pk) if persoon else ""
    return gegevens


def test_de_vertrekpagina_toont_elke_band_en_schrijft_niets_voor_de_bevestiging(
    client, netwerkhouder, web
):
    client.force_login(netwerkhouder)
    pagina = client.get(_pad(web)).content.decode()
    assert "Marieke Bos" in pagina and "Hamid Ouali" in pagina
    assert "Joost van Dam" in pagina  # a colleague to choose
    assert "Bart Buiten" not in pagina  # not a colleague
    assert Auditregel.objects.filter(actie=Actie.BEKEKEN, record_id=web["fatima"].pk).exists()
    controle = client.post(_pad(web), _velden(web, verwijzen=web["joost"]))
    assert "Klopt dit?" in controle.content.decode()
    assert Persoon.objects.get(pk=web["fatima"].pk).vertrokken is None
    assert mail.outbox == []


def test_bevestigen_verwerkt_alles_en_toont_de_banden_in_gevaar(client, netwerkhouder, web):
    client.force_login(netwerkhouder)
    gegevens = {**_velden(web, verwijzen=web["joost"]), "stap": "bevestig"}
    antwoord = client.post(_pad(web), gegevens, follow=True)
    inhoud = antwoord.content.decode()
    assert "In gevaar: banden zonder opvolger" in inhoud
    assert Persoon.objects.get(pk=web["fatima"].pk).vertrokken == VANDAAG
    assert len(overdracht.open_banden([web["fatima"]])) == 2
    assert sorted(b.to[0] for b in mail.outbox) == ["hamid@example.org", "marieke@example.org"]
    # Later a successor for a tie at risk: only that partner hears again.
    mail.outbox.clear()
    later = {f"opvolger_{web['banden']['hamid'].pk}": str(web["lotte"].pk), "stap": "bevestig"}
    client.post(_pad(web), later)
    assert len(overdracht.open_banden([web["fatima"]])) == 1
    assert [b.to for b in mail.outbox] == [["hamid@example.org"]]


def test_een_fout_formulier_schrijft_niets_en_noemt_het_veld(client, netwerkhouder, web):
    client.force_login(netwerkhouder)
    voor = (Band.objects.count(), Gebeurtenis.objects.count())
    fout = {
        **_velden(web, verwijzen=web["bart"]),
        "vertrokken": "2000-01-01",
        "stap": "bevestig",
    }
    inhoud = client.post(_pad(web), fout).content.decode()
    assert "Controleer wat je hebt ingevuld" in inhoud
    assert "Vertrekt op" in inhoud and "de dag waarop deze persoon begon" in inhoud
    assert "Opvolger voor verwijzen met Marieke Bos" in inhoud
    assert (Band.objects.count(), Gebeurtenis.objects.count()) == voor
    assert Persoon.objects.get(pk=web["fatima"].pk).vertrokken is None
    assert mail.outbox == []


def test_de_pagina_waarschuwt_voor_de_vrijwilligers_van_een_coordinator(client, netwerkhouder, web):
    web["fatima"].vrijwilligers = 24
    web["fatima"].save()
    client.force_login(netwerkhouder)
    assert "24 vrijwilligers hangen aan deze persoon" in client.get(_pad(web)).content.decode()
    gegevens = {**_velden(web), "vrijwilligers_naar": str(web["joost"].pk), "stap": "bevestig"}
    client.post(_pad(web), gegevens)
    assert Persoon.objects.get(pk=web["joost"].pk).vrijwilligers == 24


def test_een_collega_van_een_andere_organisatie_mag_niemand_laten_vertrekken(
    client, professional, web
):
    professional.organisatie = web["hulp"]
    professional.save()
    client.force_login(professional)
    assert client.get(_pad(web)).status_code == 403


def test_de_bulkoverdracht_verplaatst_alles_in_een_stap(client, netwerkhouder, web):
    nieuw = _persoon(web["ander_team"], "Nina Nieuw")
    client.force_login(netwerkhouder)
    pad = reverse("network:overdracht") + f"?van={web['team'].pk}&naar={web['ander_team'].pk}"
    pagina = client.get(pad).content.decode()
    assert "4 banden in gevaar bij Buurtteam Overvecht" in pagina
    controle = client.post(pad, {"alle": str(nieuw.pk)}).content.decode()
    assert "Nina Nieuw neemt 4 banden over" in controle
    assert "2 partners aan de andere kant" in controle
    assert mail.outbox == []
    klaar = client.post(pad, {"alle": str(nieuw.pk), "stap": "bevestig"}, follow=True)
    inhoud = klaar.content.decode()
    assert "4 banden zijn verplaatst van Buurtteam Overvecht naar Wijkteam Noord" in inhoud
    assert len(mail.outbox) == 2
    assert "0 banden in gevaar" in inhoud


def test_de_bulkoverdracht_weigert_twee_gemeenten_en_onbekende_organisaties(
    client, netwerkhouder, web, gebieden, beheerder
):
    rotterdams = _org("Wijkteam West", gebieden["rotterdam"])
    _persoon(rotterdams, "Romy de Wit")
    client.force_login(beheerder)
    pad = reverse("network:overdracht")
    inhoud = client.get(pad, {"van": web["team"].pk, "naar": rotterdams.pk}).content.decode()
    assert "dezelfde gemeente" in inhoud
    assert client.get(pad, {"van": "geen-uuid", "naar": ""}).status_code == 404
    client.force_login(netwerkhouder)
    # Rotterdam is not this netwerkhouder's: to them it is not there.
    assert client.get(pad, {"van": rotterdams.pk}).status_code == 404


@pytest.mark.parametrize("wie", ["anoniem", "netwerkhouder_rotterdam", "prof_rotterdam"])
def test_buitenstaanders_kunnen_niets_overdragen(
    client, web, wie, andere_netwerkhouder, django_user_model, gebieden
):
    from samenspel.accounts.models import Rol

    gebruikers = {
        "anoniem": None,
        "netwerkhouder_rotterdam": andere_netwerkhouder,
        "prof_rotterdam": django_user_model.objects.create_user(
            username="rp",
            password="geheim-wachtwoord-123",
            rol=Rol.PROFESSIONAL,
            organisatie=_org("Wijkteam West", gebieden["rotterdam"]),
        ),
    }
    if gebruikers[wie] is not None:
        client.force_login(gebruikers[wie])
    nieuw = _persoon(web["ander_team"], "Nina Nieuw")
    vertrek = client.post(_pad(web), {**_velden(web, verwijzen=web["joost"]), "stap": "bevestig"})
    pad = reverse("network:overdracht") + f"?van={web['team'].pk}&naar={web['ander_team'].pk}"
    bulk = client.post(pad, {"alle": str(nieuw.pk), "stap": "bevestig"})
    assert vertrek.status_code in (302, 403, 404) and bulk.status_code in (302, 403, 404)
    if wie == "anoniem":
        assert "/inloggen/" in vertrek["Location"] and "/inloggen/" in bulk["Location"]
    assert Band.objects.filter(beeindigd__isnull=False).count() == 0
    assert Persoon.objects.filter(vertrokken__isnull=False).count() == 0
    assert mail.outbox == []


def test_de_demo_toont_een_vertrokken_buurtteamer_met_banden_in_gevaar(db):
    from samenspel.demo import laden
    from samenspel.demo import overdracht as demo_overdracht

    laden.laad_gebieden()
    laden.laad_aanbod()
    laden.web.laad_web()
    assert demo_overdracht.laad_overdracht() == 2
    banden = Band.objects.count()
    assert demo_overdracht.laad_overdracht() == 2
    assert Band.objects.count() == banden
    bram = Persoon.objects.get(naam="Bram Kok")
    assert bram.vertrokken is not None
    assert sorted(b.to[0] for b in mail.outbox) == ["wim@example.org", "yara@example.org"]


def test_vrijwilligers_zonder_opvolger_gaan_later_alsnog_over(client, netwerkhouder, web):
    web["fatima"].vrijwilligers = 24
    web["fatima"].save()
    client.force_login(netwerkhouder)
    client.post(_pad(web), {**_velden(web), "stap": "bevestig"})
    assert Persoon.objects.get(pk=web["fatima"].pk).vrijwilligers == 24
    assert "24 vrijwilligers hangen nog aan deze persoon" in client.get(_pad(web)).content.decode()
    client.post(_pad(web), {"vrijwilligers_naar": str(web["joost"].pk), "stap": "bevestig"})
    assert Persoon.objects.get(pk=web["joost"].pk).vrijwilligers == 24


def test_een_lange_lijst_heeft_paginas_en_een_opvolger_voor_alle_geldt_overal(
    client, netwerkhouder, web, monkeypatch
):
    from samenspel.network import views_overdracht

    monkeypatch.setattr(views_overdracht, "PER_PAGINA", 2)
    nieuw = _persoon(web["ander_team"], "Nina Nieuw")
    client.force_login(netwerkhouder)
    pad = reverse("network:overdracht") + f"?van={web['team'].pk}&naar={web['ander_team'].pk}"
    assert "Pagina 1 van 2" in client.get(pad).content.decode()
    eerste = f"opvolger_{web['banden']['verwijzen'].pk}"
    client.post(pad, {"alle": str(nieuw.pk), eerste: "", "pagina": "1", "stap": "bevestig"})
    assert overdracht.open_banden(Persoon.objects.filter(organisatie=web["team"])) == []
