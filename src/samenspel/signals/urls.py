from django.urls import path  # noqa: F401 (each part appends its patterns)

app_name = "signals"
urlpatterns: list = []
