from django.urls import path

from samenspel.areas import views

app_name = "areas"
urlpatterns = [
    path("gemeente/<str:code>/", views.gemeente, name="gemeente"),
    path("buurt/<str:code>/", views.buurt, name="buurt"),
]
