"""Forms of the action pages. Each declares only what its user may change: a lead's progress
form has a note and evidence files, nothing else, so extra POSTed fields are never read."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from accounts.fields import OwnersField
from accounts.models import Organisation, Role, User
from actions.bulk import Change as BulkChange
from actions.evidence import ALLOWED_LABEL, MAX_FILES_PER_UPDATE, check_evidence_files
from actions.models import Action
from actions.workflow import LIVE_STATUSES, Status
from common.optimistic import VersionedForm
from meetings.models import Board, MinuteItem

NOTE_MAX = 10000
REASON_MAX = 2000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files in one input; each checked by actions.evidence."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = []
        for upload in data if isinstance(data, list | tuple) else [data]:
            if upload:
                uploads.append(super().clean(upload, initial))
        return check_evidence_files(uploads)


class ProgressForm(forms.Form):
    """A progress update from the lead (or an officer): a note and optional evidence."""

    note = forms.CharField(
        label="What has been done",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=NOTE_MAX,
        error_messages={"required": "Enter what has been done"},
    )
    evidence = EvidenceField(label="Evidence files", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = (
            f"Up to {MAX_FILES_PER_UPDATE} files: {ALLOWED_LABEL}, "
            f"{filesizeformat(settings.EVIDENCE_MAX_BYTES)} each at most."
        )


class ProposeForm(ProgressForm):
    """Proposing completion: a note says how it was done, the evidence shows it."""

    note = forms.CharField(
        label="How the action has been completed",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=NOTE_MAX,
        # Required, but by actions.services.change_status, so that a proposal the status does not
        # allow is refused first, in the same words as through the API.
        required=False,
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=NOTE_MAX,
        required=False,
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REASON_MAX,
        error_messages={"required": "Enter a reason"},
    )


class SupersedeForm(ReasonForm):
    """Merge into another action: one of the same meeting or letter by number, or any by ID."""

    into_number = forms.TypedChoiceField(
        label="Action of the same meeting or letter it is merged into",
        coerce=int,
        empty_value=None,
        required=False,
    )
    into_id = forms.IntegerField(
        label="Or the ID of an action from elsewhere",
        required=False,
        min_value=1,
        help_text="The number at the end of the action page's address.",
    )
    field_order = ["into_number", "into_id", "reason"]

    def __init__(self, *args, action: Action, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.candidates = candidates
        self.fields["into_number"].choices = [("", "Choose an action")] + [
            (other.number, f"Action {other.number}: {other.text[:90]}")
            for other in candidates.filter(
                meeting_id=action.meeting_id, letter_id=action.letter_id, status__in=LIVE_STATUSES
            ).exclude(pk=action.pk)
        ]

    def clean(self):
        data = super().clean()
        number, other_id = data.get("into_number"), data.get("into_id")
        if (number is None) == (other_id is None):
            raise ValidationError("Choose the action it is merged into, by number or by ID.")
        if number is not None:
            lookup = {"meeting_id": self.action.meeting_id, "letter_id": self.action.letter_id}
            lookup["number"] = number
        else:
            lookup = {"pk": other_id}
        into = self.candidates.filter(**lookup).exclude(pk=self.action.pk).first()
        if into is None:
            raise ValidationError("There is no other action with that number or ID.")
        data["into"] = into
        return data


class ActionEditForm(VersionedForm, forms.ModelForm):
    """An officer's edit, from the version the officer opened (common/optimistic.py)."""

    owners = OwnersField(error_messages={"required": "Choose at least one owner organisation"})

    class Meta:
        model = Action
        fields = ["text", "owners", "lead", "lead_user", "forum", "theme", "minute_item"]
        labels = {
            "text": "Action",
            "lead": "Lead",
            "lead_user": "Lead's account (receives reminders)",
            "forum": "Forum",
            "minute_item": "Minute item it came from",
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_user"].queryset = User.objects.filter(
            role=Role.LEAD, is_active=True
        ).select_related("organisation")
        self.fields["lead_user"].label_from_instance = lambda user: (
            f"{user.display_name()} ({user.organisation})"
        )
        self.fields["minute_item"].queryset = MinuteItem.objects.filter(
            meeting_id=self.instance.meeting_id
        )


