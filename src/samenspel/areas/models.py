"""Gemeente > wijk > buurt, keyed by CBS code (GM…, WK…, BU…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Niveau(models.TextChoices):
    GEMEENTE = "gemeente", _("gemeente")
    WIJK = "wijk", _("wijk")
    BUURT = "buurt", _("buurt")


CODE_PREFIX = {Niveau.GEMEENTE: "GM", Niveau.WIJK: "WK", Niveau.BUURT: "BU"}


class GebiedQuerySet(models.QuerySet):
    def gemeenten(self):
        return self.filter(niveau=Niveau.GEMEENTE)

    def wijken(self):
        return self.filter(niveau=Niveau.WIJK)

    def buurten(self):
        return self.filter(niveau=Niveau.BUURT)

    def binnen(self, gemeente):
        """The gemeente itself, its wijken and their buurten."""
        return self.filter(
            models.Q(pk=gemeente.pk) | models.Q(ouder=gemeente) | models.Q(ouder__ouder=gemeente)
        )


class Gebied(models.Model):
    code = models.CharField(_("CBS-code"), max_length=10, primary_key=True)
    naam = models.CharField(_("naam"), max_length=120)
    niveau = models.CharField(_("niveau"), max_length=10, choices=Niveau.choices)
    ouder = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kinderen",
    )
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    geometrie = models.JSONField(_("GeoJSON-geometrie"), null=True, blank=True)
    cijfers = models.JSONField(_("gebiedscijfers"), default=dict, blank=True)

    objects = GebiedQuerySet.as_manager()

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(niveau="gemeente", code__startswith="GM")
                | models.Q(niveau="wijk", code__startswith="WK")
                | models.Q(niveau="buurt", code__startswith="BU"),
                name="gebied_code_past_bij_niveau",
            )
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def gemeente(self) -> "Gebied":
        gebied = self
        while gebied.ouder_id and gebied.niveau != Niveau.GEMEENTE:
            gebied = gebied.ouder
        return gebied

    @property
    def wijk(self) -> "Gebied | None":
        if self.niveau == Niveau.BUURT:
            return self.ouder
        return self if self.niveau == Niveau.WIJK else None

    def keten(self) -> list["Gebied"]:
        """This area and all areas above it, smallest first."""
        keten, gebied = [self], self
        while gebied.ouder_id:
            gebied = gebied.ouder
            keten.append(gebied)
        return keten

    def bevat_punt(self, lat: float, lon: float) -> bool:
        from samenspel.areas.buurtzoeker import Buurtzoeker

        return Buurtzoeker([(self.code, self.geometrie)]).buurt_voor(lat, lon) is not None
