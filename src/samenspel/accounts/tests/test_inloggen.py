import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
INLOGGEN = reverse("accounts:inloggen")


def _probeer(client, wachtwoord):
    return client.post(INLOGGEN, {"username": "professional", "password": wachtwoord})


def test_inloggen_met_juist_wachtwoord(client, professional):
    antwoord = _probeer(client, "geheim-wachtwoord-123")
    assert antwoord.status_code == 302
    assert client.session.get("_auth_user_id") == str(professional.pk)


def test_na_vijf_foute_pogingen_geblokkeerd_ook_met_juist_wachtwoord(client, professional):
    for _ in range(5):
        assert _probeer(client, "fout").status_code == 200
    antwoord = _probeer(client, "geheim-wachtwoord-123")
    assert antwoord.status_code == 200
    assert "Te vaak een verkeerd wachtwoord" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_foute_inlog_noemt_niet_welk_deel_fout_is(client, professional):
    tekst = _probeer(client, "fout").content.decode()
    assert "combinatie van gebruikersnaam en wachtwoord" in tekst


def test_beheer_admin_alleen_voor_beheerders(client, netwerkhouder, beheerder):
    netwerkhouder.is_staff = True
    netwerkhouder.save()
    client.force_login(netwerkhouder)
    assert client.get("/beheer/admin/").status_code == 302
    client.force_login(beheerder)
    assert client.get("/beheer/admin/").status_code == 200


def test_rollen_bepalen_wie_professioneel_aanbod_ziet(
    professional, initiatiefnemer, netwerkhouder, analist
):
    assert professional.is_professional
    assert netwerkhouder.is_professional
    assert analist.is_professional
    assert not initiatiefnemer.is_professional


def test_netwerkhouder_beoordeelt_alleen_eigen_gebied(netwerkhouder, gebieden):
    assert netwerkhouder.beoordeelt(gebieden["zambesidreef"])
    assert not netwerkhouder.beoordeelt(gebieden["middelland_noord"])


# --- where each role lands ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "startpagina"),
    [
        ("professional", "referrals:inbox"),
        ("initiatiefnemer", "referrals:inbox"),
        ("netwerkhouder", "directory:wachtrij"),
        ("beheerder", "directory:wachtrij"),
        ("analist", "referrals:cijfers"),
    ],
)
def test_na_inloggen_landt_elke_rol_bij_zijn_werk(client, persona, startpagina, request):
    request.getfixturevalue(persona)
    antwoord = client.post(
        INLOGGEN, {"username": persona, "password": "geheim-wachtwoord-123"}, follow=True
    )
    assert antwoord.redirect_chain[-1] == (reverse(startpagina), 302)
    assert antwoord.status_code == 200  # the role may actually open its landing page


def test_veilige_next_gaat_voor_de_startpagina(client, professional):
    antwoord = client.post(
        INLOGGEN,
        {"username": "professional", "password": "geheim-wachtwoord-123", "next": "/zoeken/"},
    )
    assert antwoord["Location"] == "/zoeken/"


def test_next_naar_een_andere_site_wordt_genegeerd(client, professional):
    antwoord = client.post(
        INLOGGEN,
        {
            "username": "professional",
            "password": "geheim-wachtwoord-123",
            "next": "https://kwaadwillend.example.org/",
        },
    )
    assert antwoord["Location"] == reverse("referrals:inbox")


def test_wie_al_is_ingelogd_gaat_van_de_inlogpagina_naar_zijn_werk(client, netwerkhouder):
    client.force_login(netwerkhouder)
    antwoord = client.get(INLOGGEN)
    assert antwoord["Location"] == reverse("directory:wachtrij")


def test_uitloggen_zegt_dat_je_bent_uitgelogd(client, professional):
    client.force_login(professional)
    antwoord = client.post(reverse("accounts:uitloggen"), follow=True)
    tekst = antwoord.content.decode()
    assert "Je bent uitgelogd." in tekst
    assert "_auth_user_id" not in client.session
    assert "Uitloggen" not in tekst  # the header no longer offers it
