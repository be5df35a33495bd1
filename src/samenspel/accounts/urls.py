from django.urls import path

from samenspel.accounts import views, wachtwoord

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="inloggen"),
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
