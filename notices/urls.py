from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/read/", views.mark_read, name="mark_read"),
    path("read/", views.mark_all_read, name="mark_all_read"),
    path("emails/", views.email_log, name="email_log"),
]
