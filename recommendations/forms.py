"""Officers' forms for reports and recommendations."""

from django import forms

from actions.models import Action
from common.govuk import DateField, GovukForm, GovukModelForm
from common.optimistic import VersionedForm
from letters.models import Letter
from recommendations.models import Recommendation, Report


class ReportForm(VersionedForm, GovukModelForm):
    published_on = DateField(label="Published on")
    comments_published_on = DateField(
        label="MOPAC's comments published on",
        required=False,
        help_text="Inspectorate reports: the Mayor's office must publish its comments within "
        "56 days. For example, 14/11/2022",
    )

    class Meta:
        model = Report
        fields = ["title", "body", "kind", "published_on", "url", "comments_published_on"]


class RecommendationForm(VersionedForm, GovukModelForm):
    class Meta:
        model = Recommendation
        fields = [
            *("report", "reference", "kind", "text", "owner", "status", "actions", "evidence"),
            *("response", "response_letter"),
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "evidence": forms.Textarea(attrs={"rows": 5}),
            "response": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "actions": "The actions that answer this recommendation (hold Ctrl to pick several)",
            "evidence": "What shows it has been implemented",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.select_related("meeting__board", "letter")
        self.fields["actions"].label_from_instance = _action_label
        letters = Letter.objects.only("reference", "date", "subject")
        self.fields["response_letter"].queryset = letters
        if self.instance.pk:  # a recorded recommendation's status changes on its own page only
            del self.fields["status"]


class RecommendationStatusForm(VersionedForm, GovukModelForm):
    """A recorded recommendation's status, changed as its own step."""

    class Meta:
        model = Recommendation
        fields = ["status"]


def _action_label(action: Action) -> str:
    source = action.meeting or action.letter
    return f"{source}: no. {action.number}, {action.text[:80]}"


class CommentsPublishedForm(GovukForm):
    comments_published_on = DateField(label="Comments published on")
