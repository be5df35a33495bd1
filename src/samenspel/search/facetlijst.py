"""The facet lists beside the results (checkboxes with counts), written without templates.

A page has about forty of these checkboxes, and they differ per question (the counts), so
they cannot be kept ready as the cards and the other filters are. Through the template engine
each cost about 25 µs, a millisecond per page; written here the whole block takes a few
dozen µs. The markup is what the template wrote before.
"""

from django.utils.safestring import SafeString, mark_safe

from samenspel.core.widgets import als_html


def html(facetten: list[tuple[str, str, list[dict]]]) -> SafeString:
    """`facetten`: (legend, field name, choices), each choice a dict with code, label,
    count and whether it is chosen (views.py); a facet without choices is left out."""
    delen = []
    for legenda, naam, keuzes in facetten:
        if not keuzes:
            continue
        delen.append(f"<fieldset>\n<legend>{als_html(legenda)}</legend>\n")
        for keuze in keuzes:
            gekozen = " checked" if keuze["gekozen"] else ""
            delen.append(
                '<label><input class="utrecht-checkbox utrecht-checkbox--html-input" '
                f'type="checkbox" name="{als_html(naam)}" value="{als_html(keuze["code"])}"'
                f"{gekozen}> {als_html(keuze['label'])} "
                f'<span class="facet__aantal">({int(keuze["aantal"])})</span></label>\n'
            )
        delen.append("</fieldset>\n")
    return mark_safe("".join(delen))  # noqa: S308  (every value escaped above)
