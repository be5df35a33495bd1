from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "samenspel.demo"
    label = "demo"
    verbose_name = "Demo"

    def ready(self) -> None:
        from samenspel.demo import avg  # noqa: F401  (its entries in the processing register)
