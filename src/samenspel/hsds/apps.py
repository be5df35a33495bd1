from django.apps import AppConfig


class HsdsConfig(AppConfig):
    name = "samenspel.hsds"
    label = "hsds"
    verbose_name = "Open Referral HSDS"
