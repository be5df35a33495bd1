"""Subcommands of `samenspel` that belong to this app: imports, the export, API keys.

Problems go to stderr, each with file, row and field, and the command exits with status 2;
the database is then exactly as it was.
"""

import argparse
import os
import sys
from pathlib import Path

MAX_GETOONDE_WAARSCHUWINGEN = 20


def registreer(subparsers) -> None:
    """Add this app's subcommands to the `samenspel` command."""
    imp = subparsers.add_parser("importeer", help="importeer gegevens in de sociale kaart")
    soorten = imp.add_subparsers(dest="soort", required=True)

    h = soorten.add_parser("hsds", help="HSDS 3.0: datapakket (map, zip, datapackage.json) of JSON")
    h.add_argument("pad", type=Path, help="map, .zip, datapackage.json of .json-bestand")
    h.add_argument("--soort-record", dest="record", help="bij JSON: service, organization, …")
    _gemeenschappelijk(h)
    h.set_defaults(functie=importeer_hsds)

    t = soorten.add_parser("tabel", help="spreadsheet (.xlsx of .csv) volgens het sjabloon")
    t.add_argument("pad", type=Path, help=".xlsx- of .csv-bestand volgens het sjabloon")
    t.add_argument("--blad", help="naam van het werkblad (standaard het eerste)")
    _gemeenschappelijk(t)
    t.set_defaults(functie=importeer_tabel)

    g = soorten.add_parser("gebieden", help="CBS-wijken en -buurten (GeoJSON) of cijfers (CSV)")
    g.add_argument("pad", type=Path, help=".geojson (wijken en buurten) of .csv (cijfers)")
    g.add_argument("--proef", action="store_true", help="laat zien wat er zou veranderen")
    g.add_argument("--tekenset", default="utf-8", help="tekenset van een CSV (standaard utf-8)")
    g.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    g.add_argument("--bron", choices=("cbs", "rivm"), help="CSV in de vorm van CBS of RIVM")
    g.add_argument("--jaar", type=int, help="jaar van de cijfers (nodig bij --bron)")
    g.set_defaults(functie=importeer_gebieden)

    # The same import, named for what it does with a CBS or RIVM file.
    c = soorten.add_parser("cijfers", help="gebiedscijfers van CBS of RIVM (CSV, per CBS-code)")
    c.add_argument("pad", type=Path, help=".csv zoals CBS of RIVM het publiceert")
    c.add_argument("--bron", choices=("cbs", "rivm"), required=True, help="wie de cijfers maakte")
    c.add_argument("--jaar", type=int, required=True, help="jaar van de cijfers")
    c.add_argument("--proef", action="store_true", help="laat zien wat er zou veranderen")
    c.add_argument("--tekenset", default="utf-8", help="tekenset van de CSV (standaard utf-8)")
    c.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    c.set_defaults(functie=importeer_gebieden)

    exp = subparsers.add_parser("exporteer", help="exporteer de sociale kaart")
    exp_soorten = exp.add_subparsers(dest="soort", required=True)
    e = exp_soorten.add_parser("hsds", help="HSDS 3.0-datapakket in een map (of .zip)")
    e.add_argument("doel", type=Path, help="map, of een bestandsnaam op .zip")
    e.add_argument(
        "--openbaar",
        action="store_true",
        help="alleen wat iedereen mag zien (open data), zonder beheergegevens",
    )
    e.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    e.set_defaults(functie=exporteer_hsds)

    s = subparsers.add_parser("apisleutel", help="API-sleutels voor organisaties (HSDS-API)")
    acties = s.add_subparsers(dest="actie", required=True)
    nieuw = acties.add_parser("nieuw", help="maak een sleutel voor een organisatie")
    nieuw.add_argument("organisatie", help="id of precieze naam van de organisatie")
    nieuw.add_argument("--omschrijving", default="")
    nieuw.set_defaults(functie=apisleutel_nieuw)
    lijst = acties.add_parser("lijst", help="toon de sleutels")
    lijst.set_defaults(functie=apisleutel_lijst)
    intrekken = acties.add_parser("intrekken", help="trek een sleutel in")
    intrekken.add_argument("begin", help="het begin van de sleutel, zoals `lijst` het toont")
    intrekken.set_defaults(functie=apisleutel_intrekken)


