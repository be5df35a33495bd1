from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "samenspel.referrals"
    label = "referrals"
    verbose_name = _("Verwijzen met toestemming")

    def ready(self) -> None:
        from samenspel.privacy import bewaartermijn
        from samenspel.referrals import (
            avg,  # noqa: F401  (its entries in the processing register)
            rechten,
        )
        from samenspel.referrals.actions import wis_na_bewaartermijn

        bewaartermijn.registreer("verwijzingen", wis_na_bewaartermijn)
        rechten.registreer()
