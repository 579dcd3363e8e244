"""Actions: adding a meeting's actions (several rows, or a pasted Annex A), the list and its
CSV, "My actions", the action page and what can be done on it, and evidence downloads."""

from django.urls import path

from .views.bulk import bulk_change
from .views.decisions import decide
from .views.delegation import pass_on
from .views.detail import action_detail
from .views.edit import edit, revise_timing
from .views.entry import actions_add, annex_paste
from .views.evidence import download
from .views.list import action_list, export_csv
from .views.mine import my_actions
from .views.more_time import ask, pending
from .views.more_time import decide as decide_more_time
from .views.progress import progress

app_name = "actions"

urlpatterns = [
    path("", action_list, name="list"),
    path("export.csv", export_csv, name="export_csv"),
    path("mine/", my_actions, name="mine"),
    path("bulk/", bulk_change, name="bulk"),
    path("<int:pk>/", action_detail, name="detail"),
    path("<int:pk>/update/", progress, {"kind": "update"}, name="post_update"),
    path("<int:pk>/propose/", progress, {"kind": "propose"}, name="propose"),
    path("<int:pk>/accept/", decide, {"kind": "accept"}, name="accept"),
    path("<int:pk>/reject/", decide, {"kind": "reject"}, name="reject"),
    path("<int:pk>/reopen/", decide, {"kind": "reopen"}, name="reopen"),
    path("<int:pk>/supersede/", decide, {"kind": "supersede"}, name="supersede"),
    path("<int:pk>/drop/", decide, {"kind": "drop"}, name="drop"),
    path("<int:pk>/edit/", edit, name="edit"),
    path("<int:pk>/timing/", revise_timing, name="revise_timing"),
    path("<int:pk>/pass-on/", pass_on, name="pass_on"),
    path("<int:pk>/more-time/", ask, name="ask_more_time"),
    path("more-time/", pending, name="more_time_pending"),
    path("more-time/<int:pk>/<str:decision>/", decide_more_time, name="decide_more_time"),
    path("evidence/<int:pk>/", download, name="evidence"),
    path("meeting/<int:pk>/add/", actions_add, name="add_to_meeting"),
    path("meeting/<int:pk>/paste/", annex_paste, name="annex_paste"),
]
