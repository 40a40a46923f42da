"""The computed timeline as the Timeline page shows it: table, chart and calendar events.

No Streamlit here: the page hands these to ``st.dataframe``, ``st.altair_chart`` and
``st.download_button``.
"""

from __future__ import annotations

from datetime import datetime

import altair as alt
import pandas as pd

from coach.choices import LABELS
from coach.ics import Event, stable_uid

#: Status -> cell colour, most urgent first. The word is always shown too.
STATUS_STYLE: dict[str, str] = {
    "overdue": "#f8d0ce",
    "due today": "#ffe0b3",
    "follow-up due": "#e3d7f9",
    "due soon": "#fff1a8",
    "drafted": "#cfe3f8",
    "upcoming": "#eef0ef",
    "sent": "#cdeedb",
    "closed": "#e4e6e5",
}

#: What to act on first, left to right; the interview's own time and the role come last.
TABLE_COLUMNS = ["Status", "Interviewer", "Company", "Send by", "Days left", "Channel", "Score",
                 "Follow up on", "Note", "Interview", "Role"]


def note_link(interviewer_id: int, params: str = "") -> str:
    """A link, relative to the app's root, that opens the Score page on this note.

    ``params`` (``w=<key>``) keeps a link workspace's key in the address of the new tab.
    """
    return f"./?note={int(interviewer_id)}" + (f"&{params}" if params else "")


def channel_label(channel: str, also_email: bool) -> str:
    label = LABELS.get(channel, channel)
    return f"{label} + email" if also_email and channel == "hard_copy" else label


def table(timeline: pd.DataFrame, tz: str, params: str = "") -> pd.DataFrame:
    """One row per note, in the timeline's urgency order, times in the user's zone ``tz``.

    ``params`` go on each note's link (see ``note_link``).
    """
    if timeline.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    follow_up = timeline["follow_up_on"].dt.date
    return pd.DataFrame({
        "Status": timeline["status"].astype(str),
        "Interviewer": timeline["interviewer"],
        "Company": timeline["company"],
        "Send by": timeline["send_by"].dt.tz_convert(tz).dt.tz_localize(None),
        "Days left": timeline["days_left"],
        "Channel": [channel_label(c, bool(a))
                    for c, a in zip(timeline["channel"], timeline["also_email"], strict=True)],
        "Score": timeline["latest_score"],
        "Follow up on": follow_up.where(timeline["follow_up_on"].notna(), None),
        "Note": [note_link(i, params) for i in timeline["interviewer_id"]],
        "Interview": timeline["starts_at"].dt.tz_convert(tz).dt.tz_localize(None),
        "Role": timeline["role"],
    })


def status_colour(status: str) -> str:
    """CSS for a Status cell (pandas Styler)."""
    colour = STATUS_STYLE.get(status, "")
    return f"background-color: {colour}; font-weight: 600" if colour else ""


def counts(timeline: pd.DataFrame) -> dict[str, int]:
    """How many notes have each status."""
    found = timeline["status"].astype(str).value_counts()
    return {status: int(found.get(status, 0)) for status in STATUS_STYLE}


def events(timeline: pd.DataFrame) -> list[Event]:
    """Calendar entries: each unsent note's send-by, and each interview's next follow-up."""
    out: list[Event] = []
    open_notes = timeline[timeline["status"].isin(["overdue", "due today", "due soon",
                                                   "drafted", "upcoming"])]
    for row in open_notes.itertuples():
        how = channel_label(row.channel, bool(row.also_email)).lower()
        out.append(Event(
            uid=stable_uid("send-by", row.interviewer_id),
            summary=f"Send thank-you note to {row.interviewer} ({row.company})",
            start=row.send_by.to_pydatetime(),
            description=f"{row.role} interview, round {row.round}. Send by {how}.",
        ))
    follow = timeline[timeline["follow_up_on"].notna() & (timeline["status"] != "closed")]
    for row in follow.drop_duplicates("interview_id").itertuples():
        out.append(Event(
            uid=stable_uid("follow-up", row.interview_id, row.follow_up_on.date()),
            summary=f"Follow up with {row.company} ({row.role})",
            start=row.follow_up_on.date(),
            description=f"Follow up on the round {row.round} interview.",
        ))
    return out


def chart(timeline: pd.DataFrame, tz: str, now: datetime) -> alt.LayerChart:
    """Each interview on a line: the interview, each note's send-by, and the follow-up."""
    rows = timeline.drop_duplicates("interview_id")
    label = rows["company"] + " · round " + rows["round"].astype(str)
    marks = []
    for what, column in (("Interview", "starts_at"), ("Send by", "send_by")):
        marks.append(pd.DataFrame({"Interview": label, "What": what,
                                   "When": rows[column].dt.tz_convert(tz).dt.tz_localize(None)}))
    send_by = timeline.groupby("interview_id")["send_by"].min()
    marks[1]["When"] = rows["interview_id"].map(send_by).dt.tz_convert(tz).dt.tz_localize(None)
    follow = rows[rows["follow_up_on"].notna()]
    marks.append(pd.DataFrame({"Interview": label[follow.index], "What": "Follow up",
                               "When": follow["follow_up_on"]}))
    points = pd.concat(marks, ignore_index=True)
    colours = alt.Scale(domain=["Interview", "Send by", "Follow up"],
                        range=["#1f6f5c", "#d9480f", "#7048e8"])
    base = alt.Chart(points).encode(
        y=alt.Y("Interview:N", title=None, sort=list(label), axis=alt.Axis(labelLimit=260)),
        x=alt.X("When:T", title=None),
    )
    spans = base.mark_rule(color="#c9d1cd").encode(x="min(When):T", x2="max(When):T")
    dots = base.mark_point(filled=True, size=120).encode(
        color=alt.Color("What:N", scale=colours, legend=alt.Legend(title=None, orient="top")),
        shape=alt.Shape("What:N", scale=alt.Scale(domain=["Interview", "Send by", "Follow up"],
                                                  range=["circle", "triangle-down", "diamond"])),
        tooltip=["Interview:N", "What:N", alt.Tooltip("When:T", format="%a %d %b, %H:%M")],
    )
    today = alt.Chart(pd.DataFrame({"When": [pd.Timestamp(now).tz_convert(tz)
                                             .tz_localize(None)]})).mark_rule(
        color="#1d2420", strokeDash=[4, 4]).encode(x="When:T")
    return alt.layer(spans, dots, today).properties(height=max(120, 36 * len(rows)))
