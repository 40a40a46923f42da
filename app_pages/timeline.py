"""Timeline page: which thank-you notes are due, which are late, and which follow-ups come next.

Company, role and interviewer names are the visitor's text: they reach the screen only in
dataframe cells, chart labels and escaped Markdown.
"""

from __future__ import annotations

import streamlit as st

from coach import timeline, tracker
from coach.choices import STAGES
from coach.ics import to_ics
from coach.panel import similar_pairs
from ui import runtime, timeline_view
from ui.highlight import escape

DEFAULT_STATUSES = [s for s in timeline.STATUSES if s != "closed"]


def _open_note(interviewer_id: int) -> None:
    st.session_state.note_for = interviewer_id
    st.session_state.pop("note_loaded", None)


st.title("Timeline")
zone = runtime.timezone()
now = runtime.now()
st.caption(f"What to send and when. Times are in your time zone, {escape(zone)}.")

if "flash" in st.session_state:
    st.success(st.session_state.pop("flash"), icon=":material/check_circle:")

database = runtime.workspace()
with database.begin() as session:
    frame = tracker.timeline_frame(session)
    empty = tracker.is_empty(session)
    waiting = tracker.interviews_without_interviewers(session)

if empty:
    st.info(
        "Nothing to track yet. Add an application with its interview and the people you met, "
        "import your spreadsheet, or load a demo workspace to see how the timeline works.",
        icon=":material/event_note:",
    )
    left, right, _ = st.columns([1, 1, 2])
    if left.button("Add an application", icon=":material/add:", type="primary"):
        st.switch_page("app_pages/applications.py")
    right.button("Load the demo workspace", icon=":material/play_circle:",
                 on_click=runtime.load_demo_workspace)
    st.stop()

with st.expander("Timing settings"):
    left, right = st.columns(2)
    follow_up_days = left.slider(
        "Follow up after (business days)", min_value=5, max_value=14, value=7,
        key="follow_up_days", help="The checklist says 7 to 14 days after the interview.",
    )
    mail_lead = right.slider(
        "Post a hard copy this many hours before an email would be due", min_value=0,
        max_value=23, value=12, key="mail_lead_hours",
        help="Mail takes time: a hard copy goes in the post earlier than an email is sent.",
    )
settings = timeline.TimelineSettings(follow_up_business_days=follow_up_days,
                                     mail_lead_hours=mail_lead)
computed = timeline.compute(frame, now, tz=zone, settings=settings)

counts = timeline_view.counts(computed)
cells = st.columns(4)
cells[0].metric("Overdue", counts["overdue"])
cells[1].metric("Due today", counts["due today"])
cells[2].metric("Follow-ups due", counts["follow-up due"])
cells[3].metric("Sent", int(computed["sent_at"].notna().sum()))

left, right = st.columns(2)
statuses = left.multiselect("Status", timeline.STATUSES, default=DEFAULT_STATUSES,
                            key="status_filter")
stages = right.multiselect("Stage", STAGES, default=list(STAGES), key="stage_filter")
shown = computed[computed["status"].isin(statuses) & computed["stage"].isin(stages)]
shown = shown.reset_index(drop=True)

if shown.empty:
    st.info("No notes match these filters.", icon=":material/filter_alt_off:")
else:
    view = timeline_view.table(shown, zone, runtime.link_params())
    selection = st.dataframe(
        view.style.map(timeline_view.status_colour, subset=["Status"]),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="timeline_table",
        column_config={
            "Interview": st.column_config.DatetimeColumn(format="ddd D MMM, HH:mm"),
            "Send by": st.column_config.DatetimeColumn(format="ddd D MMM, HH:mm"),
            "Days left": st.column_config.NumberColumn(
                format="%.1f", help="Days until the send-by time; for a sent note, until the "
                "follow-up. Negative means late."),
            "Score": st.column_config.ProgressColumn(
                min_value=0, max_value=100, format="%d",
                help="The score of the latest saved draft."),
            "Follow up on": st.column_config.DateColumn(format="ddd D MMM"),
            "Note": st.column_config.LinkColumn(
                display_text="Write ✎", help="Opens the Score page on this note."),
        },
    )
    picked = selection.selection.rows if selection else []
    if not picked:
        st.caption(":material/touch_app: Select a row to write, send or follow up on that note.")
    else:
        row = shown.iloc[picked[0]]
        with st.container(border=True):
            st.markdown(f"**{escape(row['interviewer'])}** · {escape(row['company'])} · "
                        f"round {int(row['round'])} · {escape(str(row['status']))}")
            if row["late"]:
                st.caption("Past the three-day mark: send it anyway, it still counts.")
            actions = st.columns(3)
            if actions[0].button("Write this note", icon=":material/edit_note:", type="primary",
                                 key="open_note"):
                _open_note(int(row["interviewer_id"]))
                st.switch_page("app_pages/score.py",
                               query_params={"note": str(int(row["interviewer_id"]))})
            if row["status"] in ("sent", "follow-up due"):
                if actions[1].button("Not sent after all", icon=":material/undo:"):
                    with database.begin() as session:
                        tracker.unmark_sent(session, int(row["interviewer_id"]))
                    st.rerun()
            elif row["status"] != "closed":
                if actions[1].button("Mark as sent", icon=":material/send:", key="mark_sent"):
                    with database.begin() as session:
                        tracker.mark_sent(session, int(row["interviewer_id"]), now)
                    st.session_state.flash = f"Marked the note to {escape(row['interviewer'])} "\
                        "as sent."
                    st.rerun()
            if row["status"] == "follow-up due":
                if actions[2].button("Followed up today", icon=":material/done_all:"):
                    with database.begin() as session:
                        tracker.record_follow_up(session, int(row["interview_id"]),
                                                 due_on=row["follow_up_on"].date(), when=now)
                    st.rerun()

panels = [(int(i), g) for i, g in computed[computed["versions"] > 0].groupby("interview_id")
          if len(g) > 1]
with database.begin() as session:  # one transaction for every panel, not one each
    drafts_by_panel = [(tracker.panel_drafts(session, i), g) for i, g in panels]
for drafts, group in drafts_by_panel:
    for first, second, similarity in similar_pairs(drafts):
        company = escape(group["company"].iloc[0])
        st.warning(
            f"Your notes to {escape(first)} and {escape(second)} ({company}) are "
            f"{similarity:.0%} alike. Each person should get a note about your conversation "
            "with them: mention something only they talked about.",
            icon=":material/content_copy:",
        )

if waiting:
    names = "; ".join(f"{escape(c)} ({escape(r) or 'no role'})" for c, r, _ in waiting)
    st.info(f"No interviewers recorded yet for: {names}. Add who you met on the Applications "
            "page to see their notes here.", icon=":material/group_add:")

if not shown.empty:
    st.subheader("Interviews, send-by and follow-up dates")
    st.altair_chart(timeline_view.chart(shown, zone, now), width="stretch")

events = timeline_view.events(computed)
st.download_button(
    "Add the deadlines to my calendar (.ics)",
    data=to_ics(events, now),
    file_name="thank-you-deadlines.ics",
    mime="text/calendar",
    icon=":material/calendar_add_on:",
    disabled=not events,
    help=f"{len(events)} events: each unsent note's send-by time and each follow-up date.",
    key="ics",
)
