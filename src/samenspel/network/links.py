"""The web's signed links: a person agrees to, sees and corrects their own entry without an account.

Each link names one person and one purpose (a consent link cannot be used to step out), and
carries a keyed hash of the address it was sent to: when the e-mail address changes, every
link sent to the old address stops working, without keeping a list of issued links. The same
pattern as ``directory/links.py``. No GET behind these links changes anything: mail scanners
open links too.

The links stay valid ``SAMENSPEL["WEB_LINK_DAGEN"]`` days (default 30).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from .models import Persoon

INSTEMMEN = "instemmen"
MIJN_GEGEVENS = "mijn-gegevens"
_ROUTES = {INSTEMMEN: "network:instemmen", MIJN_GEGEVENS: "network:mijn_gegevens"}

STANDAARD_DAGEN = 30


class LinkOngeldig(Exception):
    """``verlopen`` (ours, but too old) or ``ongeldig`` (not ours, or not for this person)."""

    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden

    @property
    def verlopen(self) -> bool:
        return self.reden == "verlopen"


def geldigheid() -> timedelta:
    return timedelta(days=int(settings.SAMENSPEL.get("WEB_LINK_DAGEN", STANDAARD_DAGEN)))


def _salt(doel: str) -> str:
    if doel not in _ROUTES:
        raise ValueError(f"onbekend doel: {doel}")
    return f"samenspel.network.links.{doel}"


def _vingerafdruk(persoon: Persoon) -> str:
    # Keyed, so the readable payload does not reveal the address to someone guessing it.
    adres = (persoon.email or "").strip().lower()
    return salted_hmac("samenspel.network.links.adres", adres).hexdigest()[:16]


def maak_token(persoon: Persoon, doel: str) -> str:
    gegevens = {"p": str(persoon.pk), "a": _vingerafdruk(persoon)}
    return signing.dumps(gegevens, salt=_salt(doel), compress=True)


def controleer(token: str, doel: str, pk, ook_verlopen: bool = False) -> Persoon:
    """The person the token was made for; raises LinkOngeldig otherwise.

    An erased person, or one without an address, has no valid link: there is nobody to
    show the page to. ``ook_verlopen`` accepts an expired link, only to send a new one to
    the address it was made for.
    """
    try:
        max_age = None if ook_verlopen else geldigheid()
        gegevens = signing.loads(token, salt=_salt(doel), max_age=max_age)
    except signing.SignatureExpired as fout:
        raise LinkOngeldig("verlopen") from fout
    except signing.BadSignature as fout:
        raise LinkOngeldig("ongeldig") from fout
    if not isinstance(gegevens, dict) or gegevens.get("p") != str(pk):
        raise LinkOngeldig("ongeldig")
    persoon = Persoon.objects.select_related("organisatie").filter(pk=pk).first()
    if persoon is None or persoon.gewist or not persoon.email:
        raise LinkOngeldig("ongeldig")
    if gegevens.get("a") != _vingerafdruk(persoon):
        raise LinkOngeldig("ongeldig")
    return persoon


def pad(persoon: Persoon, doel: str) -> str:
    """The site-relative link for one purpose; ``core.mail.absoluut`` makes it absolute."""
    return reverse(_ROUTES[doel], args=[persoon.pk, maak_token(persoon, doel)])
