"""The default order read through two index ranges (actions.ordering) gives exactly the order
of the one SQL sort, on every page; and each action keeps its meeting's or letter's date."""

import datetime
import itertools

import pytest
from django.core.paginator import Paginator

from actions.filters import default_order, page_keys
from actions.models import Action
from actions.ordering import OverdueFirst
from actions.search import matching_actions
from tests.factories import ActionFactory, LetterFactory, MeetingFactory
from tests.services import require_postgres

TODAY = datetime.date(2022, 9, 15)
TIMINGS = ("August 2022", "by 1 September", "October 2022", "TBC", "July 2022", "Spring 2023")
STATUSES = ("open", "in_progress", "closed", "completion_proposed", "open", "dropped")


@pytest.fixture
def mixed_actions(mps):
    """Overdue, due later, closed after its date, no deadline: from meetings and a letter."""
    meetings = [MeetingFactory(date=datetime.date(2022, 6, day)) for day in (24, 10, 30)]
    letter = LetterFactory(date=datetime.date(2022, 6, 20))
    sources = itertools.cycle(
        [{"meeting": m} for m in meetings] + [{"meeting": None, "letter": letter}]
    )
    actions = []
    for number, (timing, status) in enumerate(itertools.product(TIMINGS, STATUSES), start=1):
        action = ActionFactory(**next(sources), number=number, timing=timing, owners=[mps])
        Action.objects.filter(pk=action.pk).update(status=status)
        actions.append(action)
    return Action.objects.all()


def _sorted_keys(actions) -> list[int]:
    return list(default_order(actions).values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("per_page", [1, 5, 7, 100])
def test_pages_of_overdue_first_follow_the_sql_sort(mixed_actions, per_page, time_machine):
    time_machine.move_to(datetime.datetime(2022, 9, 15, 12, 0), tick=False)
    expected = _sorted_keys(mixed_actions)
    overdue = set(mixed_actions.overdue(TODAY).values_list("pk", flat=True))
    assert 0 < len(overdue) < len(expected)  # both ranges and the page where they meet

    paginator = Paginator(OverdueFirst(mixed_actions, TODAY), per_page)
    pages = [paginator.page(n).object_list for n in paginator.page_range]

    assert paginator.count == len(expected)
    assert [pk for page in pages for pk in page] == expected
    assert set(expected[: len(overdue)]) == overdue


@pytest.mark.django_db
def test_filtered_and_late_windows(mixed_actions, time_machine):
    time_machine.move_to(datetime.datetime(2022, 9, 15, 12, 0), tick=False)
    live = mixed_actions.filter(status__in=["open", "in_progress"])
    expected = _sorted_keys(live)
    keys = OverdueFirst(live, TODAY)
    assert keys[0:3] + keys[3:9] + keys[9:] == expected
    assert keys[len(expected) + 5 : len(expected) + 10] == []


@pytest.mark.django_db
def test_page_keys_reads_the_default_order_through_overdue_first(mixed_actions):
    assert isinstance(page_keys(default_order(mixed_actions)), OverdueFirst)
    by_number = page_keys(mixed_actions.order_by("number"))
    assert list(by_number) == sorted(mixed_actions.values_list("pk", flat=True))


@pytest.mark.django_db
def test_an_action_keeps_its_sources_date(mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    letter = LetterFactory(date=datetime.date(2022, 10, 14))
    from_meeting = ActionFactory(meeting=meeting, owners=[mps])
    from_letter = ActionFactory(meeting=None, letter=letter, owners=[mps])
    assert from_meeting.source_date == meeting.date
    assert from_letter.source_date == letter.date

    meeting.date = datetime.date(2022, 7, 1)
    meeting.save()
    letter.date = datetime.date(2022, 10, 20)
    letter.save(update_fields=["date"])

    from_meeting.refresh_from_db()
    from_letter.refresh_from_db()
    assert from_meeting.source_date == datetime.date(2022, 7, 1)
    assert from_letter.source_date == datetime.date(2022, 10, 20)


@pytest.mark.django_db
def test_a_full_text_search_is_sorted_in_one_query(mixed_actions, time_machine):
    """Its matches come from the GIN index; walking the due-date index instead tests the text
    of every row on the way (PostgreSQL only: elsewhere search is a plain filter)."""
    require_postgres()
    time_machine.move_to(datetime.datetime(2022, 9, 15, 12, 0), tick=False)
    Action.objects.filter(number__in=[2, 9, 15, 30]).update(text="Briefing on Croydon")
    searched = default_order(matching_actions(mixed_actions, "Croydon"))

    keys = page_keys(searched)

    assert not isinstance(keys, OverdueFirst)
    assert list(keys) == _sorted_keys(mixed_actions.filter(number__in=[2, 9, 15, 30]))
    assert isinstance(page_keys(default_order(mixed_actions)), OverdueFirst)
