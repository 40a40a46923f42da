"""Score page: paste a draft, get the checklist verdicts, see where each one comes from.

The draft is the visitor's text: it reaches the screen only through ``ui.highlight`` (escaped
Markdown) or ``st.text_area``, never as raw Markdown or HTML.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import streamlit as st

import coach
from coach import sharing, tracker
from coach.inputs import decode
from ui import examples, report_view, runtime
from ui.context_form import INTERVIEW_TYPE_LABELS, context_dict
from ui.highlight import escape


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


def _fill_from(note: tracker.NoteContext) -> None:
    """Put the note's interview details, and its latest saved draft, into the form."""
    st.session_state.ctx_interviewers = note.interviewer
    st.session_state.ctx_company = note.company
    st.session_state.ctx_role = note.role
    st.session_state.ctx_interview_type = note.interview_type
    st.session_state.ctx_topics = "\n".join(note.topics)
    st.session_state.ctx_job_ad = note.job_ad
    current = st.session_state.get("draft") or ""
    if note.latest_draft and current != note.latest_draft:
        if current.strip():
            # Never lose what was in the box: it can be put back with one click.
            st.session_state.previous_draft = current
        st.session_state.draft = note.latest_draft
    st.session_state.pop("report", None)
    st.session_state.note_loaded = note.interviewer_id


def _stop_note() -> None:
    for key in ("note_for", "note_loaded", "previous_draft"):
        st.session_state.pop(key, None)
    st.query_params.pop("note", None)


def _put_back() -> None:
    st.session_state.draft = st.session_state.pop("previous_draft")
    st.session_state.pop("report", None)


def _save(note: tracker.NoteContext) -> None:
    """Score the draft if it changed, then keep it as a new version of the note."""
    report = st.session_state.get("report")
    if report is None or report.text != st.session_state.get("draft"):
        _score()
        report = st.session_state.get("report")
    if report is None:
        return
    with runtime.workspace().begin() as session:
        tracker.save_draft(session, note.interviewer_id, report.text, report)
    change = ""
    if note.history:
        before = note.history[-1][1]
        change = f" (up from {before})" if report.overall > before else (
            f" (down from {before})" if report.overall < before else " (unchanged)")
    st.session_state.flash = (f"Saved version {len(note.history) + 1} of your note to "
                              f"{escape(note.interviewer)}: score {report.overall}{change}.")


def _mark_sent(note: tracker.NoteContext) -> None:
    with runtime.workspace().begin() as session:
        tracker.mark_sent(session, note.interviewer_id, runtime.now())
    st.session_state.flash = f"Marked your note to {escape(note.interviewer)} as sent."


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

note: tracker.NoteContext | None = None
linked = st.query_params.get("note", "")
if linked.isdigit() and st.session_state.get("note_for") != int(linked):
    # Opened from a timeline link: work on that note.
    st.session_state.note_for = int(linked)
    st.session_state.pop("note_loaded", None)
if st.session_state.get("note_for") is not None:
    try:
        with runtime.workspace().begin() as session:
            note = tracker.note_context(session, st.session_state.note_for)
    except tracker.RecordError:
        _stop_note()
        st.warning("That note was deleted, so this draft is no longer linked to it.",
                   icon=":material/link_off:")
if note is not None:
    if st.session_state.get("note_loaded") != note.interviewer_id:
        _fill_from(note)
    with st.container(border=True, key="note_banner"):
        when = note.starts_at.astimezone(ZoneInfo(note.timezone))
        st.markdown(f":material/person: Writing to **{escape(note.interviewer)}** · "
                    f"{escape(note.company)}" + (f" · {escape(note.role)}" if note.role else "")
                    + f" · interview on {when.strftime('%a %d %b')}")
        if note.history:
            scores = " → ".join(str(score) for _, score in note.history[-6:])
            st.caption(f"{len(note.history)} saved version"
                       f"{'' if len(note.history) == 1 else 's'}; scores {scores}"
                       + (f" · sent {note.sent_at.strftime('%d %b %H:%M UTC')}"
                          if note.sent_at else ""))
        else:
            st.caption("No saved version yet: score the draft, then save it here.")
        st.button("Stop writing to this person", on_click=_stop_note, icon=":material/close:",
                  type="tertiary")
if "previous_draft" in st.session_state:
    opened = "This note's saved draft" if note is not None else "The draft you opened"
    st.info(f"{opened} replaced the text that was in the box. That text is kept.",
            icon=":material/history:")
    st.button("Put my previous text back", on_click=_put_back, icon=":material/undo:")

if "flash" in st.session_state:
    st.success(st.session_state.pop("flash"), icon=":material/check_circle:")

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

buttons = st.columns([1, 1, 1, 2]) if note is not None else [st]
if buttons[0].button("Score my note", type="primary", icon=":material/fact_check:", key="score"):
    _score()
elif st.session_state.pop("score_on_open", False):  # a shared draft, opened again
    _score()
if note is not None:
    if buttons[1].button("Save this draft", icon=":material/save:", key="save_draft",
                         help=f"Keep this version and its score in your note to "
                         f"{escape(note.interviewer)}."):
        _save(note)
        st.rerun()
    if buttons[2].button("Mark as sent", icon=":material/send:", key="mark_sent",
                         disabled=note.sent_at is not None,
                         help="Records the time the note went out."):
        _mark_sent(note)
        st.rerun()

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


def _share(report: coach.Report) -> None:
    """Create a coaching link to this scored draft; its address is shown once."""
    expires = sharing.EXPIRY_CHOICES[st.session_state.get("share_expiry", "7 days")]
    try:
        context = _context()
    except coach.ContextError:
        context = coach.Context()
    with runtime.workspace().begin() as session:
        token = sharing.share_draft(session, report, context, now=runtime.now(),
                                    expires_in=expires,
                                    interviewer_id=st.session_state.get("note_for"))
    st.session_state.share_link = f"{runtime.app_url()}/?{runtime.SHARE_PARAM}={token}"
    st.session_state.share_link_for = report.text


if report.text == st.session_state.get("draft"):
    with runtime.workspace().begin() as session:
        comments = sharing.comments_on(session, report.text, st.session_state.get("note_for"))
    if comments:
        with st.container(border=True, key="coach_comments"):
            st.markdown(f"**:material/comment: Your coach's comments ({len(comments)})**")
            report_view.show_comments(comments)

report_view.show(report, key="highlight")

if report.text == st.session_state.get("draft"):
    with st.container(border=True, key="share_box"):
        st.markdown("**:material/forum: Share with my coach**")
        if st.session_state.get("share_link_for") == report.text:
            st.code(st.session_state.share_link, language=None, wrap_lines=True)
            st.caption("Copy this link now: it is shown only once, because only a "
                       "fingerprint of it is kept. Whoever has it can read this draft and its "
                       "verdicts and leave comments, nothing else; close it any time on the "
                       "Coaching links page.")
        else:
            st.caption("A read-only link to this draft, its verdicts and the interview "
                       "details; your coach needs no account, and their comments appear here.")
            left, right = st.columns([2, 1], vertical_alignment="bottom")
            left.selectbox("The link stays open for", options=list(sharing.EXPIRY_CHOICES),
                           index=1, key="share_expiry")
            right.button("Create a coaching link", icon=":material/add_link:", key="share",
                         on_click=_share, args=(report,), width="stretch")
