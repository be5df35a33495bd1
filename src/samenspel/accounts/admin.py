from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.admin import UserAdmin

from samenspel.accounts import inlogbeveiliging
from samenspel.accounts.models import Accountgebeurtenis, Gebruiker


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ("username", "email", "rol", "is_active")
    list_filter = ("rol", "is_active")
    fieldsets = UserAdmin.fieldsets + (
        ("Samenspel", {"fields": ("rol", "organisatie", "gebieden")}),
    )
    filter_horizontal = ("gebieden", "groups", "user_permissions")


def _alleen_beheerders(request) -> bool:
    gebruiker = request.user
    return gebruiker.is_active and (gebruiker.is_superuser or gebruiker.rol == "beheerder")


# The Django admin is for beheerders only, whatever other staff flags a user has.
admin.site.has_permission = _alleen_beheerders


class BeheerInlogFormulier(inlogbeveiliging.BlokkadeMelding, AdminAuthenticationForm):
    """The admin's login, locked after too many failures like the site's own."""


admin.site.login_form = BeheerInlogFormulier


@admin.register(Accountgebeurtenis)
class AccountgebeurtenisAdmin(admin.ModelAdmin):
    list_display = ("wanneer", "gebruiker", "soort")
    list_filter = ("soort",)
    search_fields = ("gebruiker__username",)

    # A record of what happened: nobody edits it afterwards.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
