"""Admin building blocks shared by the apps (nothing is registered here)."""

from django.contrib import admin


class LogboekAdmin(admin.ModelAdmin):
    """An append-only log: readable in the admin, never added, changed or deleted there.

    A log that is removed with what it is about (an account's events go with the account)
    allows deleting instead, or the admin would refuse to delete that account.
    """

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
