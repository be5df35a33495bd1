"""Subcommands of `samenspel` that belong to this app.

Reminders for unanswered referrals run from the shared `samenspel herinner` command, which
calls samenspel.referrals.herinneren.herinner_onbeantwoord(); retention runs from
`samenspel bewaartermijn` (privacy). So there is nothing of our own to add here yet.
"""


def registreer(subparsers) -> None:
    """Add this app's subcommands to the `samenspel` command."""
