"""Import runs (provenance of imported records) and API tokens for organisations."""

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_VOORVOEGSEL = "ss_"  # noqa: S105  (a recognisable prefix, not a secret)
# Writing `laatst_gebruikt` on every request would turn each read into a write.
GEBRUIK_BIJWERKEN_NA = timedelta(minutes=5)


class Importsoort(models.TextChoices):
    HSDS = "hsds", _("HSDS-gegevens")
    TABEL = "tabel", _("spreadsheet")
    GEBIEDEN = "gebieden", _("gebieden")


class Importrun(models.Model):
    """One import: records it wrote carry its id in `bron_import`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    soort = models.CharField(_("soort"), max_length=10, choices=Importsoort.choices)
    bron = models.CharField(_("bron"), max_length=100)
    bestand = models.CharField(_("bestand"), max_length=250, blank=True)
    gestart = models.DateTimeField(_("gestart"), default=timezone.now)
    klaar = models.DateTimeField(_("klaar"), null=True, blank=True)
    samenvatting = models.JSONField(_("samenvatting"), default=dict, blank=True)

    class Meta:
        verbose_name = _("importrun")
        verbose_name_plural = _("importruns")
        ordering = ["-gestart"]

    def __str__(self) -> str:
        return f"{self.soort} {self.bron} {self.gestart:%Y-%m-%d %H:%M}"


def _hash(sleutel: str) -> str:
    # Tokens are 256 random bits, so a plain digest suffices; a slow password hash would
    # only cost time on every API request.
    return hashlib.sha256(sleutel.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def bij_sleutel(self, sleutel: str) -> "ApiToken | None":
        if not sleutel.startswith(TOKEN_VOORVOEGSEL):
            return None
        return (
            self.filter(sleutel=_hash(sleutel), actief=True).select_related("organisatie").first()
        )


class ApiToken(models.Model):
    """Gives an organisation's systems the professional view of the HSDS API."""

    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    omschrijving = models.CharField(_("waarvoor"), max_length=200, blank=True)
    sleutel = models.CharField(_("sleutel (gehasht)"), max_length=64, unique=True, editable=False)
    begin = models.CharField(_("begin van de sleutel"), max_length=12, editable=False)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-aangemaakt"]

    def __str__(self) -> str:
        return f"{self.begin}… ({self.organisatie})"

    @classmethod
    def maak(cls, organisatie, omschrijving: str = "") -> tuple["ApiToken", str]:
        """A new token and its plain key; only the hash is stored, so show the key once."""
        sleutel = TOKEN_VOORVOEGSEL + secrets.token_urlsafe(32)
        token = cls.objects.create(
            organisatie=organisatie,
            omschrijving=omschrijving,
            sleutel=_hash(sleutel),
            begin=sleutel[:10],
        )
        return token, sleutel

    def gebruikt(self) -> None:
        nu = timezone.now()
        if self.laatst_gebruikt is None or nu - self.laatst_gebruikt > GEBRUIK_BIJWERKEN_NA:
            ApiToken.objects.filter(pk=self.pk).update(laatst_gebruikt=nu)
            self.laatst_gebruikt = nu


class Sleutelgebeurtenis(models.Model):
    """What happened to an API key and who did it, so a beheerder can see since when an
    organisation's systems can no longer read the professional view. Append-only."""

    class Soort(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("aangemaakt")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    token = models.ForeignKey(
        ApiToken,
        verbose_name=_("API-sleutel"),
        on_delete=models.CASCADE,
        related_name="gebeurtenissen",
    )
    soort = models.CharField(_("wat"), max_length=12, choices=Soort.choices)
    door = models.CharField(_("door"), max_length=200)
    wanneer = models.DateTimeField(_("wanneer"), auto_now_add=True)

    class Meta:
        verbose_name = _("gebeurtenis van een API-sleutel")
        verbose_name_plural = _("gebeurtenissen van API-sleutels")
        ordering = ["-wanneer", "-id"]

    def __str__(self) -> str:
        return f"{self.token} {self.soort}"
