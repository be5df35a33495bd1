"""Gemeente > wijk > buurt, keyed by CBS code (GM…, WK…, BU…)."""

import json
import math

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
        if not self.geometrie:
            return False
        return punt_in_geometrie(lat, lon, self.geometrie)


def _in_ring(lat: float, lon: float, ring: list) -> bool:
    # Ray casting; GeoJSON rings are [lon, lat].
    binnen = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            snij_x = (xj - xi) * (lat - yi) / ((yj - yi) or 1e-12) + xi
            if lon < snij_x:
                binnen = not binnen
        j = i
    return binnen


def punt_in_geometrie(lat: float, lon: float, geometrie: dict | str) -> bool:
    if isinstance(geometrie, str):
        geometrie = json.loads(geometrie)
    soort = geometrie.get("type")
    polygonen = []
    if soort == "Polygon":
        polygonen = [geometrie["coordinates"]]
    elif soort == "MultiPolygon":
        polygonen = geometrie["coordinates"]
    for polygon in polygonen:
        if polygon and _in_ring(lat, lon, polygon[0]):
            if not any(_in_ring(lat, lon, gat) for gat in polygon[1:]):
                return True
    return False


def afstand_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0088 * 2 * math.asin(math.sqrt(h))


def buurt_voor_punt(lat: float, lon: float) -> Gebied | None:
    """The buurt whose geometry holds the point, if any buurt has geometry."""
    for buurt in Gebied.objects.buurten().exclude(geometrie=None):
        if buurt.bevat_punt(lat, lon):
            return buurt
    return None
