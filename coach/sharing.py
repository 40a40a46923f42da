"""Coaching links: a read-only snapshot of one scored draft that a coach opens without an account.

The writer's side (``share_draft``, ``links``, ``revoke``, ``comments_on``, ``export_tables``)
runs in a session scoped to their workspace. The coach's side (``open_share``, ``add_comment``)
runs unscoped and knows only the token: it finds the snapshot by the token's SHA-256 and sees
that snapshot and its comments, nothing else of the workspace. Revoked, expired and unknown
tokens all get the same answer, None (or ``ShareClosed``), so a guesser learns nothing.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .context import Context
from .models import Interviewer, Note, Share, ShareComment
from .report import Report
from .tracker import RecordError, _get, workspace_of
from .workspaces import digest

#: 32 random bytes: 256 bits, written as 43 URL-safe characters.
TOKEN_BYTES = 32
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")
MAX_COMMENT = 2_000
MAX_AUTHOR = 80
MAX_COMMENTS = 200
#: How long a new link stays open: the page offers these.
EXPIRY_CHOICES: dict[str, timedelta | None] = {
    "1 day": timedelta(days=1),
    "7 days": timedelta(days=7),
    "30 days": timedelta(days=30),
    "Until I revoke it": None,
}


class ShareClosed(LookupError):
    """The link was revoked, has expired, or never existed."""


@dataclass(frozen=True)
class Comment:
    author: str
    body: str
    created_at: datetime


@dataclass(frozen=True)
class SharedDraft:
    """What a coach sees: the draft, its verdicts then, its context, and the comments so far."""

    report: Report
    context: Context
    created_at: datetime
    expires_at: datetime | None
    comments: tuple[Comment, ...]


@dataclass(frozen=True)
class Link:
    """One of the writer's links, for the list where they revoke them."""

    id: int
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    score: int
    excerpt: str
    to: str
    comments: tuple[Comment, ...]
    status: str  # open, expired or revoked
    #: The shared draft and its interview details, to open it on the Score page again.
    text: str = ""
    context: Context = Context()


def _hash(token: str) -> str:
    return digest(f"share:{token}")


def share_draft(session: Session, report: Report, context: Context, *, now: datetime,
                expires_in: timedelta | None = None, interviewer_id: int | None = None) -> str:
    """Store a snapshot of a scored draft and return the new link's token (shown once)."""
    workspace = workspace_of(session)
    if not report.text.strip():
        raise RecordError("there is no draft to share")
    note_id = None
    if interviewer_id is not None:
        interviewer = _get(session, Interviewer, interviewer_id, "interviewer")
        note_id = interviewer.note.id if interviewer.note else None
    if expires_in is not None and expires_in <= timedelta(0):
        raise RecordError("a link has to stay open for some time")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    data = {**report.to_dict(source=""), "notices": list(report.notices)}
    session.add(Share(
        workspace_id=workspace, token_hash=_hash(token), note_id=note_id,
        draft_hash=digest(report.text), text=report.text, score=int(report.overall),
        report=json.dumps(data, ensure_ascii=False),
        context=json.dumps(context.to_dict(), ensure_ascii=False),
        created_at=now, expires_at=now + expires_in if expires_in else None,
    ))
    session.flush()
    return token


def _open(session: Session, token: str, now: datetime) -> Share | None:
    if not isinstance(token, str) or not _TOKEN_SHAPE.fullmatch(token):
        return None
    share = session.scalar(select(Share).where(Share.token_hash == _hash(token)))
    if share is None or share.revoked_at is not None:
        return None
    if share.expires_at is not None and share.expires_at <= now:
        return None
    return share


def _comments(share: Share) -> tuple[Comment, ...]:
    return tuple(Comment(c.author, c.body, c.created_at) for c in share.comments)


def open_share(session: Session, token: str, now: datetime) -> SharedDraft | None:
    """The snapshot a token opens, or None when it is revoked, expired or made up."""
    share = _open(session, token, now)
    if share is None:
        return None
    return SharedDraft(
        report=Report.from_dict(share.text, json.loads(share.report)),
        context=Context.from_dict(json.loads(share.context)),
        created_at=share.created_at, expires_at=share.expires_at,
        comments=_comments(share),
    )


def check_comment(author: str, body: str) -> tuple[str, str]:
    """The comment as it will be stored, or RecordError saying what to change."""
    author = (author or "").strip()
    body = (body or "").strip()
    if "\x00" in author + body:
        raise RecordError("the comment contains a NUL character; remove it")
    if not body:
        raise RecordError("the comment is empty; write something first")
    if len(body) > MAX_COMMENT:
        raise RecordError(f"the comment is {len(body):,} characters; the limit is "
                          f"{MAX_COMMENT:,}")
    if len(author) > MAX_AUTHOR:
        raise RecordError(f"the name is {len(author):,} characters; the limit is {MAX_AUTHOR}")
    return author, body


