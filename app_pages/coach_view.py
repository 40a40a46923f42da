"""What a coach sees when they open a coaching link: one draft, read-only, and a comment box.

The page knows only the link's token. It shows the snapshot the writer shared (the draft, its
verdicts, the interview details) and the comments on it; a revoked, expired or made-up link
gets one calm message and nothing else. It opens no workspace and shows no navigation.
"""

from __future__ import annotations

import streamlit as st

from coach import sharing, tracker
from coach.context import Context
from ui import report_view, runtime
from ui.context_form import INTERVIEW_TYPE_LABELS
from ui.highlight import escape

CLOSED = ("This coaching link isn't open. It may have expired or been closed by the person "
          "who shared it; ask them for a new one.")


def _token() -> str:
    return st.query_params.get(runtime.SHARE_PARAM, "")


def _comment() -> None:
    author = st.session_state.get("comment_author", "")
    body = st.session_state.get("comment_body", "")
    try:
        with runtime.database().begin() as session:
            sharing.add_comment(session, _token(), author=author, body=body,
                                now=runtime.now())
    except sharing.ShareClosed:
        st.session_state.comment_error = CLOSED
        return
    except tracker.RecordError as error:
        # The comment stays in the box to be fixed.
        st.session_state.comment_error = f"Can't post this comment: {escape(str(error))}."
        return
    st.session_state.comment_body = ""
    st.session_state.pop("comment_error", None)
    st.session_state.comment_posted = True


def _details(context: Context) -> str:
    parts = []
    if context.interviewers:
        parts.append("to " + escape(", ".join(context.interviewers)))
    if context.company:
        parts.append(escape(context.company))
    if context.role:
        parts.append(escape(context.role))
    if context.interview_type:
        parts.append(INTERVIEW_TYPE_LABELS.get(context.interview_type, "").lower()
                     + " interview")
    return " · ".join(p for p in parts if p)


with runtime.database().begin() as session:
    shared = sharing.open_share(session, _token(), runtime.now())

if shared is None:
    st.title("Thank-You Coach")
    st.info(CLOSED, icon=":material/link_off:")
    st.stop()

st.title("A thank-you note to review")
st.caption(":material/visibility: Read-only: shared with you by its writer"
           + (f" · expires {shared.expires_at.strftime('%d %b %Y, %H:%M UTC')}"
              if shared.expires_at else ""))
details = _details(shared.context)
if details:
    st.markdown(f"**The note:** {details}")
if shared.context.topics:
    st.markdown("**Topics discussed:** " + "; ".join(escape(t) for t in shared.context.topics))

report_view.show(shared.report, key="coach_highlight")

st.divider()
st.subheader("Comments for the writer")
if shared.comments:
    report_view.show_comments(shared.comments)
else:
    st.caption("No comments yet.")

if st.session_state.pop("comment_posted", False):
    st.success("Your comment is posted: the writer sees it next to their draft.",
               icon=":material/check_circle:")
with st.form("comment", clear_on_submit=False, enter_to_submit=False):
    st.text_input("Your name (optional)", key="comment_author", max_chars=sharing.MAX_AUTHOR)
    st.text_area("Comment", key="comment_body", max_chars=sharing.MAX_COMMENT, height=140,
                 placeholder="What works, and the one thing you'd change…")
    st.form_submit_button("Post comment", type="primary", icon=":material/send:",
                          on_click=_comment)
if "comment_error" in st.session_state:
    st.error(st.session_state.pop("comment_error"), icon=":material/error:")
