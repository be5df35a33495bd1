"""Setting Django up for a console command, before any model is imported.

Here, in the lowest layer, so that the `samenspel` command and every app's own subcommands
share it without an app importing the command module above them all.
"""

import os


def django_opzetten(demo: bool = False) -> None:
    if demo:
        os.environ.setdefault("SAMENSPEL_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings")
    import django

    django.setup()
