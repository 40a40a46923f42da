"""What the pages share at run time: the database and the visitor's clock.

The one module in ``ui/`` that imports Streamlit: it reads secrets and the browser's time zone.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from coach.database import Database, database_url, open_database
from coach.demo import load_demo

DATA = Path(__file__).resolve().parents[1] / "data"


def _secrets() -> dict[str, object]:
    try:
        return {k: st.secrets[k] for k in st.secrets}
    except Exception:  # no secrets.toml at all is the usual local case
        return {}


def database() -> Database:
    """The configured database, migrated on first use in this process."""
    return open_database(database_url(secrets=_secrets(), data_dir=DATA))


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
    """Button callback: fill the tracker with the demo workspace and say so."""
    with st.spinner("Filling the demo workspace and scoring its drafts…"), \
            database().begin() as session:
        load_demo(session, now())
    st.session_state.flash = "The demo workspace is loaded: these are made-up applications."
