from django.urls import path

from samenspel.search import views

app_name = "search"
urlpatterns = [path("zoeken/", views.zoeken, name="zoeken")]
