from django.urls import path

from authorities import views

app_name = "authorities"

urlpatterns = [
    path("<int:pk>/", views.authority_detail, name="authority-detail"),
]
