"""The privacy statement (for everyone) and the audit log (for beheerders: who, what, which
record, when — never the content)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from samenspel.accounts.models import Rol
from samenspel.privacy.bewaartermijn import bewaar_maanden
from samenspel.privacy.models import Auditregel

PER_PAGINA = 50


def verklaring(request):
    return render(request, "privacy/verklaring.html", {"maanden": bewaar_maanden()})


@login_required
def logboek(request):
    if request.user.rol != Rol.BEHEERDER:
        raise PermissionDenied
    regels = Auditregel.objects.all()
    record = request.GET.get("record", "").strip()
    if record:
        regels = regels.filter(record_id=record)
    pagina = Paginator(regels, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "privacy/logboek.html", {"pagina": pagina, "record": record})
