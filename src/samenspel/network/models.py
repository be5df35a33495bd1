"""Het web: the people who carry the contact between organisations, and the ties they carry.

Formal and informal support meet through people, not through systems: "vaak
persoonsgebonden" (seed 000 l.372–373), and when staff change the contact fades (000
l.885–888). So a tie between two organisations is recorded as a named pair of people, and an
organisation keeps "altijd een paar bruggen met het andere netwerk … wanneer één brug
wegvalt" (000 l.893–897) only if more than one pair carries it.

A person is shown to partners only after they agreed (``ingestemd_op``); until then their
organisation shows only the role (``Persoon.zichtbaar_als``). Ties that grow from referrals
are not stored: they are counted from the referrals when asked (``network.verwijsbanden``),
so they stay current and hold nothing about a resident.
"""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verbinderrol(models.TextChoices):
    """Roles whose whole work is connecting; a wijk without one of them misses a bridge.

    The volunteer coordinator is "de schakelpersoon" (seed 001 l.2413–2425); knowledge of an
    area sits with a few gebiedsmakelaars on "kwetsbare verbindingsposities" (002 advies 5,
    l.958–970).
    """

    WIJKAMBASSADEUR = "wijkambassadeur", _("wijkambassadeur")
    VRIJWILLIGERSCOORDINATOR = "vrijwilligerscoordinator", _("vrijwilligerscoördinator")
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", _("ervaringsdeskundige in een team")
    KWARTIERMAKER = "kwartiermaker", _("kwartiermaker")
    GEBIEDSMAKELAAR = "gebiedsmakelaar", _("gebiedsmakelaar")


class PersoonQuerySet(models.QuerySet):
    def actief(self, op=None):
        """People who have not left (on the given day, default today)."""
        op = op or timezone.localdate()
        return self.filter(Q(vertrokken__isnull=True) | Q(vertrokken__gt=op))


