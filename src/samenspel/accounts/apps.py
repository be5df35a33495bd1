from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samenspel.accounts"
    label = "accounts"
    verbose_name = "Accounts en rollen"
