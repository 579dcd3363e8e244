"""A save that finds its unique value taken meanwhile: the form again with an error, not a 500.

A form checks uniqueness (unique fields, UniqueConstraints) before the save, but another request
can take the value between that check and the INSERT: two officers recording a letter with the
same reference, or a meeting of one board on one day, at once. The database refuses the second
with an IntegrityError, which would be a server error and would break the transaction around it.

`taken_meanwhile(instance)` runs the save in a savepoint; on an IntegrityError it rolls the
savepoint back (the outer transaction stays usable) and checks the instance's uniqueness and
constraints again, now that the other row is there: the ValidationError that names the field is
raised instead. An IntegrityError that is not about those (it should not happen) is raised as it
was. `add_form_errors(form, error)` shows such an error on the form.
"""

from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction


@contextmanager
def taken_meanwhile(instance):
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        instance.validate_unique()
        instance.validate_constraints()
        raise


def add_form_errors(form, error: ValidationError) -> None:
    """Each message of `error` on its field when the form has it, else above the form."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error}
    for field, messages in by_field.items():
        form.add_error(field if field in form.fields else None, messages)
