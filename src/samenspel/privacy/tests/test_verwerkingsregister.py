"""The processing register (AVG art. 30): every table of every installed app is either in it
or declared to hold no personal data, and the beheerder's page shows it with the retention
periods as they are set."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from samenspel.core import verwerkingen

# Field kinds that hold personal data wherever they are.
_VERRADERS = (models.EmailField, models.GenericIPAddressField)
_WOORDEN = ("email", "telefoon", "phone", "ip_address", "username")
# The number of an organisation, not of a person: the regional route's public line.
_VAN_ORGANISATIES = {"signals.RegionaleRoute.telefoon"}


def _tabellen() -> set[str]:
    return {
        model._meta.label
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def _niet_ingedeeld(geregistreerd: set[str], zonder: frozenset[str]) -> set[str]:
    return _tabellen() - geregistreerd - zonder


def _geregistreerd() -> set[str]:
    return {v.model for v in verwerkingen.register()}


def test_elke_tabel_staat_in_het_register_of_heeft_geen_persoonsgegevens():
    zonder = verwerkingen.zonder_persoonsgegevens()

    assert _niet_ingedeeld(_geregistreerd(), zonder) == set()
    assert _geregistreerd() & zonder == set()
    assert (_geregistreerd() | zonder) - _tabellen() == set(), "bestaat niet (meer)"


def test_een_nieuwe_tabel_zonder_indeling_valt_op():
    geregistreerd = _geregistreerd() - {"signals.Zorgmelding"}

    assert _niet_ingedeeld(geregistreerd, verwerkingen.zonder_persoonsgegevens()) == {
        "signals.Zorgmelding"
    }


def test_elk_genoemd_veld_bestaat():
    for verwerking in verwerkingen.register():
        assert len(verwerking.veldnamen) == len(verwerking.velden) > 0, verwerking.model


def test_een_tabel_zonder_persoonsgegevens_heeft_geen_e_mail_telefoon_of_gebruiker():
    for label in verwerkingen.zonder_persoonsgegevens():
        for veld in apps.get_model(label)._meta.concrete_fields:
            verdacht = (
                isinstance(veld, _VERRADERS)
                or (not veld.is_relation and any(woord in veld.name for woord in _WOORDEN))
                or (veld.is_relation and veld.related_model._meta.label == settings.AUTH_USER_MODEL)
            )
            assert not verdacht or f"{label}.{veld.name}" in _VAN_ORGANISATIES, (
                f"{label}.{veld.name}"
            )


def test_de_gegevens_die_gewist_worden_staan_in_het_register():
    from samenspel.network.actions import PERSOONSGEGEVENS as WEB
    from samenspel.referrals.models import PERSOONSGEGEVENS as VERWIJZING

    per_model = {v.model: set(v.velden) for v in verwerkingen.register()}
    assert set(VERWIJZING) <= per_model["referrals.Verwijzing"]
    assert set(WEB) <= per_model["network.Persoon"]


@pytest.mark.django_db
def test_beheerder_ziet_het_register_met_de_ingestelde_bewaartermijnen(client, beheerder, settings):
    settings.SAMENSPEL = {**settings.SAMENSPEL, "BEWAAR_MAANDEN": 9, "SIGNALEN_BEWAAR_DAGEN": 21}
    client.force_login(beheerder)

    antwoord = client.get(reverse("privacy:verwerkingen"))

    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    for verwerking in verwerkingen.register():
        assert f"({verwerking.model})" in html
    assert "anders 9 maanden na het afsluiten" in html
    assert "21 dagen na het afsluiten" in html
    # Fields by their label, not their name in the code.
    assert "naam of roepnaam, hoe contact" in html and "wat_helpt" not in html


@pytest.mark.django_db
def test_register_alleen_voor_beheerders(client, professional, netwerkhouder, analist):
    pad = reverse("privacy:verwerkingen")
    assert client.get(pad).status_code == 302
    for gebruiker in (professional, netwerkhouder, analist):
        client.force_login(gebruiker)
        assert client.get(pad).status_code == 403
