"""Consent and the audit log: the two records that make sharing a resident's data accountable.

Neither holds personal data of a resident. A consent names what is shared, with which
organisation, for what, until when and how it was given; the data itself lives inside the
referral it belongs to. The audit log names who read or changed which record, never what it
said (DESIGN principle 6; seed 001, line 1320: "zonder toestemming van de cliënt niet
kán samenwerken").
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Manier(models.TextChoices):
    ONLINE = "online", _("online, door de bewoner zelf via de eigen link")
    MONDELING = "mondeling", _("mondeling, vastgelegd door degene die verwees")


# What a consent can cover; keys are stored, labels are shown.
GEGEVENS = {
    "naam": _("naam of roepnaam"),
    "contact": _("hoe je contact wilt"),
    "wat_helpt": _("wat zou helpen"),
}


class ToestemmingQuerySet(models.QuerySet):
    def geldig(self, vandaag=None):
        vandaag = vandaag or timezone.localdate()
        return self.filter(
            gegeven_op__isnull=False, ingetrokken_op__isnull=True, geldig_tot__gte=vandaag
        )


class Toestemming(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("met welke organisatie"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too: the consent stays readable if the organisation is renamed or removed.
    organisatie_naam = models.CharField(_("naam van de organisatie"), max_length=250)
    gegevens = models.JSONField(_("wat wordt gedeeld"), default=list)
    doel = models.TextField(_("waarvoor"))
    geldig_tot = models.DateField(_("geldig tot en met"))
    manier = models.CharField(_("hoe gegeven"), max_length=10, choices=Manier.choices)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    vastgelegd_door_naam = models.CharField(_("naam van wie het vastlegde"), max_length=200)
    gevraagd_op = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    gegeven_op = models.DateTimeField(_("gegeven op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = ToestemmingQuerySet.as_manager()

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(manier__in=["online", "mondeling"]),
                name="toestemming_manier_bekend",
            ),
            # Verbal consent only counts when a named person recorded it.
            models.CheckConstraint(
                condition=~models.Q(manier="mondeling", vastgelegd_door_naam=""),
                name="mondelinge_toestemming_heeft_naam",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie_naam} tot {self.geldig_tot}"

    def is_geldig(self, vandaag=None) -> bool:
        vandaag = vandaag or timezone.localdate()
        return (
            self.gegeven_op is not None
            and self.ingetrokken_op is None
            and self.geldig_tot >= vandaag
        )

    @property
    def gegevens_labels(self) -> list[str]:
        return [str(GEGEVENS[g]) for g in self.gegevens if g in GEGEVENS]


class Partij(models.TextChoices):
    VERWIJZER = "verwijzer", _("verwijzer")
    ONTVANGER = "ontvanger", _("ontvanger")
    BEWONER = "bewoner", _("bewoner")
    BEHEERDER = "beheerder", _("beheerder")
    SYSTEEM = "systeem", _("systeem")


class Actie(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("aangemaakt")
    BEKEKEN = "bekeken", _("bekeken")
    GEWIJZIGD = "gewijzigd", _("gewijzigd")
    GEDOWNLOAD = "gedownload", _("gedownload")
    TOESTEMMING_GEGEVEN = "toestemming_gegeven", _("toestemming gegeven")
    TOESTEMMING_INGETROKKEN = "toestemming_ingetrokken", _("toestemming ingetrokken")
    GEWIST = "gewist", _("persoonsgegevens gewist")


class Kanaal(models.TextChoices):
    PAGINA = "pagina", _("pagina")
    API = "api", _("API")
    EMAILLINK = "e-maillink", _("link in e-mail")
    BEWONERLINK = "bewonerlink", _("eigen link van de bewoner")
    OPDRACHT = "opdracht", _("opdrachtregel")


class AuditregelQuerySet(models.QuerySet):
    def voor(self, record):
        return self.filter(record_soort=record._meta.label_lower, record_id=str(record.pk))


class Auditregel(models.Model):
    """Who read or changed which record, when. Append-only; never the content itself."""

    wanneer = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    wie = models.CharField(_("wie"), max_length=200)
    partij = models.CharField(_("als"), max_length=12, choices=Partij.choices)
    actie = models.CharField(_("wat"), max_length=30, choices=Actie.choices)
    record_soort = models.CharField(_("soort record"), max_length=60)
    record_id = models.CharField(_("welk record"), max_length=64)
    kanaal = models.CharField(_("via"), max_length=12, choices=Kanaal.choices)

    objects = AuditregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("inzage-logregel")
        verbose_name_plural = _("inzage-log")
        ordering = ["-wanneer", "-id"]
        indexes = [models.Index(fields=["record_soort", "record_id"])]

    def __str__(self) -> str:
        return f"{self.wanneer:%Y-%m-%d %H:%M} {self.wie} {self.actie} {self.record_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Het inzage-log kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Het inzage-log kan niet worden gewist.")
