"""`samenspel beheer signalen_bewaartermijn`: erase the content of worries past retention."""

from django.core.management.base import BaseCommand

from samenspel.signals import zorgtermijnen


class Command(BaseCommand):
    help = "Wis de inhoud van zorgen om iemand na de bewaartermijn; de tellingen blijven."

    def handle(self, *args, **opties):
        aantal = zorgtermijnen.wis_verlopen()
        self.stdout.write(
            f"Bewaartermijn zorgen ({zorgtermijnen.bewaar_dagen()} dagen na afsluiten, "
            f"hoogstens {zorgtermijnen.bewaar_max_dagen()} dagen): {aantal} gewist."
        )
