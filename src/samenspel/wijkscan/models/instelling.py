"""A gemeente's settings for its wijkscan, and the log of what changed in it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scaninstelling(models.Model):
    """One row per gemeente that changed a default; a gemeente without one has the defaults."""

    gemeente = models.OneToOneField(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="scaninstelling",
        limit_choices_to={"niveau": "gemeente"},
    )
    matrix_openbaar = models.BooleanField(
        _("matrix openbaar"),
        default=False,
        help_text=_(
            "Iedereen, ook bewoners, ziet het aanbod en de signalen per buurt en bouwsteen. "
            "Oordelen in bewerking en de actielijst blijven voor netwerkhouders en analisten."
        ),
    )

    class Meta:
        verbose_name = _("instelling van de wijkscan")
        verbose_name_plural = _("instellingen van de wijkscan")

    def __str__(self) -> str:
        return str(self.gemeente)


class Voorval(models.TextChoices):
    MATRIX_OPENBAAR = "matrix_openbaar", _("matrix openbaar gemaakt")
    MATRIX_BESLOTEN = "matrix_besloten", _("matrix niet meer openbaar")
    # acties
    ACTIE_NIEUW = "actie_nieuw", _("actie gemaakt")
    ACTIE_STATUS = "actie_status", _("status van een actie veranderd")
    ACTIE_BEWERKT = "actie_bewerkt", _("actie bewerkt")
    # verwachting
    GEWICHTEN = "gewichten", _("gewichten van een formule aangepast")
    GEWICHTEN_STANDAARD = "gewichten_standaard", _("formule terug naar de standaard")
    MARGE = "marge", _("marge van de verwachting aangepast")
    DRAAGFORMULE = "draagformule", _("draagkracht of draaglast anders samengesteld")
    DRAAGFORMULE_STANDAARD = (
        "draagformule_standaard",
        _("draagkracht of draaglast terug naar de standaard"),
    )
    WIJKKENNIS = "wijkkennis", _("kennis uit de wijk vastgelegd")
    STAND_VASTGELEGD = "stand_vastgelegd", _("stand van de matrix vastgelegd")
    # oordeel
    CRITERIA_GEWIJZIGD = "criteria_gewijzigd", _("criteria van een bouwsteen gewijzigd")
    RONDE_GESTART = "oordeelronde_gestart", _("oordeelronde gestart")
    PARTNER_UITGENODIGD = "partner_uitgenodigd", _("partner uitgenodigd voor een oordeel")
    OORDEEL_GEGEVEN = "oordeel_gegeven", _("oordeel gegeven of veranderd")
    RONDE_GESLOTEN = "oordeelronde_gesloten", _("oordeelronde gesloten")


class Gebeurtenis(models.Model):
    """What changed in a gemeente's wijkscan, by whom, when. Written only by wijkscan.actions.

    ``wat`` holds the change in words and numbers (a weight, a status), never a person.
    """

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=30, choices=Voorval.choices)
    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="scangebeurtenissen",
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    wat = models.JSONField(_("wat"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis in de wijkscan")
        verbose_name_plural = _("gebeurtenissen in de wijkscan")
        ordering = ["wanneer", "id"]

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M} {self.get_soort_display()}"
