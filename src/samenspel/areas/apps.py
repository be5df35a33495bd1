from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "samenspel.areas"
    label = "areas"
    verbose_name = "Gebieden"

    def ready(self) -> None:
        from samenspel.areas import avg  # noqa: F401  (its entries in the processing register)
        from samenspel.areas.models import Gebied
        from samenspel.core.views import home_inhoud

        home_inhoud["gemeenten"] = lambda: Gebied.objects.gemeenten().prefetch_related("kinderen")
