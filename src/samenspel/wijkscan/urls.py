from django.urls import path

from . import views

app_name = "wijkscan"
urlpatterns: list = [
    path("", views.start, name="start"),
    path("<str:code>/", views.gemeente, name="gemeente"),
    path("<str:code>/openbaar/", views.openbaar, name="openbaar"),
]
