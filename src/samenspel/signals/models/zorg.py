"""A worry about a person, handed warmly to the team that may act on it, and the routing
rules that say which team that is (issue 13, items 2, 3 and 5).

Seed 003 calls vroegsignalering a relay, "Signaleren → Melden → Opvolgen", where the baton
can fall at every hand-over (l.1760–1786); signals land on "olifantenpaadjes", at the
corporatie or the police (l.1908–1942). So a worry goes to one team by a rule, the team
acknowledges it, and a team on the wrong path forwards it in one step.

What the signaller wrote (``wat``), the address and their contact route are personal data:
only the receiving team reads them, and they are erased on schedule (``retentie.py``); the
row stays with its status, dates, buurt and team, so the anonymous counts stay.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_TEKST = 2000


def _nu():
    """Now, looked up at save time (so a test can fix the clock)."""
    return timezone.now()


class Soort(models.TextChoices):
    """The kinds of worry a routing rule sends to a team."""

    ZORG = "zorg", _("zorg om iemand (volwassene)")
    JEUGD = "jeugd", _("zorg om een kind of jongere")
    WONEN = "wonen", _("zorg rond wonen, vervuiling of overlast")


class Routeregel(models.Model):
    """Per gemeente: this team receives this kind of worry for this wijk.

    A rule without a wijk is the gemeente's fallback for that kind.
    """

    gemeente = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="routeregels",
        limit_choices_to={"niveau": "gemeente"},
    )
    wijk = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"niveau": "wijk"},
    )
    soort = models.CharField(_("soort zorg"), max_length=10, choices=Soort.choices)
    team = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="routeregels",
    )
    openingstijden = models.CharField(_("openingstijden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("routeregel")
        verbose_name_plural = _("routeregels")
        ordering = ["gemeente__naam", "soort", "wijk__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "wijk", "soort"], name="routeregel_een_per_wijk_en_soort"
            ),
            models.UniqueConstraint(
                fields=["gemeente", "soort"],
                condition=models.Q(wijk=None),
                name="routeregel_een_terugval_per_soort",
            ),
        ]

    def __str__(self) -> str:
        waar = self.wijk.naam if self.wijk_id else _("hele gemeente")
        return f"{self.gemeente.naam}, {waar}, {self.get_soort_display()}: {self.team.name}"

    @property
    def is_terugval(self) -> bool:
        return self.wijk_id is None


class Zorgstatus(models.TextChoices):
    NIEUW = "nieuw", _("nieuw, nog niet gezien")
    ONTVANGEN = "ontvangen", _("ontvangen")
    OPGEPAKT = "opgepakt", _("opgepakt")
    AFGEROND = "afgerond", _("afgerond")
    DOORGEZET = "doorgezet", _("doorgezet")


# What a team may set; "nieuw" is only where a worry starts.
TEAMSTATUSSEN = [s for s in Zorgstatus if s != Zorgstatus.NIEUW]
AFGESLOTEN = {Zorgstatus.AFGEROND, Zorgstatus.DOORGEZET}


class Zorgmelding(models.Model):
    """One worry about a person, at the team that may act on it."""

    gemeente = models.ForeignKey(
        "areas.Gebied", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    buurt = models.ForeignKey(
        "areas.Gebied", verbose_name=_("buurt"), on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField(_("soort zorg"), max_length=10, choices=Soort.choices)
    team = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="zorgmeldingen",
    )
    # The content: personal data, for the receiving team only, erased on schedule.
    wat = models.TextField(_("wat je ziet"), max_length=MAX_TEKST, blank=True)
    straat = models.CharField(_("straat"), max_length=100, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=10, blank=True)
    contact = models.CharField(_("contact met de melder"), max_length=200, blank=True)
    # The signaller's choice: may the person concerned learn who signalled? Default no.
    naam_mag_gedeeld = models.BooleanField(_("de persoon mag weten wie meldde"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Zorgstatus.choices, default=Zorgstatus.NIEUW
    )
    aangemaakt = models.DateTimeField(_("doorgegeven op"), default=_nu)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    bijgewerkt_op = models.DateTimeField(_("laatst bijgewerkt"), default=_nu)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    herinnerd_op = models.DateField(_("herinnering gestuurd op"), null=True, blank=True)
    gewist_op = models.DateTimeField(_("inhoud gewist op"), null=True, blank=True)

    class Meta:
        verbose_name = _("zorg om iemand")
        verbose_name_plural = _("zorgen om iemand")
        ordering = ["-aangemaakt", "-id"]
        indexes = [models.Index(fields=["team", "-aangemaakt"])]

    def __str__(self) -> str:
        return f"{self.kenmerk} ({self.get_status_display()})"

    @property
    def kenmerk(self) -> str:
        return f"Z-{self.pk:05d}" if self.pk else "Z-?"

    @property
    def is_gewist(self) -> bool:
        return self.gewist_op is not None

    @property
    def laatste_doorzending(self):
        return self.doorzendingen.order_by("-wanneer", "-id").first()


class Doorzending(models.Model):
    """A worry forwarded from a team on the wrong path to the right team (olifantenpaadje).

    The first team keeps seeing the status and dates through this row, not the content.
    """

    melding = models.ForeignKey(Zorgmelding, on_delete=models.CASCADE, related_name="doorzendingen")
    van_team = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="+"
    )
    naar_team = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="+"
    )
    wanneer = models.DateTimeField(_("wanneer"), default=_nu)

    class Meta:
        verbose_name = _("doorgestuurde zorg")
        verbose_name_plural = _("doorgestuurde zorgen")
        ordering = ["-wanneer", "-id"]

    def __str__(self) -> str:
        return f"{self.melding.kenmerk}: {self.van_team.name} → {self.naar_team.name}"
