from django.urls import path

from . import views

app_name = "spreadsheets"

urlpatterns = [
    path("import/", views.import_upload, name="import"),
    path("import/<uuid:pk>/", views.import_review, name="import_review"),
    path("export/<slug:kind>.<slug:fmt>", views.export, name="export"),
]
