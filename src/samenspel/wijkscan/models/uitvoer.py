"""The matrix as it stood on a date, so a gemeente sees its supply change over time."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stand(models.Model):
    """The numbers of one matrix cell (area × bouwsteen) on one date.

    Written only by `wijkscan.actions.leg_stand_vast`, one row per area × bouwsteen per date.
    The numbers are counted as the public sees the kaart, so a trend is the same whoever
    recorded it, and shows nothing a public matrix would not.
    """

    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    gebied = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gebied"),
        on_delete=models.CASCADE,
        related_name="scanstanden",
    )
    bouwsteen = models.CharField(_("bouwsteen"), max_length=100)
    datum = models.DateField(_("datum"))
    aantal = models.PositiveIntegerField(_("aantal aanbod"), default=0)
    per_1000_inwoners = models.FloatField(_("per 1.000 inwoners"), null=True, blank=True)
    lopen = models.PositiveIntegerField(_("op loopafstand"), null=True, blank=True)
    fietsen = models.PositiveIntegerField(_("op fietsafstand"), null=True, blank=True)
    aandeel_vers = models.FloatField(_("aandeel actueel"), null=True, blank=True)
    formeel = models.PositiveIntegerField(_("formeel"), default=0)
    informeel = models.PositiveIntegerField(_("informeel"), default=0)
    hybride = models.PositiveIntegerField(_("formeel en informeel"), default=0)
    sector_onbekend = models.PositiveIntegerField(_("sector onbekend"), default=0)
    aangenomen_procent = models.PositiveSmallIntegerField(
        _("verwijzingen aangenomen (%)"), null=True, blank=True
    )
    reageert_binnen_dagen = models.PositiveSmallIntegerField(
        _("reageert binnen (dagen)"), null=True, blank=True
    )

    # The numbers a row holds, in the order of `matrix.Cel`; used to write and compare rows.
    GETALLEN = (
        "aantal",
        "per_1000_inwoners",
        "lopen",
        "fietsen",
        "aandeel_vers",
        "formeel",
        "informeel",
        "hybride",
        "sector_onbekend",
        "aangenomen_procent",
        "reageert_binnen_dagen",
    )

    class Meta:
        verbose_name = _("stand van de matrix")
        verbose_name_plural = _("standen van de matrix")
        ordering = ["gebied", "bouwsteen", "datum"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebied", "bouwsteen", "datum"], name="wijkscan_stand_een_per_datum"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gebied_id} {self.bouwsteen} {self.datum}"
