"""What changed in signalen, by whom, when: never what a worry says, only that it moved."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Voorval(models.TextChoices):
    # Each part adds its kinds here.
    ROUTE_GEWIJZIGD = "route_gewijzigd", _("meldroute gewijzigd")
    # zorg: a worry about a person, and the routing rules.
    ROUTEREGEL_GEWIJZIGD = "routeregel_gewijzigd", _("routeregel gewijzigd")
    ROUTEREGEL_VERWIJDERD = "routeregel_verwijderd", _("routeregel verwijderd")
    ZORG_DOORGEGEVEN = "zorg_doorgegeven", _("zorg doorgegeven aan een team")
    ZORG_STATUS = "zorg_status", _("status van een zorg gewijzigd")
    ZORG_DOORGESTUURD = "zorg_doorgestuurd", _("zorg doorgestuurd naar een ander team")
    ZORG_HERINNERD = "zorg_herinnerd", _("team herinnerd aan een zorg")
    ZORG_GEWIST = "zorg_gewist", _("inhoud van een zorg gewist")
    ZORG_MELDER_GEWIST = "zorg_melder_gewist", _("gegevens van de melder gewist op verzoek")
    # buurtsignaal
    BUURTSIGNAAL_ONTVANGEN = "buurtsignaal_ontvangen", _("buurtsignaal ontvangen")
    BUURTSIGNAAL_BEANTWOORD = "buurtsignaal_beantwoord", _("buurtsignaal beantwoord")
    BUURTSIGNAAL_OP_AGENDA = "buurtsignaal_op_agenda", _("buurtsignaal op de wijkagenda")
    AGENDAPUNT_STATUS = "agendapunt_status", _("status van een agendapunt gewijzigd")
    BUURTSIGNAAL_ADRES_GEWIST = (
        "buurtsignaal_adres_gewist",
        _("e-mailadres bij buurtsignaal gewist"),
    )


class Gebeurtenis(models.Model):
    """One change. Written only by ``signals.actions``.

    ``wat`` holds statuses, counts and ids, never the content of a worry or a signal, nor a
    name or contact detail: the log outlives the content, which is erased on schedule.
    """

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=30, choices=Voorval.choices)
    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signaalgebeurtenissen",
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
        verbose_name = _("gebeurtenis bij signalen")
        verbose_name_plural = _("gebeurtenissen bij signalen")
        ordering = ["wanneer", "id"]

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M} {self.get_soort_display()}"
