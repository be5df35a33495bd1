"""Network meetings: the fixed slot, the host's turn, answering without an account, the feeds,
and "met wie heb je kennisgemaakt?" (issue 11, item 7)."""

import datetime as dt
import re
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenspel.directory import models as m
from samenspel.network import actions, bijeenkomstlinks, reeksregel
from samenspel.network.models import (
    Band,
    Bandsoort,
    Bijeenkomst,
    Bijeenkomstsoort,
    Frequentie,
    Reeks,
    Rsvp,
    Uitnodiging,
    Vorm,
)

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def _org(naam, sector, gemeente):
    return m.Organization.objects.create(
        name=naam, description="-", sector=sector, gemeente=gemeente
    )


@pytest.fixture
def web(gebieden):
    utrecht = gebieden["utrecht"]
    orgs = {
        "team": _org("Buurtteam Overvecht", "formeel", utrecht),
        "ggz": _org("Gebiedsteam GGZ", "formeel", utrecht),
        "handje": _org("Handjehelpen", "informeel", utrecht),
        "nizu": _org("NIZU", "informeel", utrecht),
    }
    mensen = {}
    for sleutel, org in [
        ("fatima", "team"),
        ("erik", "ggz"),
        ("marieke", "handje"),
        ("hamid", "nizu"),
    ]:
        persoon = actions.voeg_persoon_toe(
            orgs[org], sleutel.capitalize(), "test", email=f"{sleutel}@example.org"
        )
        mensen[sleutel] = actions.stem_in(persoon)
    # Agreed to nothing yet: never invited.
    mensen["linda"] = actions.voeg_persoon_toe(
        orgs["team"], "Linda", "test", email="linda@example.org"
    )
    return {"orgs": orgs, "mensen": mensen, "gebieden": gebieden}


def _reeks(web, **velden):
    standaard = {
        "naam": "Sirenelunch Overvecht",
        "gemeente": web["gebieden"]["utrecht"],
        "wijk": web["gebieden"]["overvecht"],
        "plaats": "Zamenhofdreef, Utrecht",
        "frequentie": Frequentie.MAANDELIJKS,
        "week_van_de_maand": 1,
        "weekdag": 0,
        "tijd": dt.time(12, 0),
        "vanaf": dt.date(2027, 1, 1),
    }
    standaard.update(velden)
    return actions.start_reeks(web["orgs"].values(), "test", **standaard)


def test_elke_eerste_maandag_om_twaalf_uur_ook_na_de_overgang_naar_zomertijd(web):
    reeks = _reeks(web)
    data = reeksregel.volgende(reeks, dt.datetime(2027, 1, 1, tzinfo=AMS), 4)
    assert [d.date() for d in data] == [
        dt.date(2027, 1, 4),
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 4, 5),
    ]
    assert all(d.astimezone(AMS).time() == dt.time(12, 0) for d in data)
    # Winter time is UTC+1, summer time UTC+2: 12.00 stays 12.00 on the wall.
    assert data[0].utcoffset() == dt.timedelta(hours=1)
    assert data[3].utcoffset() == dt.timedelta(hours=2)
    assert reeksregel.omschrijving(reeks) == "elke eerste maandag van de maand om 12.00 uur"
    assert reeksregel.ical_rrule(reeks) == "FREQ=MONTHLY;BYDAY=+1MO"


def test_de_laatste_donderdag_en_om_de_week(web):
    laatste = _reeks(web, naam="Laatste", week_van_de_maand=-1, weekdag=3)
    assert [
        d.date() for d in reeksregel.volgende(laatste, dt.datetime(2027, 1, 1, tzinfo=AMS), 2)
    ] == [
        dt.date(2027, 1, 28),
        dt.date(2027, 2, 25),
    ]
    om_de_week = _reeks(
        web,
        naam="Om de week",
        frequentie=Frequentie.TWEEWEKELIJKS,
        vanaf=dt.date(2027, 1, 5),
        week_van_de_maand=None,
        weekdag=1,
    )
    data = reeksregel.volgende(om_de_week, dt.datetime(2027, 1, 1, tzinfo=AMS), 3)
    assert [d.date() for d in data] == [
        dt.date(2027, 1, 5),
        dt.date(2027, 1, 19),
        dt.date(2027, 2, 2),
    ]
    assert reeksregel.ical_rrule(om_de_week) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"


