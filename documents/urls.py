from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("meetings/<int:pk>/annex-a.pdf", views.meeting_annex, name="meeting_annex"),
    path("meetings/<int:pk>/record.pdf", views.meeting_record, name="meeting_record"),
    path("meetings/<int:pk>/board-pack.pdf", views.board_pack, name="board_pack"),
    path("meetings/<int:meeting_pk>/letter/", views.letter_compose, name="letter_compose"),
    path("letters/<int:pk>/", views.letter_preview, name="letter_preview"),
    path("letters/<int:pk>/edit/", views.letter_edit, name="letter_edit"),
    path("letters/<int:pk>/send/", views.letter_send, name="letter_send"),
    path("letters/<int:pk>/draft.pdf", views.letter_draft_pdf, name="letter_draft_pdf"),
    path("letters/<int:pk>/letter.docx", views.letter_docx, name="letter_docx"),
    path("letters/<int:pk>/annex-a.pdf", views.letter_annex, name="letter_annex"),
    path("overdue/", views.overdue_report, name="overdue_report"),
    path("overdue/report.pdf", views.overdue_report_pdf, name="overdue_report_pdf"),
]
