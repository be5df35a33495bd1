from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "samenspel.privacy"
    label = "privacy"
    verbose_name = _("Privacy: toestemming, inzage-log en bewaartermijn")

    def ready(self) -> None:
        from samenspel.privacy import avg  # noqa: F401  (its entries in the processing register)
