"""What the pages share at run time: the database, whose workspace this is, the visitor's clock.

The one module in ``ui/`` that reads Streamlit's state: secrets, the login, the link's query
parameters and the browser's time zone. Nothing the processes of a hosted instance must share
lives here: the workspace is found in the database on every run, from the link or the login.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from coach import workspaces
from coach.database import Database, Scoped, database_url, open_database
from coach.demo import load_demo

DATA = Path(__file__).resolve().parents[1] / "data"
HOSTED_SETTING = "THANKYOU_COACH_HOSTED"
HOSTED_SECRET = "hosted"
#: The query parameter that carries a link workspace's key.
KEY_PARAM = "w"
#: The query parameter that carries a coaching link's token.
SHARE_PARAM = "share"


def _secrets() -> dict[str, object]:
    try:
        return {k: st.secrets[k] for k in st.secrets}
    except Exception:  # no secrets.toml at all is the usual local case
        return {}


def _truthy(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def database() -> Database:
    """The configured database, migrated on first use in this process."""
    return open_database(database_url(secrets=_secrets(), data_dir=DATA))


@dataclass(frozen=True)
class Access:
    """Whose workspace this session works in, and how they were recognised."""

    mode: str  # local, link or login
    workspace_id: int
    #: A link workspace's key (it is in the page's address); empty otherwise.
    key: str = ""


def mode() -> str:
    """``local`` unless hosting is switched on; hosted, ``login`` when secrets set up OIDC."""
    secrets = _secrets()
    hosted = os.environ.get(HOSTED_SETTING) or secrets.get(HOSTED_SECRET) or ""
    if not _truthy(hosted):
        return "local"
    return "login" if secrets.get("auth") else "link"


def _new_link_workspace() -> None:
    with database().begin() as session:
        _, key = workspaces.create_link(session)
    st.session_state.workspace_key = key
    st.session_state.workspace_new = True
    st.query_params[KEY_PARAM] = key


def enter() -> Access | None:
    """Find (or on a first visit create) this visitor's workspace.

    Returns None after drawing what the visitor must do first (log in, or learn that their
    link opens nothing); the caller then stops.
    """
    kind = mode()
    if kind == "local":
        with database().begin() as session:
            return Access("local", workspaces.local(session))
    if kind == "login":
        if not st.user.get("is_logged_in", False):
            st.title("Thank-You Coach")
            st.write("Log in to open your private workspace: your applications, drafts and "
                     "coaching links are visible to you alone.")
            st.button("Log in", type="primary", icon=":material/login:", on_click=st.login)
            return None
        issuer = str(st.user.get("iss") or "")
        subject = str(st.user.get("sub") or st.user.get("email") or "")
        with database().begin() as session:
            return Access("login", workspaces.for_login(session, issuer, subject))
    key = st.query_params.get(KEY_PARAM) or st.session_state.get("workspace_key")
    if not key:
        _new_link_workspace()
        key = st.session_state.workspace_key
    with database().begin() as session:
        workspace_id = workspaces.by_link(session, key)
    if workspace_id is None:
        st.session_state.pop("workspace_key", None)
        st.title("Thank-You Coach")
        st.info("This workspace link doesn't open anything. It may have been mistyped, or "
                "the workspace was deleted.", icon=":material/link_off:")
        st.button("Start a new private workspace", type="primary", icon=":material/add:",
                  on_click=_start_over)
        return None
    st.session_state.workspace_key = key
    if st.query_params.get(KEY_PARAM) != key:
        # Page changes drop the query string: put the key back so the address stays the key.
        st.query_params[KEY_PARAM] = key
    return Access("link", workspace_id, key)


def _start_over() -> None:
    st.query_params.pop(KEY_PARAM, None)
    st.session_state.pop("workspace_key", None)


def access() -> Access:
    """This run's Access, as ``app.py`` found it."""
    return st.session_state["access"]


def workspace() -> Scoped:
    """The database as this visitor's workspace: every read and write is limited to it."""
    return database().workspace(access().workspace_id)


def link_params() -> str:
    """What an in-app link needs after ``?`` to stay in this workspace (empty when local)."""
    current = access()
    return f"{KEY_PARAM}={current.key}" if current.key else ""


def app_url() -> str:
    """The app's address as the browser sees it, without page or query; '' when unknown."""
    url = (st.context.url or "").split("?", 1)[0].rstrip("/")
    page = st.session_state.get("page_path", "")
    if page and url.endswith("/" + page):
        url = url[: -len(page) - 1]
    return url


def timezone() -> str:
    """The visitor's IANA time zone, as their browser reports it; UTC when it doesn't."""
    zone = st.context.timezone
    try:
        if zone:
            ZoneInfo(zone)
            return zone
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return "UTC"


def now() -> datetime:
    return datetime.now(UTC)


def load_demo_workspace() -> None:
    """Button callback: fill the workspace with the demo applications and say so."""
    with st.spinner("Filling the demo workspace and scoring its drafts…"), \
            workspace().begin() as session:
        load_demo(session, now())
    st.session_state.flash = "The demo workspace is loaded: these are made-up applications."
