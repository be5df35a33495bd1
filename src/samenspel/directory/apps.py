from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "samenspel.directory"
    label = "directory"
    verbose_name = "Sociale kaart"

    def ready(self) -> None:
        from samenspel.directory import signals  # noqa: F401  (keeps search current)
