# The referral personas and helpers are shared with the privacy tests.
from samenspel.referrals.tests.conftest import (  # noqa: F401
    bart,
    buurtteam,
    ine,
    olaf,
    organisaties,
    petra,
    pim,
    verwijs,
    verwijzing,
    wandelgroep,
)
