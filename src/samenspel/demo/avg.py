"""The demo mailbox in the processing register (core/verwerkingen.py)."""

from django.utils.translation import gettext_lazy as _

from samenspel.core import verwerkingen as v

v.registreer(
    "demo.Bericht",
    betrokkenen=v.ONTVANGERS_MAIL,
    velden=("aan", "onderwerp", "tekst", "html"),
    doel=_("in de demo laten zien welke e-mail Samenspel zou sturen"),
    grondslag=v.GERECHTVAARDIGD,
    bewaren=_("alleen in de demo, met verzonnen mensen"),
    wie_ziet=_("wie de demo gebruikt"),
)
