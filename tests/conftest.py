"""Shared fixtures: sample drafts live in tests/samples.py; databases on both engines here."""

from __future__ import annotations

import pytest

from coach.database import Database
from coach.nlp import get_nlp
from tests import postgres


@pytest.fixture(autouse=True)
def _private_database(tmp_path, monkeypatch):
    """Every test that opens the app's database gets its own SQLite file, never data/'s."""
    monkeypatch.setenv("THANKYOU_COACH_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")


@pytest.fixture(scope="session")
def nlp():
    return get_nlp()


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the whole run, or a skip that says what is missing."""
    if postgres.binaries() is None:
        pytest.skip("PostgreSQL is not installed (initdb/pg_ctl not found); "
                    ".ci/run installs it so CI tests both engines")
    server = postgres.Server()
    server.start()
    yield server
    server.stop()


def _fresh_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'coach.db'}"
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    """A brand-new database with no schema, on each engine."""
    database = Database(_fresh_url(request, tmp_path))
    yield database
    database.dispose()


@pytest.fixture
def database(empty_database):
    """A database migrated to the newest schema, on each engine."""
    empty_database.upgrade()
    return empty_database
