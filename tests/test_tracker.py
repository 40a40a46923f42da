"""The tracker's read/write layer, on SQLite and PostgreSQL: what is saved is what comes back."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from sqlalchemy import func, select

import coach
from coach import timeline, tracker, workspaces
from coach.csv_import import ImportRow, parse_csv
from coach.models import Application, DraftVersion, FollowUp, Interview, Interviewer, Note
from coach.report import Evidence, Metrics, Report, Verdict
from coach.tracker import RecordError
from tests import samples

BERLIN = "Europe/Berlin"
#: 00:30 on 3 March in Berlin, still 2 March in UTC: local and UTC dates differ.
AT = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
LATER = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 3, 3, 8, 15, 1, 250_000, tzinfo=UTC)
T2 = datetime(2026, 3, 3, 9, 40, tzinfo=UTC)
T3 = datetime(2026, 3, 3, 10, 5, 59, 999_999, tzinfo=UTC)
SENT = datetime(2026, 3, 3, 11, 0, tzinfo=UTC)
TABLES = (Application, Interview, Interviewer, Note, DraftVersion, FollowUp)
NOTHING = {model.__tablename__: 0 for model in TABLES}


@pytest.fixture
def database(database):
    """The tracker's tests work inside one workspace, the local one."""
    with database.begin() as session:
        workspace_id = workspaces.local(session)
    return database.workspace(workspace_id)


def _report(overall: int) -> Report:
    """A small hand-made report, so saving drafts needs no spaCy."""
    metrics = Metrics(words=4, sentences=1, paragraphs=1, bullets=0, avg_sentence_words=4.0,
                      longest_paragraph_words=4, flesch_reading_ease=80.0,
                      flesch_kincaid_grade=3.0, reading_time_seconds=1.0)
    verdict = Verdict("gratitude", "pass", (Evidence(5, 14, "thank you"),), "Keep it.")
    return Report(text="Dear Ana, thank you.", criteria=(verdict,), metrics=metrics,
                  overall=overall)


def _counts(database) -> dict[str, int]:
    with database.begin() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in TABLES
        }


def _snapshot(database) -> dict[str, list[dict]]:
    """Everything a user can see of the data, as exported."""
    with database.begin() as session:
        tables = tracker.export_tables(session)
    return {name: frame.to_dict("records") for name, frame in tables.items()}


@dataclass(frozen=True)
class Seeded:
    application: int
    interview: int
    empty_interview: int
    ana: int
    ben: int


#: What one ``_seed`` adds to each table.
SEEDED = {"applications": 1, "interviews": 2, "interviewers": 2, "notes": 2,
          "draft_versions": 3, "follow_ups": 2}


def _seed(session, company: str = "Acme") -> Seeded:
    """An application with an in-person panel (two interviewers, drafts, a sent note, a done
    and a planned follow-up) and a later interview with nobody recorded yet."""
    app = tracker.add_application(
        session, company=company, role="Data Analyst", job_ad_url="https://jobs.example/1",
        job_ad_text="We need SQL.", notes="referral",
    )
    interview = tracker.add_interview(
        session, app.id, starts_at=AT, timezone=BERLIN, interview_type="in_person", round=2,
        topics=["dashboards", "store accounts"], decision_on=date(2026, 3, 9),
    )
    later = tracker.add_interview(session, app.id, starts_at=LATER, timezone=BERLIN)
    ana = tracker.add_interviewer(session, interview.id, name="Ana Ruiz", title="Analytics Lead",
                                  email="ana@acme.test")
    ben = tracker.add_interviewer(session, interview.id, name="Ben Okafor", travelling=True)
    tracker.save_draft(session, ana.id, "Dear Ana, first.", _report(55), when=T1)
    tracker.save_draft(session, ana.id, "Dear Ana, second.", _report(78), when=T2)
    tracker.save_draft(session, ben.id, "Dear Ben, thanks.", _report(64), when=T1)
    tracker.mark_sent(session, ana.id, when=SENT, channel="email")
    tracker.record_follow_up(session, interview.id, due_on=date(2026, 3, 11),
                             outcome="no reply yet", when=datetime(2026, 3, 11, 9, tzinfo=UTC))
    tracker.record_follow_up(session, interview.id, due_on=date(2026, 3, 20), done=False)
    return Seeded(app.id, interview.id, later.id, ana.id, ben.id)


def _seeded(database, company: str = "Acme") -> Seeded:
    with database.begin() as session:
        return _seed(session, company)


# --- applications, interviews, interviewers: saving and refusing ------------------------------

