"""Private workspaces: nobody reaches another's rows, keys open only their own, delete is total."""

from __future__ import annotations

import base64
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

import pytest
from sqlalchemy import text

import coach
from coach import sharing, tracker, workspaces
from coach.context import Context
from coach.csv_import import ImportRow
from coach.database import Database
from coach.export import workspace_zip
from coach.tracker import RecordError
from tests import samples

BERLIN = "Europe/Berlin"
ROLE = "Data Analyst"
AT = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
SAVED = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
SENT = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
ISSUER = "https://accounts.example"
A_COMPANY, B_COMPANY = "Acme Robotics", "Globex Foods"
URL_SAFE = re.compile(r"[A-Za-z0-9_-]+")
#: Every table that holds a workspace's data, with how to count one workspace's rows in it.
OWNED = {
    "applications": "SELECT count(*) FROM applications WHERE workspace_id = :w",
    "interviews": "SELECT count(*) FROM interviews i JOIN applications a"
                  " ON a.id = i.application_id WHERE a.workspace_id = :w",
    "interviewers": "SELECT count(*) FROM interviewers p JOIN interviews i"
                    " ON i.id = p.interview_id JOIN applications a ON a.id = i.application_id"
                    " WHERE a.workspace_id = :w",
    "notes": "SELECT count(*) FROM notes n JOIN interviewers p ON p.id = n.interviewer_id"
             " JOIN interviews i ON i.id = p.interview_id"
             " JOIN applications a ON a.id = i.application_id WHERE a.workspace_id = :w",
    "draft_versions": "SELECT count(*) FROM draft_versions d JOIN notes n ON n.id = d.note_id"
                      " JOIN interviewers p ON p.id = n.interviewer_id"
                      " JOIN interviews i ON i.id = p.interview_id"
                      " JOIN applications a ON a.id = i.application_id WHERE a.workspace_id = :w",
    "follow_ups": "SELECT count(*) FROM follow_ups f JOIN interviews i ON i.id = f.interview_id"
                  " JOIN applications a ON a.id = i.application_id WHERE a.workspace_id = :w",
    "shares": "SELECT count(*) FROM shares WHERE workspace_id = :w",
    "share_comments": "SELECT count(*) FROM share_comments c JOIN shares s"
                      " ON s.id = c.share_id WHERE s.workspace_id = :w",
}


@cache
def _scored(company: str) -> coach.Report:
    """A real report of a strong draft that names ``company``."""
    return coach.score(samples.STRONG.replace("Brightwater Foods", company),
                       _context(company))


def _context(company: str) -> Context:
    return Context(interviewers=("Priya Patel",), company=company, role=ROLE,
                   interview_type="video", topics=("dashboards",))


@dataclass(frozen=True)
class Rows:
    """One filled workspace: the ids of its rows and its coaching link."""

    workspace: int
    company: str
    application: int
    interview: int
    interviewer: int
    share: int
    token: str


#: Ids no workspace has: what a made-up id gets is what another workspace's id must get.
MADE_UP = Rows(workspace=0, company="", application=987_654, interview=987_654,
               interviewer=987_654, share=987_654, token="")


def _fill(database, workspace_id: int, company: str) -> Rows:
    """An application with an interview (one interviewer, a saved and sent draft, a follow-up,
    a coaching link with a comment) and a later interview with nobody recorded yet."""
    report = _scored(company)
    with database.workspace(workspace_id).begin() as session:
        app = tracker.add_application(session, company=company, role=ROLE,
                                      notes=f"met {company} at a fair")
        interview = tracker.add_interview(session, app.id, starts_at=AT, timezone=BERLIN,
                                          topics=["dashboards"], decision_on=date(2026, 3, 9))
        tracker.add_interview(session, app.id, starts_at=LATER, timezone=BERLIN)
        person = tracker.add_interviewer(session, interview.id, name="Priya Patel",
                                         email="priya@example.com")
        tracker.save_draft(session, person.id, report.text, report, when=SAVED)
        tracker.mark_sent(session, person.id, when=SENT, channel="email")
        tracker.record_follow_up(session, interview.id, due_on=date(2026, 3, 11),
                                 outcome=f"{company} replied", when=SENT + timedelta(days=9))
        token = sharing.share_draft(session, report, _context(company), now=NOW,
                                    interviewer_id=person.id)
        share = sharing.links(session, NOW)[0].id
    with database.begin() as session:
        sharing.add_comment(session, token, author="Coach Kim",
                            body=f"Lovely note to {company}", now=NOW)
    return Rows(workspace_id, company, app.id, interview.id, person.id, share, token)


