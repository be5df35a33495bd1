from django.urls import path

from samenspel.accounts import views, views_tweestaps, wachtwoord

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="inloggen"),
    path("inloggen/tweede-stap/", views_tweestaps.tweede_stap, name="tweede_stap"),
    path("account/twee-stappen/", views_tweestaps.beheren, name="twee_stappen"),
    path(
        "account/twee-stappen/instellen/",
        views_tweestaps.instellen,
        name="twee_stappen_instellen",
    ),
    path("account/twee-stappen/herstelcodes/", views_tweestaps.herstelcodes, name="herstelcodes"),
    path("uitloggen/", views.UitlogView.as_view(), name="uitloggen"),
    path("wachtwoord-vergeten/", wachtwoord.VergetenView.as_view(), name="wachtwoord_vergeten"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        wachtwoord.VerstuurdView.as_view(),
        name="wachtwoord_verstuurd",
    ),
    path(
        "wachtwoord-nieuw/<uidb64>/<token>/",
        wachtwoord.NieuwView.as_view(),
        name="wachtwoord_nieuw",
    ),
]
