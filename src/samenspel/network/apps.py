from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "samenspel.network"
    label = "network"
    verbose_name = _("Het web")

    def ready(self) -> None:
        from samenspel.network.actions import wis_na_bewaartermijn
        from samenspel.privacy import bewaartermijn

        bewaartermijn.registreer("web", wis_na_bewaartermijn)
