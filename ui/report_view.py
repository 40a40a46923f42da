"""A scored draft on screen: the overall score, the checklist, readability, the evidence.

Shared by the Score page and the coach's read-only view of a coaching link. The draft reaches
the screen only through ``ui.highlight`` (escaped Markdown), never as raw Markdown or HTML.
"""

from __future__ import annotations

import streamlit as st

import coach
from ui.highlight import escape, to_markdown

MARKS = {
    "pass": ":green-badge[:material/check_circle: Pass]",
    "warn": ":orange-badge[:material/warning: Warning]",
    "fail": ":red-badge[:material/cancel: Fail]",
}


def show(report: coach.Report, *, key: str) -> None:
    """Draw ``report``; ``key`` names the evidence picker so two views can't collide."""
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
        key=key,
    )
    evidence = report.verdict(chosen).evidence
    if not evidence:
        st.caption("No passage of the draft was marked for this point.")
    with st.container(border=True, key="draft_view"):
        st.markdown(to_markdown(report.text, evidence))


def show_comments(comments) -> None:
    """Coaches' comments, oldest first, as plain text with their author and time."""
    for comment in comments:
        author = escape(comment.author) if comment.author else "Your coach"
        when = comment.created_at.strftime("%d %b %Y, %H:%M UTC")
        body = "  \n".join(escape(line) for line in comment.body.splitlines())
        st.markdown(f"**{author}** · {when}  \n{body}")
