from django.apps import AppConfig


class WegwijzerConfig(AppConfig):
    name = "samenspel.wegwijzer"
    label = "wegwijzer"
    verbose_name = "Wegwijzer"
