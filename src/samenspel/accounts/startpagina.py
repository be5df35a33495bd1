"""Where each role lands after logging in: where its work is."""

from django.urls import reverse

from samenspel.accounts.models import Rol

# Professionals and initiatives refer and answer referrals; netwerkhouders and beheerders
# judge registrations; analysts read the figures without personal data.
STARTPAGINA = {
    Rol.PROFESSIONAL: "referrals:inbox",
    Rol.INITIATIEFNEMER: "referrals:inbox",
    Rol.NETWERKHOUDER: "directory:wachtrij",
    Rol.BEHEERDER: "directory:wachtrij",
    Rol.GEMEENTE_ANALIST: "referrals:cijfers",
}


def voor(gebruiker) -> str:
    return reverse(STARTPAGINA.get(gebruiker.rol, "core:home"))
