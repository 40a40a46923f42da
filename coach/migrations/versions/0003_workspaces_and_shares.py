"""Private workspaces (every application belongs to one) and coaching links with comments.

Existing applications move into the one local workspace, which this migration creates.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    workspaces = op.create_table(
        "workspaces",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("kind IN ('local', 'link', 'login')", name="ck_workspaces_kind"),
    )
    op.bulk_insert(workspaces, [{"key_hash": "local", "kind": "local",
                                 "created_at": datetime.now(UTC).replace(tzinfo=None)}])
    local = sa.select(workspaces.c.id).where(workspaces.c.key_hash == "local").scalar_subquery()
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("workspace_id", sa.Integer, nullable=True))
    applications = sa.table("applications", sa.column("workspace_id", sa.Integer))
    op.execute(applications.update().values(workspace_id=local))
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("workspace_id", existing_type=sa.Integer, nullable=False)
        batch.create_foreign_key("fk_applications_workspace_id", "workspaces",
                                 ["workspace_id"], ["id"], ondelete="CASCADE")
        batch.create_index("ix_applications_workspace_id", ["workspace_id"])

    op.create_table(
        "shares",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workspace_id", sa.Integer,
                  sa.ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("note_id", sa.Integer, sa.ForeignKey("notes.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("draft_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("report", sa.Text, nullable=False),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=True),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_shares_workspace_id", "shares", ["workspace_id"])
    op.create_index("ix_shares_note_id", "shares", ["note_id"])
    op.create_index("ix_shares_draft_hash", "shares", ["draft_hash"])
    op.create_table(
        "share_comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("share_id", sa.Integer, sa.ForeignKey("shares.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_share_comments_share_id", "share_comments", ["share_id"])


def downgrade() -> None:
    op.drop_table("share_comments")
    op.drop_table("shares")
    with op.batch_alter_table("applications") as batch:
        batch.drop_index("ix_applications_workspace_id")
        batch.drop_constraint("fk_applications_workspace_id", type_="foreignkey")
        batch.drop_column("workspace_id")
    op.drop_table("workspaces")
