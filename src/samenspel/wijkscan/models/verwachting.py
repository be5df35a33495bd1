"""A gemeente's own formula for expected supply, its draagkracht and draaglast, and what
professionals in the wijk know about a flag (``wijkscan.verwachting``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verwachtingsformule(models.Model):
    """The gemeente's weights for one bouwsteen; absent means the default of the project."""

    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"niveau": "gemeente"},
    )
    bouwsteen = models.ForeignKey(
        "directory.TaxonomyTerm",
        verbose_name=_("bouwsteen"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Figure key -> weight (a number ≥ 0), see ``samenspel.areas.cijfers.FIGUREN``.
    gewichten = models.JSONField(_("gewichten"), default=dict)

    class Meta:
        verbose_name = _("formule voor verwacht aanbod")
        verbose_name_plural = _("formules voor verwacht aanbod")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bouwsteen"], name="een_formule_per_bouwsteen"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} – {self.bouwsteen}"


class Verwachtingsinstelling(models.Model):
    """The margin around the expectation; a gemeente without a row has the default (25 %)."""

    gemeente = models.OneToOneField(
        "areas.Gebied", verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="+"
    )
    marge = models.PositiveSmallIntegerField(_("marge (procent)"), default=25)

    class Meta:
        verbose_name = _("marge van de verwachting")
        verbose_name_plural = _("marges van de verwachting")

    def __str__(self) -> str:
        return f"{self.gemeente}: {self.marge} %"


class Draagsoort(models.TextChoices):
    DRAAGKRACHT = "draagkracht", _("draagkracht")
    DRAAGLAST = "draaglast", _("draaglast")


class Draagformule(models.Model):
    """The gemeente's own composition of draagkracht or draaglast; absent means the default."""

    gemeente = models.ForeignKey(
        "areas.Gebied", verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="+"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Draagsoort.choices)
    # Figure key -> weight; a minus sign means the figure counts against the score.
    gewichten = models.JSONField(_("gewichten"), default=dict)

    class Meta:
        verbose_name = _("formule voor draagkracht of draaglast")
        verbose_name_plural = _("formules voor draagkracht en draaglast")
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "soort"], name="een_draagformule_per_soort")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} – {self.get_soort_display()}"


class Afschalen(models.TextChoices):
    OPEN = "", _("nog niet besloten")
    JA = "ja", _("ja")
    NEE = "nee", _("nee")


class Wijkkennis(models.Model):
    """What professionals in the wijk know about one area × bouwsteen. Every save is a new
    row, so the history stays; the newest row is what holds now. Never names a person."""

    gemeente = models.ForeignKey(
        "areas.Gebied", verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="+"
    )
    gebied = models.ForeignKey(
        "areas.Gebied", verbose_name=_("wijk of buurt"), on_delete=models.CASCADE, related_name="+"
    )
    bouwsteen = models.ForeignKey(
        "directory.TaxonomyTerm",
        verbose_name=_("bouwsteen"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    tekst = models.TextField(_("wat professionals in de wijk weten"), max_length=1000, blank=True)
    afschalen = models.CharField(
        _("afschalen?"), max_length=3, choices=Afschalen.choices, default=Afschalen.OPEN, blank=True
    )
    reden = models.TextField(_("waarom"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("kennis uit de wijk")
        verbose_name_plural = _("kennis uit de wijk")
        ordering = ["-wanneer", "-id"]
        indexes = [models.Index(fields=["gemeente", "gebied", "bouwsteen"])]

    def __str__(self) -> str:
        return f"{self.gebied} – {self.bouwsteen} ({self.wanneer:%Y-%m-%d})"
