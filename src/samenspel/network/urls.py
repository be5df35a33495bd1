from django.urls import path  # noqa: F401 (each page of the web adds its path here)

app_name = "network"
urlpatterns: list = []