def _seen(database, rows: Rows) -> dict:
    """Everything the owner of ``rows`` can see of their data."""
    with database.workspace(rows.workspace).begin() as session:
        tables = tracker.export_tables(session)
        return {
            "tables": {name: frame.to_dict("records") for name, frame in tables.items()},
            "note": tracker.note_context(session, rows.interviewer),
            "links": sharing.links(session, NOW),
        }


def _counts(database, workspace_id: int) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {table: connection.execute(text(sql), {"w": workspace_id}).scalar()
                for table, sql in OWNED.items()}


def _totals(database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in OWNED}


def _dump(database, table: str) -> str:
    """Every value of every column of ``table``, as one string."""
    with database.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT * FROM {table}")).all()
    return "\n".join("\t".join(str(value) for value in row) for row in rows)


@pytest.fixture(params=["link", "login"])
def pair(request, database) -> tuple[Rows, Rows]:
    """Two filled workspaces A and B, both made from links or both from logins."""
    with database.begin() as session:
        if request.param == "link":
            a, _ = workspaces.create_link(session)
            b, _ = workspaces.create_link(session)
        else:
            a = workspaces.for_login(session, ISSUER, "alice-1")
            b = workspaces.for_login(session, ISSUER, "bob-2")
    return _fill(database, a, A_COMPANY), _fill(database, b, B_COMPANY)


# --- one workspace can't reach another's rows -------------------------------------------------

#: Every call that takes the id of a row, given the ids to use.
BY_ID = {
    "update_application": lambda s, r: tracker.update_application(s, r.application,
                                                                  company="Mallory Inc"),
    "delete_application": lambda s, r: tracker.delete_application(s, r.application),
    "add_interview": lambda s, r: tracker.add_interview(s, r.application, starts_at=LATER),
    "update_interview": lambda s, r: tracker.update_interview(s, r.interview, round=7),
    "delete_interview": lambda s, r: tracker.delete_interview(s, r.interview),
    "add_interviewer": lambda s, r: tracker.add_interviewer(s, r.interview, name="Mallory"),
    "update_interviewer": lambda s, r: tracker.update_interviewer(s, r.interviewer,
                                                                  name="Mallory"),
    "delete_interviewer": lambda s, r: tracker.delete_interviewer(s, r.interviewer),
    "save_draft": lambda s, r: tracker.save_draft(s, r.interviewer, "Planted text.",
                                                  _scored(B_COMPANY)),
    "mark_sent": lambda s, r: tracker.mark_sent(s, r.interviewer, when=LATER,
                                                channel="hard_copy"),
    "unmark_sent": lambda s, r: tracker.unmark_sent(s, r.interviewer),
    "set_channel": lambda s, r: tracker.set_channel(s, r.interviewer, "hard_copy"),
    "record_follow_up": lambda s, r: tracker.record_follow_up(s, r.interview,
                                                              due_on=date(2026, 3, 20)),
    "note_context": lambda s, r: tracker.note_context(s, r.interviewer),
    "panel_drafts": lambda s, r: tracker.panel_drafts(s, r.interview),
    "interviews_of": lambda s, r: tracker.interviews_of(s, r.application),
    "share_draft": lambda s, r: sharing.share_draft(s, _scored(B_COMPANY), Context(), now=NOW,
                                                    interviewer_id=r.interviewer),
}


@pytest.mark.parametrize("call", list(BY_ID.values()), ids=list(BY_ID))
def test_another_workspaces_id_is_answered_like_a_made_up_one(database, pair, call):
    """B gets "no longer exists" for A's rows, word for word, and A's data is untouched."""
    a, b = pair
    before = _seen(database, a)
    with database.workspace(b.workspace).begin() as session:
        with pytest.raises(RecordError) as made_up:
            call(session, MADE_UP)
        with pytest.raises(RecordError) as stolen:
            call(session, a)
    # B's transaction was committed, not rolled back: the refusal itself changed nothing.
    assert "no longer exists" in str(stolen.value)
    assert str(stolen.value) == str(made_up.value)
    assert _seen(database, a) == before
    assert _counts(database, a.workspace) == {table: 1 if table != "interviews" else 2
                                              for table in OWNED}


def _plain(value) -> str:
    """A read's result as text, to look for another workspace's names in."""
    if isinstance(value, dict):
        return str({name: frame.to_dict("records") for name, frame in value.items()})
    if hasattr(value, "to_dict"):
        return str(value.to_dict("records"))
    return str(value)


