"""Thank-You Coach: the entry point (`streamlit run app.py`), routing to the pages in app_pages/.

A coaching link (``?share=…``) opens the coach's read-only view and nothing else. Every other
visit first finds the visitor's workspace (``ui.runtime.enter``): the local one, the one their
login owns, or the one their bookmarked link opens (created on a first visit).
"""

from __future__ import annotations

import streamlit as st

from ui import runtime

st.set_page_config(page_title="Thank-You Coach", page_icon=":material/mail:", layout="wide")

if runtime.SHARE_PARAM in st.query_params:
    st.navigation([st.Page("app_pages/coach_view.py", title="Shared draft", default=True)],
                  position="hidden").run()
    st.stop()

access = runtime.enter()
if access is None:
    st.stop()
st.session_state.access = access

# Streamlit forgets a widget's value when a page without that widget runs; re-assigning the
# keys here keeps the draft and the interview details while the visitor looks at other pages.
KEPT = ("draft", "ctx_interviewers", "ctx_company", "ctx_role", "ctx_interview_type",
        "ctx_topics", "ctx_job_ad", "follow_up_days", "mail_lead_hours", "status_filter",
        "stage_filter", "share_expiry")
for key in KEPT:
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]

pages = [
    st.Page("app_pages/score.py", title="Score a note", icon=":material/fact_check:", default=True),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/event_upcoming:"),
    st.Page("app_pages/applications.py", title="Applications", icon=":material/work:"),
    st.Page("app_pages/coaching.py", title="Coaching links", icon=":material/forum:"),
    st.Page("app_pages/workspace.py", title="Your workspace", icon=":material/lock:"),
]
page = st.navigation(pages)
st.session_state.page_path = page.url_path  # for runtime.app_url

with st.sidebar:
    if access.mode == "link":
        st.caption(":material/lock: **Private workspace.** Its key is in this page's address: "
                   "bookmark it to come back. Anyone with the address can open it.")
    elif access.mode == "login":
        st.caption(":material/lock: Signed in; your workspace is yours alone.")
    else:
        st.caption(":material/computer: Single-user mode: everyone who opens this address "
                   "shares one workspace.")

if st.session_state.pop("workspace_deleted", False):
    st.success("Your workspace and everything in it are deleted for good. This is a new, "
               "empty one.", icon=":material/delete_forever:")
elif st.session_state.get("workspace_new"):
    with st.container(border=True, key="new_workspace"):
        st.markdown(":material/bookmark: **This is your private workspace.** There is no "
                    "account: the address in your browser is the key. Bookmark it now to "
                    "come back to your drafts and deadlines; anyone you give it to can open "
                    "them.")
        st.button("I've bookmarked it", key="bookmarked",
                  on_click=lambda: st.session_state.pop("workspace_new", None))
page.run()
