"""What a visitor reads on a search page, for tests that look at the page itself."""

import html
import re

_KAARTNAAM = re.compile(r'<h3 id="aanbod-[^"]+"><a href="[^"]+">(.*?)</a></h3>', re.S)


def kaartnamen(antwoord) -> list[str]:
    """The names on the result cards of a search page, top to bottom."""
    assert antwoord.status_code == 200
    return [html.unescape(naam) for naam in _KAARTNAAM.findall(antwoord.content.decode())]