def test_an_application_is_saved_trimmed_with_defaults_and_can_be_updated(database):
    with database.begin() as session:
        app_id = tracker.add_application(session, company="  Acme GmbH ").id
    with database.begin() as session:
        row = session.get(Application, app_id)
        assert (row.company, row.role, row.stage, row.notes) == ("Acme GmbH", "", "interviewing",
                                                                 "")
        tracker.update_application(session, app_id, stage="offer", role="Analyst",
                                   company="A" * 200)
    with database.begin() as session:
        row = session.get(Application, app_id)
        assert (row.company, row.role, row.stage) == ("A" * 200, "Analyst", "offer")
        assert tracker.applications_frame(session).to_dict("records") == [
            {"id": app_id, "company": "A" * 200, "role": "Analyst", "stage": "offer",
             "job_ad_url": "", "notes": "", "interviews": 0},
        ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"company": ""}, "^company is required$"),
        ({"company": " \t "}, "^company is required$"),
        ({"company": None}, "^company is required$"),
        ({"company": "Acme", "stage": "hired"},
         "^stage must be one of applied, interviewing, offer, accepted, rejected, withdrawn$"),
        ({"company": "Acme", "stage": None}, "^stage must be one of"),
        ({"company": "x" * 201}, "^company is 201 characters; the limit is 200$"),
        ({"company": "Acme", "role": "r" * 250}, "^role is 250 characters; the limit is 200$"),
        ({"company": "Acme", "notes": "n" * 10_001},
         "^notes is 10,001 characters; the limit is 10,000$"),
        ({"company": "Ac\x00me"}, "^company contains a NUL character; remove it$"),
        ({"company": "Acme", "job_ad_text": "SQL\x00"}, "^job ad text contains a NUL"),
        ({"company": "Acme", "role": 42}, "^role must be text$"),
        # Shown as a link on the Applications page: only web addresses, never javascript:.
        ({"company": "Acme", "job_ad_url": "javascript:alert(1)"},
         "^the job ad link 'javascript:alert\\(1\\)' must be a web address starting"),
        ({"company": "Acme", "job_ad_url": "jobs.example/1"}, "must be a web address"),
        ({"company": "Acme", "job_ad_url": "https://"}, "must be a web address"),
    ],
)
def test_a_bad_application_is_refused_and_nothing_is_written(database, fields, message):
    with pytest.raises(RecordError, match=message), database.begin() as session:
        tracker.add_application(session, company="Globex")  # fine, but rolled back too
        tracker.add_application(session, **fields)
    assert _counts(database) == NOTHING


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"timezone": "Mars/Olympus_Mons"},
         "^'Mars/Olympus_Mons' is not a time zone; use a name like Europe/Berlin$"),
        ({"timezone": "Europe"}, "^'Europe' is not a time zone"),
        ({"timezone": ""}, "^'' is not a time zone"),
        ({"timezone": "europe/berlin"}, "is not a time zone"),
        ({"starts_at": datetime(2026, 3, 2, 14, 0)},
         "^starts at needs a date, a time and a time zone$"),
        ({"starts_at": date(2026, 3, 2)}, "^starts at needs a date, a time and a time zone$"),
        ({"round": 0}, "^round must be a whole number from 1 to 99$"),
        ({"round": 100}, "^round must be a whole number from 1 to 99$"),
        ({"round": True}, "^round must be a whole number from 1 to 99$"),
        ({"round": "2"}, "^round must be a whole number from 1 to 99$"),
        ({"round": 2.0}, "^round must be a whole number from 1 to 99$"),
        ({"interview_type": "zoom"},
         "^interview type must be one of phone, video, in_person$"),
        ({"topics": ["dash\x00boards"]}, "^topics contains a NUL character"),
        ({"topics": "t" * 2_001}, "^topics is 2,001 characters; the limit is 2,000$"),
        ({"decision_on": "2026-03-09"}, "^the decision date must be a date$"),
        # 00:30 on 3 March in Berlin: the 2nd is before the interview although it is the UTC date.
        ({"decision_on": date(2026, 3, 2)}, "^the decision date can't be before the interview$"),
        ({"starts_at": datetime(2026, 3, 2, 23, 30, tzinfo=UTC), "timezone": "Asia/Tokyo",
          "decision_on": date(2026, 3, 2)}, "^the decision date can't be before the interview$"),
    ],
)
def test_a_bad_interview_is_refused_and_nothing_is_written(database, fields, message):
    with pytest.raises(RecordError, match=message), database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        tracker.add_interview(session, app.id, **{"starts_at": AT, "timezone": BERLIN, **fields})
    assert _counts(database) == NOTHING


@pytest.mark.parametrize(
    ("starts_at", "zone", "decision_on"),
    [
        (AT, BERLIN, date(2026, 3, 3)),  # the interview's own (Berlin) date
        # 19:00 on 2 March in Los Angeles, already the 3rd in UTC: the 2nd is fine.
        (datetime(2026, 3, 3, 3, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 2)),
        (AT, BERLIN, datetime(2026, 3, 3, 0, 0)),  # a datetime counts as its date
        (AT, BERLIN, None),
    ],
)
def test_a_decision_date_on_or_after_the_local_interview_date_is_kept(
    database, starts_at, zone, decision_on,
):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview_id = tracker.add_interview(session, app.id, starts_at=starts_at, timezone=zone,
                                             decision_on=decision_on).id
    with database.begin() as session:
        row = session.get(Interview, interview_id)
        expected = decision_on.date() if isinstance(decision_on, datetime) else decision_on
        assert (row.starts_at, row.timezone, row.decision_on) == (starts_at, zone, expected)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "^name is required$"),
        ({"name": "n" * 201}, "^name is 201 characters; the limit is 200$"),
        ({"name": "Ana", "title": "Lead\x00"}, "^title contains a NUL character; remove it$"),
        ({"name": "Ana", "email": "ana@acme"}, "^'ana@acme' doesn't look like an email address$"),
        ({"name": "Ana", "email": "ana.acme.test"}, "doesn't look like an email address"),
        ({"name": "Ana", "email": "@acme.test"}, "doesn't look like an email address"),
        ({"name": "Ana", "email": "ana@"}, "doesn't look like an email address"),
        ({"name": "Ana", "email": "ana ruiz@acme.test"}, "doesn't look like an email address"),
        ({"name": "Ana", "email": "a" * 312 + "@acme.test"},
         "^email is 322 characters; the limit is 320$"),
        ({"name": "Ana", "email": "ana@acme.test\x00"}, "^email contains a NUL character"),
    ],
)
def test_a_bad_interviewer_is_refused_and_nothing_is_written(database, fields, message):
    with pytest.raises(RecordError, match=message), database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT, timezone=BERLIN)
        tracker.add_interviewer(session, interview.id, name="Ben Okafor")
        tracker.add_interviewer(session, interview.id, **fields)
    assert _counts(database) == NOTHING


@pytest.mark.parametrize("email", ["", "ana@acme.test", "ana.ruiz+thanks@mail.acme.co.uk"])
def test_a_good_or_blank_email_is_kept(database, email):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT)
        person_id = tracker.add_interviewer(session, interview.id, name="Ana",
                                            email=f" {email} ").id
    with database.begin() as session:
        assert session.get(Interviewer, person_id).email == email


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: tracker.add_application(s, company="Acme", website="x"),
         r"unknown application field\(s\): website"),
        (lambda s: tracker.update_application(s, 1, Company="Acme"),
         r"unknown application field\(s\): Company"),
        (lambda s: tracker.add_interview(s, 1, starts_at=AT, location="HQ", room="2"),
         r"unknown interview field\(s\): location, room"),
        (lambda s: tracker.update_interview(s, 1, application_id=2),
         r"unknown interview field\(s\): application_id"),
        (lambda s: tracker.add_interviewer(s, 1, name="Ana", phone="123"),
         r"unknown interviewer field\(s\): phone"),
        (lambda s: tracker.update_interviewer(s, 1, interview_id=2),
         r"unknown interviewer field\(s\): interview_id"),
    ],
)
def test_an_unknown_field_is_a_programming_error(database, call, message):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT)
        tracker.add_interviewer(session, interview.id, name="Ana")
    before = _snapshot(database)
    with pytest.raises(TypeError, match=message), database.begin() as session:
        call(session)
    assert _snapshot(database) == before


