from django.apps import AppConfig


class HsdsConfig(AppConfig):
    name = "samenspel.hsds"
    label = "hsds"
    verbose_name = "Open Referral HSDS"

    def ready(self) -> None:
        from samenspel.hsds import avg  # noqa: F401  (its entries in the processing register)
