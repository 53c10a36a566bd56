from django.urls import path

from aqyl.web import opendata

urlpatterns = [
    path("open/", opendata.open_index, name="open_index"),
    path("open/publish/", opendata.open_publish, name="open_publish"),
    path("open/<int:pk>/package.zip", opendata.open_zip, name="open_zip"),
    path("open/<int:pk>/<path:name>", opendata.open_file, name="open_file"),
    path("api/persons", opendata.persons, name="api_persons"),
]
