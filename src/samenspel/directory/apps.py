from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "samenspel.directory"
    label = "directory"
    verbose_name = _("Sociale kaart")

    def ready(self) -> None:
        from samenspel.directory import signals  # noqa: F401  (keeps search current)
