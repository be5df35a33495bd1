from django.urls import path  # noqa: F401 (each page of the web adds its path here)

from . import views_beeld

app_name = "network"
urlpatterns: list = [
    path("", views_beeld.overzicht, name="overzicht"),
    path("gebied/<str:code>/", views_beeld.gebied, name="gebied"),
    path("gebied/<str:code>/wat-als/<uuid:persoon>/", views_beeld.wat_als, name="wat_als"),
    path("gebied/<str:code>/afdruk/", views_beeld.afdruk, name="afdruk"),
    path("gebied/<str:code>/web.graphml", views_beeld.graphml, name="graphml"),
    path("gebied/<str:code>/web.gexf", views_beeld.gexf, name="gexf"),
]
