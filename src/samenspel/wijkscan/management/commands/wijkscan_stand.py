"""`samenspel beheer wijkscan_stand [GM0344 …]`: record today's matrix, for a nightly cron.

Without codes it records every gemeente that has wijken. Running it twice on one day changes
nothing the second time (`actions.leg_stand_vast`).
"""

from django.core.management.base import BaseCommand, CommandError

from samenspel.areas.models import Gebied
from samenspel.wijkscan import actions


class Command(BaseCommand):
    help = "Legt de stand van de wijkscanmatrix van vandaag vast (alle gemeenten of enkele)."

    def add_arguments(self, parser):
        parser.add_argument("gemeenten", nargs="*", help="CBS-codes, bijvoorbeeld GM0344")

    def handle(self, *args, **opties):
        gemeenten = Gebied.objects.gemeenten().order_by("code")
        codes = [c.upper() for c in opties["gemeenten"]]
        if codes:
            onbekend = set(codes) - set(
                gemeenten.filter(code__in=codes).values_list("code", flat=True)
            )
            if onbekend:
                raise CommandError(f"Onbekende gemeente: {', '.join(sorted(onbekend))}")
            gemeenten = gemeenten.filter(code__in=codes)
        else:
            gemeenten = gemeenten.filter(kinderen__isnull=False).distinct()
        for gemeente in gemeenten:
            rijen = actions.leg_stand_vast(gemeente, None)
            self.stdout.write(f"{gemeente.code} {gemeente.naam}: {rijen}")
