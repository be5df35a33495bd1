"""QR codes for paper: a printed link must be scannable, and readable as text beside it."""

from functools import lru_cache

import segno
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


@lru_cache(maxsize=4096)
def svg(url: str, titel: str) -> str:
    """An inline SVG QR code for `url`, read by assistive technology as one image `titel`.

    The same address gives the same code, so codes are kept (a few kB each): a wijkwijzer
    draws one per listing on every print.
    """
    return svg_eenmalig(url, titel)


def svg_eenmalig(url: str, titel: str) -> str:
    """The same, never kept: for an address holding a secret (a code app's key)."""
    # Level L is enough for paper held in a hand; segno raises it where that costs no size.
    code = segno.make(url, error="l", micro=False)
    beeld = code.svg_inline(omitsize=True, border=2, title=titel, svgclass="qr__code")
    # segno writes the <title>; role="img" makes assistive technology read it as one image.
    return beeld.replace("<svg ", '<svg role="img" focusable="false" ', 1)


def figuur(url: str) -> str:
    """The QR code of `url` with the URL itself printed beside it as its text."""
    return format_html(
        '<figure class="qr">{}<figcaption class="qr__adres">{}</figcaption></figure>',
        mark_safe(svg(url, _("QR-code"))),  # noqa: S308 -- segno's output: numbers, our title
        url,
    )
