"""Keep search current: every change that touches a listing is logged for the index, and
for what is kept of a listing's cards and page (directory/bewaard.py).

Search follows the directory, not the other way round: the directory knows nothing of search
and only sends Django's model signals; these receivers are connected when the search app is
ready (`SearchConfig.ready`).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samenspel.directory import models as m
from samenspel.search.models import Zoekwijziging


def _meld(service_ids) -> None:
    Zoekwijziging.objects.bulk_create([Zoekwijziging(service_id=sid) for sid in set(service_ids)])


def _services_van(instance) -> list:
    if isinstance(instance, m.Service):
        return [instance.pk]
    if isinstance(instance, m.Organization):
        return list(instance.services.values_list("pk", flat=True))
    if isinstance(instance, m.Location):
        return list(instance.service_at_locations.values_list("service_id", flat=True))
    if isinstance(instance, m.Accessibility | m.Address):
        # What a place says about access is searchable and a facet of its listings; its
        # address is on their cards and the map beside them (search/kaartjes.py).
        return list(
            m.ServiceAtLocation.objects.filter(location_id=instance.location_id).values_list(
                "service_id", flat=True
            )
        )
    if isinstance(instance, m.Attribute):
        return [instance.link_id] if instance.link_entity == "service" else []
    # A contact or phone number is not searchable, but on the listing's page, which is kept
    # per version (directory/bewaard.py); only the listing's own are shown there.
    if isinstance(instance, m.ServiceAtLocation | m.Schedule | m.CostOption | m.Contact | m.Phone):
        return [instance.service_id] if instance.service_id else []
    return []


GEVOLGD = (
    m.Service,
    m.Organization,
    m.Location,
    m.Attribute,
    m.ServiceAtLocation,
    m.Schedule,
    m.CostOption,
    m.Accessibility,
    m.Address,
    m.Contact,
    m.Phone,
)


@receiver(post_save)
@receiver(post_delete)
def listing_gewijzigd(sender, instance, raw=False, **kwargs) -> None:
    if raw or not isinstance(instance, GEVOLGD):
        return
    ids = _services_van(instance)
    if ids:
        _meld(ids)
