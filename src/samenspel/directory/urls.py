from django.urls import path

from samenspel.directory import views_aanmelden, views_beheer, views_pagina

app_name = "directory"
urlpatterns = [
    path("aanbod/<uuid:pk>/", views_pagina.service, name="service"),
    path("organisatie/<uuid:pk>/", views_pagina.organisatie, name="organisatie"),
    path("aanmelden/", views_aanmelden.aanmelden, name="aanmelden"),
    path("aanmelden/verstuurd/", views_aanmelden.verstuurd, name="aanmelden_verstuurd"),
    path(
        "aanmelden/bevestig/<str:token>/",
        views_aanmelden.bevestig_email,
        name="aanmelding_bevestigen",
    ),
    path("aanbod/<uuid:pk>/bewerken/<str:token>/", views_aanmelden.bewerken, name="bewerken"),
    path("aanbod/<uuid:pk>/klopt-nog/<str:token>/", views_aanmelden.klopt_nog, name="klopt_nog"),
    path("aanbod/<uuid:pk>/stoppen/<str:token>/", views_aanmelden.stoppen, name="stoppen"),
    path("bewerklink/", views_aanmelden.nieuwe_bewerklink, name="nieuwe_bewerklink"),
    path("beheer/aanmeldingen/", views_beheer.wachtrij, name="wachtrij"),
    path("beheer/aanmeldingen/<uuid:pk>/", views_beheer.beoordeel, name="beoordeel"),
]
