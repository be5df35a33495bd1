from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "samenspel.areas"
    label = "areas"
    verbose_name = "Gebieden"
