"""The web's signed links: a person agrees to, sees and corrects their own entry, and a partner
answers an invitation, without an account.

Each link names one record and one purpose (a consent link cannot be used to step out), and
carries a keyed hash of the address it was sent to: when the e-mail address changes, every
link sent to the old address stops working, without keeping a list of issued links. The same
pattern as ``directory/links.py``. A tampered or foreign token is not found (404). No GET
behind these links changes anything: mail scanners open links too.

A person's own links stay valid ``SAMENSPEL["WEB_LINK_DAGEN"]`` days (default 30).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from samenspel.core.links import LinkOngeldig

from .models import Persoon, Samen

INSTEMMEN = "instemmen"
MIJN_GEGEVENS = "mijn-gegevens"
_ROUTES = {INSTEMMEN: "network:instemmen", MIJN_GEGEVENS: "network:mijn_gegevens"}

STANDAARD_DAGEN = 30


def geldigheid() -> timedelta:
    return timedelta(days=int(settings.SAMENSPEL.get("WEB_LINK_DAGEN", STANDAARD_DAGEN)))


def _salt(doel: str) -> str:
    if doel not in _ROUTES:
        raise ValueError(f"onbekend doel: {doel}")
    return f"samenspel.network.links.{doel}"


def vingerafdruk(adres: str) -> str:
    """A keyed hash of an address, so the readable payload does not reveal it to a guesser."""
    adres = (adres or "").strip().lower()
    return salted_hmac("samenspel.network.links.adres", adres).hexdigest()[:16]


def maak_token(persoon: Persoon, doel: str) -> str:
    gegevens = {"p": str(persoon.pk), "a": vingerafdruk(persoon.email)}
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
    if gegevens.get("a") != vingerafdruk(persoon.email):
        raise LinkOngeldig("ongeldig")
    return persoon


def pad(persoon: Persoon, doel: str) -> str:
    """The site-relative link for one purpose; ``core.mail.absoluut`` makes it absolute."""
    return reverse(_ROUTES[doel], args=[persoon.pk, maak_token(persoon, doel)])


# --- Samen beginnen: the invited partner answers from the e-mail.

_SALT = "samenspel.network.links.samen"
# Long enough for a conversation planned weeks ahead; the invitation itself closes after it.
GELDIG = timedelta(days=90)


def samen_token(samen: Samen) -> str:
    return signing.dumps(
        {"s": str(samen.pk), "a": vingerafdruk(samen.persoon.email)}, salt=_SALT, compress=True
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
    if samen is None or gegevens.get("a") != vingerafdruk(samen.persoon.email):
        return None
    return samen
