"""Publication: officers choose what is public, item by item; nothing unpublished is reachable."""

import datetime
import pathlib

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actions.models import ActionUpdate
from letters.models import Letter

from .factories import ActionFactory, LetterFactory, MeetingFactory, QuestionFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 1, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY):
        yield


def publish(client, kind, pk, on="10/01/2023"):
    return client.post(
        reverse("publication:change", args=[kind, pk]),
        {"action": "publish", "published_on": on},
    )


def test_officer_publishes_a_letter_and_the_public_sees_it_without_signing_in(
    client, officer, mopac, mps
):
    letter = LetterFactory(
        subject="Oversight Board follow-up",
        status="sent",
        body="Dear Commissioner",
        sender_organisation=mopac,
        recipient_organisation=mps,
    )
    client.force_login(officer)
    assert publish(client, "letters", letter.pk).status_code == 302
    letter.refresh_from_db()
    assert letter.status == Letter.Status.PUBLISHED
    assert letter.published_on == TODAY
    assert letter.history.latest().history_user == officer
    client.logout()
    index = client.get(reverse("publication:index"))
    assert "Oversight Board follow-up" in index.content.decode()
    page = client.get(reverse("publication:letter", args=[letter.pk]))
    assert "Dear Commissioner" in page.content.decode()
    assert "Sign out" not in page.content.decode()


def test_unpublishing_restores_the_status_and_hides_the_letter(client, officer, mopac, mps):
    letter = LetterFactory(status="sent", sender_organisation=mopac, recipient_organisation=mps)
    client.force_login(officer)
    publish(client, "letters", letter.pk)
    client.post(reverse("publication:change", args=["letters", letter.pk]), {"action": "unpublish"})
    letter.refresh_from_db()
    assert (letter.status, letter.published_on) == ("sent", None)
    client.logout()
    assert client.get(reverse("publication:letter", args=[letter.pk])).status_code == 404


