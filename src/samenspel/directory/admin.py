"""The beheerder's Django admin for the kaart. Every edit here is kept in the history too."""

from django.contrib import admin

from samenspel.core.admin import LogboekAdmin
from samenspel.directory import historie
from samenspel.directory import models as m


class MetHistorie(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            historie.leg_formulier_vast(form, request.user)
        else:
            historie.leg_vast(obj, "aangemaakt", request.user)


class AanbodOpLocatie(admin.TabularInline):
    model = m.ServiceAtLocation
    extra = 0
    autocomplete_fields = ("location",)


class Tijden(admin.TabularInline):
    model = m.Schedule
    fk_name = "service"
    extra = 0
    fields = ("byday", "opens_at", "closes_at", "description")


class Toegankelijkheid(admin.TabularInline):
    """Features carry their list text as description; other texts are shown as written."""

    model = m.Accessibility
    extra = 0
    fields = ("description", "details", "url")


@admin.register(m.Service)
class ServiceAdmin(MetHistorie):
    list_display = ("name", "organization", "moderatie", "status", "zichtbaarheid", "assured_date")
    list_filter = ("moderatie", "status", "zichtbaarheid", "route", "organization__sector")
    search_fields = ("name", "description", "organization__name", "beheerder_email")
    autocomplete_fields = ("organization",)
    inlines = (AanbodOpLocatie, Tijden)
    date_hierarchy = "assured_date"
    # A decision on a registration goes through the moderation page (actions.keur_goed and
    # the others), which records it and mails the registrant; set here, it would skip both.
    readonly_fields = ("moderatie", "moderatie_bericht")


@admin.register(m.Organization)
class OrganizationAdmin(MetHistorie):
    list_display = ("name", "sector", "gemeente")
    list_filter = ("sector",)
    search_fields = ("name", "description")


@admin.register(m.Location)
class LocationAdmin(MetHistorie):
    list_display = ("name", "buurt", "latitude", "longitude")
    search_fields = ("name", "addresses__address_1", "addresses__postal_code")
    autocomplete_fields = ("organization",)
    inlines = (Toegankelijkheid,)


@admin.register(m.TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "taxonomy", "volgorde")
    list_filter = ("taxonomy",)
    search_fields = ("name", "code")


@admin.register(m.Wijziging)
class WijzigingAdmin(LogboekAdmin):
    """History is append-only: readable, never editable."""

    list_display = (
        "last_action_date",
        "resource_type",
        "field_name",
        "last_action_type",
        "updated_by",
    )
    list_filter = ("resource_type", "last_action_type")
    search_fields = ("resource_id", "updated_by", "field_name")
