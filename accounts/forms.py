"""Sign-in, password and account forms, styled for the GOV.UK Design System."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from common.govuk import DateField, GovukModelForm, style_fields
from common.optimistic import VersionedForm

from .models import Absence, Post, Role, User, name_key


class SignInForm(auth_forms.AuthenticationForm):
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been deactivated. Ask an administrator to restore it.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm sets max_length after the field is built, so nothing enforces it:
        # an over-long name would reach the sign-in log (axes, 255 characters) and fail there.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        style_fields(self)


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class AccountForm(GovukModelForm):
    """What a person may change about themselves; role and organisation are set by an admin."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "reminder_preference", "notice_delivery"]
        widgets = {"reminder_preference": forms.RadioSelect, "notice_delivery": forms.RadioSelect}
        labels = {
            "reminder_preference": "How should reminders reach you?",
            "notice_delivery": "How should notices reach you?",
        }


class PostForm(VersionedForm, GovukModelForm):
    """A post of the directory: its title as the papers write it, organisation and holder."""

    class Meta:
        model = Post
        fields = ["title", "organisation", "holder"]
        labels = {"holder": "Held by"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = User.objects.filter(is_active=True).select_related(
            "organisation"
        )
        self.fields["holder"].label_from_instance = lambda user: (
            f"{user.display_name()} ({user.organisation or 'no organisation'})"
        )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        taken = Post.objects.filter(key=name_key(title)).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"'{title}' is already in the directory.")
        return title

    def clean(self):
        data = super().clean()
        holder, organisation = data.get("holder"), data.get("organisation")
        if holder and organisation and holder.organisation_id != organisation.pk:
            self.add_error("holder", f"Choose someone who works for {organisation}.")
        return data


class AbsenceForm(GovukModelForm):
    """A period away and the colleague (a lead of the same organisation) who deputises."""

    starts_on = DateField(
        label="First day away", error_messages={"required": "Enter the first day"}
    )
    ends_on = DateField(label="Last day away", error_messages={"required": "Enter the last day"})

    class Meta:
        model = Absence
        fields = ["deputy", "starts_on", "ends_on"]
        labels = {"deputy": "Deputy"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
        deputy = self.fields["deputy"]
        deputy.queryset = (
            User.objects.filter(role=Role.LEAD, is_active=True, organisation=user.organisation_id)
            .exclude(pk=user.pk)
            .order_by("first_name", "last_name", "username")
        )
        deputy.label_from_instance = lambda colleague: colleague.display_name()
        deputy.empty_label = "Choose a colleague"
        deputy.help_text = (
            "A colleague in your organisation: they see and act on the actions you lead."
        )
        deputy.error_messages["required"] = "Choose your deputy"

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The last day must be on or after the first day")
        if ends and ends < timezone.localdate():
            self.add_error("ends_on", "The last day must be today or later")
        return data
