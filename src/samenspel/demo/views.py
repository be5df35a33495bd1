from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from samenspel.demo.models import Bericht


def _alleen_demo() -> None:
    if not settings.DEMO:
        raise Http404


def postvak(request):
    _alleen_demo()
    pagina = Paginator(Bericht.objects.all(), 25).get_page(request.GET.get("pagina"))
    return render(request, "demo/postvak.html", {"pagina": pagina})


def bericht(request, pk: int):
    _alleen_demo()
    return render(request, "demo/bericht.html", {"bericht": get_object_or_404(Bericht, pk=pk)})