def _gemeenschappelijk(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bron", help="naam van de bron (standaard de bestands- of mapnaam)")
    parser.add_argument("--proef", action="store_true", help="laat zien wat er zou veranderen")
    parser.add_argument("--tekenset", default="utf-8", help="tekenset van CSV (standaard utf-8)")
    parser.add_argument("--stil", action="store_true", help="geen voortgangsbalk")


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)


def _voortgang(args):
    from samenspel.hsds.voortgang import Voortgang

    return Voortgang(aan=not args.stil)


def _stop(fout) -> None:
    print(
        f"Import geweigerd; er is niets opgeslagen. {len(fout.fouten)} fout(en):", file=sys.stderr
    )
    for melding in fout.fouten:
        print(f"  {melding}", file=sys.stderr)
    raise SystemExit(2)


def _voer_uit(functie, *args, **kwargs):
    from samenspel.hsds.importeren.fouten import ImportFout

    try:
        return functie(*args, **kwargs)
    except ImportFout as fout:
        _stop(fout)


def toon(uitkomst, uit=None) -> None:
    """The summary of an import: counts per table, warnings, and in a dry run the changes."""
    uit = uit or sys.stdout
    kop = f"Import {uitkomst.soort} uit bron '{uitkomst.bron}'"
    if uitkomst.proef:
        kop += " (PROEF: er is niets opgeslagen)"
    print(kop, file=uit)
    tellingen = {n: t for n, t in uitkomst.tellingen.items() if t.totaal or t.verwijderd}
    if tellingen:
        print(f"  {'tabel':26} {'nieuw':>8} {'gewijzigd':>10} {'gelijk':>8} {'weg':>6}", file=uit)
        for naam, t in tellingen.items():
            print(
                f"  {naam:26} {t.nieuw:>8} {t.gewijzigd:>10} {t.ongewijzigd:>8} {t.verwijderd:>6}",
                file=uit,
            )
    else:
        print("  Geen records gevonden.", file=uit)
    for sleutel, waarde in uitkomst.extra.items():
        if sleutel != "zoekindex":
            print(f"  {sleutel}: {waarde}", file=uit)
    if uitkomst.proef and uitkomst.wijzigingen:
        print(f"Wat er zou veranderen ({uitkomst.aantal_wijzigingen}):", file=uit)
        for regel in uitkomst.wijzigingen:
            print(f"  {regel}", file=uit)
        if uitkomst.aantal_wijzigingen > len(uitkomst.wijzigingen):
            print(
                f"  … en {uitkomst.aantal_wijzigingen - len(uitkomst.wijzigingen)} meer", file=uit
            )
    if uitkomst.aantal_waarschuwingen:
        print(f"{uitkomst.aantal_waarschuwingen} waarschuwing(en):", file=uit)
        for melding in uitkomst.waarschuwingen[:MAX_GETOONDE_WAARSCHUWINGEN]:
            print(f"  {melding}", file=uit)
        if uitkomst.aantal_waarschuwingen > MAX_GETOONDE_WAARSCHUWINGEN:
            print(
                f"  … en {uitkomst.aantal_waarschuwingen - MAX_GETOONDE_WAARSCHUWINGEN} meer",
                file=uit,
            )
    slot = f"Klaar in {uitkomst.duur:.1f} s"
    if not uitkomst.proef:
        slot += f"; importrun {uitkomst.run_id}"
        if uitkomst.extra.get("zoekindex"):
            slot += f"; {uitkomst.extra['zoekindex']} keer aanbod opnieuw in de zoekindex"
    print(slot + ".", file=uit)


