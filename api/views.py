"""The REST API: read access to the oversight records, and the lead's and officer's writes.

Each viewset reads through the same `for_user` querysets as the web pages, so a lead sees only
their own organisation's records; writes go through actions/services.py, as the web pages' do,
and its refusals are 400 with the same message.
"""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action as view_action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from actions import services
from actions.filters import ActionFilter, page_keys
from actions.models import Action
from actions.workflow import Transition
from common.as_at import AS_AT
from common.lifecycle import IllegalTransition
from letters.access import letters_for
from meetings.access import meetings_for
from meetings.models import Board
from questions.models import PerformanceQuestion
from recommendations.access import recommendations_for

from . import serializers as api
from .action_list import action_rows
from .permissions import RulesPermission


class ReadViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [IsAuthenticated, RulesPermission]
    rules: dict[str, str] = {}


class BoardViewSet(ReadViewSet):
    """Boards and other forums. Officers, reviewers and administrators only."""

    serializer_class = api.BoardSerializer
    queryset = Board.objects.all()
    rules = {"list": "meetings.view_board", "retrieve": "meetings.view_board"}


class MeetingViewSet(ReadViewSet):
    serializer_class = api.MeetingSerializer
    rules = {"retrieve": "meetings.view_meeting"}

    def get_queryset(self):
        return meetings_for(self.request.user).select_related("board")


class LetterViewSet(ReadViewSet):
    serializer_class = api.LetterSerializer
    rules = {"retrieve": "letters.view_letter"}

    def get_queryset(self):
        return letters_for(self.request.user).select_related(
            "sender_organisation", "recipient_organisation", "meeting__board"
        )


class QuestionViewSet(ReadViewSet):
    serializer_class = api.QuestionSerializer
    rules = {"retrieve": "questions.view_question"}

    def get_queryset(self):
        return PerformanceQuestion.objects.for_user(self.request.user).select_related(
            "letter", "meeting__board", "put_to", "theme", "response_letter"
        )


class RecommendationViewSet(ReadViewSet):
    serializer_class = api.RecommendationSerializer
    rules = {"retrieve": "recommendations.view_recommendation"}

    def get_queryset(self):
        visible_actions = Action.objects.for_user(self.request.user).only("pk").order_by("pk")
        return (
            recommendations_for(self.request.user)
            .select_related("report", "owner")
            .prefetch_related(Prefetch("actions", visible_actions, to_attr="visible_actions"))
        )


class ApiActionFilter(ActionFilter):
    """The action list's filters but `as_at`: the API answers with the actions as they are
    (a past day's are in the list's CSV and Excel downloads)."""


del ApiActionFilter.base_filters[AS_AT]


@extend_schema_view(
    list=extend_schema(
        # ActionFilter's board filter is a method filter; say what it takes.
        parameters=[OpenApiParameter("board", int, description="Meeting or letter board id")]
    )
)
class ActionViewSet(mixins.CreateModelMixin, ReadViewSet):
    """Actions, filtered by the same parameters as the action list (`?overdue=1&owner=3`)."""

    filterset_class = ApiActionFilter
    rules = {
        "retrieve": "actions.view_action",
        "create": "actions.add_action",
        "updates": "actions.view_action",
        "propose_completion": "actions.update_progress",
    }

    def get_queryset(self):
        return Action.objects.for_user(self.request.user).for_lists().select_related("lead_user")

    # Pages through the keys alone, as the action list does (actions.filters.page_keys), then
    # writes the page's rows through the fast path of api/action_list.py: the same JSON as
    # ActionSerializer's, in a fraction of its time. (Not a docstring: the schema would show it.)
    def list(self, request, *args, **kwargs):
        pks = self.paginate_queryset(page_keys(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(action_rows(list(pks)))

    def get_serializer_class(self):
        return api.ActionCreateSerializer if self.action == "create" else api.ActionSerializer

    @extend_schema(request=api.ActionCreateSerializer, responses={201: api.ActionSerializer})
    def create(self, request, *args, **kwargs):
        serializer = api.ActionCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        created = serializer.save()
        action = self.get_queryset().get(pk=created.pk)
        return Response(api.ActionSerializer(action).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["GET"], responses={200: api.ActionUpdateSerializer(many=True)}, filters=False
    )
    @extend_schema(
        methods=["POST"],
        request=api.NoteSerializer,
        responses={201: api.ActionUpdateSerializer},
        filters=False,
    )
    @view_action(detail=True, methods=["get", "post"], pagination_class=None, filterset_class=None)
    def updates(self, request, pk=None):
        """The action's timeline; POST a progress note (leads of the owner organisation,
        officers). An open action moves to in progress; a closed, superseded or dropped one
        refuses it (400)."""
        action = self.get_object()
        if request.method == "GET":
            updates = action.updates.select_related("author")
            return Response(api.ActionUpdateSerializer(updates, many=True).data)
        if not request.user.has_perm("actions.update_progress", action):
            self.permission_denied(request)
        note = _valid(api.NoteSerializer, request)["note"]
        update = _refused_as_400(services.post_update, action, by=request.user, note=note)
        return Response(api.ActionUpdateSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=api.ProposalNoteSerializer,
        responses={201: api.ActionUpdateSerializer},
        filters=False,
    )
    @view_action(
        detail=True,
        methods=["post"],
        url_path="propose-completion",
        pagination_class=None,
        filterset_class=None,
    )
    def propose_completion(self, request, pk=None):
        """Propose that the action is complete, saying how, for MOPAC to accept or reject."""
        action = self.get_object()
        note = _valid(api.ProposalNoteSerializer, request)["note"]
        update = _refused_as_400(
            services.change_status, action, Transition.PROPOSE, by=request.user, note=note
        )
        return Response(api.ActionUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


def _refused_as_400(write, *args, **kwargs):
    """Make the write; a lifecycle refusal is a 400 whose `detail` is the service's message."""
    try:
        return write(*args, **kwargs)
    except IllegalTransition as refused:
        raise ValidationError({"detail": str(refused)}) from refused


def _valid(serializer_class: type[serializers.Serializer], request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
