"""Protection against password guessing, by django-axes (configured in settings.py).

After INLOG_POGINGEN failures an account is locked for INLOG_BLOKKADE_MINUTEN, but only for
the client address they came from (`core.client_ip`): a stranger guessing at someone's
account locks out the stranger, never the owner at their own desk. The same holds for the
Django admin's login. Counts live in Django's cache (Redis with REDIS_URL), so every app
server shares them.
"""

from axes import utils as axes_utils
from django import forms
from django.http import HttpResponse
from django.utils.translation import gettext_lazy

from samenspel.core.client_ip import client_ip

BLOKKADE_MELDING = gettext_lazy(
    "Te vaak een verkeerd wachtwoord. Probeer het over een kwartier opnieuw."
)


def gebruikersnaam(request, credentials) -> str:
    """The name failures are counted under: "Anna " and "anna" are one account to guess at."""
    naam = (credentials or {}).get("username")
    if naam is None and request is not None:
        naam = request.POST.get("username")
    return (naam or "").strip().lower()


class BlokkadeMelding:
    """For a login form: say "te vaak" instead of "wrong password" once axes locked the pair.

    Axes decides during authentication (its backend refuses, its signal handler counts) and
    marks the request; the form only chooses the message."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(BLOKKADE_MELDING, code="geblokkeerd") from None
            raise


def na_blokkade(request, original_response=None, credentials=None):
    """Axes' lockout response: the login page itself, which already says why (above)."""
    if original_response is not None:
        return original_response
    return HttpResponse(str(BLOKKADE_MELDING), status=429, content_type="text/plain; charset=utf-8")


def hef_op(request, naam: str) -> None:
    """Lift the lock on this account for the address of this request: its owner just proved
    the account is theirs (a link from their mailbox)."""
    axes_utils.reset(ip=client_ip(request), username=gebruikersnaam(None, {"username": naam}))
