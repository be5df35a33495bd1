"""E-mail backend for the demo: messages land in the /demo/post/ mailbox page."""

import os

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

POSTVAK = "samenspel.demo.mail.PostvakBackend"


class PostvakBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from samenspel.demo.models import Bericht

        for bericht in email_messages:
            html = ""
            for inhoud, soort in getattr(bericht, "alternatives", []) or []:
                if soort == "text/html":
                    html = inhoud
            Bericht.objects.create(
                aan=", ".join(bericht.to),
                onderwerp=bericht.subject,
                tekst=bericht.body,
                html=html,
            )
        return len(email_messages)


def is_demodatabase() -> bool:
    """Does this database hold the demo (loaded by `samenspel demo`)?"""
    from samenspel.demo.laden import BRON
    from samenspel.directory.models import Organization

    return Organization.objects.filter(bron=BRON).exists()


def postvak_voor_demodatabase() -> bool:
    """Send to the demo mailbox when a command runs against the demo database.

    `samenspel demo` serves with the mailbox; a command run beside it (`samenspel herinner`)
    starts without SAMENSPEL_DEMO and would otherwise try a mail server that a demo machine
    does not have, for addresses that are fictional anyway. An explicitly chosen
    EMAIL_BACKEND always wins. Returns whether the mailbox is used.
    """
    if settings.EMAIL_BACKEND == POSTVAK:
        return True
    if "EMAIL_BACKEND" in os.environ or not is_demodatabase():
        return False
    settings.EMAIL_BACKEND = POSTVAK
    return True