def test_updates_change_only_what_is_given(database):
    ids = _seeded(database)
    with database.begin() as session:
        tracker.update_interview(session, ids.interview, timezone="America/New_York",
                                 topics="pricing; churn\n\n  hiring  ", decision_on=None)
        tracker.update_interviewer(session, ids.ben, title="CFO", travelling=False)
    with database.begin() as session:
        interview = session.get(Interview, ids.interview)
        assert (interview.starts_at, interview.timezone, interview.interview_type,
                interview.round, interview.decision_on) == (
            AT, "America/New_York", "in_person", 2, None)
        assert interview.topics.splitlines() == ["pricing", "churn", "hiring"]
        ben = session.get(Interviewer, ids.ben)
        assert (ben.name, ben.title, ben.email, ben.travelling) == ("Ben Okafor", "CFO", "",
                                                                     False)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"decision_on": date(2026, 3, 2)}, "can't be before the interview"),
        # Moving the interview past its decision date is refused as well.
        ({"starts_at": datetime(2026, 3, 10, 9, 0, tzinfo=UTC)}, "can't be before"),
        # 23:30 UTC on the 9th is already the 10th in Berlin, after the decision date (9th).
        ({"starts_at": datetime(2026, 3, 9, 23, 30, tzinfo=UTC)},
         "^the decision date can't be before the interview$"),
        ({"round": 0, "topics": "pricing"}, "^round must be"),
        ({"starts_at": datetime(2026, 3, 2, 23, 30)}, "needs a date, a time and a time zone"),
    ],
)
def test_a_refused_interview_update_keeps_the_old_values(database, change, message):
    ids = _seeded(database)
    before = _snapshot(database)
    with pytest.raises(RecordError, match=message), database.begin() as session:
        tracker.update_interview(session, ids.interview, **change)
    assert _snapshot(database) == before


@pytest.mark.parametrize(
    "bad_call",
    [
        pytest.param(lambda s, ids: tracker.update_application(s, ids.application, role="Lead",
                                                               company=""), id="application"),
        pytest.param(lambda s, ids: tracker.update_interview(s, ids.interview,
                                                             decision_on=date(2026, 3, 1)),
                     id="interview-decision"),
        pytest.param(lambda s, ids: tracker.update_interview(
            s, ids.interview, starts_at=datetime(2026, 4, 1, 9, tzinfo=UTC)),
                     id="interview-moved-past-decision"),
        pytest.param(lambda s, ids: tracker.update_interviewer(s, ids.ana, title="Lead",
                                                               email="nope"), id="interviewer"),
        pytest.param(lambda s, ids: tracker.mark_sent(s, ids.ben, channel="fax"), id="mark-sent"),
        pytest.param(lambda s, ids: tracker.record_follow_up(
            s, ids.interview, due_on=date(2026, 3, 21), outcome="ok\x00"),
                     id="follow-up-pending"),
        pytest.param(lambda s, ids: tracker.record_follow_up(
            s, ids.empty_interview, due_on=date(2026, 3, 30), outcome="ok\x00"),
                     id="follow-up-new"),
        pytest.param(lambda s, ids: tracker.record_follow_up(
            s, ids.empty_interview, due_on=date(2026, 3, 30), when=datetime(2026, 3, 30, 9)),
                     id="follow-up-naive-time"),
        pytest.param(lambda s, ids: tracker.save_draft(s, ids.ben, "  ", _report(10)),
                     id="empty-draft"),
    ],
)
def test_a_refused_call_changes_nothing_even_when_the_error_is_caught(database, bad_call):
    """A page may show the error and commit the rest; the refused call must leave no trace."""
    ids = _seeded(database)
    before = _snapshot(database)
    with database.begin() as session:
        with pytest.raises(RecordError):
            bad_call(session, ids)
    assert _snapshot(database) == before


@pytest.mark.parametrize(
    ("call", "what"),
    [
        (lambda s: tracker.update_application(s, 999, role="x"), "application"),
        (lambda s: tracker.delete_application(s, 999), "application"),
        (lambda s: tracker.interviews_of(s, 999), "application"),
        (lambda s: tracker.add_interview(s, 999, starts_at=AT), "application"),
        (lambda s: tracker.update_interview(s, 999, round=2), "interview"),
        (lambda s: tracker.delete_interview(s, 999), "interview"),
        (lambda s: tracker.add_interviewer(s, 999, name="Ana"), "interview"),
        (lambda s: tracker.record_follow_up(s, 999, due_on=date(2026, 3, 9)), "interview"),
        (lambda s: tracker.panel_drafts(s, 999), "interview"),
        (lambda s: tracker.update_interviewer(s, 999, name="Ana"), "interviewer"),
        (lambda s: tracker.delete_interviewer(s, 999), "interviewer"),
        (lambda s: tracker.save_draft(s, 999, "Dear Ana", _report(50)), "interviewer"),
        (lambda s: tracker.mark_sent(s, 999), "interviewer"),
        (lambda s: tracker.unmark_sent(s, 999), "interviewer"),
        (lambda s: tracker.set_channel(s, 999, "email"), "interviewer"),
        (lambda s: tracker.note_context(s, 999), "interviewer"),
    ],
)
def test_a_record_deleted_meanwhile_is_reported_not_crashed_on(database, call, what):
    with pytest.raises(RecordError, match=f"^that {what} no longer exists; it may have been "):
        with database.begin() as session:
            call(session)


# --- deleting ---------------------------------------------------------------------------------

@pytest.mark.parametrize("same_session", [False, True], ids=["later", "same-session"])
def test_deleting_an_application_removes_everything_of_it_and_nothing_else(
    database, same_session,
):
    with database.begin() as session:
        acme = _seed(session, "Acme")
        _seed(session, "Globex")
        if same_session:
            tracker.delete_application(session, acme.application)
    if not same_session:
        with database.begin() as session:
            tracker.delete_application(session, acme.application)
    assert _counts(database) == SEEDED
    with database.begin() as session:
        assert [a.company for a in session.scalars(select(Application))] == ["Globex"]
        assert set(tracker.timeline_frame(session)["company"]) == {"Globex"}
        assert len(tracker.export_tables(session)["drafts"]) == 3


