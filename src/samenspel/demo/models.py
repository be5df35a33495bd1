import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class Bericht(models.Model):
    """An e-mail the demo did not send but kept, so a visitor can follow every link."""

    aan = models.TextField(_("aan"))
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    tekst = models.TextField(_("tekst"))
    html = models.TextField(_("html"), blank=True)
    verstuurd = models.DateTimeField(_("verstuurd"), auto_now_add=True)

    class Meta:
        verbose_name = _("demobericht")
        verbose_name_plural = _("demoberichten")
        ordering = ["-verstuurd", "-id"]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def taal(self) -> str:
        """The language the mail was written in (its HTML part says), for a lang attribute:
        the mailbox keeps mails as sent, in whatever language the page that sent them had."""
        gevonden = re.search(r'<html[^>]*\blang="([a-z-]+)"', self.html or "")
        return gevonden.group(1) if gevonden else ""
