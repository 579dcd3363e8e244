"""What the API reads and writes. Related records are nested as minimal references."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

from accounts.models import Organisation, User
from accounts.posts import Directory, resolve_lead
from actions import services
from actions.models import Action, ActionUpdate, Theme
from actions.models.base import DEADLINE_STATE_LABELS
from actions.workflow import Transition
from letters.models import Letter
from meetings.models import Board, Meeting
from questions.models import PerformanceQuestion
from recommendations.models import Recommendation, Report

# Numbers above this are typing mistakes, and would overflow a 32-bit column.
MAX_NUMBER = 100_000
NOTE_MAX = 10_000


class OrganisationRef(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "short_name", "name"]


class BoardRef(serializers.ModelSerializer):
    class Meta:
        model = Board
        fields = ["id", "name"]


class MeetingRef(serializers.ModelSerializer):
    board = BoardRef(read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "date", "board"]


class LetterRef(serializers.ModelSerializer):
    class Meta:
        model = Letter
        fields = ["id", "reference", "date"]


class ThemeRef(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug"]


class UserRef(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name"]


class ReportRef(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "title", "kind", "published_on"]


class BoardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Board
        fields = ["id", "name", "short_name", "kind", "is_active"]


class MeetingSerializer(serializers.ModelSerializer):
    board = BoardRef(read_only=True)

    class Meta:
        model = Meeting
        fields = ["id", "board", "date", "status", "focus", "published_on"]


class LetterSerializer(serializers.ModelSerializer):
    sender_organisation = OrganisationRef(read_only=True)
    recipient_organisation = OrganisationRef(read_only=True)
    meeting = MeetingRef(read_only=True, allow_null=True)

    class Meta:
        model = Letter
        fields = [
            "id",
            "reference",
            "date",
            "direction",
            "status",
            "sender",
            "sender_organisation",
            "recipient",
            "recipient_organisation",
            "cc",
            "subject",
            "meeting",
            "in_reply_to",
            "body",
            "signatory",
            "signatory_title",
            "response_due",
            "published_on",
        ]


class DeadlineStateField(serializers.ChoiceField):
    """The deadline tag of the web pages: overdue, due soon, on track, no deadline or done."""

    def __init__(self, **kwargs):
        super().__init__(list(DEADLINE_STATE_LABELS.items()), source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return obj.deadline_state(timezone.localdate())


class ActionSerializer(serializers.ModelSerializer):
    meeting = MeetingRef(read_only=True, allow_null=True)
    letter = LetterRef(read_only=True, allow_null=True)
    owners = OrganisationRef(many=True, read_only=True)
    lead_user = UserRef(read_only=True, allow_null=True)
    forum = BoardRef(read_only=True, allow_null=True)
    theme = ThemeRef(read_only=True, allow_null=True)
    deadline_state = DeadlineStateField()

    class Meta:
        model = Action
        fields = [
            "id",
            "meeting",
            "letter",
            "number",
            "text",
            "owners",
            "lead",
            "lead_user",
            "timing",
            "timing_kind",
            "timing_problem",
            "due_date",
            "deadline_state",
            "original_timing",
            "original_due_date",
            "slip_count",
            "forum",
            "theme",
            "status",
            "superseded_by",
            "completion_proposed_at",
            "closed_at",
            "last_update_at",
            "published_on",
            "version",
            "created_at",
            "updated_at",
        ]


class ActionCreateSerializer(serializers.Serializer):
    """A new action, agreed at a meeting or in a letter; its timing is read as written."""

    meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )
    letter = serializers.PrimaryKeyRelatedField(
        queryset=Letter.objects.all(), required=False, allow_null=True
    )
    number = serializers.IntegerField(min_value=1, max_value=MAX_NUMBER)
    text = serializers.CharField(max_length=5000)
    timing = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="As written, e.g. 'August/Sept 2022'; the due date is derived from it.",
    )
    owners = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        many=True,
        required=False,
        help_text="Left out or empty: resolved from the lead as the Annex A paste resolves it "
        "(an organisation the lead names, the directory of posts, the board's usual owner).",
    )
    lead = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="The post or person as written, e.g. 'AC Frontline Policing'.",
    )
    lead_user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="Left out: the holder of the lead's post in the directory of posts.",
    )
    forum = serializers.PrimaryKeyRelatedField(
        queryset=Board.objects.all(), required=False, allow_null=True
    )
    theme = serializers.PrimaryKeyRelatedField(
        queryset=Theme.objects.all(), required=False, allow_null=True
    )

    def validate(self, data):
        """Owners and the lead's account not given are resolved from the lead
        (`accounts.posts.resolve_lead`), the board's usual owner being that of the meeting's
        board, or of the letter's meeting's."""
        source = data.get("meeting") or getattr(data.get("letter"), "meeting", None)
        resolution = resolve_lead(
            data.get("lead", ""),
            directory=Directory.load(),
            usual_owner=source.board.assumed_owner() if source else None,
        )
        if not data.get("owners"):
            if resolution.errors and source:  # with no source, create_action says so first
                raise serializers.ValidationError({"owners": resolution.errors})
            data["owners"] = resolution.owners
        if "lead_user" not in data:
            data["lead_user"] = resolution.lead_user
        return data

    def create(self, validated_data):
        """Through actions.services.create_action, whose refusals (a number already used, not
        exactly one of a meeting and a letter) come back as validation errors."""
        try:
            return services.create_action(
                by=self.context["request"].user,
                reason="Created through the API",
                **validated_data,
            )
        except services.ActionRefused as refused:
            field = refused.field or api_settings.NON_FIELD_ERRORS_KEY
            raise serializers.ValidationError({field: [str(refused)]}) from refused


class ActionUpdateSerializer(serializers.ModelSerializer):
    author = UserRef(read_only=True, allow_null=True)  # None: recorded from a paper
    kind = serializers.ChoiceField(
        Transition.choices,
        allow_blank=True,
        read_only=True,
        help_text="The transition made, or blank for a progress note",
    )

    class Meta:
        model = ActionUpdate
        fields = [
            "id",
            "action",
            "author",
            "kind",
            "note",
            "status_before",
            "status_after",
            "created_at",
        ]
        read_only_fields = fields


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(
        max_length=NOTE_MAX,
        # The web form's words, and actions.services.post_update's.
        error_messages={"required": services.NOTE_REQUIRED, "blank": services.NOTE_REQUIRED},
    )


class ProposalNoteSerializer(serializers.Serializer):
    # Required, but by actions.services.change_status (a 400 whose `detail` says so), so that a
    # proposal the status does not allow is refused first, in the same words as on the web.
    note = serializers.CharField(
        max_length=NOTE_MAX,
        required=False,
        allow_blank=True,
        default="",
        help_text="How the action has been completed (required).",
    )


class QuestionSerializer(serializers.ModelSerializer):
    letter = LetterRef(read_only=True, allow_null=True)
    meeting = MeetingRef(read_only=True, allow_null=True)
    put_to = OrganisationRef(read_only=True)
    theme = ThemeRef(read_only=True, allow_null=True)
    response_letter = LetterRef(read_only=True, allow_null=True)
    deadline_state = DeadlineStateField()

    class Meta:
        model = PerformanceQuestion
        fields = [
            "id",
            "letter",
            "meeting",
            "number",
            "put_to",
            "theme",
            "text",
            "response_timing",
            "response_due",
            "deadline_state",
            "status",
            "response",
            "response_letter",
            "answered_at",
            "published_on",
        ]


class RecommendationSerializer(serializers.ModelSerializer):
    report = ReportRef(read_only=True)
    owner = OrganisationRef(read_only=True)
    actions = serializers.SerializerMethodField(help_text="The actions you may see that answer it")

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "report",
            "reference",
            "kind",
            "text",
            "owner",
            "status",
            "actions",
            "evidence",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_actions(self, recommendation) -> list[int]:
        return [action.pk for action in recommendation.visible_actions]
