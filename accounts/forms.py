"""Sign-in, password and account forms, styled for the GOV.UK Design System."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.validators import MaxLengthValidator

from common.govuk import GovukModelForm, style_fields

from .models import User


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
        fields = ["first_name", "last_name", "reminder_preference"]
        widgets = {"reminder_preference": forms.RadioSelect}
        labels = {"reminder_preference": "How should reminders reach you?"}