def test_de_gastheer_wisselt_af_tussen_formeel_en_informeel(web):
    reeks = _reeks(web)
    volgorde = [g.organisatie.sector for g in reeks.gastheren.select_related("organisatie")]
    assert volgorde == ["formeel", "informeel", "formeel", "informeel"]
    # The planned meetings take the hosts in that turn.
    nu = dt.datetime(2027, 1, 1, tzinfo=AMS)
    Bijeenkomst.objects.filter(reeks=reeks).delete()
    actions.plan_bijeenkomsten(reeks, nu=nu)
    reeks.refresh_from_db()
    eerste = list(reeks.bijeenkomsten.order_by("volgnummer"))
    assert [b.gastheer.sector for b in eerste] == ["formeel", "informeel", "formeel"]
    # When the first has been, the next one planned is the fourth host's turn.
    actions.plan_bijeenkomsten(reeks, nu=eerste[0].begint + dt.timedelta(hours=2))
    vierde = reeks.bijeenkomsten.get(volgnummer=3)
    assert vierde.gastheer.sector == "informeel"
    assert vierde.begint.date() == dt.date(2027, 4, 5)


def test_plannen_is_herhaalbaar(web):
    reeks = _reeks(web)
    aantal = reeks.bijeenkomsten.count()
    assert aantal == actions.VOORUIT_GEPLAND
    assert actions.plan_bijeenkomsten(reeks) == []
    assert reeks.bijeenkomsten.count() == aantal


def test_casus_en_thema_om_de_beurt(web):
    reeks = _reeks(web, naam="Tizo", soort=Bijeenkomstsoort.CASUS_THEMA)
    vormen = list(reeks.bijeenkomsten.order_by("volgnummer").values_list("vorm", flat=True))
    assert vormen == [Vorm.CASUS, Vorm.THEMA, Vorm.CASUS]


def test_een_casusoverleg_bewaart_geen_vrije_tekst_bij_een_agendapunt(web, maak_aanbod):
    reeks = _reeks(web, naam="Casusoverleg", soort=Bijeenkomstsoort.CASUSOVERLEG)
    bijeenkomst = reeks.bijeenkomsten.first()
    aanbod = maak_aanbod()
    punt = actions.voeg_agendapunt_toe(
        bijeenkomst, aanbod, web["mensen"]["marieke"], "test", onderwerp="Mevrouw J. uit de flat"
    )
    assert punt.onderwerp == ""


def _uitnodigen(web, met_commit, wie=("fatima", "marieke", "hamid")):
    reeks = _reeks(web)
    bijeenkomst = reeks.bijeenkomsten.order_by("begint").first()
    personen = [web["mensen"][w] for w in wie]
    uitnodigingen = met_commit(actions.nodig_uit_voor_bijeenkomst, bijeenkomst, personen, "test")
    return bijeenkomst, uitnodigingen


def _pad(bericht, patroon):
    link = next(x for x in re.findall(r"https?://\S+", bericht.body) if re.search(patroon, x))
    deel = urlparse(link)
    return deel.path + (f"?{deel.query}" if deel.query else "")


def test_alleen_mensen_die_instemden_krijgen_een_uitnodiging_per_email(web, met_commit):
    bijeenkomst, uitnodigingen = _uitnodigen(web, met_commit, ("fatima", "linda"))
    assert [u.persoon.naam for u in uitnodigingen] == ["Fatima"]
    assert [b.to for b in mail.outbox] == [["fatima@example.org"]]
    assert "Sirenelunch Overvecht" in mail.outbox[0].subject
    # Inviting again sends nothing twice.
    assert (
        met_commit(
            actions.nodig_uit_voor_bijeenkomst, bijeenkomst, [web["mensen"]["fatima"]], "test"
        )
        == []
    )
    assert len(mail.outbox) == 1


