"""Coaching links page: every link the writer has shared, its comments, and closing it."""

from __future__ import annotations

import streamlit as st

from coach import sharing, tracker
from ui import report_view, runtime
from ui.highlight import escape

STATUS = {
    "open": ":green-badge[:material/lock_open: Open]",
    "expired": ":gray-badge[:material/schedule: Expired]",
    "revoked": ":gray-badge[:material/block: Revoked]",
}


def _revoke(link_id: int) -> None:
    try:
        with runtime.workspace().begin() as session:
            sharing.revoke(session, link_id, runtime.now())
    except tracker.RecordError as error:
        st.session_state.flash_error = escape(str(error))
        return
    st.session_state.flash = "The link is closed: whoever opens it now sees that it isn't open."


def _open(link: sharing.Link) -> None:
    """Put the shared draft and its details back in the Score page's boxes."""
    current = st.session_state.get("draft") or ""
    if current.strip() and current != link.text:
        st.session_state.previous_draft = current  # kept, with a button to put it back
    st.session_state.draft = link.text
    context = link.context
    st.session_state.ctx_interviewers = ", ".join(context.interviewers)
    st.session_state.ctx_company = context.company
    st.session_state.ctx_role = context.role
    st.session_state.ctx_interview_type = context.interview_type
    st.session_state.ctx_topics = "\n".join(context.topics)
    st.session_state.ctx_job_ad = context.job_ad
    st.session_state.pop("report", None)
    st.session_state.score_on_open = True
    for key in ("note_for", "note_loaded"):  # the shared text isn't a version of that note
        st.session_state.pop(key, None)


st.title("Coaching links")
st.write("Links to scored drafts that you shared with a coach. A coach sees that one draft, "
         "its verdicts and the interview details, nothing else of your workspace; their "
         "comments show here and next to the draft on the Score page.")

if "flash" in st.session_state:
    st.success(st.session_state.pop("flash"), icon=":material/check_circle:")
if "flash_error" in st.session_state:
    st.error(st.session_state.pop("flash_error"), icon=":material/error:")

with runtime.workspace().begin() as session:
    links = sharing.links(session, runtime.now())

if not links:
    st.info("No coaching links yet. Score a draft on the Score page, then press "
            "**Create a coaching link** under it.", icon=":material/forum:")
    st.page_link("app_pages/score.py", label="Score a note", icon=":material/fact_check:")
    st.stop()

for link in links:
    with st.container(border=True, key=f"link_{link.id}"):
        left, right = st.columns([4, 1], vertical_alignment="center")
        to = f" · to {escape(link.to)}" if link.to else ""
        expiry = (f"expires {link.expires_at.strftime('%d %b %Y, %H:%M UTC')}"
                  if link.expires_at else "no expiry")
        if link.status == "revoked":
            expiry = f"closed {link.revoked_at.strftime('%d %b %Y, %H:%M UTC')}"
        left.markdown(f"{STATUS[link.status]} **Score {link.score}**{to}  \n"
                      f"{escape(link.excerpt)}")
        left.caption(f"Shared {link.created_at.strftime('%d %b %Y, %H:%M UTC')} · {expiry} · "
                     f"{len(link.comments)} comment{'' if len(link.comments) == 1 else 's'}")
        if right.button("Open the draft", key=f"open_{link.id}", icon=":material/edit_note:",
                        on_click=_open, args=(link,), width="stretch",
                        help="Put this draft back on the Score page, comments beside it."):
            st.switch_page("app_pages/score.py")
        if link.status == "open":
            right.button("Revoke", key=f"revoke_{link.id}", icon=":material/link_off:",
                         on_click=_revoke, args=(link.id,), width="stretch")
        if link.comments:
            with st.expander(f"Comments ({len(link.comments)})", expanded=True):
                report_view.show_comments(link.comments)
