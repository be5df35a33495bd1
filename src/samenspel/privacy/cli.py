"""`samenspel bewaartermijn`: erase personal data that outlived the retention period."""


def bewaartermijn(args) -> None:
    from samenspel.core.opstart import django_opzetten

    django_opzetten()
    from samenspel.privacy import bewaartermijn as termijn

    maanden = args.maanden if args.maanden is not None else termijn.bewaar_maanden()
    uitkomst = termijn.pas_toe(maanden=maanden)
    totaal = sum(uitkomst.values())
    print(f"Bewaartermijn {maanden} maanden: {totaal} record(s) gewist.")
    for naam, aantal in uitkomst.items():
        print(f"  {naam}: {aantal}")


def registreer(subparsers) -> None:
    """Add this app's subcommands to the `samenspel` command."""
    p = subparsers.add_parser(
        "bewaartermijn",
        help="wis persoonsgegevens van afgesloten verwijzingen na de bewaartermijn",
    )
    p.add_argument(
        "--maanden",
        type=int,
        default=None,
        help="bewaartermijn in maanden (standaard SAMENSPEL_BEWAAR_MAANDEN of 12)",
    )
    p.set_defaults(functie=bewaartermijn)
