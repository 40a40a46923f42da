"""Where the tracker's data lives: the database URL, the engine, migrations and transactions.

SQLite under ``data/`` is the default; a PostgreSQL URL in ``THANKYOU_COACH_DATABASE_URL`` or in
Streamlit's secrets (``database_url``) switches to it. Migrations run on every start.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

URL_SETTING = "THANKYOU_COACH_DATABASE_URL"
SECRET_NAME = "database_url"
DEFAULT_FILE = "thankyou_coach.db"
MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed number works: it only has to be the same in every process that migrates.
_MIGRATION_LOCK = 7_042_611


class DatabaseError(RuntimeError):
    """The database can't be used; the message says why and what to set."""


def database_url(
    environ: Mapping[str, str] | None = None,
    secrets: Mapping[str, object] | None = None,
    data_dir: str | Path = "data",
) -> str:
    """The configured database URL, or SQLite in ``data_dir``.

    Parameters
    ----------
    environ : the environment (``os.environ`` when None); its setting wins
    secrets : Streamlit's secrets, read for ``database_url``
    data_dir : where the default SQLite file lives
    """
    environ = os.environ if environ is None else environ
    url = (environ.get(URL_SETTING) or "").strip()
    if not url and secrets is not None:
        url = str(secrets.get(SECRET_NAME) or "").strip()
    if not url:
        return f"sqlite:///{Path(data_dir).resolve() / DEFAULT_FILE}"
    return normalise_url(url)


def normalise_url(url: str) -> str:
    """Point PostgreSQL URLs at the installed psycopg 3 driver; reject what can't be used."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as error:
        raise DatabaseError(
            f"{URL_SETTING} is not a database URL ({error}); use sqlite:///path/to/file.db or "
            "postgresql://user:password@host:5432/dbname"
        ) from None
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"{backend} is not supported; use SQLite or PostgreSQL")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets readers carry on while one writer commits, and survives a killed process.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """One database: an engine, its migrations, and transactions on it."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = _engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema up to ``revision``; safe to run from several processes at once."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.connect() as connection:
            if self.backend == "sqlite":
                # Batch migrations copy a table and drop the old one; with foreign keys on,
                # that drop would cascade and delete every child row. Checked again below.
                connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
                connection.commit()
            with connection.begin():
                if self.backend == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": _MIGRATION_LOCK})
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if self.backend == "sqlite":
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(f"the upgrade left {len(broken)} dangling rows")
            if self.backend == "sqlite":
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()

    def revision(self) -> str | None:
        """The schema revision the database is at (None before the first migration)."""
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    @staticmethod
    def head() -> str:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        return ScriptDirectory.from_config(config).get_current_head()

    @contextmanager
    def begin(self, workspace_id: int | None = None) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on error.

        The tracker's reads and writes only work in a session scoped to a workspace (see
        ``workspace``); an unscoped session is for finding and managing workspaces.
        """
        with self._sessions(info=_scope(workspace_id)) as session, session.begin():
            yield session

    @contextmanager
    def dry_run(self, workspace_id: int | None = None) -> Iterator[Session]:
        """A session whose changes are always rolled back: to preview what a write would do."""
        with self._sessions(info=_scope(workspace_id)) as session:
            session.begin()
            try:
                yield session
            finally:
                session.rollback()

    def workspace(self, workspace_id: int) -> Scoped:
        """Transactions that can only see and change the rows of one workspace."""
        return Scoped(self, workspace_id)

    def dispose(self) -> None:
        self.engine.dispose()


def _scope(workspace_id: int | None) -> dict[str, int]:
    if workspace_id is None:
        return {}
    if isinstance(workspace_id, bool) or not isinstance(workspace_id, int):
        raise TypeError("a workspace id is an int")
    return {"workspace_id": workspace_id}


class Scoped:
    """A database seen from one workspace: ``begin`` and ``dry_run`` as on ``Database``."""

    def __init__(self, database: Database, workspace_id: int) -> None:
        self.database = database
        self.workspace_id = workspace_id

    def begin(self):
        return self.database.begin(self.workspace_id)

    def dry_run(self):
        return self.database.dry_run(self.workspace_id)


_OPENING = threading.Lock()


def open_database(url: str) -> Database:
    """The process's one Database for ``url``, migrated to the newest schema.

    Thread-safe: visitors arriving together on a fresh server are separate threads, and
    Alembic keeps its migration state in module globals, so only one may migrate at a time.
    """
    with _OPENING:
        return _open(url)


@lru_cache(maxsize=4)
def _open(url: str) -> Database:
    database = Database(url)
    try:
        database.upgrade()
    except Exception as error:
        database.dispose()
        raise DatabaseError(f"could not open the database at {_safe(url)}: {error}") from error
    return database


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"
