"""The admin is no way round the lifecycles: status (and an action's timing) are read-only there,
since they change only through each app's services (the map, the timeline, the history)."""

import pytest
from django.urls import reverse

from accounts.models import Role

from .factories import ActionFactory, LetterFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, mopac):
    user = UserFactory(
        username="root", role=Role.ADMIN, organisation=mopac, is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("make", "url_name", "locked"),
    [
        (
            lambda mps: ActionFactory(owners=[mps]),
            "admin:actions_action_change",
            ["status", "timing"],
        ),
        (
            lambda mps: QuestionFactory(put_to=mps),
            "admin:questions_performancequestion_change",
            ["status"],
        ),
        (lambda mps: LetterFactory(), "admin:letters_letter_change", ["status"]),
    ],
)
def test_status_cannot_be_edited_in_the_admin(admin_client, mps, make, url_name, locked):
    record = make(mps)
    page = admin_client.get(reverse(url_name, args=[record.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    for name in locked:
        assert f'name="{name}"' not in html
        assert f"field-{name}" in html  # still shown, read-only
