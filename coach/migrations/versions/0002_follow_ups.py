"""Follow-ups (at most two per interview), the employer's decision date, travelling interviewers.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interviews") as batch:
        batch.add_column(sa.Column("decision_on", sa.Date, nullable=True))
    with op.batch_alter_table("interviewers") as batch:
        batch.add_column(
            sa.Column("travelling", sa.Boolean, nullable=False, server_default=sa.false())
        )
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("interview_id", sa.Integer,
                  sa.ForeignKey("interviews.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("done", sa.Boolean, nullable=False),
        sa.Column("done_at", sa.DateTime, nullable=True),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.UniqueConstraint("interview_id", "seq", name="uq_follow_ups_interview_seq"),
        sa.CheckConstraint("seq IN (1, 2)", name="ck_follow_ups_seq"),
    )
    op.create_index("ix_follow_ups_interview_id", "follow_ups", ["interview_id"])


def downgrade() -> None:
    op.drop_table("follow_ups")
    with op.batch_alter_table("interviewers") as batch:
        batch.drop_column("travelling")
    with op.batch_alter_table("interviews") as batch:
        batch.drop_column("decision_on")
