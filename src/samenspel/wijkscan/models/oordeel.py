"""Local judgement (issue 12, item 4): a gemeente's criteria, and rounds in which partners judge
each bouwsteen for a wijk through a signed link, without an account.

No person is stored: an invitation has a label (an organisation, or "bewoner Zambesidreef") and
a kind of judge. A closed round keeps its summary per bouwsteen, so the history of a wijk stays.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.wijkscan.criteria import ALGEMEEN, SOORTEN


class Criteriumkeuze(models.Model):
    """A gemeente's change to the criteria of one bouwsteen.

    With ``standaard`` set it changes a default criterion (other text, or hidden); without it, it
    is the gemeente's own criterion.
    """

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
    standaard = models.CharField(_("standaardcriterium"), max_length=40, blank=True)
    tekst = models.CharField(_("tekst"), max_length=300, blank=True)
    soort = models.CharField(_("soort"), max_length=10, choices=SOORTEN, default=ALGEMEEN)
    verborgen = models.BooleanField(_("verborgen"), default=False)

    class Meta:
        verbose_name = _("criterium van de gemeente")
        verbose_name_plural = _("criteria van de gemeente")
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "bouwsteen", "standaard"],
                condition=~models.Q(standaard=""),
                name="wijkscan_criteriumkeuze_een_per_standaard",
            )
        ]

    def __str__(self) -> str:
        return self.tekst or self.standaard

    @property
    def sleutel(self) -> str:
        return self.standaard or f"eigen-{self.pk}"


class Niveau(models.TextChoices):
    """The four judgements, lowest first; the order is the scale (seed 003, l.843–857)."""

    AFWEZIG = "afwezig", _("afwezig")
    ONVOLDOENDE = "onvoldoende", _("onvoldoende")
    VOLDOENDE = "voldoende", _("voldoende")
    STERK = "sterk", _("sterk")


WEET_NIET = "weet_niet"
NIVEAUS = [n.value for n in Niveau]


class Soort(models.TextChoices):
    FORMEEL = "formeel", _("formele partner (zorg, welzijn, corporatie)")
    INFORMEEL = "informeel", _("informele partner (vrijwilligers, buurtinitiatief)")
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("ervaringsdeskundige")
    BEWONER = "bewoner", _("bewoner")


class Oordeelronde(models.Model):
    """One round of judgement for a wijk; open until a netwerkhouder closes it."""

    gemeente = models.ForeignKey(
        "areas.Gebied", verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="+"
    )
    wijk = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="oordeelrondes",
    )
    gestart_op = models.DateTimeField(_("gestart op"), default=timezone.now)
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # Bouwsteen code -> the criteria as they were at the start: [{sleutel, tekst, soort, bron}].
    criteria = models.JSONField(_("criteria"), default=dict, blank=True)
    # Bouwsteen code -> {verdeling, niveau, aantal, weet_niet}; written when the round closes.
    samenvatting = models.JSONField(_("samenvatting"), default=dict, blank=True)

    class Meta:
        verbose_name = _("oordeelronde")
        verbose_name_plural = _("oordeelrondes")
        ordering = ["-gestart_op", "-id"]

    def __str__(self) -> str:
        return f"{self.wijk} {self.gestart_op:%Y-%m-%d}"

    @property
    def open(self) -> bool:
        return self.gesloten_op is None


class Uitnodiging(models.Model):
    """One partner invited to a round: a label and a kind, never a person's name or address."""

    ronde = models.ForeignKey(
        Oordeelronde,
        verbose_name=_("ronde"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    label = models.CharField(
        _("wie"),
        max_length=120,
        help_text=_(
            "De naam van een organisatie, of een omschrijving zoals 'bewoner Zambesidreef'. "
            "Geen naam of e-mailadres van een persoon."
        ),
    )
    soort = models.CharField(_("soort partner"), max_length=20, choices=Soort.choices)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging voor een oordeel")
        verbose_name_plural = _("uitnodigingen voor een oordeel")
        ordering = ["aangemaakt", "id"]

    def __str__(self) -> str:
        return self.label


class Oordeel(models.Model):
    """One invited partner's judgement of one bouwsteen in the round's wijk."""

    uitnodiging = models.ForeignKey(
        Uitnodiging,
        verbose_name=_("uitnodiging"),
        on_delete=models.CASCADE,
        related_name="oordelen",
    )
    bouwsteen = models.ForeignKey(
        "directory.TaxonomyTerm",
        verbose_name=_("bouwsteen"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    niveau = models.CharField(
        _("oordeel"),
        max_length=12,
        choices=[*Niveau.choices, (WEET_NIET, _("weet ik niet"))],
    )
    onderbouwing = models.TextField(_("waarop baseer je dit?"), blank=True)
    criteria = models.JSONField(_("wat je ziet in de wijk"), default=list, blank=True)

    class Meta:
        verbose_name = _("oordeel")
        verbose_name_plural = _("oordelen")
        constraints = [
            models.UniqueConstraint(
                fields=["uitnodiging", "bouwsteen"], name="wijkscan_oordeel_een_per_bouwsteen"
            )
        ]

    def __str__(self) -> str:
        return f"{self.bouwsteen}: {self.niveau}"