@pytest.mark.parametrize(
    ("delete", "target", "left"),
    [
        (tracker.delete_interview, "interview",
         {"applications": 1, "interviews": 1, "interviewers": 0, "notes": 0,
          "draft_versions": 0, "follow_ups": 0}),
        (tracker.delete_interview, "empty_interview",
         {**SEEDED, "interviews": 1}),
        (tracker.delete_interviewer, "ana",
         {"applications": 1, "interviews": 2, "interviewers": 1, "notes": 1,
          "draft_versions": 1, "follow_ups": 2}),
    ],
)
def test_deleting_an_interview_or_interviewer_takes_what_hangs_off_it(
    database, delete, target, left,
):
    ids = _seeded(database)
    with database.begin() as session:
        delete(session, getattr(ids, target))
    assert _counts(database) == left


# --- dates, times and time zones --------------------------------------------------------------

@pytest.mark.parametrize(
    ("day", "at", "zone", "utc"),
    [
        (date(2026, 1, 15), time(14, 0), BERLIN, datetime(2026, 1, 15, 13, 0, tzinfo=UTC)),
        (date(2026, 7, 15), time(14, 0), BERLIN, datetime(2026, 7, 15, 12, 0, tzinfo=UTC)),
        (date(2026, 3, 30), time(9, 30), "America/New_York",
         datetime(2026, 3, 30, 13, 30, tzinfo=UTC)),
        (date(2026, 3, 2), time(9, 30), "Asia/Kolkata", datetime(2026, 3, 2, 4, 0, tzinfo=UTC)),
        (date(2026, 3, 3), time(0, 30), BERLIN, AT),
        # The hour that happens twice when the clocks go back: its first pass (summer time).
        (date(2026, 10, 25), time(2, 30), BERLIN, datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        # A time that already carries a zone is read on the interview's clock.
        (date(2026, 1, 15), time(14, 0, tzinfo=ZoneInfo("Asia/Tokyo")), BERLIN,
         datetime(2026, 1, 15, 13, 0, tzinfo=UTC)),
    ],
)
def test_local_start_reads_the_time_on_the_interviews_clock(day, at, zone, utc):
    start = tracker.local_start(day, at, zone)
    assert start == utc
    assert start.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("day", "at", "zone", "message"),
    [
        (date(2026, 3, 29), time(2, 30), BERLIN,
         r"^2026-03-29 02:30 doesn't exist in Europe/Berlin \(the clocks jump forward then\); "
         "pick another time$"),
        (date(2026, 3, 8), time(2, 0), "America/New_York",
         "^2026-03-08 02:00 doesn't exist in America/New_York"),
        (date(2026, 3, 2), time(9, 0), "Berlin", "^'Berlin' is not a time zone"),
        (date(2026, 3, 2), time(9, 0), "Europe", "^'Europe' is not a time zone"),
    ],
)
def test_local_start_refuses_a_time_that_does_not_exist_there(day, at, zone, message):
    with pytest.raises(RecordError, match=message):
        tracker.local_start(day, at, zone)


@pytest.mark.parametrize(
    "moment",
    [
        AT,
        datetime(2026, 3, 2, 13, 0, 0, 123_456, tzinfo=UTC),
        datetime(2026, 7, 1, 14, 0, tzinfo=ZoneInfo(BERLIN)),  # stored as 12:00 UTC
        datetime(1999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
        datetime(2099, 1, 1, 0, 0, tzinfo=UTC),
    ],
)
def test_an_interview_start_comes_back_as_the_same_utc_instant(database, moment):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=moment, timezone=BERLIN)
        person_id = tracker.add_interviewer(session, interview.id, name="Ana").id
    with database.begin() as session:
        stored = tracker.note_context(session, person_id).starts_at
        frame = tracker.timeline_frame(session)
        (listed,) = session.scalars(select(Interview.starts_at))
    assert stored == listed == moment
    assert stored.utcoffset() == timedelta(0)
    assert stored.replace(tzinfo=None) == moment.astimezone(UTC).replace(tzinfo=None)
    assert frame.loc[0, "starts_at"] == pd.Timestamp(moment)


# --- notes: drafts, sending, channel ----------------------------------------------------------

def test_an_interviewer_comes_with_an_empty_unsent_note(database):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT, timezone=BERLIN)
        person_id = tracker.add_interviewer(session, interview.id, name="Ana Ruiz").id
    assert _counts(database) == {**NOTHING, "applications": 1, "interviews": 1,
                                 "interviewers": 1, "notes": 1}
    with database.begin() as session:
        context = tracker.note_context(session, person_id)
        assert (context.latest_draft, context.history, context.sent_at) == ("", (), None)
        note = session.get(Interviewer, person_id).note
        assert (note.channel, note.sent_at) == (None, None)


def test_every_saved_draft_is_kept_with_its_score_and_time(database):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT, timezone=BERLIN)
        person_id = tracker.add_interviewer(session, interview.id, name="Ana").id
    texts = ["Dear Ana, one.", "Dear Ana, two.", "Dear Ana, three."]
    for text, score, when in zip(texts, (40, 72, 65), (T1, T2, T3), strict=True):
        with database.begin() as session:
            tracker.save_draft(session, person_id, text, _report(score), when=when)
    with database.begin() as session:
        context = tracker.note_context(session, person_id)
        row = tracker.timeline_frame(session).iloc[0]
        stored = json.loads(
            session.scalars(select(DraftVersion.report).order_by(DraftVersion.id)).first())
    assert context.history == ((T1, 40), (T2, 72), (T3, 65))
    assert context.latest_draft == "Dear Ana, three."
    # The latest score, not the best one.
    assert (row["latest_score"], row["versions"]) == (65.0, 3)
    # The stored report shows the version again without rescoring.
    assert stored["overall"] == 40
    assert [c["id"] for c in stored["criteria"]] == ["gratitude"]
    assert stored["criteria"][0]["evidence"] == [{"start": 5, "end": 14, "text": "thank you"}]


