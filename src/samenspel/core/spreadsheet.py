"""Cells a spreadsheet program would run as a formula (OWASP "CSV injection").

A text that starts with = + - @, a tab or a carriage return can be read by Excel or
LibreOffice as a formula, which may fetch a URL or run a command. Names in our spreadsheets
come from imports and free text (an area's name, a listing's, a taxonomy term's), so every
text cell of a spreadsheet meant for people passes through `veilig`: such a text gets a
leading apostrophe, which the program shows as text and does not run.

The HSDS data package (`hsds.exporteren`) is for machines, not spreadsheet programs, and keeps
its values as they are: a phone number "+31 …" must stay that for the systems that read it.
"""

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde):
    """`waarde` itself, or, for a text a spreadsheet would take for a formula, with a
    leading apostrophe."""
    if isinstance(waarde, str) and waarde.startswith(GEVAARLIJK):
        return "'" + waarde
    return waarde


def veilige_rij(waarden) -> list:
    return [veilig(w) for w in waarden]