def test_antwoorden_zonder_account_vanuit_de_email(web, met_commit, client):
    _bijeenkomst, _ = _uitnodigen(web, met_commit, ("fatima",))
    pad = _pad(mail.outbox[0], r"antwoord=ja")
    pagina = client.get(pad)
    assert pagina.status_code == 200
    # The answer is chosen already; a GET (a mail scanner) changes nothing.
    assert re.search(r'value="ja"[^>]*checked', pagina.content.decode())
    assert Uitnodiging.objects.get().antwoord == ""
    antwoord = client.post(pad.split("?")[0], {"antwoord": "ja"})
    assert antwoord.status_code == 200
    assert "Je antwoord is bewaard" in antwoord.content.decode()
    assert Uitnodiging.objects.get().antwoord == Rsvp.JA


def test_een_veranderde_link_geeft_404(web, met_commit, client):
    _uitnodigen(web, met_commit, ("fatima",))
    uitnodiging = Uitnodiging.objects.get()
    token = bijeenkomstlinks.uitnodiging_token(uitnodiging)
    vervalst = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.get(reverse("network:rsvp", args=[vervalst])).status_code == 404
    assert (
        client.post(reverse("network:rsvp", args=[vervalst]), {"antwoord": "ja"}).status_code == 404
    )
    # An RSVP token does not open the kennisgemaakt page or a feed (another purpose).
    assert client.get(reverse("network:kennisgemaakt", args=[token])).status_code == 404
    assert client.get(reverse("network:ical_persoon", args=[token])).status_code == 404
    assert client.get(reverse("network:ical_reeks", args=[token])).status_code == 404
    # When the person's address changes, the old links stop working.
    persoon = uitnodiging.persoon
    persoon.email = "nieuw@example.org"
    persoon.save()
    assert client.get(reverse("network:rsvp", args=[token])).status_code == 404


def _na_afloop(bijeenkomst):
    begint = timezone.now() - dt.timedelta(days=1)
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
        begint=begint, eindigt=begint + dt.timedelta(hours=1)
    )


def test_kennisgemaakt_legt_nieuwe_banden_eenmaal(web, met_commit, client):
    bijeenkomst, uitnodigingen = _uitnodigen(web, met_commit)
    for u in uitnodigingen:
        actions.beantwoord(u, Rsvp.JA)
    fatima, marieke, hamid = (web["mensen"][n] for n in ("fatima", "marieke", "hamid"))
    # Fatima and Hamid knew each other already.
    actions.leg_band(fatima, hamid, Bandsoort.KENNISMAKING, "test")
    eigen = next(u for u in uitnodigingen if u.persoon == fatima)
    with pytest.raises(actions.Geweigerd):
        actions.leg_kennismakingen(eigen, [marieke])
    _na_afloop(bijeenkomst)
    eigen.refresh_from_db()
    pad = reverse(
        "network:kennisgemaakt", args=[bijeenkomstlinks.uitnodiging_token(eigen, "kennisgemaakt")]
    )
    pagina = client.get(pad).content.decode()
    assert "Marieke" in pagina
    antwoord = client.post(pad, {"personen": [str(marieke.pk)]}, follow=True)
    inhoud = antwoord.content.decode()
    assert "Bewaard: 1 nieuwe kennismaking in het web." in inhoud
    assert Band.objects.filter(soort=Bandsoort.KENNISMAKING).count() == 2
    # Both are now under "Kende je al"; nobody is left to tick.
    assert "Er is niemand meer om aan te vinken." in inhoud
    # Nothing ticked: the error names the question.
    leeg = client.post(pad, {})
    assert leeg.status_code == 400 and "Kies minstens één persoon." in leeg.content.decode()
    # Recording the same again adds nothing.
    assert actions.leg_kennismakingen(eigen, [marieke, hamid]) == []
    assert Band.objects.filter(soort=Bandsoort.KENNISMAKING).count() == 2


def test_kennisgemaakt_alleen_met_wie_ja_zei(web, met_commit):
    bijeenkomst, uitnodigingen = _uitnodigen(web, met_commit)
    eigen = next(u for u in uitnodigingen if u.persoon.naam == "Fatima")
    actions.beantwoord(eigen, Rsvp.JA)
    _na_afloop(bijeenkomst)
    eigen.refresh_from_db()
    # Marieke did not say yes: no tie, not even when her id is posted.
    assert actions.leg_kennismakingen(eigen, [web["mensen"]["marieke"]]) == []


