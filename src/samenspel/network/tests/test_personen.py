"""The people of the web: consent, the person's own entry, stepping out, erasure, audit on read."""

import datetime as dt
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Rol
from samenspel.directory import models as m
from samenspel.network import actions, links
from samenspel.network.models import Band, Bandsoort, Gebeurtenis, Persoon, Verbinderrol
from samenspel.privacy import bewaartermijn
from samenspel.privacy.models import Actie, Auditregel

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+")


@pytest.fixture
def team(gebieden):
    return m.Organization.objects.create(
        name="Buurtteam Overvecht", description="-", sector="formeel", gemeente=gebieden["utrecht"]
    )


@pytest.fixture
def handjehelpen(gebieden):
    return m.Organization.objects.create(
        name="Handjehelpen", description="-", sector="informeel", gemeente=gebieden["utrecht"]
    )


@pytest.fixture
def nh(client, netwerkhouder):
    client.force_login(netwerkhouder)
    return client


def voeg_toe(client, organisatie, **velden):
    gegevens = {
        "naam": "Marieke Bos",
        "functie": "",
        "verbinderrol": Verbinderrol.VRIJWILLIGERSCOORDINATOR,
        "bereikbaar": "bel op dinsdag",
        "email": "marieke@example.org",
        "wijk": "",
        "vrijwilligers": "24",
        **velden,
    }
    return client.post(reverse("network:persoon_nieuw", args=[organisatie.pk]), gegevens)


def link_in_mail(adres: str) -> str:
    [bericht] = [b for b in mail.outbox if adres in b.to]
    [url] = [u for u in LINK.findall(bericht.body) if "/web/ik/" in u]
    return "/" + url.split("/", 3)[3]


def persoon(naam="Marieke Bos") -> Persoon:
    return Persoon.objects.get(naam=naam)


def test_een_nieuwe_persoon_krijgt_een_link_en_partners_zien_tot_ja_alleen_de_rol(nh, handjehelpen):
    antwoord = voeg_toe(nh, handjehelpen)
    assert antwoord.status_code == 302
    pad = link_in_mail("marieke@example.org")
    pagina = nh.get(reverse("network:organisatie", args=[handjehelpen.pk])).content.decode()
    assert "Marieke" not in pagina and "bel op dinsdag" not in pagina
    assert "Vrijwilligerscoördinator" in pagina

    # A GET (a mail scanner) changes nothing; the page says what partners will see.
    uitleg = nh.get(pad).content.decode()
    assert "Ja, ik doe mee" in uitleg and "bel op dinsdag" in uitleg
    assert not persoon().ingestemd

    antwoord = nh.post(pad, {"keuze": "ja"})
    assert antwoord.status_code == 302 and "/web/ik/" in antwoord["Location"]
    assert persoon().ingestemd
    pagina = nh.get(reverse("network:organisatie", args=[handjehelpen.pk])).content.decode()
    assert "Marieke Bos" in pagina and "bel op dinsdag" in pagina
    soorten = set(Gebeurtenis.objects.filter(persoon=persoon()).values_list("soort", flat=True))
    assert {"persoon_toegevoegd", "link_verstuurd", "ingestemd"} <= soorten


def test_wie_nee_zegt_wordt_meteen_gewist_en_blijft_alleen_een_rol(nh, handjehelpen):
    voeg_toe(nh, handjehelpen)
    pad = link_in_mail("marieke@example.org")
    antwoord = nh.post(pad, {"keuze": "nee"})
    assert "Je naam staat niet in het web" in antwoord.content.decode()
    p = Persoon.objects.get(organisatie=handjehelpen)
    assert p.gewist and p.naam == "" and p.email == "" and p.bereikbaar == ""
    assert Auditregel.objects.voor(p).filter(actie=Actie.GEWIST).exists()
    assert not Gebeurtenis.objects.filter(door="Marieke Bos").exists()
    pagina = nh.get(reverse("network:organisatie", args=[handjehelpen.pk])).content.decode()
    assert "Vrijwilligerscoördinator" in pagina
    # The link no longer leads anywhere.
    assert nh.get(pad).status_code == 404


