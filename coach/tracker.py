"""Reading and writing the tracker: applications, interviews, interviewers, drafts, follow-ups.

Every function takes an open ``Session`` scoped to one workspace (``Database.workspace(id)
.begin()``) and sees and changes only that workspace's rows: a row of another workspace is
reported as not existing. Anything invalid raises ``RecordError`` with a user-facing message,
before writing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from numbers import Integral
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .choices import CHANNELS, INTERVIEW_TYPES, STAGES
from .context import Context
from .models import Application, DraftVersion, FollowUp, Interview, Interviewer, Note, utcnow
from .report import Report

LIMITS = {
    "company": 200,
    "role": 200,
    "name": 200,
    "title": 200,
    "email": 320,
    "job_ad_url": 2_000,
    "job_ad_text": 50_000,
    "notes": 10_000,
    "topics": 2_000,
    "outcome": 2_000,
}
MAX_FOLLOW_UPS = 2
MAX_ROUND = 99


class RecordError(ValueError):
    """A record can't be saved as given; the message says which field and why."""


# --- validation -------------------------------------------------------------------------------

def _text(value: Any, name: str, *, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(f"{name.replace('_', ' ')} must be text")
    value = value.strip()
    if "\x00" in value:
        raise RecordError(f"{name.replace('_', ' ')} contains a NUL character; remove it")
    if required and not value:
        raise RecordError(f"{name.replace('_', ' ')} is required")
    limit = LIMITS.get(name)
    if limit and len(value) > limit:
        raise RecordError(
            f"{name.replace('_', ' ')} is {len(value):,} characters; the limit is {limit:,}"
        )
    return value


def _one_of(value: Any, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise RecordError(f"{name.replace('_', ' ')} must be one of {', '.join(allowed)}")
    return value


def _zone(name: Any) -> str:
    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder: OSError
        raise RecordError(f"{name!r} is not a time zone; use a name like Europe/Berlin") from None
    return str(name)


def _email(value: Any) -> str:
    value = _text(value, "email")
    local, _, domain = value.rpartition("@")
    if value and (not local or " " in value or "." not in domain
                  or not all(domain.split("."))):
        raise RecordError(f"{value!r} doesn't look like an email address")
    return value


def _web_address(value: Any) -> str:
    """A job ad link: only http(s), since the pages show it as a link and javascript: runs."""
    value = _text(value, "job_ad_url")
    parts = urlsplit(value)
    if value and (parts.scheme.casefold() not in ("http", "https") or not parts.netloc):
        raise RecordError(f"the job ad link {value[:60]!r} must be a web address starting with "
                          "https:// or http://")
    return value


def local_start(day: date, at: time, zone: str) -> datetime:
    """The aware start of an interview from the date and time on the interviewer's clock.

    Raises RecordError when that local time doesn't exist (the hour skipped by a DST change).
    """
    zone = _zone(zone)
    local = datetime.combine(day, at.replace(tzinfo=None), tzinfo=ZoneInfo(zone))
    round_trip = local.astimezone(UTC).astimezone(ZoneInfo(zone))
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise RecordError(
            f"{day.isoformat()} {at.strftime('%H:%M')} doesn't exist in {zone} "
            "(the clocks jump forward then); pick another time"
        )
    return local.astimezone(UTC)


def _aware(value: Any, name: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise RecordError(f"{name.replace('_', ' ')} needs a date, a time and a time zone")
    return value.astimezone(UTC)


def _known_only(fields: Mapping[str, Any], known: set[str], what: str) -> None:
    unknown = set(fields) - known
    if unknown:
        raise TypeError(f"unknown {what} field(s): {', '.join(sorted(unknown))}")


def workspace_of(session: Session) -> int:
    """The workspace this session is scoped to; a session without one can't touch records."""
    workspace_id = session.info.get("workspace_id")
    if workspace_id is None:
        raise RuntimeError("tracker calls need a session scoped to a workspace: "
                           "use Database.workspace(id).begin()")
    return workspace_id


def _owned(statement, model: type, workspace_id: int):
    """``statement`` limited to rows of ``model`` that belong to the workspace."""
    if model is Interviewer:
        statement = statement.join(Interview, Interview.id == Interviewer.interview_id)
    if model in (Interviewer, Interview):
        statement = statement.join(Application, Application.id == Interview.application_id)
    return statement.where(Application.workspace_id == workspace_id)


def _get(session: Session, model: type, key: int, label: str):
    """The row of ``model`` with id ``key`` in this session's workspace.

    A row of another workspace gets the same answer as a missing one, so ids can't be probed.
    """
    workspace_id = workspace_of(session)
    row = None
    if isinstance(key, Integral) and not isinstance(key, bool):
        row = session.scalar(
            _owned(select(model).where(model.id == int(key)), model, workspace_id)
        )
    if row is None:
        raise RecordError(f"that {label} no longer exists; it may have been deleted")
    return row


# --- applications -----------------------------------------------------------------------------

def _application_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    known = {"company", "role", "stage", "job_ad_url", "job_ad_text", "notes"}
    _known_only(fields, known, "application")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "stage":
            clean[name] = _one_of(value, STAGES, "stage")
        elif name == "job_ad_url":
            clean[name] = _web_address(value)
        else:
            clean[name] = _text(value, name, required=name == "company")
    return clean


def add_application(session: Session, *, company: str, **fields: Any) -> Application:
    """A new application; ``company`` is required, ``stage`` defaults to interviewing."""
    row = Application(workspace_id=workspace_of(session),
                      **_application_fields({"company": company, **fields}))
    session.add(row)
    session.flush()
    return row


def update_application(session: Session, application_id: int, **fields: Any) -> Application:
    row = _get(session, Application, application_id, "application")
    for name, value in _application_fields(fields).items():
        setattr(row, name, value)
    session.flush()
    return row


def delete_application(session: Session, application_id: int) -> None:
    """Delete an application with its interviews, interviewers, drafts and follow-ups."""
    session.delete(_get(session, Application, application_id, "application"))
    session.flush()


# --- interviews -------------------------------------------------------------------------------

def _topics(value: Any) -> str:
    if isinstance(value, str):
        value = value.replace(";", "\n").splitlines()
    topics = [_text(t, "topics") for t in (value or ())]
    return _text("\n".join(t for t in topics if t), "topics")


def _interview_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    known = {"starts_at", "timezone", "interview_type", "round", "prefers_email", "topics",
             "decision_on"}
    _known_only(fields, known, "interview")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "starts_at":
            clean[name] = _aware(value, name)
        elif name == "timezone":
            clean[name] = _zone(value)
        elif name == "interview_type":
            clean[name] = _one_of(value, INTERVIEW_TYPES, "interview type")
        elif name == "round":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ROUND:
                raise RecordError(f"round must be a whole number from 1 to {MAX_ROUND}")
            clean[name] = value
        elif name == "prefers_email":
            clean[name] = bool(value)
        elif name == "topics":
            clean[name] = _topics(value)
        elif name == "decision_on":
            if value is not None and not isinstance(value, date):
                raise RecordError("the decision date must be a date")
            clean[name] = value.date() if isinstance(value, datetime) else value
    return clean


def _check_decision(starts_at: datetime, zone: str, decision_on: date | None) -> None:
    if decision_on is not None:
        local_day = starts_at.astimezone(ZoneInfo(zone)).date()
        if decision_on < local_day:
            raise RecordError("the decision date can't be before the interview")


def add_interview(
    session: Session, application_id: int, *, starts_at: datetime, timezone: str = "UTC",
    **fields: Any,
) -> Interview:
    """A new interview of an application, at an aware ``starts_at`` in ``timezone``."""
    _get(session, Application, application_id, "application")
    row = Interview(
        application_id=application_id,
        **_interview_fields({"starts_at": starts_at, "timezone": timezone, **fields}),
    )
    _check_decision(row.starts_at, row.timezone, row.decision_on)
    session.add(row)
    session.flush()
    return row


def update_interview(session: Session, interview_id: int, **fields: Any) -> Interview:
    row = _get(session, Interview, interview_id, "interview")
    clean = _interview_fields(fields)
    # Checked before any attribute changes, so a refused update leaves the session clean.
    _check_decision(clean.get("starts_at", row.starts_at), clean.get("timezone", row.timezone),
                    clean.get("decision_on", row.decision_on))
    for name, value in clean.items():
        setattr(row, name, value)
    session.flush()
    return row


def delete_interview(session: Session, interview_id: int) -> None:
    session.delete(_get(session, Interview, interview_id, "interview"))
    session.flush()


# --- interviewers and their notes -------------------------------------------------------------

def _interviewer_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    known = {"name", "title", "email", "travelling"}
    _known_only(fields, known, "interviewer")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "email":
            clean[name] = _email(value)
        elif name == "travelling":
            clean[name] = bool(value)
        else:
            clean[name] = _text(value, name, required=name == "name")
    return clean


def add_interviewer(session: Session, interview_id: int, *, name: str, **fields: Any
                    ) -> Interviewer:
    """Someone the writer met in an interview; their (empty) note is created with them."""
    _get(session, Interview, interview_id, "interview")
    row = Interviewer(interview_id=interview_id,
                      **_interviewer_fields({"name": name, **fields}))
    row.note = Note()
    session.add(row)
    session.flush()
    return row


def update_interviewer(session: Session, interviewer_id: int, **fields: Any) -> Interviewer:
    row = _get(session, Interviewer, interviewer_id, "interviewer")
    for name, value in _interviewer_fields(fields).items():
        setattr(row, name, value)
    session.flush()
    return row


def delete_interviewer(session: Session, interviewer_id: int) -> None:
    session.delete(_get(session, Interviewer, interviewer_id, "interviewer"))
    session.flush()


def _note(session: Session, interviewer_id: int) -> Note:
    interviewer = _get(session, Interviewer, interviewer_id, "interviewer")
    if interviewer.note is None:
        interviewer.note = Note()
        session.flush()
    return interviewer.note


def save_draft(session: Session, interviewer_id: int, text: str, report: Report,
               when: datetime | None = None) -> DraftVersion:
    """Keep this draft and its score as a new version of the note to ``interviewer_id``."""
    note = _note(session, interviewer_id)
    if not text or not text.strip():
        raise RecordError("the draft is empty; there is nothing to save")
    version = DraftVersion(
        note=note, text=text, score=int(report.overall),
        report=json.dumps(report.to_dict(source=""), ensure_ascii=False),
        saved_at=_aware(when, "saved at") if when else utcnow(),
    )
    session.add(version)
    session.flush()
    return version


def mark_sent(session: Session, interviewer_id: int, when: datetime | None = None,
              channel: str | None = None) -> Note:
    """Record that the note went out (now, unless ``when`` is given), and by which channel."""
    note = _note(session, interviewer_id)
    sent_at = _aware(when, "sent at") if when else utcnow()
    if channel is not None:
        note.channel = _one_of(channel, CHANNELS, "channel")
    note.sent_at = sent_at
    session.flush()
    return note


def unmark_sent(session: Session, interviewer_id: int) -> Note:
    note = _note(session, interviewer_id)
    note.sent_at = None
    session.flush()
    return note


def set_channel(session: Session, interviewer_id: int, channel: str | None) -> Note:
    """The writer's own channel for this note; None hands the choice back to the rules."""
    note = _note(session, interviewer_id)
    note.channel = None if channel is None else _one_of(channel, CHANNELS, "channel")
    session.flush()
    return note


# --- follow-ups -------------------------------------------------------------------------------

def record_follow_up(session: Session, interview_id: int, *, due_on: date, done: bool = True,
                     outcome: str = "", when: datetime | None = None) -> FollowUp:
    """Add the next follow-up of an interview (planned, or done with its outcome); at most two."""
    interview = _get(session, Interview, interview_id, "interview")
    if not isinstance(due_on, date):
        raise RecordError("a follow-up needs a due date")
    # Everything is checked before a row is created or changed.
    outcome = _text(outcome, "outcome")
    done_at = (_aware(when, "done at") if when else utcnow()) if done else None
    pending = [f for f in interview.follow_ups if not f.done]
    if pending:
        row = pending[0]
    elif len(interview.follow_ups) >= MAX_FOLLOW_UPS:
        raise RecordError("this interview already has two follow-ups; more would be pushy")
    else:
        row = FollowUp(interview=interview, seq=len(interview.follow_ups) + 1)
        session.add(row)
    row.due_on = due_on
    row.done = bool(done)
    row.done_at = done_at
    row.outcome = outcome
    session.flush()
    return row


# --- reading ----------------------------------------------------------------------------------

def is_empty(session: Session) -> bool:
    mine = Application.workspace_id == workspace_of(session)
    return session.scalar(select(func.count(Application.id)).where(mine)) == 0


def _mine(session: Session):
    """This workspace's applications, oldest first."""
    return (select(Application).where(Application.workspace_id == workspace_of(session))
            .order_by(Application.id))


def _latest_versions(session: Session):
    """(note_id, latest score, number of versions) for every note with a draft."""
    latest = (
        select(DraftVersion.note_id, func.max(DraftVersion.id).label("last_id"),
               func.count(DraftVersion.id).label("versions"))
        .group_by(DraftVersion.note_id)
        .subquery()
    )
    return (
        select(latest.c.note_id, DraftVersion.score, latest.c.versions)
        .join(DraftVersion, DraftVersion.id == latest.c.last_id)
        .subquery()
    )


def timeline_frame(session: Session) -> pd.DataFrame:
    """One row per interviewer note, in the columns ``coach.timeline.compute`` reads."""
    from .timeline import empty_frame

    workspace = workspace_of(session)
    drafts = _latest_versions(session)
    rows = session.execute(
        select(
            Application.id, Application.company, Application.role, Application.stage,
            Interview.id, Interview.round, Interview.starts_at, Interview.timezone,
            Interview.interview_type, Interview.prefers_email, Interview.decision_on,
            Interviewer.id, Interviewer.name, Interviewer.title, Interviewer.email,
            Interviewer.travelling, Note.id, Note.channel, Note.sent_at,
            drafts.c.score, drafts.c.versions,
        )
        .join(Interview, Interview.application_id == Application.id)
        .join(Interviewer, Interviewer.interview_id == Interview.id)
        .outerjoin(Note, Note.interviewer_id == Interviewer.id)
        .outerjoin(drafts, drafts.c.note_id == Note.id)
        .where(Application.workspace_id == workspace)
        .order_by(Interview.starts_at, Interviewer.id)
    ).all()
    follow_ups = session.execute(
        _owned(select(FollowUp.interview_id, FollowUp.due_on, FollowUp.done, FollowUp.done_at)
               .join(Interview, Interview.id == FollowUp.interview_id), Interview, workspace)
        .order_by(FollowUp.seq)
    ).all()
    done: dict[int, int] = {}
    next_on: dict[int, date] = {}
    last_on: dict[int, date] = {}
    for interview_id, due_on, is_done, done_at in follow_ups:
        if is_done:
            done[interview_id] = done.get(interview_id, 0) + 1
            # The next follow-up counts from the day this one actually happened.
            last_on[interview_id] = done_at.date() if done_at else due_on
        else:
            next_on.setdefault(interview_id, due_on)

    template = empty_frame()
    if not rows:
        return template
    columns = [
        "application_id", "company", "role", "stage", "interview_id", "round", "starts_at",
        "timezone", "interview_type", "prefers_email", "decision_on", "interviewer_id",
        "interviewer", "interviewer_title", "interviewer_email", "travelling", "note_id",
        "channel", "sent_at", "latest_score", "versions",
    ]
    frame = pd.DataFrame.from_records(rows, columns=columns)
    frame["versions"] = frame["versions"].fillna(0)
    ids = frame["interview_id"]
    frame["follow_ups_done"] = ids.map(done).fillna(0)
    frame["next_follow_up_on"] = ids.map(next_on)
    frame["last_follow_up_on"] = ids.map(last_on)
    return _conform(frame, template)


def _conform(frame: pd.DataFrame, template: pd.DataFrame) -> pd.DataFrame:
    """Cast ``frame`` to the template's columns and dtypes."""
    out = {}
    for name, dtype in template.dtypes.items():
        column = frame[name]
        if isinstance(dtype, pd.DatetimeTZDtype):
            column = pd.to_datetime(column, utc=True)
        elif pd.api.types.is_datetime64_dtype(dtype):
            column = pd.to_datetime(column)
        elif pd.api.types.is_object_dtype(dtype):
            column = column.astype(object).where(column.notna(), None)
        out[name] = column.astype(dtype)
    return pd.DataFrame(out)[list(template.columns)]


def interviews_without_interviewers(session: Session) -> list[tuple[str, str, datetime]]:
    """(company, role, starts_at) of interviews that have nobody to write to yet."""
    return [
        tuple(row)
        for row in session.execute(
            select(Application.company, Application.role, Interview.starts_at)
            .join(Interview, Interview.application_id == Application.id)
            .outerjoin(Interviewer, Interviewer.interview_id == Interview.id)
            .where(Interviewer.id.is_(None),
                   Application.workspace_id == workspace_of(session))
            .order_by(Interview.starts_at)
        )
    ]


@dataclass(frozen=True)
class NoteContext:
    """What the Score page needs to work on one interviewer's note."""

    interviewer_id: int
    interview_id: int
    interviewer: str
    company: str
    role: str
    interview_type: str
    topics: tuple[str, ...]
    job_ad: str
    starts_at: datetime
    timezone: str
    sent_at: datetime | None
    latest_draft: str
    #: (saved_at, score) of every saved version, oldest first.
    history: tuple[tuple[datetime, int], ...] = field(default=())

    def context(self) -> Context:
        """The scorer's context for this note: who it is to and what was discussed."""
        return Context(interviewers=(self.interviewer,), company=self.company, role=self.role,
                       interview_type=self.interview_type, topics=self.topics,
                       job_ad=self.job_ad)


def note_context(session: Session, interviewer_id: int) -> NoteContext:
    interviewer = _get(session, Interviewer, interviewer_id, "interviewer")
    interview = interviewer.interview
    application = interview.application
    versions = interviewer.note.versions if interviewer.note else []
    return NoteContext(
        interviewer_id=interviewer.id,
        interview_id=interview.id,
        interviewer=interviewer.name,
        company=application.company,
        role=application.role,
        interview_type=interview.interview_type,
        topics=tuple(t for t in interview.topics.splitlines() if t.strip()),
        job_ad=application.job_ad_text,
        starts_at=interview.starts_at,
        timezone=interview.timezone,
        sent_at=interviewer.note.sent_at if interviewer.note else None,
        latest_draft=versions[-1].text if versions else "",
        history=tuple((v.saved_at, v.score) for v in versions),
    )


def panel_drafts(session: Session, interview_id: int) -> dict[str, str]:
    """The latest draft to each interviewer of one interview, by interviewer name."""
    interview = _get(session, Interview, interview_id, "interview")
    drafts = {}
    for person in interview.interviewers:
        if person.note and person.note.versions:
            drafts[person.name] = person.note.versions[-1].text
    return drafts


def applications_frame(session: Session) -> pd.DataFrame:
    """Applications for the editable table, newest first."""
    rows = session.execute(
        select(Application.id, Application.company, Application.role, Application.stage,
               Application.job_ad_url, Application.notes,
               func.count(Interview.id).label("interviews"))
        .outerjoin(Interview, Interview.application_id == Application.id)
        .where(Application.workspace_id == workspace_of(session))
        .group_by(Application.id)
        .order_by(Application.created_at.desc(), Application.id.desc())
    ).all()
    return pd.DataFrame.from_records(
        rows, columns=["id", "company", "role", "stage", "job_ad_url", "notes", "interviews"]
    )


def interviews_of(session: Session, application_id: int) -> list[Interview]:
    application = _get(session, Application, application_id, "application")
    return list(application.interviews)


# --- import and export ------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportSummary:
    applications: int
    interviews: int
    interviewers: int
    #: Spreadsheet lines already in the database, skipped.
    duplicates: tuple[int, ...]


def import_rows(session: Session, rows: Iterable[Any]) -> ImportSummary:
    """Add checked CSV rows (``coach.csv_import.ImportRow``), skipping what is already there.

    An application is matched by company and role, an interview by its application and start,
    an interviewer by name within the interview, all ignoring case. Call inside one transaction
    so that a failure part way writes nothing.
    """
    applications = {
        (a.company.casefold(), a.role.casefold()): a
        for a in session.scalars(_mine(session))
    }
    counts = {"applications": 0, "interviews": 0, "interviewers": 0}
    duplicates: list[int] = []
    for row in rows:
        try:
            _import_row(session, row, applications, counts, duplicates)
        except RecordError as error:
            raise RecordError(f"line {row.line}: {error}") from None
    return ImportSummary(duplicates=tuple(duplicates), **counts)


def _import_row(session: Session, row: Any, applications: dict, counts: dict[str, int],
                duplicates: list[int]) -> None:
    key = (row.company.casefold(), row.role.casefold())
    application = applications.get(key)
    if application is None:
        application = add_application(
            session, company=row.company, role=row.role, stage=row.stage,
            job_ad_url=row.job_ad_url,
        )
        applications[key] = application
        counts["applications"] += 1
    interview = next(
        (i for i in application.interviews if i.starts_at == row.starts_at), None
    )
    created_interview = interview is None
    if interview is None:
        interview = add_interview(
            session, application.id, starts_at=row.starts_at, timezone=row.timezone,
            interview_type=row.interview_type, round=row.round,
            prefers_email=row.prefers_email, topics=list(row.topics),
            decision_on=row.decision_on,
        )
        session.refresh(application, ["interviews"])
        counts["interviews"] += 1
    if not row.interviewer:
        if not created_interview:
            duplicates.append(row.line)
        return
    if any(p.name.casefold() == row.interviewer.casefold() for p in interview.interviewers):
        duplicates.append(row.line)
        return
    add_interviewer(
        session, interview.id, name=row.interviewer, title=row.interviewer_title,
        email=row.interviewer_email, travelling=row.travelling,
    )
    session.refresh(interview, ["interviewers"])
    counts["interviewers"] += 1


def _local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def export_tables(session: Session) -> dict[str, pd.DataFrame]:
    """Everything, as tables: interviews (re-importable), applications, drafts, follow-ups."""
    interviews, drafts, follow_ups = [], [], []
    applications = session.scalars(_mine(session)).all()
    for app in applications:
        for interview in app.interviews:
            local = _local(interview.starts_at, interview.timezone)
            base = {
                "company": app.company, "role": app.role, "stage": app.stage,
                "job_ad_url": app.job_ad_url,
                "interview_date": local.date().isoformat(),
                "interview_time": local.strftime("%H:%M"),
                "timezone": interview.timezone,
                "interview_type": interview.interview_type,
                "prefers_email": "yes" if interview.prefers_email else "no",
                "round": interview.round,
                "topics": "; ".join(interview.topics.splitlines()),
                "decision_date": interview.decision_on.isoformat()
                if interview.decision_on else "",
            }
            people = interview.interviewers or [None]
            for person in people:
                note = person.note if person else None
                versions = note.versions if note else []
                interviews.append({
                    **base,
                    "interviewer": person.name if person else "",
                    "interviewer_title": person.title if person else "",
                    "interviewer_email": person.email if person else "",
                    "travelling": "yes" if person and person.travelling else "no",
                    "channel": (note.channel or "") if note else "",
                    "sent_at": note.sent_at.isoformat() if note and note.sent_at else "",
                    "drafts": len(versions),
                    "latest_score": versions[-1].score if versions else "",
                })
                for version in versions:
                    drafts.append({
                        "company": app.company, "role": app.role,
                        "interview_date": base["interview_date"],
                        "interviewer": person.name, "saved_at": version.saved_at.isoformat(),
                        "score": version.score, "text": version.text,
                    })
            for follow_up in interview.follow_ups:
                follow_ups.append({
                    "company": app.company, "role": app.role,
                    "interview_date": base["interview_date"], "number": follow_up.seq,
                    "due_on": follow_up.due_on.isoformat(),
                    "done": "yes" if follow_up.done else "no",
                    "done_at": follow_up.done_at.isoformat() if follow_up.done_at else "",
                    "outcome": follow_up.outcome,
                })
    return {
        "interviews": pd.DataFrame(interviews, columns=_INTERVIEW_EXPORT),
        "applications": pd.DataFrame(
            [{"company": a.company, "role": a.role, "stage": a.stage,
              "job_ad_url": a.job_ad_url, "job_ad_text": a.job_ad_text, "notes": a.notes,
              "created_at": a.created_at.isoformat()} for a in applications],
            columns=["company", "role", "stage", "job_ad_url", "job_ad_text", "notes",
                     "created_at"],
        ),
        "drafts": pd.DataFrame(drafts, columns=["company", "role", "interview_date",
                                                "interviewer", "saved_at", "score", "text"]),
        "follow_ups": pd.DataFrame(follow_ups, columns=["company", "role", "interview_date",
                                                        "number", "due_on", "done", "done_at",
                                                        "outcome"]),
    }


_INTERVIEW_EXPORT = [
    "company", "role", "stage", "job_ad_url", "interview_date", "interview_time", "timezone",
    "interview_type", "prefers_email", "round", "topics", "decision_date", "interviewer",
    "interviewer_title", "interviewer_email", "travelling", "channel", "sent_at", "drafts",
    "latest_score",
]
