"""Performance questions: list, page, officers' create and edit, answer, accept, ask again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from actions.workflow import IllegalTransition
from common.history import history_entries
from common.listing import render_filtered_list
from letters.access import get_letter_for, letters_for
from meetings.access import get_meeting_for
from questions.access import get_question_for
from questions.models import PerformanceQuestion

from . import services
from .filters import QuestionFilter
from .forms import AcceptForm, AnswerForm, AskAgainForm, QuestionForm, WithdrawForm


def _require(user, perm: str) -> None:
    """Refuse early a user who may not do this to any question (accounts/rules.py)."""
    if not user.has_perm(perm):
        raise PermissionDenied


def visible_questions(user):
    return PerformanceQuestion.objects.for_user(user).select_related(
        "put_to", "theme", "letter", "meeting__board", "response_letter"
    )


@login_required
def question_list(request):
    return render_filtered_list(
        request,
        "questions/question_list.html",
        QuestionFilter(request.GET, queryset=visible_questions(request.user)),
        "questions",
        export_kind="questions",
        can_add=request.user.has_perm("questions.add_question"),
    )


def _render_detail(request, question, status=200, **forms):
    user = request.user
    pending = question.status in services.PENDING
    can_answer = pending and user.has_perm("questions.answer_question", question)
    can_decide = (
        user.has_perm("questions.decide_answer", question)
        and question.status == question.Status.ANSWERED
    )
    can_change = user.has_perm("questions.change_question", question)
    context = {
        "question": question,
        "events": question.events.select_related("author"),
        "history": history_entries(question),
        "can_answer": can_answer,
        "can_decide": can_decide,
        "can_withdraw": can_change and (pending or question.status == question.Status.ANSWERED),
        "can_edit": can_change,
        "answer_form": forms.get("answer_form")
        or AnswerForm(letters=letters_for(user), initial={"response": question.response}),
        "accept_form": forms.get("accept_form") or AcceptForm(),
        "ask_again_form": forms.get("ask_again_form") or AskAgainForm(prefix="again"),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(prefix="withdraw"),
    }
    return render(request, "questions/question_detail.html", context, status=status)


@login_required
def question_detail(request, pk):
    question = visible_questions(request.user).get(pk=get_question_for(request.user, pk).pk)
    return _render_detail(request, question)


def _decide(request, pk, perm, form, act, done: str, form_name: str):
    """Run one lifecycle step from a posted form, or show the page again with the errors."""
    question = get_question_for(request.user, pk, perm)
    if form.is_valid():
        try:
            act(question, form.cleaned_data)
        except IllegalTransition as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, done)
            return redirect("questions:detail", question.pk)
    question = visible_questions(request.user).get(pk=question.pk)
    return _render_detail(request, question, status=400, **{form_name: form})


@login_required
@require_POST
def question_answer(request, pk):
    form = AnswerForm(request.POST, letters=letters_for(request.user))
    return _decide(
        request,
        pk,
        "questions.answer_question",
        form,
        lambda q, data: services.question_answer(
            q, request.user, data["response"], letter=data["letter"]
        ),
        "Your answer has been recorded.",
        "answer_form",
    )


@login_required
@require_POST
def question_accept(request, pk):
    _require(request.user, "questions.decide_answer")
    return _decide(
        request,
        pk,
        "questions.decide_answer",
        AcceptForm(request.POST),
        lambda q, data: services.question_accept(q, request.user, data["note"]),
        "The answer has been accepted.",
        "accept_form",
    )


@login_required
@require_POST
def question_ask_again(request, pk):
    _require(request.user, "questions.decide_answer")
    return _decide(
        request,
        pk,
        "questions.decide_answer",
        AskAgainForm(request.POST, prefix="again"),
        lambda q, data: services.question_ask_again(
            q, request.user, data["reason"], data["response_timing"]
        ),
        "The question has been asked again.",
        "ask_again_form",
    )


@login_required
@require_POST
def question_withdraw(request, pk):
    _require(request.user, "questions.change_question")
    return _decide(
        request,
        pk,
        "questions.change_question",
        WithdrawForm(request.POST, prefix="withdraw"),
        lambda q, data: services.question_withdraw(q, request.user, data["reason"]),
        "The question has been withdrawn.",
        "withdraw_form",
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk=None):
    """Create (pk None) or edit a question. Officers only."""
    _require(request.user, "questions.change_question" if pk else "questions.add_question")
    question = get_question_for(request.user, pk, "questions.change_question") if pk else None
    initial = {}
    if question is None and request.GET.get("letter"):
        initial["letter"] = get_letter_for(request.user, request.GET["letter"])
    if question is None and request.GET.get("meeting"):
        initial["meeting"] = get_meeting_for(request.user, request.GET["meeting"])
    form = QuestionForm(request.POST or None, instance=question, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved._history_user = request.user
        saved._change_reason = "Edited" if question else "Question recorded"
        if question:
            saved.version += 1
        saved.save()
        messages.success(request, f"Question {saved.number} saved.")
        return redirect("questions:detail", saved.pk)
    return render(
        request,
        "letters/form_page.html",
        {
            "form": form,
            "title": f"Edit question {question.number}" if question else "Record a question",
            "back_url": reverse("questions:list"),
            "back_label": "Performance questions",
        },
    )
