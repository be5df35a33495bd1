"""Listings on paper: the wijkwijzer in the waiting room and the persoonlijke wegwijzer.

Paper cannot be clicked, scrolled or followed: what it says must be whole, and every listing
carries a QR code to its page for what paper cannot hold.
"""

import re

from django.db.models import prefetch_related_objects

from samenspel.directory import vooraf_laden

_ZIN_EINDE = re.compile(r"(?<=[.!?])\s+")


def laad(services) -> list:
    """What a printed listing shows, for a whole list at once: addresses and phones too."""
    services = vooraf_laden.voor_lijst(services)
    prefetch_related_objects(
        services,
        "service_at_locations__location__addresses",
        "service_at_locations__location__phones",
    )
    return services


def tekst(service, max_tekens: int | None = None) -> str:
    """The owner's short text for paper, or else the description.

    Never cut off with "…": with a limit, only whole sentences that fit are printed (at
    least nothing wrong is said; the QR code leads to the rest).
    """
    kort = (service.korte_tekst or "").strip()
    if kort:
        return kort
    lang = " ".join((service.description or "").split())
    if max_tekens is None or len(lang) <= max_tekens:
        return lang
    gekozen = ""
    for zin in _ZIN_EINDE.split(lang):
        kandidaat = f"{gekozen} {zin}".strip()
        if len(kandidaat) > max_tekens:
            break
        gekozen = kandidaat
    return gekozen


def adressen(service) -> list:
    return [a for sal in service.service_at_locations.all() for a in sal.location.addresses.all()]


def telefoons(service) -> list[str]:
    """The listing's own numbers, else those of its places; each number once."""
    nummers = [p.number for p in service.phones.all()]
    if not nummers:
        nummers = [
            p.number
            for sal in service.service_at_locations.all()
            for p in sal.location.phones.all()
        ]
    return list(dict.fromkeys(n.strip() for n in nummers if n.strip()))
