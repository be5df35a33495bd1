"""The analyst's upload of area figures, under the wijkscan of the gemeente."""

from django.urls import path

from . import views_cijfers

app_name = "cijferimport"
urlpatterns = [
    path("<str:code>/cijfers/", views_cijfers.uploaden, name="uploaden"),
]
