"""Privacy's own state changes: erasing sent e-mail of a person who asked for erasure."""

from django.db import transaction
from django.utils.translation import gettext_noop
from post_office.models import Email

from samenspel.privacy import audit
from samenspel.privacy.models import Actie, Kanaal, Partij

WIE = gettext_noop("op verzoek van de persoon zelf")


@transaction.atomic
def wis_mails(mails) -> int:
    """Delete these sent mails (their delivery log goes with them); the audit log keeps
    which mail went, never what it said."""
    mails = list(mails)
    for mail in mails:
        audit.leg_vast(Actie.GEWIST, mail, WIE, Partij.SYSTEEM, Kanaal.EMAILLINK)
    Email.objects.filter(pk__in=[m.pk for m in mails]).delete()
    return len(mails)
