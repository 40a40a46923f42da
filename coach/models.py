"""The tracker's tables: applications, their interviews, the interviewers, and the notes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .choices import CHANNELS, INTERVIEW_TYPES, STAGES, WORKSPACE_KINDS


class UTCDateTime(TypeDecorator):
    """An aware datetime stored as UTC; SQLite has no time zones, so it is kept naive there."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes must carry a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    pass


class Workspace(Base):
    """One person's private space: everything else belongs to exactly one workspace.

    ``key_hash`` is the SHA-256 of what identifies the owner (a link key or a login subject),
    never the key itself; the single local workspace has the fixed key hash ``"local"``.
    """

    __tablename__ = "workspaces"
    __table_args__ = (CheckConstraint(_one_of("kind", WORKSPACE_KINDS),
                                      name="ck_workspaces_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (CheckConstraint(_one_of("stage", STAGES), name="ck_applications_stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    job_ad_url: Mapped[str] = mapped_column(Text, default="")
    job_ad_text: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(20), default="interviewing")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interviews: Mapped[list[Interview]] = relationship(
        back_populates="application", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Interview.starts_at",
    )


class Interview(Base):
    __tablename__ = "interviews"
    __table_args__ = (
        CheckConstraint(_one_of("interview_type", INTERVIEW_TYPES), name="ck_interviews_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer, default=1)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    interview_type: Mapped[str] = mapped_column(String(20), default="video")
    prefers_email: Mapped[bool] = mapped_column(Boolean, default=False)
    #: One topic per line.
    topics: Mapped[str] = mapped_column(Text, default="")
    #: The date the employer said they would decide by, if they named one.
    decision_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    application: Mapped[Application] = relationship(back_populates="interviews")
    interviewers: Mapped[list[Interviewer]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Interviewer.id",
    )
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True,
        order_by="FollowUp.seq",
    )


class Interviewer(Base):
    __tablename__ = "interviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    #: A note to someone who is travelling goes by email.
    travelling: Mapped[bool] = mapped_column(Boolean, default=False)

    interview: Mapped[Interview] = relationship(back_populates="interviewers")
    note: Mapped[Note] = relationship(
        back_populates="interviewer", cascade="all, delete-orphan", passive_deletes=True,
        uselist=False,
    )


class Note(Base):
    """The one thank-you note to one interviewer for one interview."""

    __tablename__ = "notes"
    __table_args__ = (
        CheckConstraint(f"channel IS NULL OR {_one_of('channel', CHANNELS)}",
                        name="ck_notes_channel"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interviewer_id: Mapped[int] = mapped_column(
        ForeignKey("interviewers.id", ondelete="CASCADE"), unique=True
    )
    #: The writer's own choice; None means the timeline's rule decides.
    channel: Mapped[str | None] = mapped_column(String(20), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    interviewer: Mapped[Interviewer] = relationship(back_populates="note")
    versions: Mapped[list[DraftVersion]] = relationship(
        back_populates="note", cascade="all, delete-orphan", passive_deletes=True,
        order_by="DraftVersion.id",
    )


class DraftVersion(Base):
    """A saved draft: its text, its score then, and when it was saved."""

    __tablename__ = "draft_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(Integer)
    #: The report as JSON (Report.to_dict), so a version can be shown again without rescoring.
    report: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    note: Mapped[Note] = relationship(back_populates="versions")


class FollowUp(Base):
    """A follow-up after an interview; there are at most two (seq 1 and 2)."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        UniqueConstraint("interview_id", "seq", name="uq_follow_ups_interview_seq"),
        CheckConstraint("seq IN (1, 2)", name="ck_follow_ups_seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    outcome: Mapped[str] = mapped_column(Text, default="")

    interview: Mapped[Interview] = relationship(back_populates="follow_ups")


class Share(Base):
    """A read-only coaching link: a snapshot of one scored draft, found by its token's hash."""

    __tablename__ = "shares"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    #: SHA-256 of the link's token, in hex; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: The note the draft was written for, if it was linked to one.
    note_id: Mapped[int | None] = mapped_column(
        ForeignKey("notes.id", ondelete="SET NULL"), nullable=True, index=True
    )
    #: SHA-256 of the draft's text, so the writer sees comments next to that same draft.
    draft_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(Integer)
    #: The report as JSON (Report.to_dict) and the interview context as JSON.
    report: Mapped[str] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    comments: Mapped[list[ShareComment]] = relationship(
        back_populates="share", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ShareComment.id",
    )


class ShareComment(Base):
    """A coach's comment on a shared draft; the coach has no account, only the link."""

    __tablename__ = "share_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    share_id: Mapped[int] = mapped_column(ForeignKey("shares.id", ondelete="CASCADE"),
                                          index=True)
    author: Mapped[str] = mapped_column(String(80), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    share: Mapped[Share] = relationship(back_populates="comments")