class Persoon(models.Model):
    """A contact person of an organisation: "het belang van namen" (seed 002 advies 7)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="personen",
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    verbinderrol = models.CharField(
        _("verbinderrol"), max_length=30, choices=Verbinderrol.choices, blank=True
    )
    bereikbaar = models.CharField(
        _("hoe bereikbaar"),
        max_length=250,
        blank=True,
        help_text=_("Bijvoorbeeld: bellen op dinsdag, of via de app."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    # The wijk the person works in: vacant connector roles are counted per wijk.
    wijk = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        limit_choices_to={"niveau": "wijk"},
        related_name="+",
    )
    # A coordinator can stand for the volunteers behind them, so they need not be named
    # (org → coördinator → vrijwilligers); the number says how many.
    vrijwilligers = models.PositiveIntegerField(_("staat voor zoveel vrijwilligers"), default=0)
    sinds = models.DateField(_("sinds"), default=timezone.localdate)
    vertrokken = models.DateField(_("vertrokken op"), null=True, blank=True)
    # Empty until the person agreed through the link sent to them.
    ingestemd_op = models.DateTimeField(_("ingestemd op"), null=True, blank=True)
    # The person stepped out of the web through their own link: gone from partners' view at
    # once, erased with those who left after the retention period (``actions.wis``).
    uitgestapt_op = models.DateTimeField(_("uit het web gestapt op"), null=True, blank=True)
    # Name, e-mail, how to reach and function text are blanked; the row stays, so the ties it
    # carried stay on record and show as "via [rol]" (issue 11, item 9).
    gewist_op = models.DateTimeField(_("gegevens gewist op"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    objects = PersoonQuerySet.as_manager()

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verbinderrol="") | Q(verbinderrol__in=Verbinderrol.values),
                name="persoon_verbinderrol_bekend",
            ),
            models.CheckConstraint(
                condition=Q(vertrokken__isnull=True) | Q(vertrokken__gte=F("sinds")),
                name="persoon_vertrekt_na_sinds",
            ),
        ]

    def __str__(self) -> str:
        return self.zichtbaar_als

    @property
    def ingestemd(self) -> bool:
        return self.ingestemd_op is not None

    @property
    def rol(self) -> str:
        if self.verbinderrol:
            return str(self.get_verbinderrol_display())
        return self.functie or str(_("contactpersoon"))

    @property
    def gewist(self) -> bool:
        return self.gewist_op is not None

    @property
    def zichtbaar_als(self) -> str:
        """What partners may see: the name only after consent, else only the role."""
        if self.ingestemd:
            return self.naam
        return str(
            _("%(rol)s bij %(organisatie)s")
            % {
                "rol": self.rol,
                "organisatie": self.organisatie.name,
            }
        )


class Bandsoort(models.TextChoices):
    VERWIJZEN = "verwijzen", _("verwijzen")
    SAMENWERKEN = "samenwerken", _("samenwerken")
    RUIMTE_DELEN = "ruimte_delen", _("ruimte delen")
    OVERLEG = "overleg", _("overleg")
    CASUSOVERLEG = "casusoverleg", _("casusoverleg")
    KENNISMAKING = "kennismaking", _("kennismaking")


class BandQuerySet(models.QuerySet):
    def actief(self, op=None):
        """Ties whose two people are both still there."""
        op = op or timezone.localdate()
        return self.filter(
            Q(beeindigd__isnull=True) | Q(beeindigd__gt=op),
            Q(van__vertrokken__isnull=True) | Q(van__vertrokken__gt=op),
            Q(naar__vertrokken__isnull=True) | Q(naar__vertrokken__gt=op),
        )


class Band(models.Model):
    """A tie between two organisations, carried by a named pair of people: a bridge.

    Professionals meet volunteers "bij toeval … er is nooit een kennismaking geweest" (seed
    001 l.2011–2013); a kennismaking is a tie too. The pair is stored in one order (``van`` <
    ``naar`` by id), so the same two people cannot hold the same kind of tie twice.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    van = models.ForeignKey(
        Persoon, verbose_name=_("van"), on_delete=models.CASCADE, related_name="banden_van"
    )
    naar = models.ForeignKey(
        Persoon, verbose_name=_("naar"), on_delete=models.CASCADE, related_name="banden_naar"
    )
    soort = models.CharField(_("soort"), max_length=15, choices=Bandsoort.choices)
    sinds = models.DateField(_("sinds"), default=timezone.localdate)
    laatste_contact = models.DateField(_("laatste contact"), null=True, blank=True)
    beeindigd = models.DateField(_("beëindigd op"), null=True, blank=True)

    objects = BandQuerySet.as_manager()

    class Meta:
        verbose_name = _("band")
        verbose_name_plural = _("banden")
        constraints = [
            models.CheckConstraint(condition=Q(van__lt=F("naar")), name="band_paar_geordend"),
            models.CheckConstraint(
                condition=Q(soort__in=Bandsoort.values), name="band_soort_bekend"
            ),
            models.UniqueConstraint(fields=["van", "naar", "soort"], name="band_eenmaal"),
        ]

    def __str__(self) -> str:
        return f"{self.van} – {self.naar} ({self.get_soort_display()})"


class Voorval(models.TextChoices):
    PERSOON_TOEGEVOEGD = "persoon_toegevoegd", _("persoon toegevoegd")
    INGESTEMD = "ingestemd", _("ingestemd met het web")
    VERTROKKEN = "vertrokken", _("vertrokken")
    BAND_GELEGD = "band_gelegd", _("band gelegd")
    CONTACT = "contact", _("contact gehad")
    BAND_BEEINDIGD = "band_beeindigd", _("band beëindigd")
    LINK_VERSTUURD = "link_verstuurd", _("link om in te stemmen verstuurd")
    GECORRIGEERD = "gecorrigeerd", _("eigen gegevens verbeterd")
    UITGESTAPT = "uitgestapt", _("uit het web gestapt")
    GEWEIGERD = "geweigerd", _("wil niet in het web")
    GEWIST = "gewist", _("gegevens gewist")


class Gebeurtenis(models.Model):
    """What changed in the web, by whom, when. Written only by network.actions."""

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=20, choices=Voorval.choices)
    door = models.CharField(_("door"), max_length=200)
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("persoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gebeurtenissen",
    )
    band = models.ForeignKey(
        Band,
        verbose_name=_("band"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gebeurtenissen",
    )

    class Meta:
        verbose_name = _("gebeurtenis in het web")
        verbose_name_plural = _("gebeurtenissen in het web")
        ordering = ["wanneer", "id"]

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M} {self.get_soort_display()}"