#: The reads that list a workspace's rows.
READS = {
    "timeline_frame": tracker.timeline_frame,
    "applications_frame": tracker.applications_frame,
    "interviews_without_interviewers": tracker.interviews_without_interviewers,
    "export_tables": tracker.export_tables,
    "coaching_links": lambda s: sharing.export_tables(s, NOW),
    "links": lambda s: sharing.links(s, NOW),
}


@pytest.mark.parametrize("read", list(READS.values()), ids=list(READS))
def test_a_workspace_lists_only_its_own_rows(database, pair, read):
    a, b = pair
    with database.workspace(b.workspace).begin() as session:
        seen = _plain(read(session))
    assert B_COMPANY in seen
    assert A_COMPANY not in seen


def test_the_lists_hold_exactly_the_workspaces_own_rows(database, pair):
    a, b = pair
    with database.workspace(b.workspace).begin() as session:
        frame = tracker.timeline_frame(session)
        assert frame["interviewer_id"].tolist() == [b.interviewer]
        assert tracker.applications_frame(session)["id"].tolist() == [b.application]
        assert tracker.interviews_without_interviewers(session) == [(B_COMPANY, ROLE, LATER)]
        assert [link.id for link in sharing.links(session, NOW)] == [b.share]
        comments = sharing.export_tables(session, NOW)["coach_comments"]
        assert comments["comment"].tolist() == [f"Lovely note to {B_COMPANY}"]


def test_an_empty_workspace_is_empty_while_others_are_full(database, pair):
    a, b = pair
    with database.begin() as session:
        fresh, _ = workspaces.create_link(session)
    with database.workspace(fresh).begin() as session:
        assert tracker.is_empty(session)
        assert tracker.timeline_frame(session).empty
        assert tracker.applications_frame(session).empty
        assert sharing.links(session, NOW) == []
        assert all(frame.empty for frame in tracker.export_tables(session).values())
    with database.workspace(b.workspace).begin() as session:
        assert not tracker.is_empty(session)


def test_importing_anothers_company_and_role_makes_a_new_application(database, pair):
    """An import matches only the importer's own applications, never another workspace's."""
    a, b = pair
    before = _seen(database, a)
    row = ImportRow(line=2, company=A_COMPANY, role=ROLE, stage="interviewing", job_ad_url="",
                    starts_at=AT, timezone=BERLIN, interview_type="video", prefers_email=False,
                    round=1, topics=("dashboards",), decision_on=None,
                    interviewer="Priya Patel", interviewer_title="", interviewer_email="",
                    travelling=False)
    with database.workspace(b.workspace).begin() as session:
        summary = tracker.import_rows(session, [row])
    assert (summary.applications, summary.interviews, summary.interviewers,
            summary.duplicates) == (1, 1, 1, ())
    with database.workspace(b.workspace).begin() as session:
        assert sorted(tracker.applications_frame(session)["company"]) == [A_COMPANY, B_COMPANY]
    assert _seen(database, a) == before
    assert _counts(database, a.workspace)["applications"] == 1


# --- a session must be scoped -----------------------------------------------------------------

UNSCOPED = {
    "add_application": lambda s: tracker.add_application(s, company="Acme"),
    "timeline_frame": tracker.timeline_frame,
    "applications_frame": tracker.applications_frame,
    "is_empty": tracker.is_empty,
    "export_tables": tracker.export_tables,
    "note_context": lambda s: tracker.note_context(s, 1),
    "import_rows": lambda s: tracker.import_rows(s, []),
    "links": lambda s: sharing.links(s, NOW),
    "share_draft": lambda s: sharing.share_draft(s, _scored(A_COMPANY), Context(), now=NOW),
}


@pytest.mark.parametrize("call", list(UNSCOPED.values()), ids=list(UNSCOPED))
def test_a_session_without_a_workspace_refuses_tracker_calls(database, call):
    with database.begin() as session:
        with pytest.raises(RuntimeError, match="scoped to a workspace"):
            call(session)
    assert _totals(database) == dict.fromkeys(OWNED, 0)


# --- link keys ----------------------------------------------------------------------------------

