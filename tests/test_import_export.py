"""Excel and CSV in and out: the import checks, the command, the web wizard, and exports."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from actions.models import Action, ActionUpdate
from actions.workflow import Status
from spreadsheets.importer import Context, Existing, check_rows, guess_mapping
from spreadsheets.models import PendingImport
from spreadsheets.readers import UnreadableFile, read_sheet
from spreadsheets.writers import csv_text, xlsx_bytes

from .factories import (
    ActionFactory,
    LetterFactory,
    MeetingFactory,
    OrganisationFactory,
    QuestionFactory,
    RecommendationFactory,
)

HEADER = ["No.", "Action", "Timing", "Lead", "Owner", "Status"]
MAPPING = guess_mapping(HEADER)
STATUSES = dict(Status.choices)


def context(**existing):
    return Context(
        written_on=datetime.date(2022, 6, 24),
        organisations=["MPS", "MOPAC"],
        statuses=STATUSES,
        existing={int(k[1:]): v for k, v in existing.items()},
    )


def rows(*cells):
    return [(line, list(row)) for line, row in enumerate(cells, start=2)]


# -- the checks (a plain module) -------------------------------------------------------------


def test_headers_are_guessed_whatever_their_case_and_punctuation():
    assert guess_mapping(["NO", "Action agreed", "Deadline", "Lead officer", "Owner", "RAG"]) == {
        "number": 0,
        "text": 1,
        "timing": 2,
        "lead": 3,
        "owner": 4,
        "status": 5,
    }
    assert guess_mapping(["No", "Action", "Due date"])["timing"] is None


def test_a_good_row_derives_its_due_date_from_the_meeting_date():
    [row] = check_rows(
        rows(["3", "Provide a briefing", "August/Sept 2022", "AC Frontline", "MPS and MOPAC", ""]),
        MAPPING,
        context(),
    )
    assert row.errors == []
    assert row.due_date == datetime.date(2022, 9, 30)
    assert row.owners == ["MPS", "MOPAC"]
    assert row.outcome == "create"


def test_each_bad_row_gets_its_reason_and_its_spreadsheet_row_number():
    checked = check_rows(
        rows(
            ["1", "Fine", "August 2022", "", "MPS", ""],
            ["x", "Bad number", "", "", "MPS", ""],
            ["1", "Duplicate", "", "", "MPS", ""],
            ["4", "", "", "", "MPS", ""],
            ["5", "Unknown owner", "", "", "NCA", ""],
            ["6", "Bad status", "", "", "MPS", "Finished-ish"],
        ),
        MAPPING,
        context(),
    )
    problems = {row.line: row.errors for row in checked if row.errors}
    assert list(problems) == [3, 4, 5, 6, 7]
    assert "whole number" in problems[3][0]
    assert problems[4] == ["No. 1 is also on row 2"]
    assert problems[5] == ["Action text is missing"]
    assert problems[6] == ["Unknown organisation 'NCA' in the Owner column."]
    assert "Status 'Finished-ish' is not one of" in problems[7][0]


def test_unreadable_timing_is_a_warning_kept_as_written_not_an_error():
    [row] = check_rows(rows(["1", "Something", "soon", "", "MPS", ""]), MAPPING, context())
    assert row.errors == []
    assert row.timing == "soon"
    assert "cannot be read" in row.warnings[0]


def test_blank_rows_are_skipped_and_statuses_match_labels_or_values():
    checked = check_rows(
        rows(
            ["1", "A", "", "", "MPS", "in progress"],
            ["", "", "", "", "", ""],
            ["2", "B", "", "", "mps", "COMPLETION_PROPOSED"],
        ),
        MAPPING,
        context(),
    )
    assert [(r.line, r.status) for r in checked] == [(2, "in_progress"), (4, "completion_proposed")]


def test_a_row_matching_an_existing_number_is_an_update_listing_its_changes():
    existing = Existing(
        text="Brief", timing="August 2022", lead="AC", owners=("MPS",), status="open"
    )
    [same, changed] = check_rows(
        rows(
            ["1", "Brief", "August 2022", "AC", "MPS", "Open"],
            ["2", "Brief", "September 2022", "AC", "MPS", "Closed"],
        ),
        MAPPING,
        context(n1=existing, n2=existing),
    )
    assert same.outcome == "unchanged"
    assert changed.outcome == "update"
    assert changed.changes == [
        "Timing: August 2022 → September 2022",
        "Status: Open → Completed",
    ]


def test_an_exported_formula_guard_is_removed():
    [row] = check_rows(rows(["1", "'=HYPERLINK()", "'-", "", "MPS", ""]), MAPPING, context())
    assert row.text == "=HYPERLINK()"
    assert row.timing == "-"


cell_text = st.one_of(st.none(), st.text(max_size=300), st.integers(), st.floats())


mappings = st.fixed_dictionaries(
    {name: st.one_of(st.none(), st.integers(0, 9)) for name in MAPPING}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cell_text, max_size=8), max_size=8), mappings)
def test_arbitrary_cell_text_never_raises_only_row_errors(cells, mapping):
    checked = check_rows(
        [(n, row) for n, row in enumerate(cells, start=2)],
        mapping,
        context(n1=Existing("a", "", "", ("MPS",), "open")),
    )
    for row in checked:
        assert isinstance(row.errors, list)
        assert row.outcome in ("error", "create", "update", "unchanged")


# -- reading and writing files ---------------------------------------------------------------


def xlsx_file(table) -> bytes:
    book = openpyxl.Workbook()
    for row in table:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_cells_are_read_as_text_with_row_numbers():
    data = xlsx_file([[], HEADER, [3.0, "Brief", datetime.datetime(2022, 11, 14), None]])
    sheet = read_sheet("tracker.xlsx", data)
    assert sheet.header == HEADER
    assert sheet.rows == [(3, ["3", "Brief", "14/11/2022"])]


def test_unreadable_files_are_refused_with_a_reason():
    with pytest.raises(UnreadableFile, match="Excel workbook"):
        read_sheet("tracker.xlsx", b"not a zip")
    with pytest.raises(UnreadableFile, match=r"\.xlsx"):
        read_sheet("tracker.pdf", b"%PDF")
    with pytest.raises(UnreadableFile, match="empty"):
        read_sheet("tracker.csv", b"\n\n")


def test_a_workbook_with_xml_entities_is_refused(tmp_path):
    import zipfile

    source = xlsx_file([HEADER, ["1", "Brief"]])
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(bomb, "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;">]>' + data
            copy.writestr(item, data)
    with pytest.raises(UnreadableFile):
        read_sheet("bomb.xlsx", bomb.getvalue())


def test_xlsx_export_has_real_dates_and_never_formulas():
    data = xlsx_bytes(
        "actions", ["Action", "Due date"], [["=1+1", "2022-08-31"]], date_columns=("Due date",)
    )
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet["B2"].value == datetime.datetime(2022, 8, 31)
    assert sheet["B2"].number_format == "dd/mm/yyyy"
    assert sheet["A2"].data_type == "s"
    assert sheet["A1"].font.bold


def test_csv_export_guards_formulas():
    text = csv_text(["Action"], [["=cmd|' /C calc'!A0"], ["-"]])
    assert list(csv.reader(io.StringIO(text))) == [["Action"], ["'=cmd|' /C calc'!A0"], ["-"]]


# -- the command -----------------------------------------------------------------------------


@pytest.fixture
def meeting(db):
    return MeetingFactory(date=datetime.date(2022, 6, 24))


def write_csv(path, table):
    with open(path, "w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(table)
    return str(path)


def test_command_imports_and_prints_counts(tmp_path, meeting, mps, admin_user, capsys):
    path = write_csv(
        tmp_path / "annex.csv",
        [
            HEADER,
            ["1", "Brief", "August 2022", "AC", "MPS", ""],
            ["2", "Report", "", "", "MPS", ""],
        ],
    )
    call_command("import_actions", path, "--meeting", "2022-06-24")
    assert "created 2, updated 0, unchanged 0" in capsys.readouterr().out
    action = Action.objects.get(number=1)
    assert action.due_date == datetime.date(2022, 8, 31)
    assert action.history.earliest().history_change_reason == "Imported from annex.csv"


def test_command_with_a_bad_row_prints_row_reasons_and_saves_nothing(
    tmp_path, meeting, mps, admin_user, capsys
):
    path = write_csv(
        tmp_path / "annex.csv",
        [HEADER, ["1", "Brief", "", "", "MPS", ""], ["two", "Report", "", "", "Nobody", ""]],
    )
    with pytest.raises(CommandError) as excinfo:
        call_command("import_actions", path, "--meeting", str(meeting.pk))
    assert excinfo.value.returncode == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("row 3: No. must be a whole number")
    assert out[1] == "row 3: Unknown organisation 'Nobody' in the Owner column."
    assert not Action.objects.exists()


def test_command_dry_run_saves_nothing(tmp_path, meeting, mps, admin_user, capsys):
    path = write_csv(tmp_path / "a.csv", [HEADER, ["1", "Brief", "", "", "MPS", ""]])
    call_command("import_actions", path, "--meeting", "2022-06-24", "--dry-run")
    assert "would create 1" in capsys.readouterr().out
    assert not Action.objects.exists()


def test_command_reimport_updates_matching_rows_instead_of_duplicating(
    tmp_path, meeting, mps, admin_user, capsys
):
    ActionFactory(meeting=meeting, number=1, text="Brief", owners=[mps], timing="August 2022")
    path = write_csv(
        tmp_path / "back.csv", [HEADER, ["1", "Brief", "September 2022", "", "MPS", "Closed"]]
    )
    call_command("import_actions", path, "--meeting", "2022-06-24", "--user", "admin")
    assert "created 0, updated 1" in capsys.readouterr().out
    action = Action.objects.get()
    assert action.status == Status.CLOSED
    assert action.due_date == datetime.date(2022, 9, 30)
    assert action.original_timing == "August 2022"
    assert action.slip_count == 1
    assert action.history.latest().history_change_reason == "Imported from back.csv"
    assert action.history.latest().history_user == admin_user
    assert ActionUpdate.objects.get().status_after == Status.CLOSED


# -- the web import --------------------------------------------------------------------------


def upload(client, meeting, name, data):
    return client.post(
        reverse("spreadsheets:import"),
        {"meeting": meeting.pk, "file": SimpleUploadedFile(name, data)},
    )


def test_web_import_previews_then_saves_all_rows(client, officer, meeting, mps):
    client.force_login(officer)
    data = xlsx_file(
        [
            ["Ref", "Description", "Deadline", "Lead", "Owner"],
            [1, "Brief", "August 2022", "AC", "MPS"],
        ]
    )
    uploaded = upload(client, meeting, "tracker.xlsx", data)
    assert uploaded.status_code == 302
    review = uploaded["Location"]
    preview = client.get(review)
    page = preview.content.decode()
    assert "31 August 2022" in page
    assert preview.context["counts"]["create"] == 1
    assert not Action.objects.exists()
    mapping = {name: str(i) for i, name in enumerate(["number", "text", "timing", "lead", "owner"])}
    response = client.post(review, {**mapping, "status": "", "save": "1"})
    assert response.status_code == 302
    assert Action.objects.get().history.latest().history_user == officer
    assert not PendingImport.objects.exists()


def test_web_import_with_errors_shows_them_and_offers_no_save(client, officer, meeting, mps):
    client.force_login(officer)
    review = upload(client, meeting, "t.csv", b"No.,Action,Owner\n1,Brief,MPS\n1,Again,MPS\n")
    page = client.get(review["Location"]).content.decode()
    assert "Row 3: No. 1 is also on row 2" in page
    assert 'name="save"' not in page
    response = client.post(
        review["Location"],
        {"number": "0", "text": "1", "owner": "2", "save": "1"},
    )
    assert response.status_code == 200
    assert not Action.objects.exists()


def test_lead_cannot_import(client, lead, meeting):
    client.force_login(lead)
    assert client.get(reverse("spreadsheets:import")).status_code == 403


# -- exports ---------------------------------------------------------------------------------


def test_action_export_applies_the_list_filters_and_access(client, lead, mps, other_org):
    ActionFactory(owners=[mps], text="Ours open")
    ActionFactory(owners=[mps], text="Ours closed", status="closed")
    ActionFactory(owners=[other_org], text="Not ours")
    client.force_login(lead)
    response = client.get(
        reverse("spreadsheets:export", args=["actions", "csv"]), {"status": "open"}
    )
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0] == [
        *["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"],
        *["Board", "Meeting date", "Source"],
    ]
    assert [row[1] for row in table[1:]] == ["Ours open"]


def test_action_xlsx_export_has_dates_as_dates(client, officer, mps):
    ActionFactory(owners=[mps], timing="August 2022")
    client.force_login(officer)
    response = client.get(reverse("spreadsheets:export", args=["actions", "xlsx"]))
    assert response["Content-Disposition"] == 'attachment; filename="actions.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["G2"].value == datetime.datetime(2022, 8, 31)
    assert sheet["G2"].number_format == "dd/mm/yyyy"


def test_every_excel_export_names_board_meeting_date_and_source_with_widths_and_a_filter(
    client, officer, mps
):
    """Two "No. 1" rows are told apart by their board, meeting date and letter."""
    june = MeetingFactory(date=datetime.date(2022, 6, 24))
    LetterFactory(meeting=june, reference="MOPAC14072022-D4220", direction="out")
    ActionFactory(meeting=june, number=1, owners=[mps], text="June's first")
    ActionFactory(
        meeting=MeetingFactory(date=datetime.date(2022, 10, 14), board=june.board), number=1
    )
    QuestionFactory(meeting=june, letter=None, number=1, put_to=mps)
    RecommendationFactory(owner=mps).actions.add(Action.objects.get(text="June's first"))
    client.force_login(officer)

    for kind in ("actions", "questions", "recommendations"):
        response = client.get(reverse("spreadsheets:export", args=[kind, "xlsx"]))
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        header = [cell.value for cell in sheet[1]]
        assert "Source" in header
        board, meeting_date = (
            sheet.cell(2, header.index(name) + 1) for name in ("Board", "Meeting date")
        )
        assert board.value == june.board.name, kind
        assert meeting_date.value == datetime.datetime(2022, 6, 24), kind
        assert meeting_date.number_format == "dd/mm/yyyy"
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}{sheet.max_row}"
        text_column = get_column_letter(header.index(kind.capitalize()[:-1]) + 1)
        assert sheet.column_dimensions[text_column].width == 60
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("spreadsheets:export", args=["actions", "csv"])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert [row[7:] for row in rows[1:]] == [
        [june.board.name, "2022-06-24", "MOPAC14072022-D4220"],
        [june.board.name, "2022-10-14", ""],
    ]


def test_question_and_recommendation_exports_respect_access(client, lead, mps, other_org):
    QuestionFactory(put_to=mps, text="Ours?")
    QuestionFactory(put_to=other_org, text="Theirs?")
    RecommendationFactory(owner=mps, text="Our recommendation")
    RecommendationFactory(owner=other_org, text="Their recommendation")
    client.force_login(lead)
    questions = client.get(reverse("spreadsheets:export", args=["questions", "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(questions.content)).active
    assert [c.value for c in sheet["E"]][1:] == ["Ours?"]
    assert sheet["I2"].number_format == "dd/mm/yyyy"
    recs = client.get(reverse("spreadsheets:export", args=["recommendations", "csv"]))
    text = recs.content.decode("utf-8-sig")
    assert "Our recommendation" in text and "Their recommendation" not in text


def test_unknown_export_is_404(client, officer):
    client.force_login(officer)
    assert client.get(reverse("spreadsheets:export", args=["users", "csv"])).status_code == 404
    assert client.get(reverse("spreadsheets:export", args=["actions", "pdf"])).status_code == 404


def test_export_edit_import_round_trip_updates_statuses(tmp_path, client, officer, mps):
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    OrganisationFactory(short_name="MOPAC")
    for n in (1, 2):
        ActionFactory(meeting=meeting, number=n, owners=[mps], timing="August 2022")
    client.force_login(officer)
    exported = client.get(
        reverse("spreadsheets:export", args=["actions", "xlsx"]), {"meeting": meeting.pk}
    )
    book = openpyxl.load_workbook(io.BytesIO(exported.content))
    book.active["F3"] = "In progress"
    buffer = io.BytesIO()
    book.save(buffer)
    review = upload(client, meeting, "actions.xlsx", buffer.getvalue())["Location"]
    preview = client.get(review)
    assert preview.context["counts"] == {"create": 0, "update": 1, "unchanged": 1}
    data = {
        k: ("" if v is None else str(v))
        for k, v in guess_mapping(
            ["No", "Action", "Timing", "Lead", "Owner", "Status", "Due date"]
        ).items()
    }
    client.post(review, {**data, "save": "1"})
    assert list(Action.objects.order_by("number").values_list("status", flat=True)) == [
        "open",
        "in_progress",
    ]
    assert Action.objects.count() == 2


# -- in a real browser -----------------------------------------------------------------------


@pytest.mark.browser
def test_browser_xlsx_round_trip_export_edit_import(browser, live_server, tmp_path, mps):
    import urllib.request

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait

    from .browser import assert_accessible, login, screenshot
    from .factories import UserFactory

    UserFactory(username="rt-officer", role="officer", organisation=mps)
    meeting = MeetingFactory(date=datetime.date(2022, 6, 24))
    for n, text in ((1, "Brief on burglary"), (2, "Report on 101 calls")):
        ActionFactory(meeting=meeting, number=n, text=text, owners=[mps], timing="August 2022")
    login(browser, live_server, "rt-officer", "correct-horse-battery")

    # Export the meeting's actions over HTTP with the browser's session.
    session = browser.get_cookie("sessionid")["value"]
    url = live_server.url + reverse("spreadsheets:export", args=["actions", "xlsx"])
    request = urllib.request.Request(
        f"{url}?meeting={meeting.pk}", headers={"Cookie": f"sessionid={session}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        book = openpyxl.load_workbook(io.BytesIO(response.read()))
    sheet = book.active
    assert [sheet["A2"].value, sheet["A3"].value] == ["1", "2"]
    assert sheet["G2"].number_format == "dd/mm/yyyy"

    # Edit a status in "Excel", then import the file again.
    sheet["F3"] = "Completion proposed"
    edited = tmp_path / "actions.xlsx"
    book.save(edited)
    browser.get(live_server.url + reverse("spreadsheets:import"))
    Select(browser.find_element(By.ID, "id_meeting")).select_by_value(str(meeting.pk))
    browser.find_element(By.ID, "id_file").send_keys(str(edited))
    screenshot(browser, "import-01-upload")
    assert_accessible(browser)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()

    WebDriverWait(browser, 30).until(
        EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Check the import")
    )
    preview = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Status: Open → Completion proposed" in preview
    assert "31 August 2022" in preview
    screenshot(browser, "import-02-preview")
    assert_accessible(browser)
    browser.find_element(By.CSS_SELECTOR, "button[name=save]").click()

    banner = (
        WebDriverWait(browser, 30)
        .until(EC.presence_of_element_located((By.CLASS_NAME, "govuk-notification-banner")))
        .text
    )
    assert "0 created, 1 updated, 1 unchanged" in banner
    screenshot(browser, "import-03-done")
    assert list(Action.objects.order_by("number").values_list("status", flat=True)) == [
        "open",
        "completion_proposed",
    ]


def test_import_service_saves_nothing_when_any_row_is_bad(meeting, mps, officer):
    from spreadsheets.services import ImportRefused, import_actions

    table = rows(["1", "Good", "", "", "MPS", ""], ["2", "Bad owner", "", "", "Nobody", ""])
    with pytest.raises(ImportRefused):
        import_actions(meeting, table, MAPPING, by=officer, filename="t.csv")
    assert not Action.objects.exists()


def test_an_annex_a_without_owners_imports_with_the_owner_given_else_the_usual_one(
    tmp_path, meeting, mps, mopac, admin_user, capsys
):
    annex = [["No.", "Action", "Timing", "Lead"], ["1", "Brief", "August 2022", "AC Frontline"]]
    path = write_csv(tmp_path / "annex.csv", annex)
    call_command("import_actions", path, "--meeting", "2022-06-24", "--owner", "MOPAC")
    assert [o.short_name for o in Action.objects.get().owners.all()] == ["MOPAC"]
    Action.objects.all().delete()
    call_command("import_actions", path, "--meeting", "2022-06-24", verbosity=2)
    assert "Owner assumed to be the board's usual owner, MPS" in capsys.readouterr().err
    assert [o.short_name for o in Action.objects.get().owners.all()] == ["MPS"]


def test_web_import_uses_the_default_owner_for_rows_without_one(client, officer, meeting, mps):
    client.force_login(officer)
    uploaded = client.post(
        reverse("spreadsheets:import"),
        {
            "meeting": meeting.pk,
            "default_owner": "MPS",
            "file": SimpleUploadedFile("annex.csv", b"No.,Action,Timing\n1,Brief,August 2022\n"),
        },
    )
    review = uploaded["Location"]
    assert client.get(review).context["counts"]["create"] == 1
    response = client.post(
        review,
        {"number": "0", "text": "1", "timing": "2", "save": "1"},
    )
    assert response.status_code == 302, response.context["rows"][0].errors
    assert [o.short_name for o in Action.objects.get().owners.all()] == ["MPS"]
