"""The Timeline and Applications pages, and the Score page working on one note, via AppTest."""

from __future__ import annotations

import html
import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from coach import tracker, workspaces
from coach.database import database_url, open_database
from coach.models import Application, DraftVersion, Interview, Interviewer
from ui.highlight import WORD_JOINER

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT = 60
HOSTILE = '<img src=x onerror="alert(1)"> **Acme** [x](http://evil) :red[boom]'


def _database():
    """The app's database as the page sees it locally: the one local workspace."""
    database = open_database(database_url())
    with database.begin() as session:
        return database.workspace(workspaces.local(session))


def _counts() -> dict[str, int]:
    with _database().begin() as session:
        return {model.__tablename__: session.scalar(select(func.count(model.id)))
                for model in (Application, Interview, Interviewer, DraftVersion)}


def _seed(company: str = "Lumen Analytics", hours_ago: float = 20, people=("Ana Ruiz",)):
    started = datetime.now(UTC) - timedelta(hours=hours_ago)
    with _database().begin() as session:
        app = tracker.add_application(session, company=company, role="Data Analyst",
                                      job_ad_text="We need someone to own the churn model.")
        interview = tracker.add_interview(session, app.id, starts_at=started,
                                          timezone="Europe/Berlin", interview_type="video",
                                          topics=["the churn dashboard"])
        return [tracker.add_interviewer(session, interview.id, name=p).id for p in people]


def _page(page: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "score":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _plain(element) -> str:
    """What the reader sees of an escaped Markdown message."""
    return html.unescape(str(element.value)).replace(WORD_JOINER, "")


def _markdown(at: AppTest) -> list[str]:
    return [str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.error,
                                   *at.warning, *at.success, *at.title, *at.subheader)]


# --- Timeline ---------------------------------------------------------------------------------

def test_an_empty_timeline_says_what_to_do_and_offers_the_demo():
    at = _page("timeline")
    assert "Nothing to track yet" in _plain(at.info[0])
    assert {"Add an application", "Load the demo workspace"} <= {b.label for b in at.button}
    assert not at.dataframe


def test_the_demo_fills_the_timeline_with_every_kind_of_row():
    at = _page("timeline")
    _button(at, "Load the demo workspace").click().run()
    assert not at.exception
    assert "demo workspace is loaded" in _plain(at.success[0])
    table = at.dataframe[0].value
    statuses = set(table["Status"])
    assert {"overdue", "follow-up due", "drafted", "upcoming"} <= statuses
    assert "closed" not in statuses  # hidden by the default filter
    # Sorted by urgency: nothing overdue below anything less urgent.
    assert table["Status"].iloc[0].endswith("overdue")
    # The panel check: two near-identical notes to one interview's interviewers.
    assert any("alike" in _plain(w) and "Priya Nair" in _plain(w) for w in at.warning)
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_two_notes_of_one_interview_are_both_due_with_channel_and_links():
    ids = _seed(hours_ago=30, people=("Ana Ruiz", "Tom Becker"))
    at = _page("timeline")
    table = at.dataframe[0].value
    assert list(table["Interviewer"]) == ["Ana Ruiz", "Tom Becker"]
    assert set(table["Status"]) == {"overdue"}
    assert set(table["Channel"]) == {"Email"}
    assert (table["Days left"] < 0).all()
    assert list(table["Note"]) == [f"./?note={i}" for i in ids]
    assert [m.value for m in at.metric][:2] == [2, 0] or [m.value for m in at.metric][:2] == [
        "2", "0"]


def test_filters_narrow_the_table_and_say_so_when_nothing_is_left():
    _seed(hours_ago=30)
    at = _page("timeline")
    at.multiselect(key="status_filter").set_value(["sent"]).run()
    assert not at.dataframe
    assert "No notes match these filters." in _plain(at.info[0])


def test_the_calendar_download_holds_the_send_by_and_follow_up():
    _seed(hours_ago=2)
    at = _page("timeline")
    button = at.get("download_button")
    assert button, "no download button"
    labels = [b.proto.label for b in button]
    assert "Add the deadlines to my calendar (.ics)" in labels


def test_interviews_with_nobody_to_thank_are_pointed_out():
    with _database().begin() as session:
        app = tracker.add_application(session, company="Quiet Co")
        tracker.add_interview(session, app.id, starts_at=datetime.now(UTC), timezone="UTC")
    at = _page("timeline")
    assert any("No interviewers recorded yet" in _plain(i) and "Quiet Co" in _plain(i)
               for i in at.info)


