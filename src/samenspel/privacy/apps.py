from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "samenspel.privacy"
    label = "privacy"
    verbose_name = "Privacy: toestemming, inzage-log en bewaartermijn"
