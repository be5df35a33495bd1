from django.contrib import admin

from samenspel.areas.models import Gebied


@admin.register(Gebied)
class GebiedAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "niveau", "ouder")
    list_filter = ("niveau",)
    search_fields = ("code", "naam")
