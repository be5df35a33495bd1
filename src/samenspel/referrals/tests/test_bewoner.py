"""The resident's own link, "Ik wil meedoen", consent, withdrawal and download.

"Vraag hem" (seed 000, lines 609-616): the resident, not the professional, decides what is
shared, with whom, and whether the sender hears back.
"""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.privacy.models import Auditregel, Manier
from samenspel.referrals import links
from samenspel.referrals.models import Bewoner, Gebeurtenis, Kennismaking, Status, Verwijzing

pytestmark = pytest.mark.django_db


def _mijn(v):
    return links.bewoner_pad(v.bewoner_token)


def test_eigen_link_toont_wie_wat_ziet(client, verwijzing):
    html = client.get(_mijn(verwijzing)).content.decode()
    assert "Sanne Visser" in html and "buitenlucht" in html
    assert "Stichting Samen Lopen" in html
    assert "hoort alleen de status." in html
    assert "Mondeling gegeven aan Pim, die het vastlegde." in html
    assert "Beheerders van Samenspel" in html


def test_eigen_link_laat_zien_wie_de_gegevens_bekeek(client, verwijzing):
    client.get(links.antwoord_pad(verwijzing))
    html = client.get(_mijn(verwijzing)).content.decode()
    assert "e-maillink Wandelgroep Overvecht (ontvanger), bekeken" in html


def test_token_wordt_alleen_als_hash_bewaard(verwijzing):
    token = verwijzing.bewoner_token
    assert len(token) >= 43
    bewoner = Bewoner.objects.get()
    assert token not in bewoner.token_hash
    assert not Verwijzing.objects.filter(id__icontains=token[:8]).exists()


def test_onbekende_of_ingekorte_link_geeft_niets_prijs(client, verwijzing):
    for token in ("bestaat-niet", verwijzing.bewoner_token[:-1], "x" * 150):
        antwoord = client.get(reverse("referrals:mijn", args=[token]))
        assert antwoord.status_code == 404
        assert "Deze link werkt niet" in antwoord.content.decode()
        assert "Sanne" not in antwoord.content.decode()


def test_openen_van_eigen_link_wordt_gelogd_als_bewoner(client, verwijzing):
    client.get(_mijn(verwijzing))
    regel = Auditregel.objects.voor(verwijzing).filter(actie="bekeken").get()
    assert (regel.wie, regel.partij, regel.kanaal) == ("bewoner", "bewoner", "bewonerlink")


def test_intrekken_vraagt_eerst_bevestiging(client, verwijzing):
    pad = reverse("referrals:intrekken", args=[verwijzing.bewoner_token, verwijzing.pk])
    html = client.get(pad).content.decode()
    assert "Ja, trek mijn toestemming in" in html
    verwijzing.refresh_from_db()
    assert verwijzing.naam == "Sanne Visser"


def test_intrekken_stopt_delen_en_wist_de_gegevens(client, verwijzing, met_commit):
    with_notitie = {"actie": "antwoord", "keuze": "aannemen", "notitie": "Komt dinsdag"}
    client.post(links.antwoord_pad(verwijzing), with_notitie)
    Kennismaking.objects.create(
        verwijzing=verwijzing,
        wanneer="2099-01-01T10:00Z",
        waar="Bij Sanne thuis",
        voorgesteld_door="verwijzer",
    )
    mail.outbox.clear()
    pad = reverse("referrals:intrekken", args=[verwijzing.bewoner_token, verwijzing.pk])

    antwoord = met_commit(client.post, pad, follow=True)

    html = antwoord.content.decode()
    assert "Je toestemming is ingetrokken" in html
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.CANCELLED
    assert verwijzing.reden_code == "toestemming-ingetrokken"
    assert verwijzing.toestemming.ingetrokken_op is not None
    for veld in ("naam", "contact", "wat_helpt", "notitie", "reden", "contactmanier"):
        assert getattr(verwijzing, veld) == "", veld
    assert not Gebeurtenis.objects.exclude(reden="").exists()
    assert Kennismaking.objects.get().waar == ""
    assert "Sanne" not in html and "Komt dinsdag" not in html
    # The service is told (without a name); the sender hears the status, as she chose.
    naar = {m.to[0]: m for m in mail.outbox}
    assert set(naar) == {"wandel@example.org", "pim@example.org"}
    assert "toestemming ingetrokken" in naar["wandel@example.org"].body
    # The event log stays, anonymous, for the figures.
    assert list(verwijzing.gebeurtenissen.values_list("naar_status", flat=True))[:2] == [
        "requested",
        "requested",
    ]


