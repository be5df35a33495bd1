"""Import runs and API keys in the beheerder's admin.

Keys are made with `samenspel apisleutel nieuw`, which shows a key once; here a beheerder sees
who has one and can revoke it, through the same action as `samenspel apisleutel intrekken`,
so the revocation is recorded (`Sleutelgebeurtenis`).
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samenspel.core.admin import LogboekAdmin
from samenspel.hsds import actions
from samenspel.hsds.models import ApiToken, Importrun, Sleutelgebeurtenis


@admin.register(Importrun)
class ImportrunAdmin(admin.ModelAdmin):
    list_display = ("gestart", "soort", "bron", "bestand", "klaar")
    list_filter = ("soort",)
    search_fields = ("bron", "bestand")
    readonly_fields = ("id", "soort", "bron", "bestand", "gestart", "klaar", "samenvatting")

    def has_add_permission(self, request):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("begin", "organisatie", "omschrijving", "actief", "laatst_gebruikt")
    list_filter = ("actief",)
    search_fields = ("organisatie__name", "omschrijving", "begin")
    fields = ("organisatie", "omschrijving", "begin", "aangemaakt", "laatst_gebruikt", "actief")
    readonly_fields = ("organisatie", "begin", "aangemaakt", "laatst_gebruikt", "actief")
    actions = ("intrekken",)

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Geselecteerde sleutels intrekken"))
    def intrekken(self, request, queryset):
        aantal = sum(actions.trek_in(token, request.user) for token in queryset)
        self.message_user(
            request,
            ngettext("%(n)d sleutel ingetrokken.", "%(n)d sleutels ingetrokken.", aantal)
            % {"n": aantal},
            messages.SUCCESS,
        )


@admin.register(Sleutelgebeurtenis)
class SleutelgebeurtenisAdmin(LogboekAdmin):
    """Append-only: readable, never editable."""

    list_display = ("wanneer", "token", "soort", "door")
    list_filter = ("soort",)
