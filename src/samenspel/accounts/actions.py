"""State changes of accounts outside the admin: a forgotten password, by e-mail.

Each writes an Accountgebeurtenis. Asking for a link behaves the same whether or not the
address belongs to an account, so nobody can find out who has one.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from samenspel.accounts.models import Accountgebeurtenis, Gebruiker
from samenspel.core import mail


def herstel_link(gebruiker: Gebruiker) -> str:
    uid = urlsafe_base64_encode(force_bytes(gebruiker.pk))
    token = default_token_generator.make_token(gebruiker)
    return mail.absoluut(reverse("accounts:wachtwoord_nieuw", args=[uid, token]))


def _accounts_met_adres(email: str):
    return [
        g
        for g in Gebruiker.objects.filter(email__iexact=email.strip(), is_active=True)
        if g.has_usable_password()
    ]


def vraag_wachtwoordherstel(email: str) -> None:
    """Mail a link for a new password to each active account with this address; silent
    either way. The link is built from SITE_URL, never from the request's Host header, so a
    forged header cannot make us mail a link to someone else's site."""
    gebruikers = _accounts_met_adres(email)
    if not gebruikers:
        return
    for gebruiker in gebruikers:
        # The link and the event row together: both saved, or neither. Queued, never sent
        # here, so a mail server that is down shows nothing a stranger could read.
        with transaction.atomic():
            mail.verstuur(
                "wachtwoord_herstellen",
                [gebruiker.email],
                {
                    "gebruiker": gebruiker,
                    "link": herstel_link(gebruiker),
                    "dagen": geldig_dagen(),
                },
            )
            Accountgebeurtenis.objects.create(
                gebruiker=gebruiker, soort=Accountgebeurtenis.Soort.HERSTEL_GEVRAAGD
            )


def geldig_dagen() -> int:
    return max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))


@transaction.atomic
def stel_wachtwoord_in(gebruiker: Gebruiker, wachtwoord: str) -> Gebruiker:
    """The owner of the address chose a new password through the e-mailed link."""
    gebruiker.set_password(wachtwoord)
    gebruiker.save(update_fields=["password"])
    Accountgebeurtenis.objects.create(
        gebruiker=gebruiker, soort=Accountgebeurtenis.Soort.WACHTWOORD_HERSTELD
    )
    return gebruiker
