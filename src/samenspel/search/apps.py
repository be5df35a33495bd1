from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "samenspel.search"
    label = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from samenspel.directory import bewaard
        from samenspel.search import (
            avg,  # noqa: F401  (its entries in the processing register)
            kaartjes,
            keuzelijsten,  # noqa: F401  (empties the lists on a change)
            signals,  # noqa: F401  (logs every change to a listing for the index)
            synoniemen,  # noqa: F401  (registers its system check)
        )

        # What the directory keeps of a listing is made again when search sees it change.
        bewaard.versies = kaartjes.aanbodversies
