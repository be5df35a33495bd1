"""Hand-over in a real browser, on a phone: a person leaves, a successor is chosen, and the
partner on the other side gets the e-mail; then a whole organisation's ties move at once.

Verloop (seed 000 l.885–888) and a lost tender (000 l.345–370). The e-mails are read from
Django's test outbox, as in the other browser tests.
"""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from samenspel.directory import models as m
from samenspel.network import actions
from samenspel.network.models import Band, Bandsoort, Persoon
from tests.e2e.conftest import axe_overtredingen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _persoon(organisatie, naam, **velden):
    velden.setdefault("sinds", timezone.localdate() - dt.timedelta(days=400))
    persoon = actions.voeg_persoon_toe(
        organisatie, naam, "test", email=f"{naam.split()[0].lower()}@example.org", **velden
    )
    return actions.stem_in(persoon)


@pytest.fixture
def web(gebieden):
    def org(naam, sector="formeel"):
        return m.Organization.objects.create(
            name=naam, description="-", sector=sector, gemeente=gebieden["utrecht"]
        )

    team, hulp, nizu, noord = (
        org("Buurtteam Overvecht"),
        org("Handjehelpen", "informeel"),
        org("Nizu", "informeel"),
        org("Wijkteam Noord"),
    )
    fatima = _persoon(team, "Fatima el Idrissi", vrijwilligers=12)
    joost = _persoon(team, "Joost van Dam", bereikbaar="Bel op dinsdag")
    marieke = _persoon(hulp, "Marieke Bos")
    hamid = _persoon(nizu, "Hamid Ouali")
    nina = _persoon(noord, "Nina Nieuw")
    actions.leg_band(fatima, marieke, Bandsoort.VERWIJZEN, "test")
    actions.leg_band(fatima, hamid, Bandsoort.OVERLEG, "test")
    actions.leg_band(joost, hamid, Bandsoort.SAMENWERKEN, "test")
    mail.outbox.clear()
    return {"team": team, "noord": noord, "fatima": fatima, "joost": joost, "nina": nina}


def _zonder_horizontaal_scrollen(pagina):
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 360


def test_vertrek_met_opvolger_en_de_partner_krijgt_de_mail(telefoon, inloggen, netwerkhouder, web):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + f"/web/persoon/{web['fatima'].pk}/vertrek/")
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Vertrek van Fatima el Idrissi")
    expect(telefoon.get_by_text("12 vrijwilligers hangen aan deze persoon")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    _zonder_horizontaal_scrollen(telefoon)

    telefoon.get_by_label("Opvolger voor verwijzen met Marieke Bos").select_option(
        label="Joost van Dam"
    )
    telefoon.get_by_label("Wie neemt de vrijwilligers over?").select_option(label="Joost van Dam")
    telefoon.get_by_role("button", name="Controleren").click()
    expect(telefoon.get_by_role("heading", level=1)).to_have_text("Klopt dit?")
    expect(
        telefoon.get_by_text("Verwijzen met Marieke Bos: gaat naar Joost van Dam")
    ).to_be_visible()
    expect(telefoon.get_by_text("Overleg met Hamid Ouali: nog niemand (in gevaar)")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    assert Persoon.objects.get(pk=web["fatima"].pk).vertrokken is None
    assert mail.outbox == []

    telefoon.get_by_role("button", name="Ja, verwerk het vertrek").click()
    expect(telefoon.get_by_text("Het vertrek van Fatima el Idrissi is verwerkt.")).to_be_visible()
    expect(
        telefoon.get_by_role("heading", name="In gevaar: banden zonder opvolger")
    ).to_be_visible()
    expect(
        telefoon.get_by_text("Verwijzen met Marieke Bos (Handjehelpen): nu Joost van Dam")
    ).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    _zonder_horizontaal_scrollen(telefoon)

    voor_marieke = [b for b in mail.outbox if b.to == ["marieke@example.org"]]
    assert len(voor_marieke) == 1
    assert "Fatima el Idrissi werkt niet meer bij Buurtteam Overvecht" in voor_marieke[0].body
    assert "Joost van Dam" in voor_marieke[0].body and "Bel op dinsdag" in voor_marieke[0].body
    # Hamid hears there is no successor yet; nobody else hears anything.
    assert sorted(b.to[0] for b in mail.outbox) == ["hamid@example.org", "marieke@example.org"]
    assert Persoon.objects.get(pk=web["joost"].pk).vrijwilligers == 12


def test_werk_gaat_over_naar_een_andere_organisatie_in_een_stap(
    telefoon, inloggen, netwerkhouder, web
):
    inloggen(telefoon, "netwerkhouder")
    telefoon.goto(telefoon.basis + "/web/overdracht/")
    assert axe_overtredingen(telefoon) == []
    telefoon.get_by_label("Van organisatie").select_option(label="Buurtteam Overvecht")
    telefoon.get_by_label("Naar organisatie").select_option(label="Wijkteam Noord")
    telefoon.get_by_role("button", name="Toon de banden").click()
    expect(telefoon.get_by_text("3 banden in gevaar bij Buurtteam Overvecht")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    _zonder_horizontaal_scrollen(telefoon)

    telefoon.get_by_label("Eén opvolger voor alle banden").select_option(label="Nina Nieuw")
    telefoon.get_by_role("button", name="Controleren").click()
    expect(telefoon.get_by_text("Nina Nieuw neemt 3 banden over")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    telefoon.get_by_role("button", name="Ja, verplaats de banden").click()
    expect(
        telefoon.get_by_text(
            "3 banden zijn verplaatst van Buurtteam Overvecht naar Wijkteam Noord."
        )
    ).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    _zonder_horizontaal_scrollen(telefoon)

    # One e-mail per partner, however many of their ties moved.
    assert sorted(b.to[0] for b in mail.outbox) == ["hamid@example.org", "marieke@example.org"]
    assert Band.objects.filter(beeindigd__isnull=True, voorganger__isnull=False).count() == 3