def test_het_formulier_noemt_het_veld_dat_ontbreekt(nh, handjehelpen):
    antwoord = voeg_toe(nh, handjehelpen, naam="", email="geen-adres", vrijwilligers="veel")
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Vul een naam in." in inhoud
    assert "Dit is geen e-mailadres" in inhoud
    assert "Vul een getal in" in inhoud
    assert not Persoon.objects.exists() and not mail.outbox


def test_de_persoon_verbetert_de_eigen_gegevens_en_een_nieuw_adres_krijgt_een_nieuwe_link(
    client, handjehelpen
):
    p = actions.voeg_toe_en_vraag_instemming(
        handjehelpen, "Marieke Bos", "test", email="marieke@example.org"
    )
    actions.stem_in(p)
    oud = links.pad(p, links.MIJN_GEGEVENS)
    assert "Marieke Bos" in client.get(oud).content.decode()
    antwoord = client.post(
        oud,
        {
            "actie": "opslaan",
            "naam": "Marieke Bos-de Wit",
            "functie": "coördinator",
            "bereikbaar": "app op maandag",
            "email": "mbos@example.org",
        },
    )
    assert antwoord.status_code == 302
    p.refresh_from_db()
    assert (p.naam, p.functie, p.bereikbaar, p.email) == (
        "Marieke Bos-de Wit",
        "coördinator",
        "app op maandag",
        "mbos@example.org",
    )
    assert client.get(antwoord["Location"]).status_code == 200
    assert client.get(oud).status_code == 404  # sent to the old address
    assert link_in_mail("mbos@example.org").startswith(f"/web/ik/{p.pk}/")
    assert Auditregel.objects.voor(p).filter(actie=Actie.GEWIJZIGD, wie="de persoon zelf").exists()


def test_een_lege_naam_bij_verbeteren_geeft_een_fout_bij_het_veld(client, handjehelpen):
    p = actions.voeg_persoon_toe(handjehelpen, "Marieke Bos", "test", email="m@example.org")
    antwoord = client.post(
        links.pad(p, links.MIJN_GEGEVENS), {"actie": "opslaan", "naam": " ", "email": ""}
    )
    inhoud = antwoord.content.decode()
    assert 'href="#id_naam"' in inhoud and 'href="#id_email"' in inhoud
    assert persoon().email == "m@example.org"


@pytest.fixture
def brug(team, handjehelpen):
    """Fatima of the team and Marieke of Handjehelpen carry a tie; both agreed."""
    fatima = actions.voeg_persoon_toe(team, "Fatima el Idrissi", "test", email="f@example.org")
    marieke = actions.voeg_persoon_toe(
        handjehelpen,
        "Marieke Bos",
        "test",
        email="marieke@example.org",
        verbinderrol=Verbinderrol.VRIJWILLIGERSCOORDINATOR,
        vrijwilligers=24,
    )
    actions.stem_in(fatima)
    actions.stem_in(marieke)
    band = actions.leg_band(fatima, marieke, Bandsoort.SAMENWERKEN, "test")
    return {"fatima": fatima, "marieke": marieke, "band": band}


def test_uit_het_web_stappen_vraagt_eerst_bevestiging(client, nh, brug, team):
    pad = links.pad(brug["marieke"], links.MIJN_GEGEVENS)
    bevestig = client.post(pad, {"actie": "uitstappen"})
    assert "Weet je het zeker?" in bevestig.content.decode()
    assert persoon().ingestemd  # nothing happened yet

    klaar = client.post(pad, {"actie": "uitstappen_bevestigd"})
    assert "Je staat niet meer in het web" in klaar.content.decode()
    p = persoon()
    assert not p.ingestemd and p.uitgestapt_op and p.vertrokken == timezone.localdate()
    pagina = nh.get(reverse("network:organisatie", args=[team.pk])).content.decode()
    assert "Marieke" not in pagina
    assert "vrijwilligerscoördinator bij handjehelpen" in pagina.lower()
    # The link shows only that they stepped out.
    assert "Marieke" not in client.get(pad).content.decode()
    assert Auditregel.objects.voor(p).filter(actie=Actie.TOESTEMMING_INGETROKKEN).exists()


