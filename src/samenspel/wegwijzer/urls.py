from django.urls import path

from samenspel.wegwijzer import views

app_name = "wegwijzer"
urlpatterns = [
    path("wegwijzer/", views.wegwijzer, name="wegwijzer"),
    path("wegwijzer/zet/", views.zet, name="zet"),
]