def add_comment(session: Session, token: str, *, author: str, body: str,
                now: datetime) -> Comment:
    """A coach's comment on the snapshot a token opens; ShareClosed if the link is closed."""
    author, body = check_comment(author, body)
    share = _open(session, token, now)
    if share is None:
        raise ShareClosed("this coaching link isn't open")  # never the token: logs
    if len(share.comments) >= MAX_COMMENTS:
        raise RecordError(f"this draft already has {MAX_COMMENTS} comments; that's the limit")
    share.comments.append(ShareComment(author=author, body=body, created_at=now))
    session.flush()
    return Comment(author, body, now)


def _status(share: Share, now: datetime) -> str:
    if share.revoked_at is not None:
        return "revoked"
    if share.expires_at is not None and share.expires_at <= now:
        return "expired"
    return "open"


def _mine(session: Session):
    return select(Share).where(Share.workspace_id == workspace_of(session))


def links(session: Session, now: datetime) -> list[Link]:
    """This workspace's coaching links, newest first."""
    shares = session.scalars(_mine(session).order_by(Share.id.desc())).all()
    result = []
    for share in shares:
        context = json.loads(share.context)
        excerpt = " ".join(share.text.split())
        result.append(Link(
            id=share.id, created_at=share.created_at, expires_at=share.expires_at,
            revoked_at=share.revoked_at, score=share.score,
            excerpt=excerpt if len(excerpt) <= 90 else excerpt[:89] + "…",
            to=", ".join(context.get("interviewers") or ()),
            comments=_comments(share), status=_status(share, now),
            text=share.text, context=Context.from_dict(context),
        ))
    return result


def revoke(session: Session, share_id: int, now: datetime) -> None:
    """Close a link for good; the coach's next visit shows the closed-link message."""
    share = session.scalar(_mine(session).where(Share.id == share_id))
    if share is None:
        raise RecordError("that link no longer exists")
    if share.revoked_at is None:
        share.revoked_at = now
    session.flush()


def comments_on(session: Session, text: str, interviewer_id: int | None = None
                ) -> list[Comment]:
    """Coaches' comments on this draft (the same text) or on any shared draft of this note."""
    match = Share.draft_hash == digest(text)
    if interviewer_id is not None:
        note = select(Note.id).join(Interviewer, Interviewer.id == Note.interviewer_id) \
            .where(Interviewer.id == interviewer_id).scalar_subquery()
        match = or_(match, Share.note_id == note)
    rows = session.scalars(
        select(ShareComment).join(Share, Share.id == ShareComment.share_id)
        .where(Share.workspace_id == workspace_of(session), match)
        .order_by(ShareComment.created_at, ShareComment.id)
    ).all()
    return [Comment(c.author, c.body, c.created_at) for c in rows]


def count_open(session: Session, now: datetime) -> int:
    return session.scalar(
        select(func.count(Share.id)).where(
            Share.workspace_id == workspace_of(session), Share.revoked_at.is_(None),
            or_(Share.expires_at.is_(None), Share.expires_at > now),
        )
    )


def export_tables(session: Session, now: datetime) -> dict[str, pd.DataFrame]:
    """The workspace's coaching links and their comments, for "export everything"."""
    shares = session.scalars(_mine(session).order_by(Share.id)).all()
    link_rows, comment_rows = [], []
    for number, share in enumerate(shares, start=1):
        context = json.loads(share.context)
        link_rows.append({
            "link": number, "created_at": share.created_at.isoformat(),
            "expires_at": share.expires_at.isoformat() if share.expires_at else "",
            "revoked_at": share.revoked_at.isoformat() if share.revoked_at else "",
            "status": _status(share, now), "to": ", ".join(context.get("interviewers") or ()),
            "company": context.get("company", ""), "score": share.score, "text": share.text,
        })
        for comment in share.comments:
            comment_rows.append({"link": number, "author": comment.author,
                                 "created_at": comment.created_at.isoformat(),
                                 "comment": comment.body})
    return {
        "coaching_links": pd.DataFrame(link_rows, columns=[
            "link", "created_at", "expires_at", "revoked_at", "status", "to", "company",
            "score", "text"]),
        "coach_comments": pd.DataFrame(comment_rows,
                                       columns=["link", "author", "created_at", "comment"]),
    }
