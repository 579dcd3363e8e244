"""The owners field refuses a number too large for any key as it refuses any unknown choice."""

import pytest
from django.core.exceptions import ValidationError

from accounts.fields import MAX_KEY, OwnersField


@pytest.mark.django_db
@pytest.mark.parametrize("value", [str(MAX_KEY + 1), "9" * 25])
def test_a_key_beyond_64_bits_is_an_invalid_choice(value, mps):
    with pytest.raises(ValidationError) as refused:
        OwnersField().clean([str(mps.pk), value])
    assert refused.value.code == "invalid_pk_value"


@pytest.mark.django_db
def test_known_organisations_are_chosen(mps, mopac):
    assert set(OwnersField().clean([str(mps.pk), str(mopac.pk)])) == {mps, mopac}
