"""Links that work without an account.

- The receiving service answers a referral from a signed, expiring link in its e-mail. The
  link names one referral and carries a keyed hash of the address it was sent to: when the
  service changes that address, old links stop working.
- The service sets "vol" and a waiting time from a second kind of signed link.
- The resident's own link is a random token; only its hash is stored, so nobody who reads
  the database can open it.

No GET on any of these changes anything: mail scanners open links too.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import salted_hmac

from samenspel.core.links import LinkOngeldig as Linkfout
from samenspel.referrals.models import Bewoner, Ontvangst, Verwijzing, hash_token

ANTWOORD = "antwoord"
ONTVANGST = "ontvangst"


class LinkOngeldig(Linkfout):
    """An invalid or expired link; for an expired one, the referral it was made for."""

    def __init__(self, reden: str, verwijzing: Verwijzing | None = None):
        super().__init__(reden)
        self.verwijzing = verwijzing


def geldigheid() -> timedelta:
    return timedelta(days=settings.SAMENSPEL.get("BEWERKLINK_DAGEN", 30))


def _vingerafdruk(adres: str) -> str:
    # Keyed, so the readable payload does not reveal the address to someone guessing it.
    adres = (adres or "").strip().lower()
    return salted_hmac("samenspel.referrals.links.adres", adres).hexdigest()[:16]


def _salt(doel: str) -> str:
    if doel not in (ANTWOORD, ONTVANGST):
        raise ValueError(f"onbekend doel: {doel}")
    return f"samenspel.referrals.links.{doel}"


def _lees(token: str, doel: str) -> tuple[dict, bool]:
    """The payload and whether it is expired; raises LinkOngeldig if it is not ours."""
    try:
        return signing.loads(token, salt=_salt(doel), max_age=geldigheid()), False
    except signing.SignatureExpired:
        return signing.loads(token, salt=_salt(doel)), True
    except signing.BadSignature as fout:
        raise LinkOngeldig("ongeldig") from fout


# --- answering a referral -----------------------------------------------------------------


def antwoord_token(verwijzing: Verwijzing) -> str:
    adres = Ontvangst.van(verwijzing.service).adres
    return signing.dumps(
        {"v": str(verwijzing.pk), "a": _vingerafdruk(adres)}, salt=_salt(ANTWOORD), compress=True
    )


def antwoord_pad(verwijzing: Verwijzing, keuze: str = "") -> str:
    pad = reverse("referrals:antwoord", args=[verwijzing.pk, antwoord_token(verwijzing)])
    return f"{pad}?keuze={keuze}" if keuze else pad


def controleer_antwoord(token: str, pk) -> Verwijzing:
    gegevens, verlopen = _lees(token, ANTWOORD)
    if not isinstance(gegevens, dict) or gegevens.get("v") != str(pk):
        raise LinkOngeldig("ongeldig")
    verwijzing = (
        Verwijzing.objects.select_related("service__organization", "toestemming")
        .filter(pk=pk)
        .first()
    )
    if verwijzing is None or not verwijzing.is_gedeeld:
        raise LinkOngeldig("ongeldig")
    if gegevens.get("a") != _vingerafdruk(Ontvangst.van(verwijzing.service).adres):
        raise LinkOngeldig("ongeldig")
    if verlopen:
        raise LinkOngeldig("verlopen", verwijzing)
    return verwijzing


# --- intake settings ----------------------------------------------------------------------


def ontvangst_token(service) -> str:
    adres = Ontvangst.van(service).adres
    return signing.dumps(
        {"s": str(service.pk), "a": _vingerafdruk(adres)}, salt=_salt(ONTVANGST), compress=True
    )


def ontvangst_pad(service) -> str:
    return reverse("referrals:ontvangst_link", args=[service.pk, ontvangst_token(service)])


def controleer_ontvangst(token: str, pk):
    from samenspel.directory.models import Service

    gegevens, verlopen = _lees(token, ONTVANGST)
    if not isinstance(gegevens, dict) or gegevens.get("s") != str(pk):
        raise LinkOngeldig("ongeldig")
    service = Service.objects.filter(pk=pk).first()
    if service is None or gegevens.get("a") != _vingerafdruk(Ontvangst.van(service).adres):
        raise LinkOngeldig("ongeldig")
    if verlopen:
        raise LinkOngeldig("verlopen")
    return service


# --- the resident's own link --------------------------------------------------------------


def nieuwe_bewoner() -> tuple[Bewoner, str]:
    """A new private link; the token is returned once and never stored."""
    token = secrets.token_urlsafe(32)
    return Bewoner.objects.create(token_hash=hash_token(token)), token


def bewoner_bij(token: str) -> Bewoner | None:
    if not token or len(token) > 100:
        return None
    return Bewoner.objects.filter(token_hash=hash_token(token)).first()


def bewoner_pad(token: str) -> str:
    return reverse("referrals:mijn", args=[token])
