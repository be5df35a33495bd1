from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from samenspel.accounts.models import Gebruiker


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
