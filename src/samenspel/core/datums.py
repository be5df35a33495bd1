"""Calendar arithmetic shared by every app: months are calendar months, never 30.44 days.

"Six months ago" on 31 August is 28 (or 29) February, as people count: the same day of the
month, or the month's last day when it is shorter. Freshness, retention and the validity of
consent all count this way, so a page, a reminder and an erasure never disagree by a day.
"""

from datetime import date

from dateutil.relativedelta import relativedelta


def maanden_terug(vandaag: date, maanden: int) -> date:
    """The same day `maanden` calendar months before `vandaag`, clamped to a shorter month."""
    return vandaag - relativedelta(months=maanden)


def maanden_verder(vandaag: date, maanden: int) -> date:
    """The same day `maanden` calendar months after `vandaag`, clamped to a shorter month."""
    return vandaag + relativedelta(months=maanden)
