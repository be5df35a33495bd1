"""`{{ term.name|vertaal }}`: built-in texts stored in the database, in the page's language.

The built-in taxonomies (bouwstenen, doelgroepen, levensdomeinen) are product vocabulary, not
user data; they are stored in Dutch (HSDS export, search) and translated only when shown.
Anything the catalogue does not know (an imported term) is shown as it is.
A builtin (settings.TEMPLATES), so no template needs to load it.
"""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def vertaal(tekst):
    return gettext(tekst) if tekst else tekst
