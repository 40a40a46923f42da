"""Workspaces: whose data is whose.

Locally there is one workspace (``local``). Hosted, each visitor gets their own: either from
their login (the identity provider's issuer and subject) or from a random key that lives only
in the link they bookmark. Only SHA-256 hashes of keys and identities are stored, so the
database alone can't open anyone's workspace. These functions take an unscoped session
(``Database.begin()``); the tracker's own functions then run in ``Database.workspace(id)``.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Workspace

LOCAL = "local"
#: 24 random bytes: 192 bits, written as 32 URL-safe characters.
KEY_BYTES = 24
_KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,64}")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _link_hash(key: str) -> str:
    return digest(f"link:{key}")


def _find(session: Session, key_hash: str) -> int | None:
    return session.scalar(select(Workspace.id).where(Workspace.key_hash == key_hash))


def _get_or_create(session: Session, key_hash: str, kind: str) -> int:
    found = _find(session, key_hash)
    if found is not None:
        return found
    try:
        with session.begin_nested():  # another process may create it at the same moment
            row = Workspace(key_hash=key_hash, kind=kind)
            session.add(row)
        return row.id
    except IntegrityError:
        return _find(session, key_hash)


def local(session: Session) -> int:
    """The one workspace of a local, single-user install."""
    return _get_or_create(session, LOCAL, "local")


def for_login(session: Session, issuer: str, subject: str) -> int:
    """The workspace of a logged-in person, created on their first visit."""
    if not subject:
        raise ValueError("the login has no subject to identify the person by")
    # JSON keeps the pair unambiguous whatever characters the provider puts in either.
    identity = json.dumps(["login", issuer, subject], ensure_ascii=False)
    return _get_or_create(session, digest(identity), "login")


def create_link(session: Session) -> tuple[int, str]:
    """A new link workspace and its key; the key is shown once and never stored."""
    key = secrets.token_urlsafe(KEY_BYTES)
    row = Workspace(key_hash=_link_hash(key), kind="link")
    session.add(row)
    session.flush()
    return row.id, key


def by_link(session: Session, key: str) -> int | None:
    """The workspace a link key opens, or None for a key that opens nothing."""
    if not isinstance(key, str) or not _KEY_SHAPE.fullmatch(key):
        return None
    return _find(session, _link_hash(key))


def exists(session: Session, workspace_id: int) -> bool:
    return session.get(Workspace, workspace_id) is not None


def delete_workspace(session: Session, workspace_id: int) -> None:
    """Delete a workspace and everything in it for good: the database cascades to every row."""
    session.execute(delete(Workspace).where(Workspace.id == workspace_id))
    session.expunge_all()
