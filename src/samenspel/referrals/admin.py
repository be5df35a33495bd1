"""Only the intake settings are in the admin: referrals hold residents' data, which only the
parties of a referral may see — not a beheerder."""

from django.contrib import admin

from samenspel.referrals.models import Ontvangst


@admin.register(Ontvangst)
class OntvangstAdmin(admin.ModelAdmin):
    list_display = ("service", "vol", "wachttijd", "reactie_email", "bijgewerkt")
    list_filter = ("vol",)
    search_fields = ("service__name", "reactie_email")
    raw_id_fields = ("service",)
