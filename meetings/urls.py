from django.urls import path

from .views import boards, meetings

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("new/", meetings.meeting_edit, name="meeting_create"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("<int:pk>/status/", meetings.meeting_status, name="meeting_status"),
    path("boards/", boards.board_list, name="board_list"),
    path("boards/<int:pk>/", boards.board_detail, name="board_detail"),
]
