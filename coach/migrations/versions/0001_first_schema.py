"""The first schema: applications, interviews, interviewers, notes and their draft versions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("job_ad_url", sa.Text, nullable=False),
        sa.Column("job_ad_text", sa.Text, nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint(
            "stage IN ('applied', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn')",
            name="ck_applications_stage",
        ),
    )
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.Integer,
                  sa.ForeignKey("applications.id", ondelete="CASCADE"), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("interview_type", sa.String(20), nullable=False),
        sa.Column("prefers_email", sa.Boolean, nullable=False),
        sa.Column("topics", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("interview_type IN ('phone', 'video', 'in_person')",
                           name="ck_interviews_type"),
    )
    op.create_index("ix_interviews_application_id", "interviews", ["application_id"])
    op.create_table(
        "interviewers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("interview_id", sa.Integer,
                  sa.ForeignKey("interviews.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
    )
    op.create_index("ix_interviewers_interview_id", "interviewers", ["interview_id"])
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("interviewer_id", sa.Integer,
                  sa.ForeignKey("interviewers.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("channel", sa.String(20), nullable=True),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.CheckConstraint("channel IS NULL OR channel IN ('email', 'hard_copy')",
                           name="ck_notes_channel"),
    )
    op.create_table(
        "draft_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("note_id", sa.Integer, sa.ForeignKey("notes.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("report", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_draft_versions_note_id", "draft_versions", ["note_id"])


def downgrade() -> None:
    for table in ("draft_versions", "notes", "interviewers", "interviews", "applications"):
        op.drop_table(table)
