"""The beheerder's admin keeps history like every other edit path."""

import pytest

from samenspel.directory.models import Moderatie, Wijziging

pytestmark = pytest.mark.django_db


def test_wijziging_in_admin_komt_in_de_historie(client, beheerder, maak_aanbod):
    service = maak_aanbod(naam="Wandelgroep")
    client.force_login(beheerder)
    url = f"/beheer/admin/directory/service/{service.pk}/change/"
    formulier = client.get(url).context["adminform"].form
    data = {k: v for k, v in formulier.initial.items() if v is not None}
    data.update(
        {
            "name": "Wandelgroep Gagelbos",
            "organization": str(service.organization_id),
            "assured_date": service.assured_date.isoformat(),
            "last_modified_0": "2026-11-01",
            "last_modified_1": "10:00:00",
            "service_at_locations-TOTAL_FORMS": "0",
            "service_at_locations-INITIAL_FORMS": "0",
            "schedules-TOTAL_FORMS": "0",
            "schedules-INITIAL_FORMS": "0",
        }
    )
    for sleutel in ("gratis", "zonder_indicatie", "inloop", "op_afspraak"):
        if not data.get(sleutel):
            data.pop(sleutel, None)
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    rij = Wijziging.objects.get(resource_id=service.pk, field_name="name")
    assert (rij.previous_value, rij.replacement_value) == ("Wandelgroep", "Wandelgroep Gagelbos")
    assert rij.updated_by == "beheerder"


def test_historie_kan_in_admin_niet_gewijzigd_worden(client, beheerder, maak_aanbod):
    service = maak_aanbod()
    rij = Wijziging.objects.create(
        resource_id=service.pk, resource_type="service", last_action_type="x", updated_by="y"
    )
    client.force_login(beheerder)
    assert client.post(f"/beheer/admin/directory/wijziging/{rij.pk}/delete/").status_code == 403


def test_beoordeling_is_in_admin_niet_te_wijzigen(client, beheerder, maak_aanbod):
    """Approval goes through the moderation page, which records it and mails the registrant."""
    service = maak_aanbod(naam="Wandelgroep", moderatie=Moderatie.WACHTRIJ)
    client.force_login(beheerder)
    url = f"/beheer/admin/directory/service/{service.pk}/change/"
    antwoord = client.get(url)
    formulier = antwoord.context["adminform"].form
    assert "moderatie" not in formulier.fields
    assert "moderatie_bericht" not in formulier.fields
    assert 'name="moderatie"' not in antwoord.content.decode()

    data = {k: v for k, v in formulier.initial.items() if v is not None}
    data.update(
        {
            "organization": str(service.organization_id),
            "assured_date": service.assured_date.isoformat(),
            "last_modified_0": "2026-11-01",
            "last_modified_1": "10:00:00",
            "moderatie": Moderatie.GOEDGEKEURD,
            "service_at_locations-TOTAL_FORMS": "0",
            "service_at_locations-INITIAL_FORMS": "0",
            "schedules-TOTAL_FORMS": "0",
            "schedules-INITIAL_FORMS": "0",
        }
    )
    for sleutel in ("gratis", "zonder_indicatie", "inloop", "op_afspraak"):
        if not data.get(sleutel):
            data.pop(sleutel, None)
    assert client.post(url, data).status_code == 302
    service.refresh_from_db()
    assert service.moderatie == Moderatie.WACHTRIJ
    assert not Wijziging.objects.filter(resource_id=service.pk, field_name="moderatie").exists()
