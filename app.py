"""Thank-You Coach: the entry point (`streamlit run app.py`), routing to the pages in app_pages/."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Thank-You Coach", page_icon=":material/mail:", layout="wide")

# Streamlit forgets a widget's value when a page without that widget runs; re-assigning the
# keys here keeps the draft and the interview details while the visitor looks at other pages.
KEPT = ("draft", "ctx_interviewers", "ctx_company", "ctx_role", "ctx_interview_type",
        "ctx_topics", "ctx_job_ad", "follow_up_days", "mail_lead_hours", "status_filter",
        "stage_filter")
for key in KEPT:
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]

pages = [
    st.Page("app_pages/score.py", title="Score a note", icon=":material/fact_check:", default=True),
    st.Page("app_pages/timeline.py", title="Timeline", icon=":material/event_upcoming:"),
    st.Page("app_pages/applications.py", title="Applications", icon=":material/work:"),
]
st.navigation(pages).run()
