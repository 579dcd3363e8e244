"""Form fields about organisations, shared by the forms that record actions."""

from django import forms
from django.core.exceptions import ValidationError

from accounts.models import Organisation

# The largest key a database column holds (a signed 64-bit integer).
MAX_KEY = 2**63 - 1


class OwnersField(forms.ModelMultipleChoiceField):
    """The owner organisations of an action, ticked in a list.

    A number too large for any key is refused like any unknown choice: Django would pass it to
    the database, and SQLite raises OverflowError (a server error) on it.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.all())
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)

    def _check_values(self, value):
        for pk in value:
            if str(pk).isdigit() and int(pk) > MAX_KEY:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
