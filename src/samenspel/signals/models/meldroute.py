"""A gemeente's own routes for a worry (meldpunt, crisisdienst, huisartsenpost, wijkteam).

Set by a beheerder (``toegang.beheert_routes``); shown in the meldroute matrix
(``signals.meldroute``) instead of the national fallback. These are public numbers of
organisations, never anything about a person.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.directory.registratie import telefoon_cijfers
from samenspel.signals.meldroute import Regionaal


class RegionaleRouteQuerySet(models.QuerySet):
    def per_soort(self, gemeente) -> dict[str, list["RegionaleRoute"]]:
        uit: dict[str, list[RegionaleRoute]] = {}
        for route in self.filter(gemeente=gemeente):
            uit.setdefault(route.soort, []).append(route)
        return uit


class RegionaleRoute(models.Model):
    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="meldroutes",
        limit_choices_to={"niveau": "gemeente"},
    )
    soort = models.CharField(_("soort route"), max_length=20, choices=Regionaal.choices)
    naam = models.CharField(_("naam"), max_length=120)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30)
    openingstijden = models.CharField(_("wanneer bereikbaar"), max_length=200, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = RegionaleRouteQuerySet.as_manager()

    class Meta:
        verbose_name = _("regionale meldroute")
        verbose_name_plural = _("regionale meldroutes")
        ordering = ["gemeente", "soort", "naam", "id"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_soort_display()})"

    @property
    def bellen(self) -> str:
        """The digits behind the tel: link."""
        return telefoon_cijfers(self.telefoon) or "".join(c for c in self.telefoon if c.isdigit())
