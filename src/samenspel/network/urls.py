from django.urls import path  # noqa: F401 (each page of the web adds its path here)

from . import views_personen

app_name = "network"
urlpatterns: list = [
    path("organisatie/<uuid:pk>/", views_personen.organisatie, name="organisatie"),
    path(
        "organisatie/<uuid:pk>/persoon-toevoegen/",
        views_personen.persoon_nieuw,
        name="persoon_nieuw",
    ),
    path("organisatie/<uuid:pk>/band-toevoegen/", views_personen.band_nieuw, name="band_nieuw"),
    path("persoon/<uuid:pk>/", views_personen.persoon, name="persoon"),
    path("persoon/<uuid:pk>/link-sturen/", views_personen.instemlink, name="instemlink"),
    path("band/<uuid:pk>/contact/", views_personen.contact, name="contact"),
    path("ik/<uuid:pk>/<str:token>/instemmen/", views_personen.instemmen, name="instemmen"),
    path("ik/<uuid:pk>/<str:token>/", views_personen.mijn_gegevens, name="mijn_gegevens"),
]
