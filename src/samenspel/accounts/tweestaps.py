"""Logging in in two steps: the one rule of who must, and the middleware that holds to it.

Professionals, netwerkhouders and beheerders see personal data (referrals, worries, the
web's people), so for them a password alone is not enough once they have set up a code app:
until the session has proved a code (django-otp's OTPMiddleware tells, `is_verified`), every
page sends them to the second step. With SAMENSPEL_TWEE_STAPPEN_VERPLICHT (on in
production) whoever of them has no app yet is sent to set it up first. Other roles and
residents are never asked. The Django admin is behind the same middleware, so its own login
page is no way around it.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from samenspel.accounts.models import Rol

# Who logs in in two steps. A superuser is a beheerder of the admin, whatever the role says.
ROLLEN = frozenset({Rol.PROFESSIONAL, Rol.NETWERKHOUDER, Rol.BEHEERDER})

# The pages someone halfway may open: the steps themselves, logging out, the language
# switch and the scripts' translations. Not the public pages: they would show this half
# logged-in visitor what only professionals see.
TUSSENDOOR = frozenset(
    {
        "accounts:tweede_stap",
        "accounts:twee_stappen_instellen",
        "accounts:herstelcodes",
        "accounts:uitloggen",
        "core:taal",
        "core:jsi18n",
    }
)


def geldt_voor(gebruiker) -> bool:
    """Does this user log in in two steps (as soon as they set it up, or must)?"""
    return bool(gebruiker.is_authenticated and (gebruiker.rol in ROLLEN or gebruiker.is_superuser))


def verplicht() -> bool:
    return bool(settings.SAMENSPEL["TWEE_STAPPEN_VERPLICHT"])


def heeft_app(gebruiker) -> bool:
    """A confirmed code app (the recovery codes alone do not count as set up)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.devices_for_user(gebruiker, confirmed=True).exists()


def volgende_stap(request) -> str | None:
    """The URL name of the step this session must take first, or None when it may go on."""
    gebruiker = request.user
    # Right after the password (auth.login) the user is not yet wrapped by OTPMiddleware.
    bewezen = getattr(gebruiker, "is_verified", lambda: False)()
    if not geldt_voor(gebruiker) or bewezen:
        return None
    if heeft_app(gebruiker):
        return "accounts:tweede_stap"
    if verplicht():
        return "accounts:twee_stappen_instellen"
    return None


def veilig_doel(request, doel: str | None) -> str | None:
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return None


def naar_stap(stap: str, doel: str | None) -> str:
    return reverse(stap) + (f"?{urlencode({'next': doel})}" if doel else "")


def _tussendoor(request) -> bool:
    if request.path_info.startswith(settings.STATIC_URL):
        return True
    try:
        return resolve(request.path_info).view_name in TUSSENDOOR
    except Resolver404:
        return False


class TweeStappenMiddleware:
    """After AuthenticationMiddleware and django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        stap = volgende_stap(request)
        # The header then offers only logging out: no menu, no counts of open referrals.
        request.tweestaps_halverwege = bool(stap)
        if stap and not _tussendoor(request):
            doel = request.get_full_path() if request.method == "GET" else None
            return HttpResponseRedirect(naar_stap(stap, doel))
        return self.get_response(request)
