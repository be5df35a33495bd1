"""Users and their roles. A resident (bewoner) never needs an account."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    INITIATIEFNEMER = "initiatiefnemer", _("initiatiefnemer / vrijwilligerscoördinator")
    PROFESSIONAL = "professional", _("professional")
    NETWERKHOUDER = "netwerkhouder", _("netwerkhouder")
    GEMEENTE_ANALIST = "gemeente_analist", _("gemeente-analist")
    BEHEERDER = "beheerder", _("beheerder")


class Gebruiker(AbstractUser):
    rol = models.CharField(
        _("rol"), max_length=20, choices=Rol.choices, default=Rol.INITIATIEFNEMER
    )
    gebieden = models.ManyToManyField(
        "areas.Gebied",
        verbose_name=_("werkgebied"),
        blank=True,
        help_text=_("Voor netwerkhouders: de gebieden waarvoor zij aanmeldingen beoordelen."),
    )
    organisatie = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="medewerkers",
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def is_professional(self) -> bool:
        """Professionals, netwerkhouders, analysts and beheerders see professional-only listings."""
        return self.rol in {
            Rol.PROFESSIONAL,
            Rol.NETWERKHOUDER,
            Rol.GEMEENTE_ANALIST,
            Rol.BEHEERDER,
        }

    @property
    def is_netwerkhouder(self) -> bool:
        return self.rol in {Rol.NETWERKHOUDER, Rol.BEHEERDER}

    def beoordeelt(self, gebied) -> bool:
        """Does this user moderate listings in the given area (or an area above it)?"""
        if self.rol == Rol.BEHEERDER:
            return True
        if self.rol != Rol.NETWERKHOUDER or gebied is None:
            return False
        eigen = set(self.gebieden.values_list("code", flat=True))
        return any(g.code in eigen for g in gebied.keten())
