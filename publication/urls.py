"""Public pages (no sign-in) under /public/, officers' publication page under /publication/,
and calendar feeds under /calendar/."""

from django.urls import path

from .views import calendar, manage, public

app_name = "publication"

urlpatterns = [
    path("public/", public.index, name="index"),
    path("public/letters/<int:pk>/", public.letter, name="letter"),
    path("public/letters/<int:pk>/pdf/", public.letter_pdf, name="letter_pdf"),
    path("public/actions/", public.actions, name="actions"),
    path("public/questions/", public.questions, name="questions"),
    path("publication/", manage.manage, name="manage"),
    path("publication/<slug:kind>/<int:pk>/", manage.change, name="change"),
    path("calendar/", calendar.feeds, name="calendar"),
    path("calendar/revoke/", calendar.revoke, name="calendar_revoke"),
    path("calendar/<str:token>/actions.ics", calendar.actions_ics, name="calendar_actions"),
    path("calendar/<str:token>/meetings.ics", calendar.meetings_ics, name="calendar_meetings"),
]
