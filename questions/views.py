"""Performance questions: list, page, officers' create and edit, answer, accept, ask again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from common.history import history_entries
from common.integrity import add_form_errors
from common.listing import id_param, render_filtered_list
from common.optimistic import StaleEdit
from letters.access import get_letter_for, letters_for
from meetings.access import get_meeting_for
from questions.access import get_question_for
from questions.models import PerformanceQuestion
from questions.workflow import (
    LEAD_TRANSITIONS,
    TRANSITIONS,
    IllegalTransition,
    Transition,
    transitions_for,
)

from . import services
from .as_at import as_they_stood
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
    """The questions, filtered; as at a past day (`?as_at=`), as they stood then."""
    question_filter = QuestionFilter(request.GET, queryset=visible_questions(request.user))
    day = question_filter.day
    return render_filtered_list(
        request,
        "questions/question_list.html",
        question_filter,
        "questions",
        shown=as_they_stood if day else None,
        export_kind="questions",
        can_add=request.user.has_perm("questions.add_question") and not day,
        as_at=day,
    )


# The form of each step on the question page.
STEP_FORMS = {
    Transition.ANSWER: "answer_form",
    Transition.ACCEPT: "accept_form",
    Transition.ASK_AGAIN: "ask_again_form",
    Transition.WITHDRAW: "withdraw_form",
}


def _render_detail(request, question, status=200, **forms):
    user = request.user
    # The steps offered are those the map allows from the question's status, filtered by the
    # user's permission for each (questions/workflow.py).
    next_steps = transitions_for(user, question)
    context = {
        "question": question,
        "events": question.events.select_related("author"),
        "history": history_entries(question),
        "can_answer": Transition.ANSWER in next_steps,
        "can_accept": Transition.ACCEPT in next_steps,
        "can_ask_again": Transition.ASK_AGAIN in next_steps,
        "can_withdraw": Transition.WITHDRAW in next_steps,
        "can_edit": user.has_perm("questions.change_question", question),
        "answer_form": forms.get("answer_form")
        or AnswerForm(letters=letters_for(user), initial={"response": question.response}),
        "accept_form": forms.get("accept_form") or AcceptForm(),
        "ask_again_form": forms.get("ask_again_form") or AskAgainForm(prefix="again"),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(prefix="withdraw"),
        # A form posted for a step the page no longer offers (someone acted first): its error
        # is shown at the top, as the form itself is not.
        "refused_form": next(
            (forms[f] for name, f in STEP_FORMS.items() if f in forms and name not in next_steps),
            None,
        ),
    }
    return render(request, "questions/question_detail.html", context, status=status)


@login_required
def question_detail(request, pk):
    question = visible_questions(request.user).get(pk=get_question_for(request.user, pk).pk)
    return _render_detail(request, question)


def _step(request, pk, name: str, form, details, done: str, form_name: str):
    """Make one transition of the map from a posted form, or show the page again with the errors.

    The permission is the transition's in the map. A transition no lead may make is refused (403)
    before the question is looked up; a lead's own is looked up first, so that a question they may
    not see stays a 404.
    """
    permission = TRANSITIONS[name].permission
    if name not in LEAD_TRANSITIONS:
        _require(request.user, permission)
    question = get_question_for(request.user, pk, permission)
    if form.is_valid():
        try:
            services.question_transition(
                question, name, by=request.user, **details(form.cleaned_data)
            )
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
    return _step(
        request,
        pk,
        Transition.ANSWER,
        AnswerForm(request.POST, letters=letters_for(request.user)),
        lambda data: {"text": data["response"], "letter": data["letter"]},
        "Your answer has been recorded.",
        "answer_form",
    )


@login_required
@require_POST
def question_accept(request, pk):
    return _step(
        request,
        pk,
        Transition.ACCEPT,
        AcceptForm(request.POST),
        lambda data: {"text": data["note"]},
        "The answer has been accepted.",
        "accept_form",
    )


@login_required
@require_POST
def question_ask_again(request, pk):
    return _step(
        request,
        pk,
        Transition.ASK_AGAIN,
        AskAgainForm(request.POST, prefix="again"),
        lambda data: {"text": data["reason"], "response_timing": data["response_timing"]},
        "The question has been asked again.",
        "ask_again_form",
    )


@login_required
@require_POST
def question_withdraw(request, pk):
    return _step(
        request,
        pk,
        Transition.WITHDRAW,
        WithdrawForm(request.POST, prefix="withdraw"),
        lambda data: {"text": data["reason"]},
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
    if question is None and (letter_id := id_param(request, "letter")) is not None:
        initial["letter"] = get_letter_for(request.user, letter_id)
    if question is None and (meeting_id := id_param(request, "meeting")) is not None:
        initial["meeting"] = get_meeting_for(request.user, meeting_id)
    form = QuestionForm(request.POST or None, instance=question, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.question_save(
                form.save(commit=False), by=request.user, expected_version=form.expected_version
            )
        except StaleEdit as stale:
            form.refuse_stale(stale)
        except ValidationError as taken:  # its number taken meanwhile by someone else
            add_form_errors(form, taken)
        else:
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
