"""What may leave Samenspel through the HSDS API or an open export, and for whom.

Anonymous callers get what a resident sees on the kaart: live listings that are public or
reached via a contact person, and of the latter only the contact route (no place, no
times, no phone of the listing itself). A professional scope (an organisation's API token)
adds professional-only listings, full detail and the change history.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from samenspel.directory import models as m

# Service fields that a listing reached via a contact person keeps to itself.
VERBORGEN_VELDEN_CONTACTROUTE = {"url", "email"}
VERBORGEN_NESTEN_CONTACTROUTE = {"phones", "schedules", "service_at_locations", "service_areas"}
# The e-mail address of whoever confirmed a listing is a staff address, not a contact route.
VERBORGEN_VELDEN_ANONIEM = {"assurer_email"}


@dataclass(frozen=True)
class Bereik:
    professioneel: bool = False
    organisatie_id: object = None  # the organisation whose token is used, if any

    @property
    def is_professional(self) -> bool:
        # `search.zoek` asks its user this question.
        return self.professioneel

    @property
    def ziet_alle_details(self) -> bool:
        # The directory's contact-route rule (`toont_plaats`) asks this.
        return self.professioneel

    @property
    def toont_metadata(self) -> bool:
        return self.professioneel

    def services(self):
        """Listings that may appear at all."""
        return m.Service.objects.zichtbaar_voor(self)

    def services_per_rij(self):
        """The same listings as `services`, tested row by row.

        For queries that narrow by id, organisation or term themselves: SQLite (without
        table statistics) otherwise walks the status index through every listing in the
        country instead of looking up the few rows asked for.
        """
        return m.Service.objects.filter(Exists(self.services().filter(pk=OuterRef("pk"))))

    def volledige_services(self):
        """Listings whose places, times and phone numbers may appear."""
        return m.Service.objects.met_plaats_voor(self)

    def verbergt_details(self, zichtbaarheid: str) -> bool:
        return not m.toont_plaats(zichtbaarheid, self)

    def organisaties(self):
        return m.Organization.objects.filter(pk__in=self.services().values("organization_id"))

    def service_at_locations(self):
        return m.ServiceAtLocation.objects.filter(service__in=self.volledige_services())

    def service_at_locations_per_rij(self):
        """The same as `service_at_locations`, tested row by row (EXISTS on the service's key).

        For queries that ask for a few rows: `service__in` makes SQLite first collect every
        visible service, which at 150,000 listings costs a second for one service_at_location.
        """
        return m.ServiceAtLocation.objects.filter(
            Exists(self.volledige_services().filter(pk=OuterRef("service_id")))
        )

    def locaties(self):
        return m.Location.objects.filter(pk__in=self.service_at_locations().values("location_id"))

    def beperkt(self, model) -> bool:
        """Whether `basis` narrows this model: rows of other models may come from anywhere."""
        return model is m.Service or (model is m.Location and not self.professioneel)

    def basis(self, model):
        """Where nested rows of a model come from: only visible listings and places."""
        if not self.beperkt(model):
            return model.objects.all()
        if model is m.Service:
            return self.services_per_rij()
        # Callers ask for a page's worth of places by id: test just those, rather than
        # building the set of every visible place first.
        return m.Location.objects.filter(
            Exists(self.service_at_locations_per_rij().filter(location_id=OuterRef("pk")))
        )