def test_hostile_names_stay_text_on_the_timeline():
    _seed(company=HOSTILE, hours_ago=30, people=(HOSTILE,))
    at = _page("timeline")
    assert at.dataframe[0].value["Company"].iloc[0] == HOSTILE  # a cell, shown as text
    for text in _markdown(at):
        assert "<img" not in text and "**Acme**" not in text and ":red[" not in text


# --- Applications -----------------------------------------------------------------------------

def _fill_add_form(at: AppTest, *, company="Lumen Analytics", people="Ana Ruiz; Head of Data; "
                   "ana@lumen.test\nTom Becker", day=None) -> AppTest:
    at.text_input(key="add_company").set_value(company)
    at.text_input(key="add_role").set_value("Data Analyst")
    at.date_input(key="add_date").set_value(day or (datetime.now(UTC) - timedelta(days=1)).date())
    at.text_area(key="add_topics").set_value("the churn dashboard\nmoving to dbt")
    at.text_area(key="add_people").set_value(people)
    return at


def test_adding_an_application_with_two_interviewers_puts_two_notes_on_the_timeline():
    at = _page("applications")
    assert "No applications yet" in _plain(at.info[0])
    _fill_add_form(at)
    at.button(key="FormSubmitter:add_form-Save").click().run()
    assert not at.exception
    assert "Saved the interview with 2 interviewers" in _plain(at.success[0])
    assert _counts()["interviewers"] == 2
    assert at.text_input(key="add_company").value == ""  # the form is ready for the next one
    at.switch_page("app_pages/timeline.py").run()
    assert list(at.dataframe[0].value["Interviewer"]) == ["Ana Ruiz", "Tom Becker"]


@pytest.mark.parametrize(
    ("company", "people", "message"),
    [
        ("", "Ana", "company is required"),
        ("Lumen", "Ana; Lead; not-an-email", "doesn't look like an email"),
        ("Lumen", "Ana; a; b; c", "line 1 of the interviewers has 4 parts"),
        ("Lumen", "; Lead", "has no name"),
    ],
)
def test_a_bad_form_says_why_writes_nothing_and_keeps_every_field(company, people, message):
    at = _page("applications")
    _fill_add_form(at, company=company, people=people)
    at.button(key="FormSubmitter:add_form-Save").click().run()
    assert not at.exception
    assert message in _plain(at.error[0])
    assert _counts()["applications"] == 0
    assert at.text_input(key="add_company").value == company
    assert at.text_area(key="add_people").value == people


def test_an_interview_can_be_added_to_an_existing_application():
    _seed()
    at = _page("applications")
    assert "Lumen Analytics · Data Analyst" in at.selectbox(key="add_to").options
    with _database().begin() as session:
        application_id = session.scalar(select(Application.id))
    at.selectbox(key="add_to").set_value(application_id).run()
    assert "add_company" not in [t.key for t in at.text_input]
    at.text_area(key="add_people").set_value("Priya Nair")
    at.button(key="FormSubmitter:add_form-Save").click().run()
    assert not at.exception
    assert _counts() == {"applications": 1, "interviews": 2, "interviewers": 2,
                         "draft_versions": 0}


def test_deleting_asks_first_then_removes_everything_under_it():
    _seed(people=("Ana Ruiz", "Tom Becker"))
    at = _page("applications")
    _button(at, "Delete this application…").click().run()
    assert any("can't be undone" in m for m in _markdown(at))
    assert _counts()["applications"] == 1  # not yet
    _button(at, "Delete").click().run()
    assert not at.exception
    assert "Deleted Lumen Analytics" in _plain(at.success[0])
    assert _counts() == {"applications": 0, "interviews": 0, "interviewers": 0,
                         "draft_versions": 0}


def test_the_export_is_a_zip_of_every_table():
    _seed()
    at = _page("applications")
    buttons = {b.proto.label: b for b in at.get("download_button")}
    assert "Everything (.zip of CSV files)" in buttons
    from coach.export import workspace_zip
    with _database().begin() as session:
        data = workspace_zip(session, datetime.now(UTC))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["applications.csv", "coach_comments.csv",
                                              "coaching_links.csv", "drafts.csv",
                                              "follow_ups.csv", "interviews.csv"]
        assert "Lumen Analytics" in archive.read("applications.csv").decode("utf-8-sig")


# --- Score page on one note -------------------------------------------------------------------

