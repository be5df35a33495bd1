from django.conf import settings


def samenspel(request):
    return {
        "DEMO": settings.DEMO,
        "TEGEL_URL": settings.SAMENSPEL["TEGEL_URL"],
        "TEGEL_BRON": settings.SAMENSPEL["TEGEL_BRON"],
    }