def _feed(client, pad) -> icalendar.Calendar:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(antwoord.content)


def _controleer_events(kalender, verwacht: int):
    assert kalender["VERSION"] == "2.0"
    assert kalender["PRODID"]
    tijdzones = kalender.walk("VTIMEZONE")
    assert [str(t["TZID"]) for t in tijdzones] == ["Europe/Amsterdam"]
    events = kalender.walk("VEVENT")
    assert len(events) == verwacht
    for event in events:
        for veld in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"):
            assert veld in event, veld
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        begint = event.decoded("DTSTART")
        assert begint.tzinfo is not None and begint.astimezone(AMS).time() == dt.time(12, 0)
        assert event.decoded("DTEND") > begint
    assert len({str(e["UID"]) for e in events}) == len(events)
    return events


def test_de_agenda_van_een_reeks_is_een_geldige_icalendar(web, client):
    reeks = _reeks(web)
    pad = bijeenkomstlinks.reeks_feed_pad(reeks)
    events = _controleer_events(_feed(client, pad), actions.VOORUIT_GEPLAND)
    assert str(events[0]["SUMMARY"]) == "Sirenelunch Overvecht"
    assert str(events[0]["LOCATION"]) == "Zamenhofdreef, Utrecht"
    assert "Buurtteam Overvecht" in str(events[0]["DESCRIPTION"])
    # Without the signed token there is no feed.
    assert client.get(reverse("network:ical_reeks", args=["zomaar"])).status_code == 404


def test_de_agenda_van_een_persoon_toont_zijn_uitnodigingen_zonder_nee(web, met_commit, client):
    bijeenkomst, uitnodigingen = _uitnodigen(web, met_commit, ("fatima",))
    tweede = Reeks.objects.get().bijeenkomsten.order_by("begint")[1]
    andere = met_commit(
        actions.nodig_uit_voor_bijeenkomst, tweede, [web["mensen"]["fatima"]], "test"
    )[0]
    actions.beantwoord(andere, Rsvp.NEE)
    pad = bijeenkomstlinks.persoon_feed_pad(web["mensen"]["fatima"])
    events = _controleer_events(_feed(client, pad), 1)
    assert str(bijeenkomst.pk) in str(events[0]["UID"])


def test_antwoord_na_afloop_kan_niet_meer(web, met_commit):
    bijeenkomst, uitnodigingen = _uitnodigen(web, met_commit, ("fatima",))
    _na_afloop(bijeenkomst)
    uitnodigingen[0].refresh_from_db()
    with pytest.raises(actions.Geweigerd):
        actions.beantwoord(uitnodigingen[0], Rsvp.JA)


def test_kennisgemaakt_kan_tot_een_maand_na_afloop(web, met_commit, settings):
    bijeenkomst, uitnodigingen = _uitnodigen(web, met_commit, ("fatima", "marieke"))
    for u in uitnodigingen:
        actions.beantwoord(u, Rsvp.JA)
    dagen = settings.SAMENSPEL.get("BEWERKLINK_DAGEN", 30)
    begint = timezone.now() - dt.timedelta(days=dagen + 1)
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
        begint=begint, eindigt=begint + dt.timedelta(hours=1)
    )
    eigen = Uitnodiging.objects.get(persoon=web["mensen"]["fatima"])
    with pytest.raises(actions.Geweigerd):
        actions.leg_kennismakingen(eigen, [web["mensen"]["marieke"]])
    assert not Band.objects.exists()


def test_de_toerbeurt_spreidt_de_kleinere_kant_en_hybride_telt_als_informeel(gebieden):
    utrecht = gebieden["utrecht"]
    formeel = [_org(f"Team {i}", "formeel", utrecht) for i in range(3)]
    lunch = _org("Sirenelunch", "hybride", utrecht)
    volgorde = reeksregel.toerbeurt([*formeel, lunch])
    assert [o.name for o in volgorde] == ["Team 0", "Sirenelunch", "Team 1", "Team 2"]