def test_a_draft_scored_by_the_coach_is_saved_with_its_score(database, nlp):
    report = coach.score(samples.STRONG)
    with database.begin() as session:
        app = tracker.add_application(session, company="Brightwater Foods")
        interview = tracker.add_interview(session, app.id, starts_at=AT)
        person_id = tracker.add_interviewer(session, interview.id, name="Priya Patel").id
        before = datetime.now(UTC)
        tracker.save_draft(session, person_id, samples.STRONG, report)
        after = datetime.now(UTC)
    with database.begin() as session:
        ((saved_at, score),) = tracker.note_context(session, person_id).history
        assert tracker.note_context(session, person_id).latest_draft == samples.STRONG
        stored = json.loads(session.scalars(select(DraftVersion.report)).one())
    assert score == report.overall
    assert before - timedelta(seconds=1) <= saved_at <= after + timedelta(seconds=1)
    assert [c["id"] for c in stored["criteria"]] == list(coach.CRITERIA)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_an_empty_draft_is_refused(database, text):
    ids = _seeded(database)
    with pytest.raises(RecordError, match="^the draft is empty; there is nothing to save$"):
        with database.begin() as session:
            tracker.save_draft(session, ids.ben, text, _report(0))
    assert _counts(database) == SEEDED


def test_a_draft_time_without_a_zone_is_refused(database):
    ids = _seeded(database)
    with pytest.raises(RecordError, match="^saved at needs a date, a time and a time zone$"):
        with database.begin() as session:
            tracker.save_draft(session, ids.ben, "Dear Ben", _report(50),
                               when=datetime(2026, 3, 3, 9, 0))
    assert _counts(database) == SEEDED


def test_marking_a_note_sent_and_unsent(database):
    ids = _seeded(database)
    berlin_noon = datetime(2026, 3, 3, 12, 0, tzinfo=ZoneInfo(BERLIN))
    with database.begin() as session:
        tracker.mark_sent(session, ids.ben, when=berlin_noon, channel="hard_copy")
    with database.begin() as session:
        assert tracker.note_context(session, ids.ben).sent_at == berlin_noon
        frame = tracker.timeline_frame(session).set_index("interviewer")
        assert frame.loc["Ben Okafor", "sent_at"] == pd.Timestamp("2026-03-03 11:00", tz="UTC")
        assert frame.loc["Ben Okafor", "channel"] == "hard_copy"
        tracker.unmark_sent(session, ids.ben)
    with database.begin() as session:
        assert tracker.note_context(session, ids.ben).sent_at is None
        frame = tracker.timeline_frame(session).set_index("interviewer")
        assert pd.isna(frame.loc["Ben Okafor", "sent_at"])
        # Unsending keeps the channel the writer chose.
        assert frame.loc["Ben Okafor", "channel"] == "hard_copy"
        before = datetime.now(UTC)
        note = tracker.mark_sent(session, ids.ben)
        assert before - timedelta(seconds=1) <= note.sent_at <= datetime.now(UTC)
        assert note.channel == "hard_copy"
    with pytest.raises(RecordError, match="^sent at needs a date, a time and a time zone$"):
        with database.begin() as session:
            tracker.mark_sent(session, ids.ana, when=datetime(2026, 3, 3, 12, 0))


def test_the_writer_chooses_a_channel_or_hands_it_back(database):
    ids = _seeded(database)
    for channel in ("hard_copy", "email", None):
        with database.begin() as session:
            tracker.set_channel(session, ids.ben, channel)
        with database.begin() as session:
            frame = tracker.timeline_frame(session).set_index("interviewer")
            value = frame.loc["Ben Okafor", "channel"]
            assert value == channel if channel else pd.isna(value)
    with pytest.raises(RecordError, match="^channel must be one of email, hard_copy$"):
        with database.begin() as session:
            tracker.set_channel(session, ids.ana, "fax")
    with database.begin() as session:
        assert session.get(Interviewer, ids.ana).note.channel == "email"


# --- follow-ups -------------------------------------------------------------------------------

D1, D2, D3 = date(2026, 3, 11), date(2026, 3, 20), date(2026, 3, 30)


def _days(column: pd.Series) -> list[date | None]:
    return [None if pd.isna(value) else value.date() for value in column]


@pytest.mark.parametrize(
    ("steps", "rows", "done", "next_on", "last_on"),
    [
        ([], [], 0, None, None),
        ([(D1, False)], [(1, D1, False)], 0, D1, None),
        ([(D1, True)], [(1, D1, True)], 1, None, D1),
        ([(D1, True), (D2, False)], [(1, D1, True), (2, D2, False)], 1, D2, D1),
        ([(D1, True), (D2, True)], [(1, D1, True), (2, D2, True)], 2, None, D2),
        # A planned follow-up is completed (on the day it happened), not duplicated.
        ([(D1, False), (D2, True)], [(1, D2, True)], 1, None, D2),
        # Re-planning a pending one moves it.
        ([(D1, False), (D2, False)], [(1, D2, False)], 0, D2, None),
        ([(D1, True), (D2, False), (D3, True)], [(1, D1, True), (2, D3, True)], 2, None, D3),
    ],
)
def test_follow_ups_are_recorded_and_counted(database, steps, rows, done, next_on, last_on):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview_id = tracker.add_interview(session, app.id, starts_at=AT, timezone=BERLIN).id
        for name in ("Ana", "Ben"):
            tracker.add_interviewer(session, interview_id, name=name)
    for due_on, is_done in steps:
        with database.begin() as session:
            tracker.record_follow_up(session, interview_id, due_on=due_on, done=is_done,
                                     when=datetime.combine(due_on, time(9), tzinfo=UTC))
    with database.begin() as session:
        stored = session.scalars(select(FollowUp).order_by(FollowUp.seq)).all()
        assert [(f.seq, f.due_on, f.done) for f in stored] == rows
        assert all((f.done_at is not None) == f.done for f in stored)
        frame = tracker.timeline_frame(session)
    # Every interviewer of the interview sees the interview's follow-ups.
    assert frame["follow_ups_done"].tolist() == [done, done]
    assert _days(frame["next_follow_up_on"]) == [next_on] * 2
    assert _days(frame["last_follow_up_on"]) == [last_on] * 2


def test_the_next_follow_up_counts_from_the_day_the_last_one_happened(database):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview_id = tracker.add_interview(session, app.id, starts_at=AT, timezone=BERLIN).id
        tracker.add_interviewer(session, interview_id, name="Ana")
        tracker.record_follow_up(session, interview_id, due_on=D1,
                                 when=datetime(2026, 3, 16, 9, tzinfo=UTC))
    with database.begin() as session:
        assert _days(tracker.timeline_frame(session)["last_follow_up_on"]) == [date(2026, 3, 16)]