def test_wie_vertrok_wordt_na_de_bewaartermijn_gewist_en_de_band_blijft_via_de_rol(
    nh, brug, team, settings
):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "WEB_BEWAAR_MAANDEN": 6}
    marieke = brug["marieke"]
    Persoon.objects.filter(pk=marieke.pk).update(sinds=dt.date(2020, 1, 1))
    actions.markeer_vertrokken(persoon(), "test", op=dt.date(2026, 1, 10))

    assert bewaartermijn.pas_toe(vandaag=dt.date(2026, 7, 9))["web"] == 0
    assert not Persoon.objects.get(pk=marieke.pk).gewist

    assert bewaartermijn.pas_toe(vandaag=dt.date(2026, 7, 11))["web"] == 1
    p = Persoon.objects.get(pk=marieke.pk)
    assert p.gewist and (p.naam, p.email, p.bereikbaar, p.functie) == ("", "", "", "")
    assert p.verbinderrol == Verbinderrol.VRIJWILLIGERSCOORDINATOR
    assert Band.objects.filter(pk=brug["band"].pk).exists()
    assert Auditregel.objects.voor(p).filter(actie=Actie.GEWIST).count() == 1
    assert not Gebeurtenis.objects.filter(door="Marieke Bos").exists()
    pagina = nh.get(reverse("network:organisatie", args=[team.pk])).content.decode()
    assert "via vrijwilligerscoördinator bij handjehelpen" in pagina.lower()
    # Running again erases nothing twice.
    assert bewaartermijn.pas_toe(vandaag=dt.date(2026, 8, 1))["web"] == 0


def test_een_uitgestapte_persoon_wordt_na_de_bewaartermijn_gewist(brug):
    actions.stap_uit(brug["marieke"])
    later = timezone.localdate() + dt.timedelta(days=400)
    assert bewaartermijn.pas_toe(vandaag=later)["web"] == 1
    assert Persoon.objects.get(pk=brug["marieke"].pk).gewist


def test_een_partner_die_een_persoon_bekijkt_staat_in_het_inzagelog(nh, brug, netwerkhouder):
    antwoord = nh.get(reverse("network:persoon", args=[brug["marieke"].pk]))
    inhoud = antwoord.content.decode()
    assert "Marieke Bos" in inhoud and "marieke@example.org" in inhoud
    assert "Staat voor 24 vrijwilligers." in inhoud
    assert "Fatima el Idrissi" in inhoud  # the tie
    regel = Auditregel.objects.voor(brug["marieke"]).get(actie=Actie.BEKEKEN)
    assert regel.wie == netwerkhouder.get_username()


def test_wie_de_eigen_gegevens_bekijkt_staat_niet_in_het_inzagelog(
    client, brug, django_user_model, handjehelpen
):
    zelf = django_user_model.objects.create_user(
        username="marieke",
        email="Marieke@example.org",
        password="geheim-wachtwoord-123",
        rol=Rol.INITIATIEFNEMER,
        organisatie=handjehelpen,
    )
    client.force_login(zelf)
    assert client.get(reverse("network:persoon", args=[brug["marieke"].pk])).status_code == 200
    assert not Auditregel.objects.voor(brug["marieke"]).filter(actie=Actie.BEKEKEN).exists()


