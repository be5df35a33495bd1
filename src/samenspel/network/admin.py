"""The web in the beheerder's admin: to look up, never to edit.

Every change of a person or tie goes through ``network.actions`` (event row and audit row);
an edit here would bypass both, so the admin only reads. Opening a person's entry here is a
read by someone else, and is in the audit log like any other (``personen.bekijk``).
"""

from django.contrib import admin

from samenspel.core.admin import LogboekAdmin

from . import personen
from .models import Band, Persoon


@admin.register(Persoon)
class PersoonAdmin(LogboekAdmin):
    list_display = ("__str__", "organisatie", "verbinderrol", "sinds", "vertrokken", "ingestemd_op")
    list_filter = ("verbinderrol", "vertrokken")
    search_fields = ("organisatie__name",)
    list_select_related = ("organisatie",)
    # The list shows what an organisation's page shows partners; the entry is audited.
    fields = (
        "organisatie",
        "naam",
        "functie",
        "verbinderrol",
        "bereikbaar",
        "email",
        "wijk",
        "vrijwilligers",
        "sinds",
        "vertrokken",
        "ingestemd_op",
        "uitgestapt_op",
        "gewist_op",
    )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        persoon = self.get_object(request, object_id)
        if persoon is not None:
            personen.bekijk(persoon, request.user)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Band)
class BandAdmin(LogboekAdmin):
    list_display = ("__str__", "soort", "sinds", "laatste_contact", "beeindigd")
    list_filter = ("soort",)
    list_select_related = ("van__organisatie", "naar__organisatie")
    search_fields = ("van__organisatie__name", "naar__organisatie__name")
    fields = ("van", "naar", "soort", "sinds", "laatste_contact", "beeindigd")
