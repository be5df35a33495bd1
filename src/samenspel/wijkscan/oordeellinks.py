"""The signed link with which an invited partner judges a wijk, without an account.

The link names one invitation and its round; it is signed with Django's signing under a salt
of its own, so a link made for anything else (another invitation, another round, another
purpose) is not found (404). It stays valid ``SAMENSPEL["OORDEEL_LINK_DAGEN"]`` days (default
60); an expired link gets a page that says so. No GET behind it changes anything.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from samenspel.core.links import LinkOngeldig

from .models import Uitnodiging

_SALT = "samenspel.wijkscan.oordeel"
STANDAARD_DAGEN = 60


def geldigheid() -> timedelta:
    return timedelta(days=int(settings.SAMENSPEL.get("OORDEEL_LINK_DAGEN", STANDAARD_DAGEN)))


def maak_token(uitnodiging: Uitnodiging) -> str:
    return signing.dumps({"u": uitnodiging.pk, "r": uitnodiging.ronde_id}, salt=_SALT)


def pad(uitnodiging: Uitnodiging) -> str:
    return reverse("wijkscan:oordeel_partner", args=[uitnodiging.pk, maak_token(uitnodiging)])


def controleer(pk: int, token: str) -> Uitnodiging:
    """The invitation the token was made for; raises LinkOngeldig ("verlopen"/"ongeldig")."""
    try:
        gegevens = signing.loads(token, salt=_SALT, max_age=geldigheid())
    except signing.SignatureExpired as fout:
        raise LinkOngeldig("verlopen") from fout
    except signing.BadSignature as fout:
        raise LinkOngeldig("ongeldig") from fout
    if not isinstance(gegevens, dict) or gegevens.get("u") != pk:
        raise LinkOngeldig("ongeldig")
    uitnodiging = (
        Uitnodiging.objects.select_related("ronde__wijk", "ronde__gemeente").filter(pk=pk).first()
    )
    if uitnodiging is None or gegevens.get("r") != uitnodiging.ronde_id:
        raise LinkOngeldig("ongeldig")
    return uitnodiging
