"""Forms for meetings, with their attendees and minute items (formsets of rows)."""

import re

from django import forms

from common.formsets import MAX_ROWS, RowStyle
from common.govuk import DateField, GovukModelForm
from common.optimistic import VersionedForm

from .models import Attendee, Board, Meeting, MinuteItem


class MeetingForm(VersionedForm, GovukModelForm):
    """A meeting recorded or edited; its status is changed on its own page (MeetingStatusForm),
    never by this form once the meeting exists."""

    date = DateField(label="Date of the meeting")

    class Meta:
        model = Meeting
        fields = ["board", "date", "focus", "place", "status"]
        labels = {"focus": "Focus of the meeting"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].empty_label = "Choose a board"
        self.fields["board"].queryset = Board.objects.filter(is_active=True) | Board.objects.filter(
            pk=getattr(self.instance, "board_id", None)
        )
        if self.instance.pk is not None:
            del self.fields["status"]


class MeetingStatusForm(VersionedForm, GovukModelForm):
    class Meta:
        model = Meeting
        fields = ["status"]
        widgets = {"status": forms.RadioSelect}


class AttendeeForm(RowStyle, forms.ModelForm):
    class Meta:
        model = Attendee
        fields = ["name", "title", "organisation", "absent"]
        labels = {"title": "Title or post"}


class MinuteItemForm(RowStyle, forms.ModelForm):
    class Meta:
        model = MinuteItem
        fields = ["number", "heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"number": "Minute No."}

    def save(self, commit=True):
        """Keep minute items in the order of their numbers: 2.3 before 10.1."""
        parts = [*re.findall(r"[0-9]+", self.instance.number)[:2], "0", "0"]
        self.instance.position = min(int(parts[0]), 99_999) * 1000 + min(int(parts[1]), 999)
        return super().save(commit)


AttendeeFormSet = forms.inlineformset_factory(
    Meeting, Attendee, form=AttendeeForm, extra=1, can_delete=True, max_num=MAX_ROWS
)
MinuteItemFormSet = forms.inlineformset_factory(
    Meeting, MinuteItem, form=MinuteItemForm, extra=1, can_delete=True, max_num=MAX_ROWS
)