def test_a_timeline_link_opens_the_note_with_its_context_and_saves_versions():
    [ana] = _seed()
    at = _page("score", note=str(ana))
    assert any("Writing to **Ana Ruiz**" in html.unescape(m) for m in _markdown(at))
    assert at.text_input(key="ctx_interviewers").value == "Ana Ruiz"
    assert at.text_input(key="ctx_company").value == "Lumen Analytics"
    assert at.text_area(key="ctx_topics").value == "the churn dashboard"
    at.text_area(key="draft").set_value(
        "Dear Ana,\n\nThank you for talking with me about the churn dashboard.\n\nBest,\nSam")
    _button(at, "Save this draft").click().run()
    assert not at.exception
    assert "Saved version 1 of your note to Ana Ruiz: score" in _plain(at.success[0])
    at.text_area(key="draft").set_value(
        "Dear Ana,\n\nThank you for talking with me about the churn dashboard. I cut churn "
        "reporting time from 3 days to 4 hours at Fieldnote, and I am excited about the role."
        "\n\nI will follow up next Friday.\n\nBest,\nSam")
    _button(at, "Save this draft").click().run()
    assert "Saved version 2" in _plain(at.success[0])
    assert "up from" in _plain(at.success[0])
    assert _counts()["draft_versions"] == 2
    _button(at, "Mark as sent").click().run()
    with _database().begin() as session:
        assert tracker.note_context(session, ana).sent_at is not None


def test_opening_a_note_never_loses_the_text_in_the_box():
    [ana] = _seed()
    with _database().begin() as session:
        from coach import score
        tracker.save_draft(session, ana, "Dear Ana, the saved draft.", score("Dear Ana, hi."))
    at = _page("score")
    at.text_area(key="draft").set_value("My unsaved words").run()
    at.query_params["note"] = str(ana)
    at.run()
    assert at.text_area(key="draft").value == "Dear Ana, the saved draft."
    _button(at, "Put my previous text back").click().run()
    assert at.text_area(key="draft").value == "My unsaved words"


def test_a_link_to_a_deleted_note_says_so_calmly():
    at = _page("score", note="999")
    assert not at.exception
    assert any("no longer linked" in _plain(w) for w in at.warning)


CSV = (
    "company,role,interview_date,interview_time,timezone,interview_type,interviewer\n"
    "Lumen Analytics,Data Analyst,2026-11-20,15:00,Europe/Berlin,video,Ana Ruiz\n"
    "Lumen Analytics,Data Analyst,2026-02-30,15:00,Europe/Berlin,video,Tom Becker\n"
    "Orbit Labs,Engineer,2026-11-21,10:00,America/New_York,zoom,Li Wei\n"
    f"{HOSTILE.replace(',', ' ')},Ops,2026-11-22,09:00,UTC,phone,Rita\n"
)


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    uploader = next(u for u in at.file_uploader if str(u.key).startswith("csv_upload"))
    uploader.upload(name, data, "text/csv")
    return at.run()


def test_a_csv_import_previews_row_problems_and_writes_nothing_until_confirmed():
    at = _upload(_page("applications"), "tracker.csv", CSV.encode())
    assert not at.exception
    problems = next(d for d in at.dataframe if "Problem" in d.value.columns).value
    assert list(problems["Line"]) == [3, 4]
    assert "2026-02-30" in problems["Problem"].iloc[0]
    assert "zoom" in problems["Problem"].iloc[1]
    assert _counts()["applications"] == 0  # only a preview so far
    _button(at, "Import 2 rows").click().run()
    assert not at.exception
    assert "Imported 2 applications, 2 interviews and 2 interviewers; skipped 2 rows." in _plain(
        at.success[0])
    with _database().begin() as session:
        assert HOSTILE.replace(",", " ") in {a.company for a in
                                             session.scalars(select(Application))}


def test_importing_the_same_csv_twice_adds_nothing_the_second_time():
    at = _upload(_page("applications"), "tracker.csv", CSV.encode())
    _button(at, "Import 2 rows").click().run()
    before = _counts()
    at = _upload(_page("applications"), "tracker.csv", CSV.encode())
    assert any("2 are already in your tracker" in html.unescape(m) for m in _markdown(at))
    assert _button(at, "Import 0 rows").disabled
    assert _counts() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"role,interview_date\nX,2026-11-20\n", "company"),
        ("company,interview_date\nCaf\xe9,2026-11-20\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_an_unusable_csv_gets_one_clear_message_and_the_tracker_is_untouched(data, message):
    _seed()
    at = _upload(_page("applications"), "bad.csv", data)
    assert not at.exception
    assert message in _plain(at.error[0])
    assert _counts()["applications"] == 1


def test_cancelling_a_delete_keeps_everything():
    _seed()
    at = _page("applications")
    _button(at, "Delete this application…").click().run()
    _button(at, "Keep it").click().run()
    assert not at.exception
    assert _counts()["applications"] == 1
    assert not any("can't be undone" in m for m in _markdown(at))
