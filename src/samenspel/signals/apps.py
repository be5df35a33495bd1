from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "samenspel.signals"
    label = "signals"
    verbose_name = _("Signalen")

    def ready(self) -> None:
        from samenspel.signals import (
            avg,  # noqa: F401  (its entries in the processing register)
            rechten,
        )

        rechten.registreer()
