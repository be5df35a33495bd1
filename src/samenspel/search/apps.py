from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "samenspel.search"
    label = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from samenspel.search import (
            avg,  # noqa: F401  (its entries in the processing register)
            keuzelijsten,  # noqa: F401  (empties the lists on a change)
            signals,  # noqa: F401  (logs every change to a listing for the index)
            synoniemen,  # noqa: F401  (registers its system check)
        )
