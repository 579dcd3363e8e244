from django.urls import path

from . import views

app_name = "letters"

urlpatterns = [
    path("", views.letter_list, name="list"),
    path("new/", views.letter_create, name="create"),
    path("<int:pk>/", views.letter_detail, name="detail"),
    path("<int:pk>/edit/", views.letter_edit, name="edit"),
    path("<int:pk>/pdf/", views.letter_pdf, name="pdf"),
    path("<int:pk>/undo-sent/", views.letter_undo_sent, name="undo_sent"),
    path("<int:pk>/status/", views.letter_set_status, name="set_status"),
]
