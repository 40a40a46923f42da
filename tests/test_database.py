"""The database: URLs, SQLite settings, migrations from the first schema, on both engines."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from coach import tracker, workspaces
from coach.database import Database, DatabaseError, database_url, open_database
from coach.models import Base, Interview


@pytest.mark.parametrize(
    ("environ", "secrets", "expected"),
    [
        ({}, None, "sqlite:///"),
        ({}, {"database_url": "postgresql://u:p@db:5432/coach"},
         "postgresql+psycopg://u:p@db:5432/coach"),
        ({"THANKYOU_COACH_DATABASE_URL": "postgres://u@db/coach"},
         {"database_url": "sqlite:///other.db"}, "postgresql+psycopg://u@db/coach"),
        ({"THANKYOU_COACH_DATABASE_URL": "  "}, {"database_url": ""}, "sqlite:///"),
        ({"THANKYOU_COACH_DATABASE_URL": "sqlite:////tmp/x.db"}, None, "sqlite:////tmp/x.db"),
    ],
)
def test_the_setting_then_secrets_then_sqlite_in_data(environ, secrets, expected, tmp_path):
    url = database_url(environ, secrets, data_dir=tmp_path)
    assert url.startswith(expected)
    if expected == "sqlite:///":
        assert url == f"sqlite:///{tmp_path.resolve() / 'thankyou_coach.db'}"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url", "redis://localhost"])
def test_an_unusable_url_says_what_to_set(url):
    with pytest.raises(DatabaseError, match="sqlite|PostgreSQL|URL"):
        database_url({"THANKYOU_COACH_DATABASE_URL": url})


def test_open_database_names_the_place_without_the_password(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(DatabaseError) as caught:
        open_database("postgresql://coach:s3cret@127.0.0.1:1/none")
    assert "s3cret" not in str(caught.value)
    assert "127.0.0.1" in str(caught.value)


def test_sqlite_uses_wal_and_enforces_foreign_keys(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'sub' / 'coach.db'}")
    database.upgrade()
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), database.begin() as session:
        session.add(Interview(application_id=999, starts_at=datetime.now(UTC)))
    database.dispose()


def test_models_and_migrations_agree(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrading_twice_and_from_many_processes_is_harmless(database):
    database.upgrade()
    again = Database(database.url)
    again.upgrade()
    assert again.revision() == Database.head()
    again.dispose()


def test_a_first_schema_database_upgrades_without_losing_a_row(empty_database):
    """Rows written by the first released schema survive the upgrade, with sensible defaults."""
    empty_database.upgrade("0001")
    assert empty_database.revision() == "0001"
    started = datetime(2026, 3, 2, 14, 0)
    with empty_database.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO applications (id, company, role, job_ad_url, job_ad_text, stage, notes,"
            " created_at) VALUES (1, 'Acme', 'Analyst', '', '', 'interviewing', 'n', :t)"
        ), {"t": started})
        connection.execute(text(
            "INSERT INTO interviews (id, application_id, round, starts_at, timezone,"
            " interview_type, prefers_email, topics, created_at)"
            " VALUES (1, 1, 2, :t, 'Europe/Berlin', 'in_person', false, 'dashboards', :t)"
        ), {"t": started})
        connection.execute(text(
            "INSERT INTO interviewers (id, interview_id, name, title, email)"
            " VALUES (1, 1, 'Ana Ruiz', 'Lead', 'ana@acme.test')"
        ))
        connection.execute(text("INSERT INTO notes (id, interviewer_id, channel, sent_at)"
                                " VALUES (1, 1, NULL, NULL)"))
        connection.execute(text(
            "INSERT INTO draft_versions (id, note_id, text, score, report, saved_at)"
            " VALUES (1, 1, 'Dear Ana, thank you.', 61, '{}', :t)"
        ), {"t": started})

    empty_database.upgrade()

    assert empty_database.revision() == Database.head()
    with empty_database.begin() as session:
        local = workspaces.local(session)
    with empty_database.workspace(local).begin() as session:
        context = tracker.note_context(session, 1)
        assert (context.company, context.interviewer, context.topics) == (
            "Acme", "Ana Ruiz", ("dashboards",))
        assert context.history == ((datetime(2026, 3, 2, 14, 0, tzinfo=UTC), 61),)
        assert context.latest_draft == "Dear Ana, thank you."
        frame = tracker.timeline_frame(session)
        assert len(frame) == 1
        assert not frame.loc[0, "travelling"]
        assert frame.loc[0, "follow_ups_done"] == 0
        # The new columns can be used straight away.
        tracker.update_interview(session, 1, decision_on=date(2026, 3, 9))
        tracker.record_follow_up(session, 1, due_on=date(2026, 3, 11))
    tables = set(inspect(empty_database.engine).get_table_names())
    assert {"applications", "interviews", "interviewers", "notes", "draft_versions",
            "follow_ups"} <= tables
