"""The printed wijkwijzer for waiting rooms ("posters in de wachtkamer", seed 000 l.860–862)."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.directory import models as m

pytestmark = pytest.mark.django_db

LANG = (
    "Elke week samen wandelen door het park. We lopen een uur in een rustig tempo, met een "
    "pauze halverwege bij het bankje aan de vijver. Na afloop is er koffie in het buurthuis, "
    "waar je nog even na kunt praten met de anderen uit de groep. Iedereen is welkom, ook "
    "wie slecht ter been is: we wachten op elkaar."
)


def _wijkwijzer(client) -> str:
    return client.get(reverse("wegwijzer:wijkwijzer", args=["WK034403"])).content.decode()


def _met_adres_en_telefoon(service, nummer="030 000 0001"):
    locatie = service.service_at_locations.get().location
    m.Address.objects.create(
        location=locatie, address_1="Zambesidreef 12", postal_code="3561 AB", city="Utrecht"
    )
    m.Phone.objects.create(service=service, number=nummer)
    return service


def test_aanbod_met_drie_bouwstenen_staat_er_een_keer_op_met_drie_labels(client, maak_aanbod):
    maak_aanbod(
        naam="Huiskamer Overvecht",
        bouwstenen=("preventie", "zinvolle-daginvulling", "sociale-contacten-en-ontmoeting"),
    )
    pagina = _wijkwijzer(client)
    assert pagina.count('class="papier-aanbod__naam"') == 1
    assert pagina.count("Huiskamer Overvecht</h2>") == 1
    for label in ("Preventie", "Zinvolle daginvulling", "Sociale contacten en ontmoeting"):
        assert f'<li class="label">{label}</li>' in pagina


def test_wijkwijzer_drukt_de_hele_omschrijving_af_zonder_puntjes(client, maak_aanbod):
    maak_aanbod(omschrijving=LANG)
    pagina = _wijkwijzer(client)
    assert "we wachten op elkaar." in pagina
    assert "…" not in pagina


def test_korte_tekst_voor_op_papier_staat_in_plaats_van_de_lange(client, maak_aanbod):
    maak_aanbod(omschrijving=LANG, korte_tekst="Wekelijks wandelen, daarna koffie.")
    pagina = _wijkwijzer(client)
    assert "Wekelijks wandelen, daarna koffie." in pagina
    assert "bankje aan de vijver" not in pagina


def test_wijkwijzer_toont_volledig_adres_telefoon_tijden_en_qr_naar_het_aanbod(client, maak_aanbod):
    service = _met_adres_en_telefoon(maak_aanbod(naam="Wandelgroep"))
    pagina = _wijkwijzer(client)
    assert "Zambesidreef 12, 3561 AB Utrecht" in pagina
    assert "030 000 0001" in pagina
    assert "di 10:00–12:00" in pagina
    link = f"http://testserver/aanbod/{service.pk}/"
    assert pagina.count('<svg role="img"') == 1
    assert f'<figcaption class="qr__adres">{link}</figcaption>' in pagina


def test_wijkwijzer_noemt_het_adres_van_de_site(client, maak_aanbod):
    maak_aanbod()
    assert '<strong class="papier__site">http://testserver/</strong>' in _wijkwijzer(client)


def test_aanbod_via_contactpersoon_toont_op_papier_alleen_de_contactpersoon(client, maak_aanbod):
    service = _met_adres_en_telefoon(
        maak_aanbod(naam="Maatje", zichtbaarheid="via_contactpersoon"), nummer="030 999 9999"
    )
    m.Contact.objects.create(service=service, name="Ilse", email="ilse@example.org")
    pagina = _wijkwijzer(client)
    assert "Via een contactpersoon: Ilse ilse@example.org" in pagina
    assert "Zambesidreef 12" not in pagina and "030 999 9999" not in pagina


def test_crisisdienst_dag_en_nacht_staat_er_niet_zeven_keer_als_middernacht(client, maak_aanbod):
    crisis = maak_aanbod(naam="Crisisdienst", dagen="")
    for dag in ("MO", "TU", "WE", "TH", "FR", "SA", "SU"):
        m.Schedule.objects.create(
            service=crisis, byday=dag, opens_at=dt.time(0, 0), closes_at=dt.time(23, 59)
        )
    pagina = _wijkwijzer(client)
    assert "<strong>Wanneer:</strong> dag en nacht" in pagina
    assert "00:00" not in pagina


def test_printen_vraagt_geen_inline_script(client, maak_aanbod):
    maak_aanbod()
    pagina = _wijkwijzer(client)
    assert "onclick" not in pagina and "<script>" not in pagina
    assert "Ctrl+P" in pagina


def test_anoniem_en_professional_krijgen_dezelfde_openbare_wijkwijzer(
    client, maak_aanbod, professional
):
    maak_aanbod(naam="Wandelgroep")
    maak_aanbod(naam="FACT-consult", zichtbaarheid="professionals")
    anoniem = _wijkwijzer(client)
    client.force_login(professional)
    assert "FACT-consult" not in anoniem and "FACT-consult" not in _wijkwijzer(client)


def test_wijkwijzer_van_een_onbekende_wijk_bestaat_niet(client, gebieden):
    assert client.get(reverse("wegwijzer:wijkwijzer", args=["WK999999"])).status_code == 404