def test_a_third_follow_up_is_refused(database):
    ids = _seeded(database)
    with database.begin() as session:
        row = tracker.record_follow_up(session, ids.interview, due_on=D2, outcome=" they replied ",
                                       when=datetime(2026, 3, 20, 10, tzinfo=UTC))
        assert (row.seq, row.done, row.outcome) == (2, True, "they replied")
        assert row.done_at == datetime(2026, 3, 20, 10, tzinfo=UTC)
    before = _snapshot(database)
    for done in (True, False):
        with pytest.raises(RecordError, match="^this interview already has two follow-ups"):
            with database.begin() as session:
                tracker.record_follow_up(session, ids.interview, due_on=D3, done=done)
    assert _snapshot(database) == before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"due_on": None}, "^a follow-up needs a due date$"),
        ({"due_on": "2026-03-20"}, "^a follow-up needs a due date$"),
        ({"due_on": D2, "when": datetime(2026, 3, 20, 9)}, "^done at needs a date, a time and"),
        ({"due_on": D2, "outcome": "o" * 2_001}, "^outcome is 2,001 characters; the limit is"),
    ],
)
def test_a_bad_follow_up_is_refused(database, fields, message):
    ids = _seeded(database)
    before = _snapshot(database)
    with pytest.raises(RecordError, match=message), database.begin() as session:
        tracker.record_follow_up(session, ids.empty_interview, **fields)
    assert _snapshot(database) == before


# --- the timeline's input ---------------------------------------------------------------------

def test_an_empty_database_gives_the_empty_timeline_frame(database):
    with database.begin() as session:
        assert tracker.is_empty(session)
        frame = tracker.timeline_frame(session)
        assert tracker.interviews_without_interviewers(session) == []
    pd.testing.assert_frame_equal(frame, timeline.empty_frame())


def test_the_timeline_frame_has_one_row_per_interviewer_in_the_timelines_shape(database):
    ids = _seeded(database)
    with database.begin() as session:
        assert not tracker.is_empty(session)
        frame = tracker.timeline_frame(session)
        waiting = tracker.interviews_without_interviewers(session)
    template = timeline.empty_frame()
    assert list(frame.columns) == list(template.columns)
    assert frame.dtypes.to_dict() == template.dtypes.to_dict()
    # The later interview has nobody to write to: listed apart, not a row.
    assert frame["interviewer"].tolist() == ["Ana Ruiz", "Ben Okafor"]
    assert waiting == [("Acme", "Data Analyst", LATER)]
    assert waiting[0][2].utcoffset() == timedelta(0)
    ana, ben = frame.to_dict("records")
    common = {
        "application_id": ids.application, "company": "Acme", "role": "Data Analyst",
        "stage": "interviewing", "interview_id": ids.interview, "round": 2,
        "starts_at": pd.Timestamp(AT), "timezone": BERLIN, "interview_type": "in_person",
        "prefers_email": False, "decision_on": pd.Timestamp("2026-03-09"),
        "follow_ups_done": 1, "next_follow_up_on": pd.Timestamp("2026-03-20"),
        "last_follow_up_on": pd.Timestamp("2026-03-11"),
    }
    assert ana == {**ana, **common, "interviewer_id": ids.ana, "interviewer": "Ana Ruiz",
                   "interviewer_title": "Analytics Lead", "interviewer_email": "ana@acme.test",
                   "travelling": False, "channel": "email", "sent_at": pd.Timestamp(SENT),
                   "latest_score": 78.0, "versions": 2}
    assert ben == {**ben, **common, "interviewer_id": ids.ben, "interviewer": "Ben Okafor",
                   "interviewer_title": "", "interviewer_email": "", "travelling": True,
                   "latest_score": 64.0, "versions": 1}
    assert pd.isna(ben["channel"]) and pd.isna(ben["sent_at"])
    assert ana["note_id"] != ben["note_id"]
    # ... and the timeline can work on it straight away.
    out = timeline.compute(frame, now=datetime(2026, 3, 3, 12, 0, tzinfo=UTC))
    assert len(out) == 2
    assert out.set_index("interviewer").loc["Ben Okafor", "channel"] == "email"  # travelling


def test_an_interviewer_without_a_draft_has_no_score_and_no_versions(database):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT, interview_type="phone",
                                          prefers_email=True)
        tracker.add_interviewer(session, interview.id, name="Ana")
        frame = tracker.timeline_frame(session)
    row = frame.iloc[0]
    assert pd.isna(row["latest_score"]) and row["versions"] == 0
    assert row["follow_ups_done"] == 0
    assert pd.isna(row["next_follow_up_on"]) and pd.isna(row["last_follow_up_on"])
    assert pd.isna(row["decision_on"]) and bool(row["prefers_email"])
    assert frame.dtypes.to_dict() == timeline.empty_frame().dtypes.to_dict()


def test_interviews_are_listed_in_start_order_across_applications(database):
    with database.begin() as session:
        for company, start in (("Late Co", LATER), ("Early Co", AT)):
            app = tracker.add_application(session, company=company)
            interview = tracker.add_interview(session, app.id, starts_at=start)
            tracker.add_interviewer(session, interview.id, name="Zoe")
            tracker.add_interviewer(session, interview.id, name="Adam")
            tracker.add_interview(session, app.id, starts_at=start + timedelta(days=1))
        frame = tracker.timeline_frame(session)
        waiting = tracker.interviews_without_interviewers(session)
    assert list(zip(frame["company"], frame["interviewer"], strict=True)) == [
        ("Early Co", "Zoe"), ("Early Co", "Adam"), ("Late Co", "Zoe"), ("Late Co", "Adam"),
    ]
    assert [(company, start) for company, _, start in waiting] == [
        ("Early Co", AT + timedelta(days=1)), ("Late Co", LATER + timedelta(days=1)),
    ]


# --- note context and panels ------------------------------------------------------------------

def test_note_context_holds_what_the_score_page_needs(database):
    ids = _seeded(database)
    with database.begin() as session:
        context = tracker.note_context(session, ids.ana)
    assert context == tracker.NoteContext(
        interviewer_id=ids.ana, interview_id=ids.interview, interviewer="Ana Ruiz",
        company="Acme", role="Data Analyst", interview_type="in_person",
        topics=("dashboards", "store accounts"), job_ad="We need SQL.", starts_at=AT,
        timezone=BERLIN, sent_at=SENT, latest_draft="Dear Ana, second.",
        history=((T1, 55), (T2, 78)),
    )