def test_een_analist_en_een_bewoner_zien_geen_mensen(client, analist, brug, team, gebieden):
    analist.gebieden.add(gebieden["overvecht"])
    org = reverse("network:organisatie", args=[team.pk])
    wie = reverse("network:persoon", args=[brug["fatima"].pk])
    assert client.get(org).status_code == 302 and "/inloggen/" in client.get(org)["Location"]
    assert client.get(wie).status_code == 302
    client.force_login(analist)
    assert client.get(org).status_code == 403
    assert client.get(wie).status_code == 404
    assert not Auditregel.objects.filter(actie=Actie.BEKEKEN).exists()
    assert client.get("/web/persoon/geen-uuid/").status_code == 404


def test_een_partner_zonder_beheer_ziet_mensen_maar_voegt_niemand_toe(
    client, brug, professional, handjehelpen, team
):
    professional.organisatie = team
    professional.save()
    client.force_login(professional)
    pagina = client.get(reverse("network:organisatie", args=[handjehelpen.pk])).content.decode()
    assert "Marieke Bos" in pagina
    assert reverse("network:persoon_nieuw", args=[handjehelpen.pk]) not in pagina
    assert voeg_toe(client, handjehelpen).status_code == 403
    assert client.get(reverse("network:band_nieuw", args=[handjehelpen.pk])).status_code == 403


def test_een_band_kiest_alleen_mensen_uit_dezelfde_gemeente(nh, brug, team, gebieden):
    rotterdams = m.Organization.objects.create(
        name="Wijkteam West", description="-", sector="formeel", gemeente=gebieden["rotterdam"]
    )
    ver_weg = actions.voeg_persoon_toe(rotterdams, "Ruud Rotterdam", "test", email="r@example.org")
    actions.stem_in(ver_weg)
    pad = reverse("network:band_nieuw", args=[team.pk])
    formulier = nh.get(pad).content.decode()
    assert "Marieke Bos (Handjehelpen)" in formulier and "Ruud" not in formulier

    antwoord = nh.post(
        pad,
        {"van": brug["fatima"].pk, "naar": ver_weg.pk, "soort": "overleg", "sinds": "2026-01-01"},
    )
    assert antwoord.status_code == 200 and "id_naar_error" in antwoord.content.decode()
    antwoord = nh.post(
        pad,
        {
            "van": brug["fatima"].pk,
            "naar": brug["marieke"].pk,
            "soort": "overleg",
            "sinds": "2026-01-01",
        },
    )
    assert antwoord.status_code == 302
    assert Band.objects.filter(soort="overleg").count() == 1
    # The same tie twice is refused with a clear message, not a 500.
    antwoord = nh.post(
        pad,
        {
            "van": brug["fatima"].pk,
            "naar": brug["marieke"].pk,
            "soort": "overleg",
            "sinds": "2026-01-01",
        },
    )
    assert "Deze band bestaat al." in antwoord.content.decode()


def test_noteer_contact_zet_de_datum_van_vandaag(nh, brug, team, handjehelpen):
    terug = reverse("network:organisatie", args=[team.pk])
    antwoord = nh.post(reverse("network:contact", args=[brug["band"].pk]), {"terug": terug})
    assert antwoord.status_code == 302 and antwoord["Location"] == terug
    brug["band"].refresh_from_db()
    assert brug["band"].laatste_contact == timezone.localdate()
    assert nh.get(reverse("network:contact", args=[brug["band"].pk])).status_code == 405
    antwoord = nh.post(
        reverse("network:contact", args=[brug["band"].pk]), {"terug": "https://elders.example"}
    )
    # Not to another site: to one of the two organisations of the tie.
    assert antwoord["Location"] in (terug, reverse("network:organisatie", args=[handjehelpen.pk]))


