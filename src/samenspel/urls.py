from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Samenspel beheer")
admin.site.site_title = _("Samenspel beheer")

urlpatterns = [
    path("", include("samenspel.core.urls")),
    path("", include("samenspel.search.urls")),
    path("", include("samenspel.directory.urls")),
    path("", include("samenspel.areas.urls")),
    path("", include("samenspel.accounts.urls")),
    path("", include("samenspel.referrals.urls")),
    path("", include("samenspel.privacy.urls")),
    path("", include("samenspel.wegwijzer.urls")),
    path("web/", include("samenspel.network.urls")),
    path("wijkscan/", include("samenspel.hsds.urls_cijfers")),
    path("wijkscan/", include("samenspel.wijkscan.urls")),
    path("signalen/", include("samenspel.signals.urls")),
    path("api/hsds/", include("samenspel.hsds.urls")),
    path("demo/", include("samenspel.demo.urls")),
    path("beheer/admin/", admin.site.urls),
]

handler404 = "samenspel.core.views.niet_gevonden"
handler403 = "samenspel.core.views.geen_toegang"
handler500 = "samenspel.core.views.serverfout"
