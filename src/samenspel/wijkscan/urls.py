from django.urls import path

from . import views

app_name = "wijkscan"
urlpatterns: list = [
    path("", views.start, name="start"),
    path("<str:code>/", views.gemeente, name="gemeente"),
    path("<str:code>/openbaar/", views.openbaar, name="openbaar"),
]

# Uitvoer: the matrix, its map, comparing wijken, the trend, print and downloads.
from . import views_uitvoer  # noqa: E402

urlpatterns += [
    path("<str:code>/matrix/", views_uitvoer.matrix, name="matrix"),
    path("<str:code>/matrix/wijk/<str:wijk>/", views_uitvoer.matrix, name="matrix_wijk"),
    path("<str:code>/matrix/afdrukken/", views_uitvoer.afdruk, name="afdruk"),
    path("<str:code>/matrix/wijkscan.csv", views_uitvoer.download_csv, name="csv"),
    path("<str:code>/matrix/wijkscan.xlsx", views_uitvoer.download_xlsx, name="xlsx"),
    path("<str:code>/kaart/", views_uitvoer.kaart, name="kaart"),
    path("<str:code>/vergelijken/", views_uitvoer.vergelijk, name="vergelijk"),
    path("<str:code>/trend/<str:gebied>/", views_uitvoer.trend, name="trend"),
    path("<str:code>/stand/", views_uitvoer.stand_vastleggen, name="stand"),
]
