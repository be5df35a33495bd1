"""`samenspel beheer signalen_herinner`: remind teams of worries nobody acted on."""

from django.core.management.base import BaseCommand

from samenspel.signals import zorgtermijnen


class Command(BaseCommand):
    help = "Mail teams over zorgen om iemand waar een paar werkdagen niets mee gebeurde."

    def handle(self, *args, **opties):
        aantal = zorgtermijnen.herinner()
        self.stdout.write(f"{aantal} herinnering(en) over zorgen om iemand klaargezet.")