def test_nothing_unpublished_is_reachable_by_any_public_url(client, mopac, mps, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    draft = LetterFactory(status="draft", sender_organisation=mopac, recipient_organisation=mps)
    draft.pdf.save("d.pdf", SimpleUploadedFile("d.pdf", b"%PDF-1.4 secret"))
    future = LetterFactory(
        status="published",
        published_on=TODAY + datetime.timedelta(days=1),
        sender_organisation=mopac,
        recipient_organisation=mps,
        subject="Embargoed",
    )
    marked_but_undated = LetterFactory(
        status="published", sender_organisation=mopac, recipient_organisation=mps
    )
    hidden_action = ActionFactory(owners=[mps], text="Internal only action")
    hidden_question = QuestionFactory(put_to=mps, text="Internal only question")
    for letter in (draft, future, marked_but_undated):
        assert client.get(reverse("publication:letter", args=[letter.pk])).status_code == 404
        assert client.get(reverse("publication:letter_pdf", args=[letter.pk])).status_code == 404
    for url in ("publication:index", "publication:actions", "publication:questions"):
        page = client.get(reverse(url), {"q": ""}).content.decode()
        assert "Embargoed" not in page
        assert hidden_action.text not in page
        assert hidden_question.text not in page
    # The signed-in pages stay closed to the public.
    for url in (
        reverse("letters:detail", args=[draft.pk]),
        reverse("letters:pdf", args=[draft.pk]),
        reverse("questions:detail", args=[hidden_question.pk]),
        reverse("publication:manage"),
    ):
        assert client.get(url).status_code == 302  # to the sign-in page


def test_published_action_shows_number_text_timing_and_status_only(client, officer, mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    action = ActionFactory(
        meeting=meeting, owners=[mps], text="Publish the data", lead="Secret Lead"
    )
    ActionUpdate.objects.create(
        action=action,
        author=officer,
        note="Internal note",
        status_before="open",
        status_after="open",
    )
    client.force_login(officer)
    publish(client, "actions", action.pk)
    client.logout()
    page = client.get(reverse("publication:actions")).content.decode()
    assert "Publish the data" in page and "August 2022" in page and "Open" in page
    assert "Internal note" not in page
    assert "Secret Lead" not in page


def test_published_questions_and_answers_appear_on_the_public_letter(client, officer, mps):
    letter = LetterFactory(status="published", published_on=TODAY)
    accepted = QuestionFactory(
        letter=letter, put_to=mps, text="Burglary impact?", response="Up 10%", status="accepted"
    )
    QuestionFactory(letter=letter, put_to=mps, text="Not published question")
    client.force_login(officer)
    publish(client, "questions", accepted.pk)
    client.logout()
    page = client.get(reverse("publication:letter", args=[letter.pk])).content.decode()
    assert "Burglary impact?" in page and "Up 10%" in page
    assert "Not published question" not in page


@pytest.mark.parametrize("status", ["awaiting", "answered", "asked_again", "withdrawn"])
def test_only_an_accepted_answer_is_ever_public(client, mps, status):
    """A lead's answer is not public until MOPAC accepts it, nor after MOPAC asks again."""
    letter = LetterFactory(status="published", published_on=TODAY)
    QuestionFactory(
        letter=letter,
        put_to=mps,
        text="Robbery impact?",
        response="Unaccepted answer text",
        status=status,
        published_on=TODAY,
    )
    for page in (
        client.get(reverse("publication:letter", args=[letter.pk])),
        client.get(reverse("publication:questions")),
    ):
        body = page.content.decode()
        assert "Robbery impact?" in body
        assert "Unaccepted answer text" not in body
        assert "no accepted answer yet" in body


def test_an_answer_becomes_public_when_accepted_and_not_before(client, officer, lead, mps):
    letter = LetterFactory(status="published", published_on=TODAY)
    question = QuestionFactory(letter=letter, put_to=mps, published_on=TODAY)
    public = reverse("publication:questions")

    def shown(text):
        client.logout()
        return text in client.get(public).content.decode()

    client.force_login(lead)
    answer = reverse("questions:answer", args=[question.pk])
    assert client.post(answer, {"response": "First answer"}).status_code == 302
    assert not shown("First answer")
    client.force_login(officer)
    again = reverse("questions:ask_again", args=[question.pk])
    assert client.post(again, {"again-reason": "Not enough"}).status_code == 302
    assert not shown("First answer")
    client.force_login(lead)
    assert client.post(answer, {"response": "Second answer"}).status_code == 302
    assert not shown("Second answer")
    client.force_login(officer)
    accept = reverse("questions:accept", args=[question.pk])
    assert client.post(accept, {}).status_code == 302
    assert shown("Second answer") and not shown("First answer")


def test_no_public_template_prints_a_raw_response():
    from django.conf import settings

    folder = pathlib.Path(settings.BASE_DIR) / "templates" / "publication"
    for template in folder.glob("*.html"):
        assert ".response" not in template.read_text(), template.name


def test_public_search_finds_published_letters(client, mopac, mps):
    LetterFactory(subject="Violence with injury", status="published", published_on=TODAY)
    LetterFactory(subject="Stop and search", status="published", published_on=TODAY)
    page = client.get(reverse("publication:index"), {"q": "violence"}).content.decode()
    assert "Violence with injury" in page
    assert "Stop and search" not in page


def test_a_future_publication_date_is_scheduled_not_public(client, officer):
    letter = LetterFactory(status="sent")
    client.force_login(officer)
    publish(client, "letters", letter.pk, on="20/01/2023")
    client.logout()
    assert client.get(reverse("publication:letter", args=[letter.pk])).status_code == 404
    with time_machine.travel(datetime.date(2023, 1, 20)):
        assert client.get(reverse("publication:letter", args=[letter.pk])).status_code == 200


def test_only_officers_may_publish(client, lead, reviewer, mps):
    letter = LetterFactory(status="sent", recipient_organisation=mps)
    for user in (lead, reviewer):
        client.force_login(user)
        assert publish(client, "letters", letter.pk).status_code == 403
        assert client.get(reverse("publication:manage")).status_code == 403
    letter.refresh_from_db()
    assert letter.published_on is None


def test_public_pages_query_counts_are_bounded(client, mps, django_assert_max_num_queries):
    for _ in range(20):
        LetterFactory(status="published", published_on=TODAY)
        ActionFactory(owners=[mps], published_on=TODAY)
        QuestionFactory(put_to=mps, published_on=TODAY)
    for url in ("publication:index", "publication:actions", "publication:questions"):
        with django_assert_max_num_queries(4):
            assert client.get(reverse(url)).status_code == 200


def test_manage_page_lists_items_with_publish_forms(client, officer, mps):
    ActionFactory(owners=[mps], text="Choose me")
    client.force_login(officer)
    page = client.get(reverse("publication:manage"), {"kind": "actions"}).content.decode()
    assert "Choose me" in page
    assert 'name="published_on"' in page


@pytest.mark.browser
def test_browser_public_pages_without_signing_in(browser, live_server, mopac, mps):
    from selenium.webdriver.common.by import By

    from .browser import assert_accessible, click_to_next_page, screenshot

    published = LetterFactory(
        subject="Performance and Risk Oversight Board: follow-up",
        body="Thank you for attending the Board.",
        status="published",
        published_on=TODAY,
        sender_organisation=mopac,
        recipient_organisation=mps,
    )
    LetterFactory(subject="Draft not for the public", status="draft")
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    ActionFactory(
        meeting=meeting, owners=[mps], text="Publish the burglary data", published_on=TODAY
    )

    browser.get(live_server.url + reverse("publication:index"))
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Performance and Risk Oversight Board: follow-up" in page
    assert "Draft not for the public" not in page
    assert not browser.find_elements(By.ID, "navigation")
    screenshot(browser, "public-01-letters")
    assert_accessible(browser)

    browser.find_element(By.ID, "q").send_keys("oversight")
    click_to_next_page(browser, browser.find_element(By.CSS_SELECTOR, "form[role=search] button"))
    click_to_next_page(browser, browser.find_element(By.LINK_TEXT, published.subject))
    assert "Thank you for attending the Board." in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "public-02-letter")
    assert_accessible(browser)

    browser.get(live_server.url + reverse("publication:actions"))
    assert "Publish the burglary data" in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "public-03-actions")
    assert_accessible(browser)