def importeer_hsds(args) -> None:
    _django()
    from samenspel.hsds.importeren.uitvoeren import importeer_hsds as importeer

    toon(
        _voer_uit(
            importeer,
            args.pad,
            bron=args.bron,
            proef=args.proef,
            voortgang=_voortgang(args),
            tekenset=args.tekenset,
            soort=args.record,
        )
    )


def importeer_tabel(args) -> None:
    _django()
    from samenspel.hsds.importeren.gemeenteblad import importeer_tabel as importeer

    toon(
        _voer_uit(
            importeer,
            args.pad,
            bron=args.bron,
            proef=args.proef,
            voortgang=_voortgang(args),
            tekenset=args.tekenset,
            blad=args.blad,
        )
    )


def importeer_gebieden(args) -> None:
    _django()
    from samenspel.hsds.importeren.gebieden import importeer_gebieden as importeer

    toon(
        _voer_uit(
            importeer,
            args.pad,
            proef=args.proef,
            voortgang=_voortgang(args),
            tekenset=args.tekenset,
            bron=args.bron,
            jaar=args.jaar,
        )
    )


def exporteer_hsds(args) -> None:
    _django()
    from samenspel.hsds import exporteren

    if args.doel.suffix.lower() == ".zip":
        with args.doel.open("wb") as stroom:
            aantallen = exporteren.exporteer_zip(stroom, openbaar=args.openbaar)
    else:
        aantallen = exporteren.exporteer(
            args.doel, openbaar=args.openbaar, voortgang=_voortgang(args)
        )
    soort = "open " if args.openbaar else ""
    print(f"HSDS-{soort}export geschreven naar {args.doel}:")
    for naam, aantal in aantallen.items():
        if aantal:
            print(f"  {naam:26} {aantal:>8}")


def apisleutel_nieuw(args) -> None:
    _django()
    from django.core.exceptions import ValidationError

    from samenspel.directory.models import Organization
    from samenspel.hsds import actions

    try:
        organisaties = Organization.objects.filter(pk=args.organisatie)
    except ValidationError:
        organisaties = Organization.objects.filter(name__iexact=args.organisatie)
    if not organisaties.exists():
        organisaties = Organization.objects.filter(name__iexact=args.organisatie)
    if organisaties.count() != 1:
        print(f"Geen (eenduidige) organisatie {args.organisatie!r} gevonden.", file=sys.stderr)
        raise SystemExit(2)
    token, sleutel = actions.maak_sleutel(organisaties.get(), args.omschrijving)
    print(f"API-sleutel voor {token.organisatie}:")
    print(f"  {sleutel}")
    print("Bewaar hem nu: Samenspel bewaart alleen een hash en kan hem niet opnieuw tonen.")


def apisleutel_lijst(args) -> None:
    _django()
    from samenspel.hsds.models import ApiToken

    for token in ApiToken.objects.select_related("organisatie"):
        status = "actief" if token.actief else "ingetrokken"
        gebruikt = f"{token.laatst_gebruikt:%Y-%m-%d %H:%M}" if token.laatst_gebruikt else "nooit"
        print(
            f"{token.begin}…  {status:11} {gebruikt:16} {token.organisatie}  {token.omschrijving}"
        )


def apisleutel_intrekken(args) -> None:
    _django()
    from samenspel.hsds import actions
    from samenspel.hsds.models import ApiToken

    sleutels = list(ApiToken.objects.filter(begin__startswith=args.begin, actief=True)[:2])
    if len(sleutels) != 1:
        aantal = ApiToken.objects.filter(begin__startswith=args.begin, actief=True).count()
        print(f"{aantal} actieve sleutels beginnen met {args.begin!r}.", file=sys.stderr)
        raise SystemExit(2)
    actions.trek_in(sleutels[0], actions.COMMANDOREGEL)
    print("Sleutel ingetrokken.")
