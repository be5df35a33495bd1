"""Limits on the public forms (sign-ups, new links), by django-ratelimit.

Counts live in Django's cache (Redis with REDIS_URL), so every app server shares them; per
client they count by `core.client_ip`, so behind a proxy each visitor has their own count
and not the whole site one. Windows are whole hours (django-ratelimit's fixed windows, each
key with its own offset), so "3 per hour" is at most 3 within any such hour.
"""

from django_ratelimit.core import is_ratelimited


def over_limit(request, group: str, per_hour: int, key: str | None = None) -> bool:
    """Count this request in `group` and say whether it is one too many.

    Without `key` the count is per client address; with it, per that value (an e-mail
    address, a referral), whoever asks."""
    counted_by = "ip" if key is None else (lambda _group, _request: key)
    return is_ratelimited(
        request, group=group, key=counted_by, rate=f"{per_hour}/h", increment=True
    )


def email_key(email: str) -> str:
    """One count per mailbox, however the address is typed ("Anna@X.nl " is anna@x.nl)."""
    return email.strip().lower()
