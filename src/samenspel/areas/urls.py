from django.urls import path

from samenspel.areas import views

app_name = "areas"
urlpatterns = [
    path("wijk/<str:code>/", views.wijk, name="wijk"),
    path("wijk/<str:code>/wijkwijzer/", views.wijkwijzer, name="wijkwijzer"),
    path("gemeente/<str:code>/", views.gemeente, name="gemeente"),
]
