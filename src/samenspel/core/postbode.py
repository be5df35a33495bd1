"""The sender: hands the e-mails in the outbox to the mail server, and tries again later.

`samenspel serve` starts it beside the web server and `samenspel post` runs it alone. It looks
in the outbox every few seconds (one indexed query when there is nothing to do), so a mail in
the demo shows up in the demo mailbox almost at once.

Why not django-post-office's own `send_queued`: it sends from a pool of threads, each with its
own database connection (the demo mailbox writes its rows through one, and SQLite wants one
writer), and retries at a fixed interval. Here the library still keeps the queue, the rows,
the log and the admin; this module only decides when to try again:

- A mail server that cannot be reached is asked once per round, not once per message, and
  gives one log line that says why (``mail.waarom``), without a traceback.
- A failed message waits ``RETRY_INTERVAL``, twice as long after every further failure, up to
  ``POST_MAX_WACHT``; so a server that is down never makes a hot loop, and a message that was
  refused does not hold up the others. After ``MAX_RETRIES`` attempts it is given up, loudly.
- Each message is claimed with a conditional update before it is sent, so two senders (two
  app servers, or `samenspel post` beside `samenspel serve`) never send the same one twice.
"""

import logging
import os
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import close_old_connections
from django.utils import timezone
from post_office.mail import get_queued
from post_office.models import STATUS, Email, Log
from post_office.settings import get_max_retries, get_retry_timedelta

from samenspel.core.mail import MAILFOUTEN, waarom

logger = logging.getLogger(__name__)

# Seconds between looks in the outbox.
KIJK_ELKE = 2.0

# A claimed message that was neither sent nor failed by then (the sender was killed while
# sending) is offered again: at least once beats lost.
CLAIM_DUUR = timedelta(minutes=5)


@dataclass
class Ronde:
    verstuurd: int = 0
    uitgesteld: int = 0
    opgegeven: int = 0

    @property
    def aangeboden(self) -> int:
        return self.verstuurd + self.uitgesteld + self.opgegeven

    def __iadd__(self, ander: "Ronde") -> "Ronde":
        self.verstuurd += ander.verstuurd
        self.uitgesteld += ander.uitgesteld
        self.opgegeven += ander.opgegeven
        return self


def wachttijd(mislukt: int) -> timedelta:
    """The wait after the n-th failed attempt: RETRY_INTERVAL, doubling, capped."""
    return min(get_retry_timedelta() * 2 ** max(mislukt - 1, 0), settings.POST_MAX_WACHT)


def _neem(email: Email) -> bool:
    """Claim a message; False when another sender took it since we read it."""
    nu = timezone.now()
    return (
        Email.objects.filter(
            pk=email.pk, status=email.status, last_updated=email.last_updated
        ).update(scheduled_time=nu + CLAIM_DUUR, last_updated=nu)
        == 1
    )


def _verstuurd(email: Email) -> None:
    """Sent: the row keeps who, what subject and when, but no longer the text.

    The text holds working links (a resident's private page, a new password, edit links);
    once the mail is out, a copy in the database only adds risk (AVG: data minimisation).
    """
    Email.objects.filter(pk=email.pk).update(
        status=STATUS.sent, message="", html_message="", last_updated=timezone.now()
    )


def _mislukt(email: Email, fout: Exception, reden: str, ronde: Ronde) -> timedelta:
    nu = timezone.now()
    mislukt = (email.number_of_retries or 0) + 1
    wacht = wachttijd(mislukt)
    if mislukt >= get_max_retries():
        status, ronde.opgegeven = STATUS.failed, ronde.opgegeven + 1
        logger.error("E-mail #%s opgegeven na %d pogingen: %s", email.pk, mislukt, reden)
    else:
        status, ronde.uitgesteld = STATUS.requeued, ronde.uitgesteld + 1
    Email.objects.filter(pk=email.pk).update(
        status=status, number_of_retries=mislukt, scheduled_time=nu + wacht, last_updated=nu
    )
    Log.objects.create(
        email=email, status=STATUS.failed, message=reden, exception_type=type(fout).__name__
    )
    return wacht


def bezorg() -> Ronde:
    """One round: offer every message that is due (at most one batch) to the mail server."""
    ronde = Ronde()
    wachtrij = list(get_queued())
    if not wachtrij:
        return ronde
    verbinding = get_connection()
    try:
        verbinding.open()
    except MAILFOUTEN as fout:
        reden = waarom(fout)
        wachten = [_mislukt(e, fout, reden, ronde) for e in wachtrij if _neem(e)]
        if wachten:
            logger.warning(
                "%d e-mail(s) niet verstuurd: %s. Volgende poging over %d s.",
                len(wachten),
                reden,
                min(wachten).total_seconds(),
            )
        return ronde
    try:
        for email in wachtrij:
            if not _neem(email):
                continue
            try:
                email.dispatch(commit=False, connection=verbinding, disconnect_after_delivery=False)
            except MAILFOUTEN as fout:
                reden = waarom(fout)
                logger.warning("E-mail #%s niet verstuurd: %s", email.pk, reden)
                _mislukt(email, fout, reden, ronde)
            except Exception as fout:
                # A bug, not the server: loud, but the other messages still go.
                logger.exception("E-mail #%s niet verstuurd", email.pk)
                _mislukt(email, fout, repr(fout), ronde)
            else:
                _verstuurd(email)
                ronde.verstuurd += 1
    finally:
        try:
            verbinding.close()
        except MAILFOUTEN:
            pass  # the messages are out; a rude goodbye changes nothing
    return ronde


def bezorg_wat_klaarstaat() -> Ronde:
    """Rounds until nothing is due any more (what failed now waits for its next turn)."""
    totaal = Ronde()
    while (ronde := bezorg()).aangeboden:
        totaal += ronde
    return totaal


class Postbode:
    """The sender's loop; `stop()` ends it from another thread or a signal handler."""

    def __init__(self, kijk_elke: float = KIJK_ELKE, ouder: int | None = None):
        self.kijk_elke = kijk_elke
        # Started by `samenspel serve`: stop when that process is gone, not linger orphaned.
        self.ouder = ouder
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def draai(self) -> None:
        while not self._stop.is_set():
            if self.ouder is not None and os.getppid() != self.ouder:
                return
            try:
                aangeboden = bezorg().aangeboden
            except Exception:
                # The database away for a moment must not end the sender.
                logger.exception("Postbode: ronde mislukt, straks opnieuw")
                aangeboden = 0
            finally:
                close_old_connections()
            if not aangeboden:
                self._stop.wait(self.kijk_elke)
