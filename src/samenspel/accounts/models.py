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
    def logt_in_in_twee_stappen(self) -> bool:
        """For the menu; the rule itself is accounts/tweestaps.py."""
        from samenspel.accounts import tweestaps

        return tweestaps.geldt_voor(self)

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


class Accountgebeurtenis(models.Model):
    """What happened to an account outside the admin (a password reset, the second step of
    logging in), so a beheerder can see when an account was taken over by e-mail or a lost
    phone. Never the password, a code or the link itself."""

    class Soort(models.TextChoices):
        HERSTEL_GEVRAAGD = "herstel_gevraagd", _("link voor nieuw wachtwoord gemaild")
        WACHTWOORD_HERSTELD = "wachtwoord_hersteld", _("nieuw wachtwoord ingesteld via e-mail")
        TWEE_STAPPEN_AAN = "twee_stappen_aan", _("inloggen in twee stappen aangezet")
        TWEE_STAPPEN_UIT = "twee_stappen_uit", _("inloggen in twee stappen uitgezet")
        HERSTELCODES_NIEUW = "herstelcodes_nieuw", _("nieuwe herstelcodes gemaakt")
        HERSTELCODE_GEBRUIKT = "herstelcode_gebruikt", _("herstelcode gebruikt")

    gebruiker = models.ForeignKey(
        Gebruiker,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="gebeurtenissen",
    )
    soort = models.CharField(_("wat"), max_length=30, choices=Soort.choices)
    wanneer = models.DateTimeField(_("wanneer"), auto_now_add=True)

    class Meta:
        verbose_name = _("accountgebeurtenis")
        verbose_name_plural = _("accountgebeurtenissen")
        ordering = ["-wanneer", "-id"]

    def __str__(self) -> str:
        return f"{self.gebruiker} {self.soort}"