def test_manage_page_filters_actions_by_meeting(client, officer, mps):
    june = MeetingFactory(date=datetime.date(2022, 6, 24))
    october = MeetingFactory(date=datetime.date(2022, 10, 14))
    ActionFactory(meeting=june, owners=[mps], text="June action")
    ActionFactory(meeting=october, owners=[mps], text="October action")
    client.force_login(officer)
    response = client.get(reverse("publication:manage"), {"kind": "actions", "meeting": june.pk})
    assert [a.text for a in response.context["page_obj"]] == ["June action"]


def test_a_draft_letter_cannot_be_published(client, officer, mps):
    draft = LetterFactory(subject="Unsent draft", status="draft", recipient_organisation=mps)
    client.force_login(officer)
    page = client.get(reverse("publication:manage"), {"kind": "letters"}).content.decode()
    assert "A draft letter cannot be published: send it first." in page
    assert f'id="published-on-{draft.pk}"' not in page
    response = publish(client, "letters", draft.pk)
    assert response.status_code == 302
    shown = client.get(response.url).content.decode()
    assert "is draft: only a sent letter can be published." in shown
    draft.refresh_from_db()
    assert (draft.status, draft.published_on) == ("draft", None)
    client.logout()
    assert client.get(reverse("publication:letter", args=[draft.pk])).status_code == 404