@pytest.mark.parametrize(
    ("topics", "expected"),
    [
        ("dashboards; store accounts", ("dashboards", "store accounts")),
        ("dashboards\n\n  store accounts  \n", ("dashboards", "store accounts")),
        (["dashboards", " ", "store accounts"], ("dashboards", "store accounts")),
        ("", ()),
        (None, ()),
    ],
)
def test_topics_are_kept_one_per_line(database, topics, expected):
    with database.begin() as session:
        app = tracker.add_application(session, company="Acme")
        interview = tracker.add_interview(session, app.id, starts_at=AT, topics=topics)
        person_id = tracker.add_interviewer(session, interview.id, name="Ana").id
    with database.begin() as session:
        assert tracker.note_context(session, person_id).topics == expected
        assert tracker.export_tables(session)["interviews"].loc[0, "topics"] == "; ".join(
            expected)


def test_panel_drafts_gives_each_interviewers_latest_draft(database):
    ids = _seeded(database)
    with database.begin() as session:
        carol = tracker.add_interviewer(session, ids.interview, name="Carol Diaz")
        assert tracker.panel_drafts(session, ids.interview) == {
            "Ana Ruiz": "Dear Ana, second.", "Ben Okafor": "Dear Ben, thanks.",
        }
        tracker.save_draft(session, carol.id, "Dear Carol, thanks.", _report(70))
        assert tracker.panel_drafts(session, ids.interview)["Carol Diaz"] == "Dear Carol, thanks."
        assert tracker.panel_drafts(session, ids.empty_interview) == {}


# --- import -----------------------------------------------------------------------------------

def _row(line: int, company: str = "Acme", interviewer: str = "Ana Ruiz", **fields) -> ImportRow:
    values = {
        "line": line, "company": company, "role": "Data Analyst", "stage": "interviewing",
        "job_ad_url": "", "starts_at": AT, "timezone": BERLIN, "interview_type": "video",
        "prefers_email": False, "round": 1, "topics": ("dashboards", "SQL"),
        "decision_on": None, "interviewer": interviewer, "interviewer_title": "",
        "interviewer_email": "", "travelling": False,
    }
    return ImportRow(**{**values, **fields})


ROWS = [
    _row(2, interviewer_title="Analytics Lead", interviewer_email="ana@acme.test"),
    _row(3, interviewer="Ben Okafor", travelling=True),
    _row(4, company="Globex", role="Analyst", starts_at=LATER, timezone="America/New_York",
         interviewer="Carol Diaz", interview_type="in_person", round=3,
         decision_on=date(2026, 3, 20), stage="applied", job_ad_url="https://globex.test/j"),
]


def _import(database, rows) -> tracker.ImportSummary:
    with database.begin() as session:
        return tracker.import_rows(session, rows)


def test_importing_rows_adds_applications_interviews_and_interviewers(database):
    summary = _import(database, ROWS)
    assert summary == tracker.ImportSummary(applications=2, interviews=2, interviewers=3,
                                            duplicates=())
    assert _counts(database) == {**NOTHING, "applications": 2, "interviews": 2,
                                 "interviewers": 3, "notes": 3}
    with database.begin() as session:
        frame = tracker.timeline_frame(session).set_index("interviewer")
        ana = tracker.note_context(session, int(frame.loc["Ana Ruiz", "interviewer_id"]))
    # The two interviewers of one interview share it.
    assert frame.loc["Ana Ruiz", "interview_id"] == frame.loc["Ben Okafor", "interview_id"]
    assert frame.loc["Ana Ruiz", "interview_id"] != frame.loc["Carol Diaz", "interview_id"]
    assert frame.loc["Carol Diaz", ["company", "stage", "round", "interview_type"]].tolist() == [
        "Globex", "applied", 3, "in_person"]
    assert frame.loc["Carol Diaz", "decision_on"] == pd.Timestamp("2026-03-20")
    assert bool(frame.loc["Ben Okafor", "travelling"])
    assert (ana.topics, ana.starts_at, ana.timezone) == (("dashboards", "SQL"), AT, BERLIN)


@pytest.mark.parametrize(
    "again",
    [
        pytest.param(ROWS, id="same-rows"),
        pytest.param([replace(r, company=r.company.upper()) for r in ROWS], id="company-case"),
        pytest.param([replace(r, role=r.role.lower()) for r in ROWS], id="role-case"),
        pytest.param([replace(r, interviewer=r.interviewer.swapcase()) for r in ROWS],
                     id="interviewer-case"),
        pytest.param([replace(r, starts_at=r.starts_at.astimezone(ZoneInfo(r.timezone)))
                      for r in ROWS], id="same-instant-other-zone"),
        pytest.param([replace(r, interviewer_title="CEO", stage="offer") for r in ROWS],
                     id="details-differ"),
    ],
)
def test_importing_the_same_rows_again_adds_nothing(database, again):
    _import(database, ROWS)
    before = _snapshot(database)
    summary = _import(database, again)
    assert summary == tracker.ImportSummary(applications=0, interviews=0, interviewers=0,
                                            duplicates=tuple(r.line for r in again))
    assert _snapshot(database) == before


def test_a_new_interviewer_or_interview_of_a_known_application_is_added_to_it(database):
    _import(database, ROWS)
    summary = _import(database, [
        _row(2, interviewer="Dan Wu"),                          # joins Ana's interview
        _row(3, starts_at=LATER, interviewer="Ana Ruiz"),       # Acme's second interview
        _row(4, role="Senior Analyst", interviewer="Ana Ruiz"),  # another Acme application
        _row(5),                                                # already there
    ])
    assert summary == tracker.ImportSummary(applications=1, interviews=2, interviewers=3,
                                            duplicates=(5,))
    with database.begin() as session:
        frame = tracker.timeline_frame(session)
    acme = frame[(frame["company"] == "Acme") & (frame["role"] == "Data Analyst")]
    assert acme["application_id"].nunique() == 1
    assert sorted(acme["interviewer"]) == ["Ana Ruiz", "Ana Ruiz", "Ben Okafor", "Dan Wu"]


