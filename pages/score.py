"""Score page: paste a draft, get the checklist verdicts, see where each one comes from.

The draft is the visitor's text: it reaches the screen only through ``ui.highlight`` (escaped
Markdown) or ``st.text_area``, never as raw Markdown or HTML.
"""

from __future__ import annotations

import streamlit as st

import coach
from coach.inputs import decode
from ui import examples
from ui.context_form import INTERVIEW_TYPE_LABELS, context_dict
from ui.highlight import escape, to_markdown

MARKS = {
    "pass": ":green-badge[:material/check_circle: Pass]",
    "warn": ":orange-badge[:material/warning: Warning]",
    "fail": ":red-badge[:material/cancel: Fail]",
}


def _load_example(label: str) -> None:
    st.session_state.draft = examples.load(label)
    st.session_state.pop("error", None)
    st.session_state.pop("upload_error", None)


def _load_upload() -> None:
    upload = st.session_state.get("upload")
    if upload is None:  # the file was removed
        st.session_state.pop("upload_error", None)
        return
    try:
        text = decode(upload.getvalue())
    except coach.DraftError as e:
        # The draft in the box stays as it was.
        st.session_state.upload_error = f"Can't open {escape(upload.name)}: {escape(str(e))}."
        return
    st.session_state.draft = text
    st.session_state.pop("upload_error", None)
    st.session_state.pop("error", None)


def _context() -> coach.Context:
    fields = ("interviewers", "company", "role", "interview_type", "topics", "job_ad")
    return coach.Context.from_dict(
        context_dict(**{f: st.session_state.get(f"ctx_{f}") or "" for f in fields})
    )


def _score() -> None:
    st.session_state.pop("error", None)
    st.session_state.pop("report", None)
    try:
        with st.spinner("Scoring your note…"):
            st.session_state.report = coach.score(st.session_state.get("draft", ""), _context())
    except coach.DraftError as e:
        st.session_state.error = f"Can't score this draft: {escape(str(e))}."
    except coach.ContextError as e:
        st.session_state.error = f"Check the details in “About this interview”: {escape(str(e))}."


st.title("Score your thank-you note")
st.write(
    "Paste the note you plan to send after an interview: the coach checks it against a "
    "ten-point checklist and shows you where each point is met or missed."
)

st.write("Try an example:")
for column, label in zip(st.columns(len(examples.EXAMPLES)), examples.EXAMPLES, strict=True):
    column.button(label, on_click=_load_example, args=(label,), width="stretch")

st.file_uploader(
    "…or open a draft saved as plain text",
    type=["txt", "md", "text"],
    key="upload",
    on_change=_load_upload,
    help="UTF-8 text, up to 50,000 characters. It replaces what is in the box below.",
)
if "upload_error" in st.session_state:
    st.error(st.session_state.upload_error, icon=":material/error:")

st.text_area(
    "Your draft",
    key="draft",
    height=360,
    placeholder="Dear Ms. Patel,\n\nThank you for taking the time to talk with me…",
)
length = len(st.session_state.get("draft") or "")
over = " · :red[over the limit]" if length > coach.MAX_CHARS else ""
st.caption(f"{length:,} / {coach.MAX_CHARS:,} characters · a one-page note is about 2,000{over}")

with st.expander("About this interview (optional)"):
    st.caption("Tell the coach what you know, and it checks the note against it.")
    left, right = st.columns(2)
    left.text_input("Interviewer name(s)", key="ctx_interviewers", help="Separate with commas.")
    right.selectbox(
        "Interview type",
        options=list(INTERVIEW_TYPE_LABELS),
        format_func=INTERVIEW_TYPE_LABELS.get,
        key="ctx_interview_type",
    )
    left.text_input("Company", key="ctx_company")
    right.text_input("Role", key="ctx_role")
    st.text_area("Topics discussed", key="ctx_topics", help="One per line.", height=100)
    st.text_area("Job ad", key="ctx_job_ad", height=100)

if st.button("Score my note", type="primary", icon=":material/fact_check:", key="score"):
    _score()

if "error" in st.session_state:
    st.error(st.session_state.error, icon=":material/error:")

report: coach.Report | None = st.session_state.get("report")
if report is None:
    if "error" not in st.session_state:
        st.info("Paste your note above, or try an example, then press **Score my note**.",
                icon=":material/edit_note:")
    st.stop()

st.divider()
for notice in report.notices:
    st.warning(escape(notice), icon=":material/translate:")
if report.text != st.session_state.get("draft"):
    st.caption(":material/info: The draft has changed since it was scored: press "
               "**Score my note** again to update the results.")

checklist, figures = st.columns([3, 2], gap="large")
with checklist:
    counts = {v: sum(c.verdict == v for c in report.criteria) for v in MARKS}
    st.metric(
        "Overall score",
        f"{report.overall} / 100",
        help="Specificity, a measurable result, concision and a follow-up promise count "
        "double; any placeholder left in the note caps the score at 40.",
    )
    warnings = f"{counts['warn']} warning" + ("" if counts["warn"] == 1 else "s")
    st.caption(f"{counts['pass']} passed · {warnings} · {counts['fail']} failed")
    st.subheader("Checklist")
    for verdict in report.criteria:
        st.markdown(f"{MARKS[verdict.verdict]} **{coach.TITLES[verdict.id]}**  \n"
                    f"{escape(verdict.advice)}")

with figures, st.container(border=True):
    st.subheader("Readability")
    m = report.metrics
    left, right = st.columns(2)
    left.metric("Words", f"{m.words:,}", help="In the body: greeting and signature left out.")
    right.metric("Sentences", f"{m.sentences:,}")
    left.metric("Paragraphs", f"{m.paragraphs:,}")
    right.metric("Reading time", f"{m.reading_time_seconds:.0f} s")
    left.metric("Flesch reading ease", f"{m.flesch_reading_ease:g}",
                help="0 to 100: higher is easier; 60 to 70 is plain English.")
    right.metric("Flesch-Kincaid grade", f"{m.flesch_kincaid_grade:g}",
                 help="The US school grade that can read it easily.")

st.subheader("Where the coach looked")
chosen = st.selectbox(
    "Highlight the evidence for",
    options=coach.CRITERIA,
    format_func=lambda c: f"{coach.TITLES[c]} ({report.verdict(c).verdict})",
    key="highlight",
)
evidence = report.verdict(chosen).evidence
if not evidence:
    st.caption("No passage of the draft was marked for this point.")
with st.container(border=True, key="draft_view"):
    st.markdown(to_markdown(report.text, evidence))
