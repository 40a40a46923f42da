"""The demo workspace in ``data/demo/``: a filled timeline for a first look.

``interviews.csv`` is in the import format; ``notes.json`` holds drafts and sent times. Every
date is moved by the same amount so that the file's anchor becomes the present hour, which
keeps the mix of overdue, due-today, drafted and upcoming notes whatever the day.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import tracker
from .csv_import import parse_csv
from .models import Application, Interview, Interviewer
from .scoring import score

FOLDER = Path(__file__).resolve().parents[1] / "data" / "demo"


def load_demo(session: Session, now: datetime, folder: Path = FOLDER) -> tracker.ImportSummary:
    """Add the demo applications, interviews, drafts and sent notes, relative to ``now``."""
    meta = json.loads((folder / "notes.json").read_text(encoding="utf-8"))
    anchor = datetime.fromisoformat(meta["anchor"])
    present = now.replace(minute=0, second=0, microsecond=0)
    delta = present - anchor
    days = timedelta(days=round(delta / timedelta(days=1)))
    preview = parse_csv((folder / "interviews.csv").read_bytes())
    if preview.problems:
        raise ValueError(f"the demo file has problems: {preview.problems}")
    rows = [
        replace(row, starts_at=row.starts_at + delta,
                decision_on=row.decision_on + days if row.decision_on else None)
        for row in preview.rows
    ]
    summary = tracker.import_rows(session, rows)

    for entry in meta["notes"]:
        person = session.scalars(
            select(Interviewer).join(Interview).join(Application)
            .where(Application.workspace_id == tracker.workspace_of(session),
                   Application.company == entry["company"],
                   Interviewer.name == entry["interviewer"])
        ).one()
        started = person.interview.starts_at
        context = tracker.note_context(session, person.id).context()
        for i, text in enumerate(entry.get("drafts", [])):
            tracker.save_draft(session, person.id, text, score(text, context),
                               when=min(started + timedelta(hours=2 + i), now))
        if "sent_hours_after_interview" in entry:
            tracker.mark_sent(session, person.id,
                              when=started + timedelta(hours=entry["sent_hours_after_interview"]))
    return summary
