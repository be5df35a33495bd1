"""The meeting pages as a partner uses them: start a series, put a pitch on the agenda, invite."""

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.network.models import Agendapunt, Reeks, Uitnodiging
from samenspel.network.tests import test_toegang_paginas as toegang_paginas
from samenspel.network.tests.test_toegang_paginas import (
    ECHTE_LINKS,
    GEHEIME_NAAM,
    PAGINAS,
    _bijeenkomst,
)

# The small Utrecht web of the outsider walk, so these pages are checked in the same world.
wereld = toegang_paginas.wereld

pytestmark = pytest.mark.django_db

EIGEN = ("reeksen", "reeks_nieuw", "reeks", "bijeenkomst")


def test_een_partner_van_de_gemeente_ziet_elke_bijeenkomstpagina(wereld, client, netwerkhouder):
    client.force_login(netwerkhouder)
    for naam in EIGEN:
        antwoord = client.get(PAGINAS[f"network:{naam}"](wereld))
        assert antwoord.status_code == 200, naam
    # The secret person pitches at the meeting: partners see the name, outsiders never.
    assert GEHEIME_NAAM in client.get(PAGINAS["network:bijeenkomst"](wereld)).content.decode()
    for naam in ("rsvp", "kennisgemaakt", "ical_reeks", "ical_persoon"):
        assert client.get(ECHTE_LINKS[f"network:{naam}"](wereld)).status_code == 200, naam


def test_zonder_reeksen_zegt_de_lijst_hoe_je_begint(client, netwerkhouder):
    client.force_login(netwerkhouder)
    inhoud = client.get(reverse("network:reeksen")).content.decode()
    assert "Er zijn nog geen bijeenkomsten in jouw gemeente" in inhoud


def test_een_analist_werkt_niet_met_bijeenkomsten(client, analist):
    client.force_login(analist)
    assert client.get(reverse("network:reeksen")).status_code == 403
    assert client.get(reverse("network:reeks_nieuw")).status_code == 403


def _formulier(wereld, **anders):
    gegevens = {
        "naam": "Sirenelunch Overvecht",
        "soort": "ontmoeting",
        "gemeente": wereld["gebieden"]["utrecht"].pk,
        "wijk": wereld["gebieden"]["overvecht"].pk,
        "plaats": "Zamenhofdreef",
        "frequentie": "maandelijks",
        "week_van_de_maand": "1",
        "weekdag": "0",
        "tijd": "12:00",
        "duur_minuten": "90",
        "vanaf": "2027-01-01",
        "gastheren": [str(wereld["team"].pk), str(wereld["initiatief"].pk)],
    }
    gegevens.update(anders)
    return {k: v for k, v in gegevens.items() if v is not None}


def test_een_reeks_starten_met_duidelijke_fouten(wereld, client, netwerkhouder):
    client.force_login(netwerkhouder)
    pad = reverse("network:reeks_nieuw")
    fout = client.post(
        pad,
        _formulier(
            wereld,
            naam="",
            plaats="",
            week_van_de_maand="",
            tijd="kwart over",
            gastheren=[str(wereld["team"].pk)],
        ),
    )
    assert fout.status_code == 400
    inhoud = fout.content.decode()
    for tekst in (
        "Vul een naam in.",
        "Vul in waar het is, of kies een plek van de kaart.",
        "Kies welke week van de maand",
        "Vul een tijd in zoals 12:00.",
        "Kies minstens één formele en één informele partij.",
    ):
        assert tekst in inhoud, tekst
    assert not Reeks.objects.exists()
    goed = client.post(pad, _formulier(wereld))
    reeks = Reeks.objects.get()
    assert goed.status_code == 302 and goed["Location"] == reverse("network:reeks", args=[reeks.pk])
    pagina = client.get(goed["Location"]).content.decode()
    assert "Elke eerste maandag van de maand om 12.00 uur" in pagina
    assert reeks.bijeenkomsten.count() == 3


def test_een_pitch_op_de_agenda_en_uitnodigen(wereld, client, netwerkhouder, met_commit):
    client.force_login(netwerkhouder)
    bijeenkomst = _bijeenkomst(wereld)
    pad = reverse("network:bijeenkomst", args=[bijeenkomst.pk])
    leeg = client.post(pad, {"service": "", "presentator": ""})
    assert leeg.status_code == 400
    assert "Kies een aanbod van de kaart." in leeg.content.decode()
    service = Agendapunt.objects.get().service
    client.post(
        pad,
        {
            "service": str(service.pk),
            "presentator": str(wereld["ander"].pk),
            "onderwerp": "Nieuwe steungezinnen gezocht",
        },
    )
    assert Agendapunt.objects.count() == 2
    uitnodigen = reverse("network:uitnodigen", args=[bijeenkomst.pk])
    assert client.post(uitnodigen, {}).status_code == 400
    met_commit(client.post, uitnodigen, {"personen": [str(wereld["ander"].pk)]})
    assert Uitnodiging.objects.get().persoon == wereld["ander"]
    assert [b.to for b in mail.outbox] == [["marieke@example.org"]]
    assert "Nieuwe steungezinnen gezocht" in mail.outbox[0].body


def test_een_kapotte_uuid_geeft_404(client, netwerkhouder):
    client.force_login(netwerkhouder)
    assert client.get("/web/bijeenkomsten/niet-een-uuid/").status_code == 404
    leeg = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/web/bijeenkomst/{leeg}/").status_code == 404


def test_een_casusoverleg_zegt_dat_er_niets_over_bewoners_wordt_bewaard(
    wereld, client, netwerkhouder
):
    client.force_login(netwerkhouder)
    client.post(reverse("network:reeks_nieuw"), _formulier(wereld, soort="casusoverleg"))
    reeks = Reeks.objects.get()
    melding = "Samenspel slaat daar niets over op"
    assert melding in client.get(reverse("network:reeks", args=[reeks.pk])).content.decode()
    bijeenkomst = reeks.bijeenkomsten.order_by("begint").first()
    pagina = client.get(reverse("network:bijeenkomst", args=[bijeenkomst.pk])).content.decode()
    assert melding in pagina
    # No free text field on the agenda form of a casusoverleg.
    assert 'name="onderwerp"' not in pagina
