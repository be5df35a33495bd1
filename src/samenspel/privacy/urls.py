from django.urls import path

from samenspel.privacy import views

app_name = "privacy"
urlpatterns = [
    path("privacy/", views.verklaring, name="verklaring"),
    path("privacy/logboek/", views.logboek, name="logboek"),
    path("privacy/verwerkingen/", views.verwerkingen, name="verwerkingen"),
]
