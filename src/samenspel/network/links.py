"""Signed links in the web's e-mails, so a partner answers without an account.

The answer link names one invitation and carries a keyed hash of the address it was sent
to: when the person's address changes, a link sent to the old one stops working. A tampered
or foreign token is simply not found (404). No GET on these links changes anything: mail
scanners open links too.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from .models import Samen

_SALT = "samenspel.network.links.samen"
# Long enough for a conversation planned weeks ahead; the invitation itself closes after it.
GELDIG = timedelta(days=90)


def _vingerafdruk(adres: str) -> str:
    adres = (adres or "").strip().lower()
    return salted_hmac("samenspel.network.links.adres", adres).hexdigest()[:16]


def samen_token(samen: Samen) -> str:
    return signing.dumps(
        {"s": str(samen.pk), "a": _vingerafdruk(samen.persoon.email)}, salt=_SALT, compress=True
    )


def samen_pad(samen: Samen) -> str:
    return reverse("network:samen_antwoord", args=[samen.pk, samen_token(samen)])


def samen_uit_token(pk, token: str) -> Samen | None:
    """The invitation this token was made for, or None when it is not ours or not for it."""
    try:
        gegevens = signing.loads(token, salt=_SALT, max_age=GELDIG)
    except signing.BadSignature:
        return None
    if not isinstance(gegevens, dict) or gegevens.get("s") != str(pk):
        return None
    samen = (
        Samen.objects.select_related("persoon__organisatie", "toestemming").filter(pk=pk).first()
    )
    if samen is None or gegevens.get("a") != _vingerafdruk(samen.persoon.email):
        return None
    return samen
