from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path("", views.recommendation_list, name="list"),
    path("new/", views.recommendation_edit, name="create"),
    path("<int:pk>/", views.recommendation_detail, name="detail"),
    path("<int:pk>/edit/", views.recommendation_edit, name="edit"),
    path("<int:pk>/status/", views.recommendation_set_status, name="set_status"),
    path("reports/", views.report_list, name="reports"),
    path("reports/new/", views.report_edit, name="report_create"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("inspections/", views.inspection_clock, name="inspections"),
    path("inspections/<int:pk>/comments/", views.comments_published, name="comments_published"),
]
