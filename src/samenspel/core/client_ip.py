"""The client's address, as far as it can be trusted: the one rule for login lockouts and the
limits on public forms (django-axes and django-ratelimit both call `client_ip`).

Behind a reverse proxy REMOTE_ADDR is the proxy's own address, so counting per REMOTE_ADDR
counts the whole site as one visitor. The proxy passes the client's address in
X-Forwarded-For, but any client can send that header too. So the header is read only when
the request comes from a proxy listed in SAMENSPEL_VERTROUWDE_PROXIES, and then from the
right: each proxy appends the address it was connected from, so the rightmost entry that is
not one of our proxies is the first address no proxy of ours can vouch for, the client's.
Everything left of it was written by the client and is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# REMOTE_ADDR is empty when the app server listens on a unix socket; such requests share one
# counter, as they would if they all came from one address.
UNKNOWN = "0.0.0.0"  # noqa: S104 (an address to count by, not one to bind to)


def parse_network(entry: str) -> Network:
    """An address ("10.0.0.5") or a network ("10.0.0.0/8"); ValueError otherwise."""
    return ipaddress.ip_network(entry.strip(), strict=False)


def invalid_entries(entries) -> list[str]:
    """Entries of the setting that are no address or network (reported by a system check)."""
    wrong = []
    for entry in entries:
        try:
            parse_network(entry)
        except ValueError:
            wrong.append(entry)
    return wrong


@lru_cache(maxsize=4)
def _trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(parse_network(entry))
        except ValueError:
            continue  # named by the system check; a request never fails on it
    return tuple(networks)


def _address(text: str) -> Address | None:
    text = text.strip()
    # Some proxies add the client's port: "192.0.2.1:5678", "[2001:db8::1]:5678".
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is still the same client.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: Address, proxies: tuple[Network, ...]) -> bool:
    return any(address in network for network in proxies)


def client_ip(request) -> str:
    """The address of the client that sent `request`, never one the client chose itself."""
    proxies = _trusted_networks(tuple(settings.SAMENSPEL["VERTROUWDE_PROXIES"]))
    nearest = _address(request.META.get("REMOTE_ADDR", ""))
    if nearest is None:
        return UNKNOWN
    if not _is_trusted(nearest, proxies):
        return str(nearest)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            # No proxy of ours writes this, so it came from the client: stop at the last hop
            # we do trust.
            break
        nearest = address
        if not _is_trusted(address, proxies):
            return str(address)
    # Only our own proxies (a health check, say): count it as the farthest of them.
    return str(nearest)
