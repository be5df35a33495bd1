from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "samenspel.referrals"
    label = "referrals"
    verbose_name = "Verwijzen met toestemming"