@pytest.mark.parametrize(
    ("rows", "interviewers", "duplicates"),
    [
        ([_row(2, interviewer="")], [], ()),
        ([_row(2, interviewer=""), _row(3)], ["Ana Ruiz"], ()),
        ([_row(2), _row(3, interviewer="")], ["Ana Ruiz"], (3,)),
    ],
)
def test_a_row_without_an_interviewer_records_just_the_interview(
    database, rows, interviewers, duplicates,
):
    summary = _import(database, rows)
    assert (summary.applications, summary.interviews) == (1, 1)
    assert (summary.interviewers, summary.duplicates) == (len(interviewers), duplicates)
    with database.begin() as session:
        assert tracker.timeline_frame(session)["interviewer"].tolist() == interviewers
        waiting = tracker.interviews_without_interviewers(session)
    assert waiting == ([] if interviewers else [("Acme", "Data Analyst", AT)])
    # Importing it again finds it.
    before = _snapshot(database)
    again = _import(database, rows)
    assert again.duplicates == tuple(r.line for r in rows)
    assert _snapshot(database) == before


@pytest.mark.parametrize(
    "bad",
    [
        _row(9, interviewer="Dan Wu", interviewer_email="not an email"),
        _row(9, company="Initech", round=100),
        _row(9, company="Initech", decision_on=date(2026, 3, 1)),
        _row(9, company="Initech", timezone="Mars/Olympus_Mons"),
    ],
)
def test_an_import_that_fails_part_way_writes_nothing(database, bad):
    with pytest.raises(RecordError, match="^line 9: "):
        _import(database, [*ROWS, bad])
    assert _counts(database) == NOTHING


def test_the_exported_interviews_import_again_as_duplicates(database):
    _seeded(database)
    _import(database, ROWS)  # Acme's panel is already there; Globex is new
    before = _snapshot(database)
    with database.begin() as session:
        exported = tracker.export_tables(session)["interviews"]
    preview = parse_csv(exported.to_csv(index=False))
    assert preview.problems == ()
    # Ana and Ben, Acme's later interview with nobody yet, and Carol at Globex.
    assert len(preview.rows) == len(exported) == 4
    summary = _import(database, preview.rows)
    assert (summary.applications, summary.interviews, summary.interviewers) == (0, 0, 0)
    assert summary.duplicates == tuple(row.line for row in preview.rows)
    assert _snapshot(database) == before


# --- export -----------------------------------------------------------------------------------

def test_export_holds_everything_a_user_saved(database):
    ids = _seeded(database)
    with database.begin() as session:
        tracker.update_interview(session, ids.empty_interview, timezone="America/New_York")
        tables = tracker.export_tables(session)
        created_at = session.get(Application, ids.application).created_at
    assert set(tables) == {"interviews", "applications", "drafts", "follow_ups"}

    interviews = tables["interviews"].to_dict("records")
    # One row per interviewer, and one for the interview nobody is recorded for yet.
    assert [r["interviewer"] for r in interviews] == ["Ana Ruiz", "Ben Okafor", ""]
    common = {"company": "Acme", "role": "Data Analyst", "stage": "interviewing",
              "job_ad_url": "https://jobs.example/1", "timezone": BERLIN,
              "interview_type": "in_person", "prefers_email": "no", "round": 2,
              "topics": "dashboards; store accounts", "decision_date": "2026-03-09",
              # 23:30 UTC on 2 March is 00:30 on the 3rd in Berlin.
              "interview_date": "2026-03-03", "interview_time": "00:30"}
    assert interviews[0] == {**common, "interviewer": "Ana Ruiz",
                             "interviewer_title": "Analytics Lead",
                             "interviewer_email": "ana@acme.test", "travelling": "no",
                             "channel": "email", "sent_at": SENT.isoformat(), "drafts": 2,
                             "latest_score": 78}
    assert interviews[1] == {**common, "interviewer": "Ben Okafor", "interviewer_title": "",
                             "interviewer_email": "", "travelling": "yes", "channel": "",
                             "sent_at": "", "drafts": 1, "latest_score": 64}
    # 09:00 UTC on 16 March is 05:00 in New York (summer time there, not yet in Europe).
    assert interviews[2] == {
        **common, "timezone": "America/New_York", "interview_type": "video", "round": 1,
        "topics": "", "decision_date": "", "interview_date": "2026-03-16",
        "interview_time": "05:00", "interviewer": "", "interviewer_title": "",
        "interviewer_email": "", "travelling": "no", "channel": "", "sent_at": "",
        "drafts": 0, "latest_score": "",
    }

    assert tables["drafts"].to_dict("records") == [
        {"company": "Acme", "role": "Data Analyst", "interview_date": "2026-03-03",
         "interviewer": name, "saved_at": when.isoformat(), "score": score, "text": text}
        for name, when, score, text in (
            ("Ana Ruiz", T1, 55, "Dear Ana, first."),
            ("Ana Ruiz", T2, 78, "Dear Ana, second."),
            ("Ben Okafor", T1, 64, "Dear Ben, thanks."),
        )
    ]
    assert tables["follow_ups"].to_dict("records") == [
        {"company": "Acme", "role": "Data Analyst", "interview_date": "2026-03-03",
         "number": 1, "due_on": "2026-03-11", "done": "yes",
         "done_at": "2026-03-11T09:00:00+00:00", "outcome": "no reply yet"},
        {"company": "Acme", "role": "Data Analyst", "interview_date": "2026-03-03",
         "number": 2, "due_on": "2026-03-20", "done": "no", "done_at": "", "outcome": ""},
    ]
    assert tables["applications"].to_dict("records") == [
        {"company": "Acme", "role": "Data Analyst", "stage": "interviewing",
         "job_ad_url": "https://jobs.example/1", "job_ad_text": "We need SQL.",
         "notes": "referral", "created_at": created_at.isoformat()},
    ]


def test_an_empty_database_exports_empty_tables_with_their_columns(database):
    with database.begin() as session:
        tables = tracker.export_tables(session)
    assert {name: len(frame) for name, frame in tables.items()} == {
        "interviews": 0, "applications": 0, "drafts": 0, "follow_ups": 0}
    assert list(tables["drafts"].columns) == ["company", "role", "interview_date",
                                              "interviewer", "saved_at", "score", "text"]
    assert "interviewer" in tables["interviews"].columns


def test_applications_are_listed_newest_first_with_their_interview_counts(database):
    _seeded(database, "Acme")
    with database.begin() as session:
        tracker.add_application(session, company="Globex")
        frame = tracker.applications_frame(session)
        acme_id = int(frame.set_index("company").loc["Acme", "id"])
        starts = [i.starts_at for i in tracker.interviews_of(session, acme_id)]
    assert frame[["company", "interviews"]].values.tolist() == [["Globex", 0], ["Acme", 2]]
    assert starts == [AT, LATER]
