"""Sending e-mail: every message is a subject, a plain text and an HTML template.

Templates live in ``email/<sjabloon>/`` as ``onderwerp.txt``, ``tekst.txt`` and
``bericht.html``. Links in e-mail must be absolute, so they are built from ``SITE_URL``
rather than from a request (reminders are sent from the command line, without one).

This is the one place where e-mail is rendered and handed to the mail server: the subject
and the plain text are rendered without HTML escaping (they are not HTML, so "Koffie & Thee"
must stay "Koffie & Thee"), only the HTML part is escaped; and a mail server that cannot be
reached becomes a ``MailNietVerstuurd`` with a sentence a person can act on.
"""

import logging
import smtplib
import socket

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class MailNietVerstuurd(Exception):
    """The mail server could not be reached or refused the message; ``str()`` says which."""


def absoluut(pad: str) -> str:
    """An absolute link for a path such as ``/aanbod/…/``."""
    if pad.startswith(("http://", "https://")):
        return pad
    return settings.SITE_URL.rstrip("/") + "/" + pad.lstrip("/")


def _platte_tekst(naam: str, context: dict) -> str:
    """Render a template that is not HTML: no escaping of &, ' or <."""
    sjabloon = get_template(naam)
    # The engine's own Template takes a Context, which is where autoescaping is switched.
    return sjabloon.template.render(Context(context, autoescape=False))


def server_naam() -> str:
    return f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"


def waarom(fout: Exception) -> str:
    """What went wrong, in words an operator can act on (no traceback needed)."""
    server = server_naam()
    if isinstance(fout, ConnectionRefusedError):
        return _(
            "de mailserver %(server)s weigert de verbinding (draait hij wel? "
            "Klopt EMAIL_HOST en EMAIL_PORT?)"
        ) % {"server": server}
    if isinstance(fout, (socket.timeout, TimeoutError)):
        return _("de mailserver %(server)s antwoordt niet op tijd") % {"server": server}
    if isinstance(fout, socket.gaierror):
        return _("de mailserver %(server)s is onbekend (klopt EMAIL_HOST?)") % {"server": server}
    if isinstance(fout, smtplib.SMTPAuthenticationError):
        return _(
            "de mailserver %(server)s accepteert de inlog niet "
            "(klopt EMAIL_HOST_USER en EMAIL_HOST_PASSWORD?)"
        ) % {"server": server}
    if isinstance(fout, smtplib.SMTPRecipientsRefused):
        return _("de mailserver %(server)s weigert het adres") % {"server": server}
    return _("de mailserver %(server)s is niet bereikbaar (%(fout)s)") % {
        "server": server,
        "fout": fout,
    }


# What a mail server that is down or refuses looks like; anything else is a bug and stays loud.
MAILFOUTEN = (OSError, smtplib.SMTPException)


def verstuur(sjabloon: str, aan: list[str], context: dict) -> None:
    """Render and send one e-mail; raises MailNietVerstuurd when the server fails."""
    ontvangers = [adres for adres in aan if adres]
    if not ontvangers:
        return
    context = {"SITE_URL": settings.SITE_URL.rstrip("/"), **context}
    map_ = f"email/{sjabloon}"
    # A header may not contain line breaks; templates end with one out of habit.
    onderwerp = " ".join(_platte_tekst(f"{map_}/onderwerp.txt", context).split())
    bericht = EmailMultiAlternatives(
        subject=onderwerp,
        body=_platte_tekst(f"{map_}/tekst.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=ontvangers,
    )
    bericht.attach_alternative(render_to_string(f"{map_}/bericht.html", context), "text/html")
    try:
        bericht.send()
    except MAILFOUTEN as fout:
        raise MailNietVerstuurd(waarom(fout)) from fout


def controleer_mailserver() -> None:
    """Raise MailNietVerstuurd when the mail server cannot be reached; send nothing.

    Commands that send a batch (reminders) ask first, so a server that is down gives one
    clear sentence instead of a failure for every message.
    """
    verbinding = get_connection()
    try:
        verbinding.open()
    except MAILFOUTEN as fout:
        raise MailNietVerstuurd(waarom(fout)) from fout
    try:
        verbinding.close()
    except MAILFOUTEN:
        pass  # reachable is all we wanted to know


def na_commit(functie, *args) -> None:
    """Send after the transaction commits; a mail server that is down does not fail the page.

    The change itself is saved by then, so turning the visitor's page into a server error
    would only make them do it twice. The lost e-mail is logged in one line.
    """

    def uitvoeren():
        try:
            functie(*args)
        except MailNietVerstuurd as fout:
            logger.error("E-mail niet verstuurd: %s", fout)

    transaction.on_commit(uitvoeren)
