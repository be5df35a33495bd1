from django.urls import path

from samenspel.demo import views

app_name = "demo"
urlpatterns = [
    path("post/", views.postvak, name="postvak"),
    path("post/<int:pk>/", views.bericht, name="bericht"),
]
