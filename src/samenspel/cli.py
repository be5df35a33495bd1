"""The `samenspel` command: demo, server, reminders, search index, backup, and Django's own
commands."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from samenspel.core import opstart


def _django(demo: bool = False) -> None:
    opstart.django_opzetten(demo)


def _voorbereiden() -> None:
    from django.conf import settings
    from django.core.management import call_command

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)


def _start_postbode() -> None:
    """The e-mail sender as a child of this process, which gunicorn is about to replace.

    A process of its own, not a thread in gunicorn's master: the master forks its workers,
    and a fork must not copy a thread that holds a database connection. The sender stops
    by itself when the server is gone (it watches its parent), so one Ctrl+C ends both.
    """
    os.environ["SAMENSPEL_POST_OUDER"] = str(os.getpid())
    subprocess.Popen([sys.executable, "-m", "samenspel.cli", "post"])  # noqa: S603


def _serve(poort: int, workers: int, post: bool = True) -> None:
    print(f"Samenspel draait op http://127.0.0.1:{poort}  (stoppen: Ctrl+C)", flush=True)
    if post:
        _start_postbode()
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "samenspel.wsgi:application",
        # Builds the search index once in the master, before the workers fork (see there).
        "--config",
        "python:samenspel.gunicorn_conf",
        "--bind",
        f"127.0.0.1:{poort}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]
    os.execv(sys.executable, argv)  # noqa: S606  (replaces this process with the server)


def demo(args) -> None:
    _django(demo=True)
    _voorbereiden()
    from samenspel.demo import laden

    uitkomst = laden.laad_alles()
    print(
        f"Demo klaar: {uitkomst['gebieden']} gebieden, {uitkomst['aanbod']} keer aanbod, "
        f"{uitkomst['verwijzingen']} verwijzingen."
    )
    from samenspel.accounts.models import Gebruiker

    namen = [naam for naam, _, _ in uitkomst["accounts"]]
    werkt_bij = dict(
        Gebruiker.objects.filter(username__in=namen).values_list("username", "organisatie__name")
    )
    print("Demo-accounts (gebruikersnaam / wachtwoord / rol):")
    for naam, wachtwoord, rol in uitkomst["accounts"]:
        organisatie = f" · {werkt_bij[naam]}" if werkt_bij.get(naam) else ""
        print(f"  {naam:18} {wachtwoord:24} {rol}{organisatie}")
    from samenspel.accounts import tweestaps

    if not tweestaps.verplicht():
        print(
            "Inloggen in twee stappen is in de demo niet verplicht: de accounts loggen in met "
            "alleen het wachtwoord (aanzetten kan via 'Inloggen in twee stappen' in het menu)."
        )
    print("Verstuurde e-mails staan in het demo-postvak: /demo/post/")
    if not args.geen_server:
        _serve(args.poort, args.workers)


def serve(args) -> None:
    _django()
    _voorbereiden()
    _serve(args.poort, args.workers, post=not args.zonder_post)


def _zeg_waar_de_post_heen_gaat() -> None:
    """Before sending: on the demo database the mails go to the demo mailbox, say so; a
    database that is not set up yet is a sentence, not a traceback."""
    from django.db import DatabaseError

    from samenspel.demo.mail import postvak_voor_demodatabase

    try:
        if postvak_voor_demodatabase():
            print("Demo-database: de e-mails komen in het demo-postvak (/demo/post/).")
    except DatabaseError as fout:
        sys.exit(
            f"De database is nog niet klaar ({fout}). Zet eerst de demo op "
            "(samenspel demo --geen-server) of migreer (samenspel beheer migrate)."
        )


def post(args) -> None:
    """Deliver the e-mail outbox: until stopped, or (``--eenmalig``) what is due now."""
    _django()
    import signal

    from samenspel.core import postbode

    _zeg_waar_de_post_heen_gaat()
    if args.eenmalig:
        ronde = postbode.bezorg_wat_klaarstaat()
        print(
            f"{ronde.verstuurd} e-mail(s) verstuurd, {ronde.uitgesteld} uitgesteld "
            f"(volgende poging later), {ronde.opgegeven} opgegeven."
        )
        return
    ouder = os.environ.get("SAMENSPEL_POST_OUDER")
    bode = postbode.Postbode(ouder=int(ouder) if ouder else None)
    signal.signal(signal.SIGTERM, lambda *_: bode.stop())
    try:
        bode.draai()
    except KeyboardInterrupt:
        pass


def herinner(args) -> None:
    _django()
    from samenspel.core import mail, postbode
    from samenspel.directory.herinneren import verstuur_herinneringen
    from samenspel.referrals.herinneren import herinner_onbeantwoord
    from samenspel.signals import zorgtermijnen

    _zeg_waar_de_post_heen_gaat()
    aantal = verstuur_herinneringen()
    print(f"{aantal} herinnering(en) klaargezet over aanbod dat lang niet is bevestigd.")
    aantal = herinner_onbeantwoord()
    print(f"{aantal} herinnering(en) klaargezet over onbeantwoorde verwijzingen.")
    aantal = zorgtermijnen.herinner()
    print(f"{aantal} herinnering(en) klaargezet over zorgen waar een team nog niets mee deed.")
    try:
        mail.controleer_mailserver()
    except mail.MailNietVerstuurd as fout:
        # Queued and marked all the same; the sender delivers them once it can.
        print(
            f"Let op: {fout}. De e-mails wachten in de wachtrij en gaan weg zodra de "
            "mailserver bereikbaar is."
        )
        return
    ronde = postbode.bezorg_wat_klaarstaat()
    print(f"{ronde.verstuurd} e-mail(s) uit de wachtrij verstuurd.")


def zoekindex(args) -> None:
    _django()
    from samenspel.search import index

    if args.actie == "herbouw":
        # The index lives in each server process: they rebuild it themselves, without a
        # restart, when they next look at the change log (before their next query).
        index.vraag_herbouw()
        verwijderd = index.ruim_log_op()
        print(
            "Herbouw gevraagd: elke draaiende server bouwt zijn zoekindex opnieuw op voor de "
            f"volgende zoekvraag ({verwijderd} oude logregels opgeruimd)."
        )


def _procenten(wat: str, aan: bool):
    """Progress of a backup or restore on stderr, one line per tenth (also readable in a log)."""
    laatste = -1

    def toon(gedaan: int, totaal: int) -> None:
        nonlocal laatste
        tiende = 10 * gedaan // totaal if totaal else 10
        if aan and tiende > laatste:
            laatste = tiende
            print(f"{wat}: {10 * tiende}%", file=sys.stderr, flush=True)

    return toon


def backup(args) -> None:
    _django()
    from samenspel.core import backup as bewaar

    try:
        pad = bewaar.maak_backup(args.pad, voortgang=_procenten("backup", not args.stil))
    except bewaar.BackupFout as fout:
        sys.exit(f"Geen backup gemaakt: {fout}")
    print(f"Backup gemaakt: {pad}")


def _bevestigd(vraag: str) -> bool:
    try:
        return input(f"{vraag} [j/N] ").strip().lower() in ("j", "ja", "y", "yes")
    except EOFError:
        # No one to answer (a script without --ja): no.
        print()
        return False


def herstel(args) -> None:
    _django()
    from django.db import connection

    from samenspel.core import backup as bewaar

    try:
        bewaar.controleer(args.pad)
    except bewaar.BackupFout as fout:
        sys.exit(f"Niet hersteld: {fout}")
    naam = connection.settings_dict["NAME"] or connection.settings_dict["OPTIONS"].get("service")
    if not args.ja and not _bevestigd(
        f"Dit vervangt alles in de database {naam} door de backup {args.pad}. Doorgaan?"
    ):
        sys.exit("Niet hersteld: niet bevestigd.")
    try:
        bewaar.herstel(args.pad, voortgang=_procenten("herstel", not args.stil))
    except bewaar.BackupFout as fout:
        sys.exit(f"Niet hersteld: {fout}")
    # A running server keeps its search index and caches of the old data in memory; on start
    # it also migrates a backup made by an older version.
    print(
        f"Database hersteld uit {args.pad}. Draait de server, start hem dan opnieuw "
        "(samenspel serve)."
    )


def beheer(args) -> None:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["samenspel beheer", *args.rest])


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="samenspel", description="Samenspel: sociale kaart van de wijk"
    )
    sub = p.add_subparsers(dest="opdracht", required=True)

    d = sub.add_parser("demo", help="zet de demo op (SQLite, demodata, accounts) en start hem")
    d.add_argument("--geen-server", action="store_true", help="alleen opzetten, niet starten")
    d.add_argument("--poort", type=int, default=8000)
    d.add_argument("--workers", type=int, default=2)
    d.set_defaults(functie=demo)

    s = sub.add_parser("serve", help="start de webserver")
    s.add_argument("--poort", type=int, default=8000)
    s.add_argument("--workers", type=int, default=2)
    s.add_argument(
        "--zonder-post",
        action="store_true",
        help="start de e-mailverzender niet mee (die draait elders: samenspel post)",
    )
    s.set_defaults(functie=serve)

    po = sub.add_parser("post", help="verstuur de e-mails uit de wachtrij (blijft draaien)")
    po.add_argument("--eenmalig", action="store_true", help="verstuur wat nu klaarstaat en stop")
    po.set_defaults(functie=post)

    h = sub.add_parser("herinner", help="mail eigenaren van aanbod dat lang niet is bevestigd")
    h.set_defaults(functie=herinner)

    z = sub.add_parser("zoekindex", help="beheer de zoekindex")
    z.add_argument("actie", choices=["herbouw"])
    z.set_defaults(functie=zoekindex)

    bk = sub.add_parser(
        "backup", help="bewaar de hele database in één bestand (ook terwijl de server draait)"
    )
    bk.add_argument("pad", type=Path, help="het bestand, of een map om het in te zetten")
    bk.add_argument("--stil", action="store_true", help="geen voortgang")
    bk.set_defaults(functie=backup)

    he = sub.add_parser("herstel", help="vervang de hele database door een backup")
    he.add_argument("pad", type=Path, help="het backupbestand (van samenspel backup)")
    he.add_argument("--ja", "--yes", action="store_true", help="niet om bevestiging vragen")
    he.add_argument("--stil", action="store_true", help="geen voortgang")
    he.set_defaults(functie=herstel)

    # Apps add their own subcommands (imports, exports, retention, …).
    from samenspel.hsds import cli as hsds_cli
    from samenspel.privacy import cli as privacy_cli
    from samenspel.referrals import cli as referrals_cli

    for app_cli in (hsds_cli, referrals_cli, privacy_cli):
        app_cli.registreer(sub)

    b = sub.add_parser("beheer", help="Django-beheeropdrachten (migrate, createsuperuser, …)")
    b.add_argument("rest", nargs=argparse.REMAINDER)
    b.set_defaults(functie=beheer)
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    args.functie(args)


if __name__ == "__main__":
    main()
