"""The action list: what a gemeente's network does about a gap, who owns it, by when.

Issue 12, item 6: "a gap list that becomes an action list (what, owner, date, status)". The
owner is an organisation of the kaart, never a person (issue 12, item 8). There is no
delete: an action that is no longer wanted becomes "vervallen", its end state, so the list
keeps its history.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Actiestatus(models.TextChoices):
    OPEN = "open", _("open")
    BEZIG = "bezig", _("bezig")
    KLAAR = "klaar", _("klaar")
    VERVALLEN = "vervallen", _("vervallen")


# An action still to be done: the gap list says a gap "has an action" only for these.
LOPEND = (Actiestatus.OPEN, Actiestatus.BEZIG)


class Actie(models.Model):
    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="scanacties",
        limit_choices_to={"niveau": "gemeente"},
    )
    gebied = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk of buurt"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    bouwsteen = models.ForeignKey(
        "directory.TaxonomyTerm",
        verbose_name=_("bouwsteen"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    wat = models.TextField(_("wat"))
    # An organisation of the kaart. When it leaves the kaart the action stays, without owner.
    eigenaar = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("eigenaar"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    streefdatum = models.DateField(_("streefdatum"))
    status = models.CharField(
        _("status"), max_length=10, choices=Actiestatus.choices, default=Actiestatus.OPEN
    )
    # The gap it came from, as text: gap kinds are computed, not stored (`wijkscan.gaten`).
    gat_soort = models.CharField(_("soort gat"), max_length=40, blank=True)
    gat_uitleg = models.TextField(_("uitleg bij het gat"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    gewijzigd = models.DateTimeField(_("gewijzigd"), default=timezone.now)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["-aangemaakt", "-id"]
        indexes = [models.Index(fields=["gemeente", "status"])]

    def __str__(self) -> str:
        return self.wat[:60]

    @property
    def is_lopend(self) -> bool:
        return self.status in LOPEND

    @property
    def is_vervallen(self) -> bool:
        return self.status == Actiestatus.VERVALLEN