class ReviseTimingForm(forms.Form):
    timing = forms.CharField(
        label="New timing, as agreed",
        max_length=200,
        help_text="As people write it: August 2022, Q3 2023/24, by the end of the year.",
        error_messages={"required": "Enter the new timing"},
    )
    reason = forms.CharField(
        label="Why it changed",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        error_messages={"required": "Enter why the timing changed"},
    )
    agreed_by = forms.CharField(
        label="Agreed by",
        max_length=200,
        required=False,
        help_text="For example: DMPC at the Oversight Board of 14 November 2022.",
    )


class MoreTimeForm(forms.Form):
    """A lead's request for a new deadline."""

    timing = forms.CharField(
        label="New deadline",
        max_length=200,
        help_text="As people write it: March 2024, Q3 2023/24, 14 November 2023.",
        error_messages={"required": "Enter the new deadline"},
    )
    reason = forms.CharField(
        label="Why more time is needed",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REASON_MAX,
        error_messages={"required": "Enter why more time is needed"},
    )


class DecisionReasonForm(forms.Form):
    """The reason of a decision on a request; required or not as the map says."""

    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REASON_MAX,
        required=False,
    )

    def __init__(self, *args, required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.required = required
        field.error_messages["required"] = "Enter a reason"
        if required:
            field.help_text = "The lead sees this reason."


class PassOnForm(forms.Form):
    """The new lead of an action: a lead of an owner organisation (a lead: of their own)."""

    to = forms.ModelChoiceField(
        label="New lead",
        queryset=User.objects.none(),
        empty_label="Choose a person",
        error_messages={"required": "Choose the new lead"},
    )
    note = forms.CharField(
        label="Note for the new lead",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        required=False,
    )

    def __init__(self, *args, action: Action, by, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = [owner.pk for owner in action.owners.all()]
        if by.is_lead:
            organisations = [pk for pk in organisations if pk == by.organisation_id]
        field = self.fields["to"]
        field.queryset = (
            User.objects.filter(role=Role.LEAD, is_active=True, organisation__in=organisations)
            .exclude(pk=action.lead_user_id)
            .select_related("organisation")
            .order_by("first_name", "last_name", "username")
        )
        field.label_from_instance = lambda user: f"{user.display_name()} ({user.organisation})"


class BulkChangeForm(forms.Form):
    """One change, with one reason, to the actions chosen on the list (actions/bulk.py)."""

    change = forms.ChoiceField(
        label="What to change",
        choices=BulkChange.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what to change"},
    )
    status = forms.ChoiceField(label="New status", choices=Status.choices, required=False)
    timing = forms.CharField(label="New timing, as agreed", max_length=200, required=False)
    lead = forms.ModelChoiceField(
        label="New lead",
        queryset=User.objects.filter(role=Role.LEAD, is_active=True).select_related("organisation"),
        required=False,
        empty_label="Choose a person",
    )
    owner = forms.ModelChoiceField(
        label="New owner",
        queryset=Organisation.objects.all(),
        required=False,
        empty_label="Choose an organisation",
    )
    forum = forms.ModelChoiceField(
        label="Board it is carried over to",
        queryset=Board.objects.filter(is_active=True),
        required=False,
        empty_label="Choose a board",
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        help_text="Recorded in each action's history.",
        error_messages={"required": "Enter a reason"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].label_from_instance = lambda user: (
            f"{user.display_name()} ({user.organisation})"
        )

    def clean(self):
        data = super().clean()
        change = data.get("change")
        if change and not data.get(change):
            self.add_error(change, f"Choose or enter the {self.fields[change].label.lower()}")
        data["value"] = data.get(change) if change else None
        return data
