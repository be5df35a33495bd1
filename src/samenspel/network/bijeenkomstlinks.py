"""Signed links of network meetings: answering an invitation, "met wie heb je kennisgemaakt?",
and the iCalendar feeds. None of them needs an account.

Each link names one record and one purpose (the salt), so an RSVP link cannot open a feed.
The links of a person carry a keyed hash of their e-mail address, as the kaart's owner links
do (``directory/links.py``): when the address changes, links sent to the old one stop working.

How long a link works follows the meeting rather than a clock: an answer can be given until
the meeting begins, "met wie heb je kennisgemaakt?" until ``BEWERKLINK_DAGEN`` days after it.

The feeds are not public. A series' place may be a private address or a location only
professionals may see, and a person's feed lists which meetings they go to. A calendar app
cannot log in, so the feed's address carries a signed token instead; it does not expire,
because a calendar keeps polling the same address for months. A person's feed stops when
they leave the web or their address changes.
"""

from django.core import signing
from django.http import Http404
from django.urls import reverse

from . import links
from .models import Persoon, Reeks, Uitnodiging

RSVP = "rsvp"
KENNISGEMAAKT = "kennisgemaakt"
ICAL_REEKS = "ical-reeks"
ICAL_PERSOON = "ical-persoon"
DOELEN = (RSVP, KENNISGEMAAKT, ICAL_REEKS, ICAL_PERSOON)


def _salt(doel: str) -> str:
    if doel not in DOELEN:
        raise ValueError(f"onbekend doel: {doel}")
    return f"samenspel.network.bijeenkomstlinks.{doel}"


def _vingerafdruk(persoon: Persoon) -> str:
    return links.vingerafdruk(persoon.email)


def _maak(doel: str, gegevens: dict) -> str:
    return signing.dumps(gegevens, salt=_salt(doel), compress=True)


def _lees(token: str, doel: str) -> dict:
    """The payload, or 404: a link that was changed or not made by us opens nothing."""
    try:
        gegevens = signing.loads(token, salt=_salt(doel))
    except signing.BadSignature as fout:
        raise Http404 from fout
    if not isinstance(gegevens, dict):
        raise Http404
    return gegevens


def _persoon_geldig(persoon: Persoon, vingerafdruk) -> bool:
    return (
        persoon.ingestemd
        and persoon.vertrokken is None
        and bool(persoon.email)
        and vingerafdruk == _vingerafdruk(persoon)
    )


# --- an invitation (RSVP and afterwards "met wie heb je kennisgemaakt?") ----------------------


def uitnodiging_token(uitnodiging: Uitnodiging, doel: str = RSVP) -> str:
    return _maak(doel, {"u": str(uitnodiging.pk), "e": _vingerafdruk(uitnodiging.persoon)})


def uitnodiging_uit(token: str, doel: str = RSVP) -> Uitnodiging:
    """The invitation the token was made for; 404 when it was changed or the person left."""
    gegevens = _lees(token, doel)
    uitnodiging = (
        Uitnodiging.objects.select_related(
            "persoon__organisatie", "bijeenkomst__reeks", "bijeenkomst__gastheer"
        )
        .filter(pk=gegevens.get("u"))
        .first()
    )
    if uitnodiging is None or not _persoon_geldig(uitnodiging.persoon, gegevens.get("e")):
        raise Http404
    return uitnodiging


def rsvp_pad(uitnodiging: Uitnodiging, antwoord: str = "") -> str:
    """The answer page; ``antwoord`` pre-chooses yes, no or maybe (one click from the mail)."""
    pad = reverse("network:rsvp", args=[uitnodiging_token(uitnodiging, RSVP)])
    return f"{pad}?antwoord={antwoord}" if antwoord else pad


def kennisgemaakt_pad(uitnodiging: Uitnodiging) -> str:
    return reverse("network:kennisgemaakt", args=[uitnodiging_token(uitnodiging, KENNISGEMAAKT)])


# --- the iCalendar feeds ----------------------------------------------------------------------


def reeks_feed_pad(reeks: Reeks) -> str:
    return reverse("network:ical_reeks", args=[_maak(ICAL_REEKS, {"r": str(reeks.pk)})])


def reeks_uit_feed(token: str) -> Reeks:
    gegevens = _lees(token, ICAL_REEKS)
    reeks = Reeks.objects.filter(pk=gegevens.get("r")).first()
    if reeks is None:
        raise Http404
    return reeks


def persoon_feed_pad(persoon: Persoon) -> str:
    token = _maak(ICAL_PERSOON, {"p": str(persoon.pk), "e": _vingerafdruk(persoon)})
    return reverse("network:ical_persoon", args=[token])


def persoon_uit_feed(token: str) -> Persoon:
    gegevens = _lees(token, ICAL_PERSOON)
    persoon = Persoon.objects.filter(pk=gegevens.get("p")).first()
    if persoon is None or not _persoon_geldig(persoon, gegevens.get("e")):
        raise Http404
    return persoon
