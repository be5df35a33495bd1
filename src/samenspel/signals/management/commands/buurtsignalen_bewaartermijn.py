"""Erase the e-mail address left with a neighbourhood signal after the retention period.

``samenspel beheer buurtsignalen_bewaartermijn``; the period is
``SAMENSPEL["BUURTSIGNAAL_BEWAAR_DAGEN"]``. The signal itself (buurt, theme, text) stays.
"""

from django.core.management.base import BaseCommand

from samenspel.signals import actions


class Command(BaseCommand):
    help = "Wist e-mailadressen bij buurtsignalen na de bewaartermijn; het signaal blijft."

    def handle(self, *args, **options):
        aantal = actions.wis_verlopen_buurtsignaaladressen()
        self.stdout.write(f"{aantal} e-mailadres(sen) bij buurtsignalen gewist.")
