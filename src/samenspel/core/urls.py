from django.urls import path
from django.views.decorators.cache import cache_page
from django.views.i18n import JavaScriptCatalog

from samenspel.core import taal, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("taal/<str:taal>/", taal.kies_taal, name="taal"),
    # The cache key holds the active language (USE_I18N), so each language has its own copy.
    path(
        "jsi18n/",
        cache_page(3600)(JavaScriptCatalog.as_view(domain="djangojs")),
        name="jsi18n",
    ),
]
