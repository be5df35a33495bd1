from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "samenspel.privacy"
    label = "privacy"
    verbose_name = _("Privacy: toestemming, inzage-log en bewaartermijn")
