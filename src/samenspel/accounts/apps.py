from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samenspel.accounts"
    label = "accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from samenspel.accounts import avg  # noqa: F401  (its entries in the processing register)
