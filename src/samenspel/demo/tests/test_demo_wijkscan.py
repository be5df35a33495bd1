import pytest
from django.urls import reverse

from samenspel.accounts.models import Gebruiker
from samenspel.demo import laden
from samenspel.signals import models as s
from samenspel.wijkscan import models as w
from samenspel.wijkscan.actions import instelling_van

pytestmark = pytest.mark.django_db

NIEUW = (
    w.Oordeelronde,
    w.Uitnodiging,
    w.Oordeel,
    w.Actie,
    w.Wijkkennis,
    w.Stand,
    w.Gebeurtenis,
    s.RegionaleRoute,
    s.Routeregel,
    s.Zorgmelding,
    s.Buurtsignaal,
    s.Agendapunt,
    s.Gebeurtenis,
)


@pytest.fixture
def demo(db):
    return laden.laad_alles()


def _tellingen():
    return {M.__name__ + M.__module__: M.objects.count() for M in NIEUW}


def test_demo_twee_keer_laden_geeft_dezelfde_wijkscan_en_signalen(demo):
    voor = _tellingen()
    assert all(voor.values()), voor
    laden.laad_alles()
    assert _tellingen() == voor


def test_netwerkhouder_ziet_een_gesloten_ronde_voor_overvecht_met_elke_bouwsteen(demo, client):
    ronde = w.Oordeelronde.objects.get(wijk__code="WK034403")
    assert not ronde.open
    assert ronde.uitnodigingen.filter(beantwoord_op__isnull=False).count() == 4
    bouwstenen = w.Oordeel.objects.filter(uitnodiging__ronde=ronde).values("bouwsteen").distinct()
    assert len(ronde.samenvatting) == bouwstenen.count() == 7
    client.force_login(Gebruiker.objects.get(username="netwerkhouder"))
    rondes = client.get(reverse("wijkscan:oordeel_rondes", args=["GM0344"]))
    assert rondes.status_code == 200
    assert "Overvecht" in rondes.content.decode()
    pagina = client.get(reverse("wijkscan:oordeel_ronde", args=["GM0344", ronde.pk]))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Buurtteam Overvecht" in tekst
    assert "bewoner Zambesidreef" in tekst


def test_analist_ziet_drie_acties_met_eigenaar_en_status(demo, client):
    client.force_login(Gebruiker.objects.get(username="analist"))
    pagina = client.get(reverse("wijkscan:acties", args=["GM0344"]))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "avond- en weekendbereikbaarheid" in tekst
    assert "Enik Recovery College Overvecht" in tekst
    statussen = set(
        w.Actie.objects.filter(gemeente__code="GM0344").values_list("status", flat=True)
    )
    assert statussen == {"open", "bezig", "klaar"}


def test_demo_matrix_is_niet_openbaar_en_de_trend_heeft_een_stand(demo, client):
    gemeente = w.Stand.objects.first().gemeente
    assert not instelling_van(gemeente).matrix_openbaar
    assert client.get(reverse("wijkscan:matrix", args=["GM0344"])).status_code in (302, 403)


def test_zorg_in_overvecht_gaat_naar_het_buurtteam_en_is_opgepakt(demo):
    melding = s.Zorgmelding.objects.get(gemeente__code="GM0344")
    assert melding.team.name == "Buurtteam Overvecht"
    assert melding.status == s.Zorgstatus.OPGEPAKT
    assert s.Agendapunt.objects.get().openbaar


def test_in_de_demo_telt_vroegsignalering_in_overvecht_de_buurtsignalen(demo, client):
    client.force_login(Gebruiker.objects.get(username="analist"))
    pagina = client.get(reverse("wijkscan:matrix_wijk", args=["GM0344", "WK034403"]))
    assert pagina.status_code == 200
    assert "3 buurtsignalen in het laatste jaar" in pagina.content.decode()
