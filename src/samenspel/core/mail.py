"""Sending e-mail: every message is a subject, a plain text and an HTML template.

Templates live in ``email/<sjabloon>/`` as ``onderwerp.txt``, ``tekst.txt`` and
``bericht.html``. Links in e-mail must be absolute, so they are built from ``SITE_URL``
rather than from a request (reminders are sent from the command line, without one).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absoluut(pad: str) -> str:
    """An absolute link for a path such as ``/aanbod/…/``."""
    if pad.startswith(("http://", "https://")):
        return pad
    return settings.SITE_URL.rstrip("/") + "/" + pad.lstrip("/")


def verstuur(sjabloon: str, aan: list[str], context: dict) -> None:
    ontvangers = [adres for adres in aan if adres]
    if not ontvangers:
        return
    context = {"SITE_URL": settings.SITE_URL.rstrip("/"), **context}
    map_ = f"email/{sjabloon}"
    # A header may not contain line breaks; templates end with one out of habit.
    onderwerp = " ".join(render_to_string(f"{map_}/onderwerp.txt", context).split())
    bericht = EmailMultiAlternatives(
        subject=onderwerp,
        body=render_to_string(f"{map_}/tekst.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=ontvangers,
    )
    bericht.attach_alternative(render_to_string(f"{map_}/bericht.html", context), "text/html")
    bericht.send()
