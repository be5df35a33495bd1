"""E-mail backend for the demo: messages land in the /demo/post/ mailbox page."""

from django.core.mail.backends.base import BaseEmailBackend


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
