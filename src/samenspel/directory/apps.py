from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "samenspel.directory"
    label = "directory"
    verbose_name = _("Sociale kaart")

    def ready(self) -> None:
        from samenspel.core.views import home_inhoud
        from samenspel.directory import avg  # noqa: F401  (its entries in the processing register)
        from samenspel.directory.models import TaxonomyTerm

        home_inhoud["bouwstenen"] = TaxonomyTerm.objects.bouwstenen