def test_een_verlopen_link_zegt_dat_en_toont_niets(client, brug, settings):
    pad = links.pad(brug["marieke"], links.MIJN_GEGEVENS)
    settings.SAMENSPEL = {**settings.SAMENSPEL, "WEB_LINK_DAGEN": 0}
    time.sleep(1.1)
    antwoord = client.get(pad)
    assert antwoord.status_code == 410
    assert "verlopen" in antwoord.content.decode() and "Marieke" not in antwoord.content.decode()
    assert not mail.outbox  # opening it (a mail scanner) sends nothing

    # The button sends a new link to the address the old one went to, once an hour at most.
    antwoord = client.post(pad, {"actie": "nieuwe_link"})
    assert "Kijk in je e-mail" in antwoord.content.decode()
    settings.SAMENSPEL = {**settings.SAMENSPEL, "WEB_LINK_DAGEN": 30}
    nieuw = link_in_mail("marieke@example.org")
    assert "Marieke Bos" in client.get(nieuw).content.decode()
    settings.SAMENSPEL = {**settings.SAMENSPEL, "WEB_LINK_DAGEN": 0}
    time.sleep(1.1)
    assert "al een link" in client.post(pad, {"actie": "nieuwe_link"}).content.decode()
    assert len(mail.outbox) == 1


def test_een_verlopen_link_van_iemand_anders_geeft_404(client, brug, settings):
    pad = reverse(
        "network:mijn_gegevens",
        args=[brug["fatima"].pk, links.maak_token(brug["marieke"], links.MIJN_GEGEVENS)],
    )
    settings.SAMENSPEL = {**settings.SAMENSPEL, "WEB_LINK_DAGEN": 0}
    time.sleep(1.1)
    assert client.get(pad).status_code == 404
    assert client.post(pad, {"actie": "nieuwe_link"}).status_code == 404
    assert not mail.outbox


def test_lege_organisatie_zegt_dat_er_nog_niemand_is(nh, team):
    inhoud = nh.get(reverse("network:organisatie", args=[team.pk])).content.decode()
    assert "Er staan nog geen contactpersonen" in inhoud
    assert "nog geen banden" in inhoud
    band = nh.get(reverse("network:band_nieuw", args=[team.pk])).content.decode()
    assert "Voeg eerst een persoon toe" in band


def test_de_beheerder_leest_het_web_in_de_admin_en_dat_staat_in_het_inzagelog(
    client, beheerder, brug
):
    client.force_login(beheerder)
    assert client.get("/beheer/admin/network/persoon/").status_code == 200
    assert client.get("/beheer/admin/network/band/").status_code == 200
    pad = f"/beheer/admin/network/persoon/{brug['marieke'].pk}/change/"
    assert client.get(pad).status_code == 200
    assert Auditregel.objects.voor(brug["marieke"]).filter(actie=Actie.BEKEKEN).exists()
    # Nothing is changed or removed there: that goes through the web's own steps.
    assert client.post(pad, {"naam": "Iemand anders"}).status_code == 403
    assert client.get("/beheer/admin/network/persoon/add/").status_code == 403


def test_de_netwerkhouder_stuurt_de_link_opnieuw_maar_niet_twee_keer_per_uur(nh, handjehelpen):
    voeg_toe(nh, handjehelpen)
    p = persoon()
    pad = reverse("network:instemlink", args=[p.pk])
    assert (
        "Stuur de link opnieuw" in nh.get(reverse("network:persoon", args=[p.pk])).content.decode()
    )
    antwoord = nh.post(pad, follow=True)
    assert "al een link" in antwoord.content.decode()
    assert len(mail.outbox) == 1
    Gebeurtenis.objects.filter(persoon=p).update(wanneer=timezone.now() - dt.timedelta(hours=2))
    antwoord = nh.post(pad, follow=True)
    assert "We hebben de link opnieuw gestuurd." in antwoord.content.decode()
    assert len(mail.outbox) == 2


def test_de_link_naar_het_web_staat_er_alleen_voor_partners(rf, netwerkhouder, analist, team):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    sjabloon = Template("{% load web_personen %}{% web_personen_link organisatie %}")
    pad = reverse("network:organisatie", args=[team.pk])
    for gebruiker, zichtbaar in ((netwerkhouder, True), (analist, False), (AnonymousUser(), False)):
        html = sjabloon.render(Context({"user": gebruiker, "organisatie": team}))
        assert (pad in html) is zichtbaar, gebruiker
