from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "samenspel.search"
    label = "search"
    verbose_name = "Zoeken"
