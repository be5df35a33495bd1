"""Magic links: signed, expiring links that let an owner act on a listing without an account.

A link names one listing and one purpose, so an edit link cannot be used to stop a listing.
It also carries a keyed hash of the owner's e-mail address: when that address changes, every
link sent to the old address stops working, without keeping a list of issued links.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from samenspel.core.links import LinkOngeldig
from samenspel.directory.models import Service

BEVESTIG = "bevestig"
BEWERK = "bewerk"
KLOPT_NOG = "klopt-nog"
STOP = "stop"
DOELEN = (BEVESTIG, BEWERK, KLOPT_NOG, STOP)

_ROUTES = {
    BEWERK: "directory:bewerken",
    KLOPT_NOG: "directory:klopt_nog",
    STOP: "directory:stoppen",
}


def _salt(doel: str) -> str:
    if doel not in DOELEN:
        raise ValueError(f"onbekend doel: {doel}")
    return f"samenspel.directory.links.{doel}"


def _vingerafdruk(service: Service) -> str:
    # Keyed, so the readable payload does not reveal the address to someone guessing it.
    adres = (service.beheerder_email or "").strip().lower()
    return salted_hmac("samenspel.directory.links.eigenaar", adres).hexdigest()[:16]


def geldigheid() -> timedelta:
    return timedelta(days=settings.SAMENSPEL["BEWERKLINK_DAGEN"])


def maak_token(service: Service, doel: str) -> str:
    gegevens = {"s": str(service.pk), "e": _vingerafdruk(service)}
    return signing.dumps(gegevens, salt=_salt(doel), compress=True)


def controleer(token: str, doel: str, pk=None) -> Service:
    """The listing the token was made for; raises LinkOngeldig otherwise."""
    try:
        gegevens = signing.loads(token, salt=_salt(doel), max_age=geldigheid())
    except signing.SignatureExpired as fout:
        raise LinkOngeldig("verlopen") from fout
    except signing.BadSignature as fout:
        raise LinkOngeldig("ongeldig") from fout
    if not isinstance(gegevens, dict) or (pk is not None and gegevens.get("s") != str(pk)):
        raise LinkOngeldig("ongeldig")
    service = Service.objects.filter(pk=gegevens.get("s")).first()
    if service is None or gegevens.get("e") != _vingerafdruk(service):
        raise LinkOngeldig("ongeldig")
    return service


def pad(service: Service, doel: str) -> str:
    """The site-relative link for one purpose; mail.absoluut() makes it absolute."""
    token = maak_token(service, doel)
    if doel == BEVESTIG:
        return reverse("directory:aanmelding_bevestigen", args=[token])
    return reverse(_ROUTES[doel], args=[service.pk, token])