def test_link_keys_are_long_random_and_unique_and_only_their_hash_is_stored(database):
    with database.begin() as session:
        made = [workspaces.create_link(session) for _ in range(1_000)]
    keys = [key for _, key in made]
    assert len(set(keys)) == len(keys) == 1_000
    assert len({workspace for workspace, _ in made}) == 1_000
    for key in keys:
        assert URL_SAFE.fullmatch(key) and len(key) == 32
        assert len(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))) * 8 >= 128
    stored = _dump(database, "workspaces")
    assert not [key for key in keys if key in stored]
    with database.engine.connect() as connection:
        hashes = connection.execute(
            text("SELECT key_hash FROM workspaces WHERE kind = 'link'")).scalars().all()
    assert len(hashes) == 1_000 and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)


def _flip(key: str, position: int) -> str:
    other = "A" if key[position] != "A" else "B"
    return key[:position] + other + key[position + 1:]


def test_a_link_opens_only_with_its_exact_key(database):
    with database.begin() as session:
        mine, key = workspaces.create_link(session)
        workspaces.create_link(session)
        workspaces.local(session)
    with database.begin() as session:
        assert workspaces.by_link(session, key) == mine
        key_hash = session.scalar(text("SELECT key_hash FROM workspaces WHERE id = :i"),
                                  {"i": mine})
        wrong = [_flip(key, i) for i in range(len(key))] + [
            key.upper() if key.upper() != key else key.lower(),
            key[:-1], key + "A", key[:16], key[1:], " " + key, key + "\n", "",
            "local", key_hash, workspaces.LOCAL,
            "' OR '1'='1' --" + "x" * 20, key + "' OR '1'='1", "%" * 32, "_" * 32,
            "*" * 32, key[:-1] + "%", key[:-1] + "_",
        ]
        for guess in wrong:
            assert workspaces.by_link(session, guess) is None, guess
        for guess in (None, 12345, b"x" * 32, key.encode(), [key], 3.5):
            assert workspaces.by_link(session, guess) is None, guess
        # The workspaces table is still all there.
        assert workspaces.by_link(session, key) == mine


# --- logins and the local workspace -----------------------------------------------------------

def test_a_login_keeps_its_workspace_and_its_subject_is_not_stored(database):
    with database.begin() as session:
        alice = workspaces.for_login(session, ISSUER, "alice-subject-8813")
    with database.begin() as session:
        assert workspaces.for_login(session, ISSUER, "alice-subject-8813") == alice
        others = {
            workspaces.for_login(session, ISSUER, "bob-subject-4471"),
            workspaces.for_login(session, "https://other-idp.example", "alice-subject-8813"),
            workspaces.for_login(session, ISSUER, "Alice-Subject-8813"),
            workspaces.local(session),
        }
        assert alice not in others and len(others) == 4
        with pytest.raises(ValueError, match="subject"):
            workspaces.for_login(session, ISSUER, "")
    stored = _dump(database, "workspaces")
    for secret in ("alice-subject-8813", "bob-subject-4471", "accounts.example"):
        assert secret not in stored


def test_the_local_workspace_is_one_and_always_the_same(database):
    with database.begin() as session:
        first = workspaces.local(session)
    with database.begin() as session:
        assert workspaces.local(session) == first
        workspaces.create_link(session)
        workspaces.for_login(session, ISSUER, "alice")
        assert workspaces.local(session) == first
    with database.engine.connect() as connection:
        assert connection.execute(
            text("SELECT count(*) FROM workspaces WHERE kind = 'local'")).scalar() == 1


# --- deleting a workspace ---------------------------------------------------------------------

def test_deleting_a_workspace_removes_all_of_its_rows_and_none_of_anothers(database, pair):
    a, b = pair
    with database.begin() as session:
        a_key_workspace, a_key = workspaces.create_link(session)
    a_counts, b_counts = _counts(database, a.workspace), _counts(database, b.workspace)
    assert all(a_counts.values()) and a_counts == b_counts
    assert _totals(database) == {t: a_counts[t] + b_counts[t] for t in OWNED}
    b_before = _seen(database, b)

    with database.begin() as session:
        workspaces.delete_workspace(session, a.workspace)
        workspaces.delete_workspace(session, a_key_workspace)

    # Totals as well as joins: an orphaned row would not show up in a join.
    assert _totals(database) == b_counts
    assert _counts(database, b.workspace) == b_counts
    assert _seen(database, b) == b_before
    with database.begin() as session:
        assert not workspaces.exists(session, a.workspace)
        assert workspaces.exists(session, b.workspace)
        assert workspaces.by_link(session, a_key) is None
        assert sharing.open_share(session, a.token, NOW) is None
        with pytest.raises(sharing.ShareClosed):
            sharing.add_comment(session, a.token, author="", body="still there?", now=NOW)
        assert sharing.open_share(session, b.token, NOW) is not None


