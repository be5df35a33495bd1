"""Subcommands of `samenspel` that belong to this app."""


def registreer(subparsers) -> None:
    """Add this app's subcommands to the `samenspel` command."""
