"""Reading a letter's actions and questions (officers)."""

from django.urls import path

from .views import read_letter, read_meeting_record

app_name = "reading"

urlpatterns = [
    path("letter/<int:pk>/", read_letter, name="letter"),
    path("meeting/<int:pk>/", read_meeting_record, name="meeting"),
]
