"""Alembic runs this for every migration; coach.database hands it an open connection."""

from __future__ import annotations

from alembic import context

from coach.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite can't ALTER most things in place; batch mode copies the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
