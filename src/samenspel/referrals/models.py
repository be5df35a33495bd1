"""Verwijzen met toestemming: a referral, its event log, a warm handover, and intake settings.

A referral goes from a sender (a professional, an initiative, or the resident themself) to a
service that takes referrals. The statuses follow the FHIR Task lifecycle that Dutch
eOverdracht also uses, plus ``draft`` for a referral that waits for the resident's own
consent: nothing is shared before that (DESIGN principle 2).

Personal data of the resident lives only in the fields marked below. Erasing them (on
withdrawal or after the retention period) leaves the event log with dates and statuses, which
is all the figures need.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("wacht op toestemming")
    REQUESTED = "requested", _("wacht op antwoord")
    ACCEPTED = "accepted", _("aangenomen")
    REJECTED = "rejected", _("afgewezen")
    IN_PROGRESS = "in-progress", _("bezig")
    ON_HOLD = "on-hold", _("staat even stil")
    COMPLETED = "completed", _("afgerond")
    CANCELLED = "cancelled", _("ingetrokken")
    FAILED = "failed", _("niet gelukt")


# The one table of allowed transitions; actions refuse everything else.
OVERGANGEN: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.REQUESTED, Status.CANCELLED}),
    Status.REQUESTED: frozenset(
        {Status.ACCEPTED, Status.REJECTED, Status.ON_HOLD, Status.CANCELLED}
    ),
    Status.ACCEPTED: frozenset(
        {Status.IN_PROGRESS, Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED, Status.FAILED}
    ),
    Status.IN_PROGRESS: frozenset(
        {Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED, Status.FAILED}
    ),
    Status.ON_HOLD: frozenset(
        {Status.ACCEPTED, Status.IN_PROGRESS, Status.REJECTED, Status.CANCELLED, Status.FAILED}
    ),
}
# An "is er plek?" question is only answered or withdrawn.
PLEKVRAAG_OVERGANGEN: dict[str, frozenset[str]] = {
    Status.REQUESTED: frozenset({Status.ACCEPTED, Status.REJECTED, Status.CANCELLED}),
}
AFGESLOTEN = frozenset({Status.REJECTED, Status.COMPLETED, Status.CANCELLED, Status.FAILED})
REDEN_VERPLICHT = frozenset({Status.REJECTED, Status.ON_HOLD, Status.CANCELLED, Status.FAILED})


class Reden(models.TextChoices):
    GEEN_PLEK = "geen-plek", _("nu geen plek")
    PAST_NIET = "past-niet", _("past niet bij ons")
    WACHTLIJST = "wachtlijst", _("op de wachtlijst")
    GEEN_TOESTEMMING = "geen-toestemming", _("de bewoner gaf geen toestemming")
    TOESTEMMING_INGETROKKEN = "toestemming-ingetrokken", _("de bewoner trok de toestemming in")
    ANDERS = "anders", _("andere reden")


# These codes are a reason on their own; the others need a few words of explanation.
REDEN_ZONDER_UITLEG = frozenset(
    {Reden.GEEN_PLEK, Reden.WACHTLIJST, Reden.GEEN_TOESTEMMING, Reden.TOESTEMMING_INGETROKKEN}
)


class Soort(models.TextChoices):
    VERWIJZING = "verwijzing", _("verwijzing")
    PLEKVRAAG = "plekvraag", _("vraag: is er plek?")


class Afzenderkant(models.TextChoices):
    """Which side sent it: both directions count (DESIGN principle 4)."""

    FORMEEL = "formeel", _("formeel")
    INFORMEEL = "informeel", _("informeel")
    HYBRIDE = "hybride", _("hybride")
    BEWONER = "bewoner", _("de bewoner zelf")


class Terugkoppeling(models.TextChoices):
    """What the sender hears back; the resident decides (seed 000, lines 609-616)."""

    NIETS = "niets", _("niets")
    STATUS = "status", _("alleen de status")
    STATUS_EN_NOTITIE = "status_en_notitie", _("de status en een korte notitie")


class Contactmanier(models.TextChoices):
    TELEFOON = "telefoon", _("bellen of appen")
    EMAIL = "email", _("e-mail")
    VIA_VERWIJZER = "via_verwijzer", _("via degene die verwees")


# --- intake settings of a service ---------------------------------------------------------


class Ontvangst(models.Model):
    """How a service takes referrals: full or not, waiting time, where the e-mails go.

    Kept beside directory.Service (one to one) so the directory stays HSDS-shaped.
    """

    service = models.OneToOneField(
        "directory.Service",
        verbose_name=_("aanbod"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="ontvangst",
    )
    vol = models.BooleanField(_("we zitten nu vol"), default=False)
    wachttijd = models.CharField(_("wachttijd"), max_length=100, blank=True)
    reactie_email = models.EmailField(
        _("e-mailadres voor aanmeldingen"),
        blank=True,
        help_text=_("Leeg: het e-mailadres van de eigenaar van het aanbod."),
    )
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), default=timezone.now)

    class Meta:
        verbose_name = _("ontvangst van verwijzingen")
        verbose_name_plural = _("ontvangst van verwijzingen")

    def __str__(self) -> str:
        return str(self.service_id)

    @classmethod
    def van(cls, service) -> "Ontvangst":
        """The saved settings, or unsaved defaults for a service that never set any."""
        try:
            return service.ontvangst
        except cls.DoesNotExist:
            return cls(service=service)

    @property
    def adres(self) -> str:
        return self.reactie_email or self.service.beheerder_email or self.service.email


# --- the resident's own link --------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Bewoner(models.Model):
    """Only the hash of the resident's private link: no account, no name here."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    token_hash = models.CharField(_("hash van de link"), max_length=64, unique=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("bewonerslink")
        verbose_name_plural = _("bewonerslinks")

    def __str__(self) -> str:
        return str(self.id)