def test_intrekken_twee_keer_is_geen_probleem(client, verwijzing):
    pad = reverse("referrals:intrekken", args=[verwijzing.bewoner_token, verwijzing.pk])
    client.post(pad)
    tweede = client.get(pad)
    assert "al ingetrokken" in tweede.content.decode()
    assert Gebeurtenis.objects.filter(verwijzing=verwijzing, soort="gewist").count() == 1


def test_ook_na_afronden_wist_intrekken_de_gegevens(client, verwijzing):
    pad = links.antwoord_pad(verwijzing)
    for keuze in ("aannemen", "afgerond"):
        client.post(pad, {"actie": "antwoord", "keuze": keuze})
    client.post(reverse("referrals:intrekken", args=[verwijzing.bewoner_token, verwijzing.pk]))
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.COMPLETED and verwijzing.naam == ""


def test_andermans_verwijzing_intrekken_via_eigen_link_kan_niet(client, verwijzing, verwijs, pim):
    ander, _ = verwijs(pim, verwijzing.service, naam="Kees")
    pad = reverse("referrals:intrekken", args=[verwijzing.bewoner_token, ander.pk])
    assert client.post(pad).status_code == 404
    ander.refresh_from_db()
    assert ander.naam == "Kees"


def test_download_bevat_alles_wat_bewaard_is(client, verwijzing):
    client.get(links.antwoord_pad(verwijzing))
    antwoord = client.get(reverse("referrals:download", args=[verwijzing.bewoner_token]))
    assert antwoord["Content-Disposition"].startswith("attachment")
    inhoud = json.loads(antwoord.content)
    [gegevens] = inhoud["delen"]["verwijzingen"]["gegevens"]
    assert gegevens["naam"] == "Sanne Visser"
    assert gegevens["contact"] == "sanne.visser@example.org"
    assert gegevens["toestemming"]["organisatie"] == "Stichting Samen Lopen"
    assert {r["wat"] for r in gegevens["inzage_log"]} >= {"aangemaakt", "bekeken"}
    assert Auditregel.objects.voor(verwijzing).filter(actie="gedownload").exists()


def test_bewoner_verandert_terugkoppeling_en_verwijzer_hoort_niets_meer(client, verwijzing, pim):
    client.post(
        reverse("referrals:terugkoppeling", args=[verwijzing.bewoner_token, verwijzing.pk]),
        {"terugkoppeling": "niets"},
    )
    verwijzing.refresh_from_db()
    assert verwijzing.terugkoppeling == "niets"
    client.force_login(pim)
    html = client.get(reverse("referrals:detail", args=[verwijzing.pk])).content.decode()
    assert "De bewoner wil niet dat je hoort hoe het verder gaat" in html
    assert "Wacht op antwoord" not in html


def test_bewoner_geeft_online_toestemming_via_eigen_link(
    client, verwijs, pim, wandelgroep, django_capture_on_commit_callbacks
):
    v, token = verwijs(pim, wandelgroep, toestemming=Manier.ONLINE)
    html = client.get(links.bewoner_pad(token)).content.decode()
    assert "wil je aanmelden bij Wandelgroep Overvecht. Is dat goed?" in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("referrals:toestemming", args=[token, v.pk]),
            {"antwoord": "ja", "terugkoppeling": "status_en_notitie"},
        )
    v.refresh_from_db()
    assert v.status == Status.REQUESTED
    assert v.terugkoppeling == "status_en_notitie"
    assert v.toestemming.manier == Manier.ONLINE and v.toestemming.gegeven_op
    naar = {m.to[0]: m for m in mail.outbox}
    assert set(naar) == {"wandel@example.org", "pim@example.org"}
    # She allowed the sender to hear the status, so he hears it went out.
    assert naar["pim@example.org"].subject == "Wandelgroep Overvecht: wacht op antwoord"


