from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "samenspel.network"
    label = "network"
    verbose_name = _("Het web")

    def ready(self) -> None:
        from samenspel.directory.views_pagina import aanbod_blokken
        from samenspel.network import (
            avg,  # noqa: F401  (its entries in the processing register)
            rechten,
            verbinders,
        )
        from samenspel.network.actions import wis_na_bewaartermijn
        from samenspel.privacy import bewaartermijn

        aanbod_blokken["verbinders"] = verbinders.op_aanbodpagina
        bewaartermijn.registreer("web", wis_na_bewaartermijn)
        rechten.registreer()