# --- the referral -------------------------------------------------------------------------

PERSOONSGEGEVENS = ("naam", "contactmanier", "contact", "wat_helpt", "notitie", "reden")


class VerwijzingQuerySet(models.QuerySet):
    def verwijzingen(self):
        return self.filter(soort=Soort.VERWIJZING)

    def gedeeld(self):
        """What the receiving side may see: sent, not a draft waiting for consent."""
        return self.exclude(status=Status.DRAFT)

    def ontvangen_door(self, organisatie_id):
        return self.gedeeld().filter(service__organization_id=organisatie_id)

    def open(self):
        return self.exclude(status__in=AFGESLOTEN)

    def onbeantwoord(self):
        return self.filter(status=Status.REQUESTED)


class Verwijzing(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    soort = models.CharField(
        _("soort"), max_length=10, choices=Soort.choices, default=Soort.VERWIJZING
    )
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("naar aanbod"),
        on_delete=models.PROTECT,
        related_name="verwijzingen",
    )
    # The buurt of the service when the referral was sent: figures per area stay stable.
    gebied = models.ForeignKey(
        "areas.Gebied",
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    herkomst = models.CharField(_("van"), max_length=10, choices=Afzenderkant.choices)
    naar_sector = models.CharField(_("naar"), max_length=10, blank=True)
    afzender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwezen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verstuurde_verwijzingen",
    )
    afzender_organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie van de verwijzer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bewoner = models.ForeignKey(
        Bewoner,
        verbose_name=_("bewonerslink"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verwijzingen",
    )
    toestemming = models.OneToOneField(
        "privacy.Toestemming",
        verbose_name=_("toestemming"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verwijzing",
    )
    terugkoppeling = models.CharField(
        _("wat hoort de verwijzer terug"),
        max_length=20,
        choices=Terugkoppeling.choices,
        default=Terugkoppeling.NIETS,
    )

    # Personal data (PERSOONSGEGEVENS): erased on withdrawal and after retention.
    naam = models.CharField(_("naam of roepnaam"), max_length=80, blank=True)
    contactmanier = models.CharField(
        _("hoe contact"), max_length=15, choices=Contactmanier.choices, blank=True
    )
    contact = models.CharField(_("telefoon of e-mail"), max_length=200, blank=True)
    wat_helpt = models.TextField(_("wat zou helpen"), blank=True)
    notitie = models.TextField(_("korte notitie van de ontvanger"), blank=True)
    reden = models.TextField(_("toelichting bij de status"), blank=True)

    # An anonymous "is er plek?" carries no personal data by design.
    vraag = models.CharField(_("vraag"), max_length=300, blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    reden_code = models.CharField(_("reden"), max_length=30, choices=Reden.choices, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    herinnerd_op = models.DateField(_("laatste herinnering"), null=True, blank=True)
    gewist_op = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    objects = VerwijzingQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-aangemaakt"]
        indexes = [
            models.Index(fields=["status", "verstuurd_op"]),
            models.Index(fields=["afgesloten_op"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="verwijzing_status_bekend"
            ),
            # Nothing about a resident without a consent record; a question carries nothing.
            models.CheckConstraint(
                condition=models.Q(soort=Soort.VERWIJZING, toestemming__isnull=False)
                | models.Q(
                    soort=Soort.PLEKVRAAG,
                    toestemming__isnull=True,
                    naam="",
                    contact="",
                    wat_helpt="",
                ),
                name="verwijzing_alleen_met_toestemming",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=REDEN_VERPLICHT, reden_code="", reden=""),
                name="verwijzing_reden_bij_afwijzen",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.id}"

    @property
    def is_plekvraag(self) -> bool:
        return self.soort == Soort.PLEKVRAAG

    @property
    def is_afgesloten(self) -> bool:
        return self.status in AFGESLOTEN

    @property
    def is_gewist(self) -> bool:
        return self.gewist_op is not None

    @property
    def is_gedeeld(self) -> bool:
        return self.status != Status.DRAFT

    @property
    def bewoner_per_email(self) -> bool:
        """Does the resident hear from us by e-mail? Only when they gave an address."""
        return self.contactmanier == Contactmanier.EMAIL and bool(self.contact)

    def overgangen(self) -> frozenset[str]:
        tabel = PLEKVRAAG_OVERGANGEN if self.is_plekvraag else OVERGANGEN
        return tabel.get(self.status, frozenset())

    @property
    def kenmerk(self) -> str:
        """A short reference without personal data, to tell referrals apart in a list."""
        return self.id.hex[:6].upper()

    def status_label(self) -> str:
        if self.is_plekvraag and self.status == Status.ACCEPTED:
            return str(_("er is plek"))
        if self.is_plekvraag and self.status == Status.REJECTED:
            return str(_("nu geen plek"))
        return self.get_status_display()


class Voorval(models.TextChoices):
    STATUS = "status", _("status")
    TOESTEMMING = "toestemming", _("toestemming")
    KENNISMAKING = "kennismaking", _("kennismaking")
    TERUGKOPPELING = "terugkoppeling", _("terugkoppeling")
    GEWIST = "gewist", _("gegevens gewist")
    HERINNERING = "herinnering", _("herinnering gestuurd")


class Gebeurtenis(models.Model):
    """The append-only event log of a referral: who, when, from → to, why.

    Rows are never changed or deleted, with one exception the law requires: erasing a
    resident's data blanks the free-text reason (privacy.bewaartermijn, actions.wis).
    """

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="gebeurtenissen"
    )
    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now)
    soort = models.CharField(_("soort"), max_length=15, choices=Voorval.choices)
    partij = models.CharField(_("als"), max_length=12)
    door = models.CharField(_("door"), max_length=200)
    van_status = models.CharField(_("van"), max_length=12, blank=True)
    naar_status = models.CharField(_("naar"), max_length=12, blank=True)
    reden_code = models.CharField(_("reden"), max_length=30, blank=True)
    reden = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["wanneer", "id"]
        indexes = [models.Index(fields=["verwijzing", "wanneer"])]

    def __str__(self) -> str:
        return f"{self.soort} {self.van_status}→{self.naar_status}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Het logboek van een verwijzing kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Het logboek van een verwijzing kan niet worden gewist.")

    @property
    def van_label(self) -> str:
        return Status(self.van_status).label if self.van_status in Status.values else ""

    @property
    def naar_label(self) -> str:
        return Status(self.naar_status).label if self.naar_status in Status.values else ""

    @property
    def reden_label(self) -> str:
        return Reden(self.reden_code).label if self.reden_code in Reden.values else ""


class Kennismaking(models.Model):
    """Warme overdracht: a first meeting together, proposed by one side, confirmed by both.

    Seed 000, lines 955-961: "meteen samen met een vertegenwoordiger van informele zorg te
    zitten". The date stays after erasure (a figure needs it); the place is erased.
    """

    verwijzing = models.ForeignKey(
        Verwijzing, on_delete=models.CASCADE, related_name="kennismakingen"
    )
    wanneer = models.DateTimeField(_("wanneer"))
    waar = models.CharField(_("waar"), max_length=200, blank=True)
    voorgesteld_door = models.CharField(_("voorgesteld door"), max_length=12)
    akkoord_verwijzer = models.DateTimeField(_("akkoord verwijzer"), null=True, blank=True)
    akkoord_ontvanger = models.DateTimeField(_("akkoord ontvanger"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("kennismaking")
        verbose_name_plural = _("kennismakingen")
        ordering = ["-aangemaakt", "-id"]

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M}"

    @property
    def is_bevestigd(self) -> bool:
        return self.akkoord_verwijzer is not None and self.akkoord_ontvanger is not None