# --- migration --------------------------------------------------------------------------------

def test_a_0002_database_moves_into_the_local_workspace_without_losing_a_row(empty_database):
    empty_database.upgrade("0002")
    assert empty_database.revision() == "0002"
    started = datetime(2026, 3, 2, 14, 0)
    with empty_database.engine.begin() as connection:
        for app_id, company in ((1, "Acme"), (2, "Globex")):
            connection.execute(text(
                "INSERT INTO applications (id, company, role, job_ad_url, job_ad_text, stage,"
                " notes, created_at) VALUES (:id, :c, 'Analyst', '', '', 'interviewing', 'n',"
                " :t)"), {"id": app_id, "c": company, "t": started})
            connection.execute(text(
                "INSERT INTO interviews (id, application_id, round, starts_at, timezone,"
                " interview_type, prefers_email, topics, created_at, decision_on)"
                " VALUES (:id, :id, 1, :t, 'Europe/Berlin', 'video', false, 'dashboards', :t,"
                " :d)"), {"id": app_id, "t": started, "d": date(2026, 3, 9)})
            connection.execute(text(
                "INSERT INTO interviewers (id, interview_id, name, title, email, travelling)"
                " VALUES (:id, :id, :n, '', '', false)"), {"id": app_id, "n": f"Ana {company}"})
            connection.execute(text("INSERT INTO notes (id, interviewer_id, channel, sent_at)"
                                    " VALUES (:id, :id, 'email', :t)"),
                               {"id": app_id, "t": started})
            connection.execute(text(
                "INSERT INTO draft_versions (id, note_id, text, score, report, saved_at)"
                " VALUES (:id, :id, :x, 61, '{}', :t)"),
                {"id": app_id, "x": f"Dear Ana, thank you, {company}.", "t": started})
            connection.execute(text(
                "INSERT INTO follow_ups (interview_id, seq, due_on, done, done_at, outcome)"
                " VALUES (:id, 1, :d, true, :t, 'no reply')"),
                {"id": app_id, "d": date(2026, 3, 11), "t": started})
    before = _totals_at(empty_database)

    empty_database.upgrade()

    assert empty_database.revision() == Database.head()
    assert _totals_at(empty_database) == before
    with empty_database.begin() as session:
        local = workspaces.local(session)
    with empty_database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM workspaces")).scalar() == 1
        owners = connection.execute(text("SELECT DISTINCT workspace_id FROM applications"))
        assert owners.scalars().all() == [local]
    with empty_database.workspace(local).begin() as session:
        tables = tracker.export_tables(session)
        assert sorted(tables["applications"]["company"]) == ["Acme", "Globex"]
        assert sorted(tables["drafts"]["text"]) == ["Dear Ana, thank you, Acme.",
                                                    "Dear Ana, thank you, Globex."]
        assert tables["follow_ups"]["outcome"].tolist() == ["no reply", "no reply"]
        assert tracker.note_context(session, 2).latest_draft == "Dear Ana, thank you, Globex."
    with empty_database.begin() as session:
        other, _ = workspaces.create_link(session)
    with empty_database.workspace(other).begin() as session:
        assert tracker.is_empty(session)


def _totals_at(database) -> dict[str, int]:
    tables = ("applications", "interviews", "interviewers", "notes", "draft_versions",
              "follow_ups")
    with database.engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                for t in tables}


# --- export -----------------------------------------------------------------------------------

def _cells(archive: bytes) -> list[str]:
    """Every cell of every CSV in the zip, as a spreadsheet would get it."""
    cells = []
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        for name in opened.namelist():
            rows = csv.reader(io.StringIO(opened.read(name).decode("utf-8-sig"), newline=""))
            cells.extend(cell for row in rows for cell in row)
    return cells


def test_the_workspace_zip_holds_everything_of_its_own_and_nothing_of_anothers(database, pair):
    a, b = pair
    with database.workspace(a.workspace).begin() as session:
        archive = workspace_zip(session, NOW)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert {"interviews.csv", "applications.csv", "drafts.csv", "follow_ups.csv",
                "coaching_links.csv", "coach_comments.csv"} <= set(opened.namelist())
    cells = _cells(archive)
    assert A_COMPANY in cells
    assert _scored(A_COMPANY).text in cells
    assert f"Lovely note to {A_COMPANY}" in cells
    assert f"{A_COMPANY} replied" in cells
    everything = "\n".join(cells)
    assert B_COMPANY not in everything
    assert f"Lovely note to {B_COMPANY}" not in everything
