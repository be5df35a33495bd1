"""E-mail: every message is a subject, a plain text and an HTML template, put in the outbox.

Templates live in ``email/<sjabloon>/`` as ``onderwerp.txt``, ``tekst.txt`` and
``bericht.html``. Links in e-mail must be absolute, so they are built from ``SITE_URL``
rather than from a request (reminders are sent from the command line, without one).

This is the one place where e-mail is rendered: the subject and the plain text without HTML
escaping (they are not HTML, so "Koffie & Thee" must stay "Koffie & Thee"), only the HTML part
escaped, in the language of the page that caused it. ``verstuur`` does not talk to the mail
server: it writes the message to the outbox (django-post-office) in the caller's transaction,
so a change that is rolled back leaves no e-mail and a change that is saved always has its
e-mail; the sender (``core/postbode.py``) delivers it, and retries while the server is down.
A server that cannot be reached is described by ``waarom`` in a sentence a person can act on.
"""

import logging
import smtplib
import socket

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.core.validators import validate_email
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import gettext as _
from post_office import mail as outbox

logger = logging.getLogger(__name__)


class MailNietVerstuurd(Exception):
    """The mail server cannot be reached; ``str()`` says why, in words an operator can act on."""


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


def _geldig(adres: str) -> bool:
    try:
        validate_email(adres)
    except ValidationError:
        return False
    return True


def verstuur(sjabloon: str, aan: list[str], context: dict) -> None:
    """Render one e-mail now, in the active language, and put it in the outbox.

    Call it inside the transaction of the change the e-mail is about: it is queued, or
    rolled back, together with that change. It never fails because of the mail server.
    """
    ontvangers = [adres.strip() for adres in aan if adres and adres.strip()]
    ongeldig = [adres for adres in ontvangers if not _geldig(adres)]
    if ongeldig:
        # Typed by a person on a form; no server would take it, so it is not queued.
        logger.warning("E-mail %s niet in de wachtrij: ongeldig adres %s", sjabloon, ongeldig)
        ontvangers = [adres for adres in ontvangers if adres not in ongeldig]
    if not ontvangers:
        return
    context = {"SITE_URL": settings.SITE_URL.rstrip("/"), **context}
    map_ = f"email/{sjabloon}"
    # A header may not contain line breaks; templates end with one out of habit.
    onderwerp = " ".join(_platte_tekst(f"{map_}/onderwerp.txt", context).split())
    outbox.send(
        recipients=ontvangers,
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=onderwerp,
        message=_platte_tekst(f"{map_}/tekst.txt", context),
        html_message=render_to_string(f"{map_}/bericht.html", context),
    )


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
