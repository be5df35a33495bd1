from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samenspel.core"
    label = "core"
    verbose_name = "Samenspel"

    def ready(self) -> None:
        from samenspel.core import (
            checks,  # noqa: F401  (registers the deploy checks)
            verwerkingen,  # noqa: F401  (the libraries' tables in the processing register)
        )
