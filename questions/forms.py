"""Forms for questions: an officer's question, a lead's answer, an officer's decision."""

from django import forms
from django.db.models import Max

from common.govuk import GovukForm, GovukModelForm
from common.optimistic import VersionedForm
from letters.models import Letter
from meetings.models import Meeting
from questions.models import PerformanceQuestion


class QuestionForm(VersionedForm, GovukModelForm):
    response_timing = forms.CharField(
        label="Response due, as written",
        max_length=200,
        required=False,
        help_text='For example "by 14 November" or "By next Board", read from the date of the '
        "letter or meeting; one we cannot read is kept as written and flagged",
    )

    class Meta:
        model = PerformanceQuestion
        fields = ["letter", "meeting", "number", "put_to", "theme", "text", "response_timing"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["letter"].queryset = Letter.objects.only("reference", "subject")
        self.fields["meeting"].queryset = Meeting.objects.select_related("board")
        self.fields["letter"].help_text = "The letter or the meeting that asked it: one of the two"
        self.fields["number"].required = False
        self.fields["number"].help_text = "Leave blank for the next number"

    def clean(self):
        cleaned = super().clean()
        letter, meeting = cleaned.get("letter"), cleaned.get("meeting")
        if bool(letter) == bool(meeting):
            self.add_error("letter", "Choose either the letter or the meeting that asked it.")
            return cleaned
        siblings = PerformanceQuestion.objects.filter(letter=letter, meeting=meeting).exclude(
            pk=self.instance.pk
        )
        if not cleaned.get("number"):
            cleaned["number"] = (siblings.aggregate(n=Max("number"))["n"] or 0) + 1
        elif siblings.filter(number=cleaned["number"]).exists():
            self.add_error("number", "Another question of the same source has this number.")
        return cleaned

    def save(self, commit=True):
        question = super().save(commit=False)
        question.number = self.cleaned_data["number"]
        question.apply_timing(self.cleaned_data.get("response_timing", ""))
        return question


class AnswerForm(GovukForm):
    response = forms.CharField(label="Response", max_length=20000, widget=forms.Textarea)
    letter = forms.ModelChoiceField(
        label="Given in a letter",
        queryset=Letter.objects.none(),
        required=False,
        help_text="The letter that carries this answer, if there is one",
    )

    def __init__(self, *args, letters=None, **kwargs):
        super().__init__(*args, **kwargs)
        if letters is not None:
            self.fields["letter"].queryset = letters.only("reference", "subject")


class AcceptForm(GovukForm):
    note = forms.CharField(label="Note", max_length=2000, required=False)


class AskAgainForm(GovukForm):
    reason = forms.CharField(
        label="Why the answer is not enough", max_length=5000, widget=forms.Textarea
    )
    response_timing = forms.CharField(
        label="New response due, as written",
        max_length=200,
        required=False,
        help_text='For example "by 30 November"',
    )


class WithdrawForm(GovukForm):
    reason = forms.CharField(label="Why it is withdrawn", max_length=5000, widget=forms.Textarea)
