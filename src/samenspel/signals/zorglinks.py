"""The signaller's private link to the status of their worry, without an account.

A signed token names one worry; a tampered token, or one made for another worry, is not
found (404). Like ``network/links.py``. The page behind it shows only status and dates.
"""

from django.core import signing
from django.urls import reverse

from samenspel.core.links import LinkOngeldig
from samenspel.signals.models import Zorgmelding

_SALT = "samenspel.signals.zorglinks.status"


def maak_token(melding: Zorgmelding) -> str:
    # No timestamp: the same worry always has the same link, in the e-mail and on the page.
    return signing.Signer(salt=_SALT).sign_object({"z": str(melding.pk)}, compress=True)


def pad(melding: Zorgmelding) -> str:
    """The site-relative link; ``core.mail.absoluut`` makes it absolute."""
    return reverse("signals:zorg_status", args=[melding.pk, maak_token(melding)])


def controleer(token: str, pk) -> Zorgmelding:
    """The worry this token was made for; raises LinkOngeldig otherwise."""
    try:
        gegevens = signing.Signer(salt=_SALT).unsign_object(token)
    except signing.BadSignature as fout:
        raise LinkOngeldig("ongeldig") from fout
    if not isinstance(gegevens, dict) or gegevens.get("z") != str(pk):
        raise LinkOngeldig("ongeldig")
    melding = Zorgmelding.objects.filter(pk=pk).first()
    if melding is None:
        raise LinkOngeldig("ongeldig")
    return melding


def link_naar_doorgeven(gemeente=None, buurt=None) -> str:
    """The entry URL of the worry form, with the gemeente or buurt already chosen."""
    pad = reverse("signals:doorgeven")
    if buurt is not None:
        return f"{pad}?buurt={buurt.code}"
    return f"{pad}?gemeente={gemeente.code}" if gemeente is not None else pad
