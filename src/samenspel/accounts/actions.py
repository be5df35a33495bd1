"""State changes of accounts outside the admin: a forgotten password, by e-mail, and the
second step of logging in (a code app and recovery codes, django-otp's devices).

Each writes an Accountgebeurtenis. Asking for a link behaves the same whether or not the
address belongs to an account, so nobody can find out who has one.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

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


# --- logging in in two steps (tweestaps.py says who) ----------------------------------------

HERSTELCODES = 10
APP_NAAM = "app"
HERSTEL_NAAM = "herstelcodes"


@dataclass(frozen=True)
class Controle:
    """The outcome of checking a code: the device that took it, or how long to wait first."""

    apparaat: Device | None = None
    wacht_seconden: int = 0


def _code(tekst: str) -> str:
    """What people type: "123 456", "abcd-efgh" or in capitals, as the device stores it."""
    return "".join(teken for teken in tekst if teken.isalnum()).lower()


def _wachttijd(apparaat) -> int:
    toegestaan, waarom = apparaat.verify_is_allowed()
    if toegestaan:
        return 0
    tot = (waarom or {}).get("locked_until")
    return max(1, math.ceil((tot - timezone.now()).total_seconds())) if tot else 1


def _controleer(apparaat, code: str) -> Controle:
    """One device, one try; a wrong try makes the next wait (django-otp's throttling)."""
    if wacht := _wachttijd(apparaat):
        return Controle(wacht_seconden=wacht)
    with transaction.atomic():
        # Locked for the check, so two requests at once cannot both use one code.
        apparaat = type(apparaat).objects.select_for_update().get(pk=apparaat.pk)
        return Controle(apparaat=apparaat) if apparaat.verify_token(code) else Controle()


def app_in_wording(gebruiker: Gebruiker) -> TOTPDevice:
    """The code app someone is setting up: a new secret, kept until it is confirmed with a
    code. Opening the page again shows the same secret, so a half-scanned code still works."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    return apparaat or TOTPDevice.objects.create(user=gebruiker, name=APP_NAAM, confirmed=False)


def _nieuwe_herstelcodes(gebruiker: Gebruiker) -> list[str]:
    StaticDevice.objects.filter(user=gebruiker).delete()
    apparaat = StaticDevice.objects.create(user=gebruiker, name=HERSTEL_NAAM, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=c) for c in codes)
    return codes


def zet_twee_stappen_aan(gebruiker: Gebruiker, code: str) -> tuple[Controle, list[str]]:
    """Confirm the app in wording with a code it shows; then the recovery codes, shown once."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if apparaat is None:
        return Controle(), []
    controle = _controleer(apparaat, _code(code))
    if controle.apparaat is None:
        return controle, []
    with transaction.atomic():
        TOTPDevice.objects.filter(user=gebruiker).exclude(pk=apparaat.pk).delete()
        apparaat = controle.apparaat
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        codes = _nieuwe_herstelcodes(gebruiker)
        Accountgebeurtenis.objects.create(
            gebruiker=gebruiker, soort=Accountgebeurtenis.Soort.TWEE_STAPPEN_AAN
        )
    return Controle(apparaat=apparaat), codes


def controleer_tweede_stap(gebruiker: Gebruiker, code: str) -> Controle:
    """A code of the app (6 digits) or a recovery code (8 letters and digits, once only)."""
    code = _code(code)
    if code.isdigit():
        soort = TOTPDevice
    else:
        soort = StaticDevice
    apparaat = soort.objects.devices_for_user(gebruiker, confirmed=True).first()
    if apparaat is None:
        return Controle()
    controle = _controleer(apparaat, code)
    if isinstance(controle.apparaat, StaticDevice):
        Accountgebeurtenis.objects.create(
            gebruiker=gebruiker, soort=Accountgebeurtenis.Soort.HERSTELCODE_GEBRUIKT
        )
    return controle


def herstelcodes_over(gebruiker: Gebruiker) -> int:
    return StaticToken.objects.filter(device__user=gebruiker).count()


@transaction.atomic
def maak_nieuwe_herstelcodes(gebruiker: Gebruiker) -> list[str]:
    """New recovery codes; the old ones stop working."""
    codes = _nieuwe_herstelcodes(gebruiker)
    Accountgebeurtenis.objects.create(
        gebruiker=gebruiker, soort=Accountgebeurtenis.Soort.HERSTELCODES_NIEUW
    )
    return codes


@transaction.atomic
def zet_twee_stappen_uit(gebruiker: Gebruiker) -> None:
    """The app and the recovery codes are removed; the password alone logs in again (or, where
    two steps are required, leads to setting up a new app)."""
    TOTPDevice.objects.filter(user=gebruiker).delete()
    StaticDevice.objects.filter(user=gebruiker).delete()
    Accountgebeurtenis.objects.create(
        gebruiker=gebruiker, soort=Accountgebeurtenis.Soort.TWEE_STAPPEN_UIT
    )
