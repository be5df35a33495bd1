"""The privacy statement (for everyone), the audit log (for beheerders: who, what, which
record, when — never the content) and the processing register (for beheerders)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from samenspel.accounts.models import Rol
from samenspel.core import verwerkingen as register
from samenspel.privacy.bewaartermijn import bewaar_maanden
from samenspel.privacy.models import Auditregel

PER_PAGINA = 50


def verklaring(request):
    return render(request, "privacy/verklaring.html", {"maanden": bewaar_maanden()})


def _alleen_beheerder(request) -> None:
    if request.user.rol != Rol.BEHEERDER:
        raise PermissionDenied


@login_required
def logboek(request):
    _alleen_beheerder(request)
    regels = Auditregel.objects.all()
    record = request.GET.get("record", "").strip()
    if record:
        regels = regels.filter(record_id=record)
    pagina = Paginator(regels, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "privacy/logboek.html", {"pagina": pagina, "record": record})


@login_required
def verwerkingen(request):
    """The processing register (AVG art. 30), as the models declare it."""
    _alleen_beheerder(request)
    return render(request, "privacy/verwerkingen.html", {"verwerkingen": register.register()})
