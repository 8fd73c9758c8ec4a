from django.urls import path

from insights import views

app_name = "insights"
urlpatterns = [
    path("", views.insights, name="insights"),
    path("data.csv", views.data_csv, name="csv"),
    path("data.json", views.data_json, name="json"),
]
