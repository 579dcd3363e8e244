from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("", views.question_list, name="list"),
    path("new/", views.question_edit, name="create"),
    path("<int:pk>/", views.question_detail, name="detail"),
    path("<int:pk>/edit/", views.question_edit, name="edit"),
    path("<int:pk>/answer/", views.question_answer, name="answer"),
    path("<int:pk>/accept/", views.question_accept, name="accept"),
    path("<int:pk>/ask-again/", views.question_ask_again, name="ask_again"),
    path("<int:pk>/withdraw/", views.question_withdraw, name="withdraw"),
]
