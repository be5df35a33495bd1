from django.urls import path

from samenspel.hsds import views
from samenspel.hsds.api import api

app_name = "hsds"
urlpatterns = [
    path("uitwisselen/", views.uitwisselen, name="uitwisselen"),
    path("uitwisselen/export.zip", views.export_zip, name="export_zip"),
    path("uitwisselen/sjabloon.xlsx", views.sjabloon_xlsx, name="sjabloon_xlsx"),
    path("uitwisselen/sjabloon.csv", views.sjabloon_csv, name="sjabloon_csv"),
    path("", api.urls),
]
