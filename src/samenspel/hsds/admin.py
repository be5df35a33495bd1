"""Import runs and API keys in the beheerder's admin.

Keys are made with `samenspel apisleutel nieuw`, which shows a key once; here a beheerder sees
who has one and can switch it off.
"""

from django.contrib import admin

from samenspel.hsds.models import ApiToken, Importrun


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
    readonly_fields = ("organisatie", "begin", "aangemaakt", "laatst_gebruikt")

    def has_add_permission(self, request):
        return False