def test_toestemming_via_get_verandert_niets(client, verwijs, pim, wandelgroep):
    v, token = verwijs(pim, wandelgroep, toestemming=Manier.ONLINE)
    assert client.get(reverse("referrals:toestemming", args=[token, v.pk])).status_code == 405
    v.refresh_from_db()
    assert v.status == Status.DRAFT


# --- Ik wil meedoen -----------------------------------------------------------------------


def _meedoen(**over):
    return {
        "naam": "Bo",
        "contactmanier": "email",
        "contact": "bo@example.org",
        "wat_helpt": "Ik wandel graag.",
        "toestemming": "on",
        **over,
    }


def test_bewoner_meldt_zich_zelf_aan_en_krijgt_eigen_link(
    client, wandelgroep, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            reverse("referrals:meedoen", args=[wandelgroep.pk]), _meedoen(), follow=True
        )
    html = antwoord.content.decode()
    assert "Je aanmelding is verstuurd" in html
    link = re.search(r'href="(http://testserver/mijn/[^"]+)"', html).group(1)
    v = Verwijzing.objects.get()
    assert (v.herkomst, v.status, v.afzender) == ("bewoner", Status.REQUESTED, None)
    assert v.toestemming.manier == Manier.ONLINE
    assert sorted(m.to[0] for m in mail.outbox) == ["bo@example.org", "wandel@example.org"]
    assert "Bo" in client.get(link).content.decode()


def test_meedoen_zonder_toestemming_deelt_niets(client, wandelgroep):
    antwoord = client.post(
        reverse("referrals:meedoen", args=[wandelgroep.pk]), _meedoen(toestemming="")
    )
    assert "Zonder je toestemming kunnen we niets doorgeven" in antwoord.content.decode()
    assert not Verwijzing.objects.exists() and not mail.outbox


def test_meedoen_met_fout_telefoonnummer_geeft_duidelijke_melding(client, wandelgroep):
    antwoord = client.post(
        reverse("referrals:meedoen", args=[wandelgroep.pk]),
        _meedoen(contactmanier="telefoon", contact="12"),
    )
    assert "Vul een Nederlands telefoonnummer in" in antwoord.content.decode()
    assert not Verwijzing.objects.exists()


def test_meedoen_kan_niet_bij_aanbod_zonder_aanmeldroute(client, maak_aanbod):
    inloop = maak_aanbod(naam="Inloop", route="informatie")
    assert client.get(reverse("referrals:meedoen", args=[inloop.pk])).status_code == 404


def test_meedoen_kan_niet_bij_aanbod_alleen_voor_professionals(client, maak_aanbod):
    consult = maak_aanbod(naam="Consult", route="aanmelden", zichtbaarheid="professionals")
    assert client.get(reverse("referrals:meedoen", args=[consult.pk])).status_code == 404


def test_meedoen_is_begrensd_per_uur(client, wandelgroep):
    pad = reverse("referrals:meedoen", args=[wandelgroep.pk])
    for _ in range(6):
        antwoord = client.post(pad, _meedoen(), follow=True)
    assert "Probeer het over een uur" in antwoord.content.decode()
    assert Verwijzing.objects.count() == 5


def _meedoen_via_proxy(client, pad, bezoeker):
    return client.post(
        pad, _meedoen(), follow=True, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=bezoeker
    )


@pytest.mark.parametrize("cache", ["geheugen", "redis"])
def test_meedoen_telt_per_bezoeker_niet_per_proxy(client, wandelgroep, settings, cache, request):
    if cache == "redis":
        request.getfixturevalue("redis_cache")
    settings.SAMENSPEL["VERTROUWDE_PROXIES"] = ["10.0.0.5"]
    pad = reverse("referrals:meedoen", args=[wandelgroep.pk])
    for _ in range(5):
        _meedoen_via_proxy(client, pad, "203.0.113.66")
    te_veel = _meedoen_via_proxy(client, pad, "203.0.113.66")
    assert "Probeer het over een uur" in te_veel.content.decode()
    ander = _meedoen_via_proxy(client, pad, "198.51.100.7")
    assert "Je aanmelding is verstuurd" in ander.content.decode()
    assert Verwijzing.objects.count() == 6
