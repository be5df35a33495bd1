from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkscanConfig(AppConfig):
    name = "samenspel.wijkscan"
    label = "wijkscan"
    verbose_name = _("Wijkscan")

    def ready(self) -> None:
        from samenspel.wijkscan import avg  # noqa: F401  (its entries in the processing register)
