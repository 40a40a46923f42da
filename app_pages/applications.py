"""Applications page: add and edit applications, interviews and interviewers; import and export.

What the visitor typed is shown only in form fields, dataframe cells and escaped Markdown.
"""

from __future__ import annotations

from datetime import date, time
from functools import partial
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from coach import tracker
from coach.choices import INTERVIEW_TYPES, LABELS, STAGES
from coach.csv_import import IMPORT_COLUMNS, CsvError, parse_csv
from coach.database import Scoped
from coach.export import to_csv, workspace_zip
from ui import forms, runtime
from ui.highlight import escape

NEW = 0  # the "Add to" choice that creates a new application


def _label(application: pd.Series) -> str:
    role = f" · {application['role']}" if application["role"] else ""
    return f"{application['company']}{role}"


def _add() -> None:
    """Save the Add form: the application (unless adding to one), its interview and people."""
    state = st.session_state
    state.pop("add_error", None)
    try:
        people = forms.people(state.get("add_people") or "")
        starts_at = tracker.local_start(state.add_date, state.add_time, state.add_zone)
        with runtime.workspace().begin() as session:
            application_id = state.add_to
            if application_id == NEW:
                application_id = tracker.add_application(
                    session, company=state.add_company, role=state.add_role,
                    stage=state.add_stage, job_ad_url=state.add_job_ad_url,
                    job_ad_text=state.add_job_ad_text, notes=state.add_notes,
                ).id
            interview = tracker.add_interview(
                session, application_id, starts_at=starts_at, timezone=state.add_zone,
                interview_type=state.add_type, round=int(state.add_round),
                prefers_email=state.add_prefers_email, topics=state.add_topics,
                decision_on=state.add_decision,
            )
            for person in people:
                tracker.add_interviewer(session, interview.id, name=person.name,
                                        title=person.title, email=person.email)
    except (ValueError, tracker.RecordError) as error:
        # Nothing was written, and every field keeps what was typed.
        state.add_error = f"Not saved: {escape(str(error))}."
        return
    who = f" with {_count(len(people), 'interviewer')}" if people else ""
    state.flash = f"Saved the interview{who}. It is on the Timeline now."
    # Back to an empty form, so that a second Save can't store the same interview again.
    for key, value in _form_defaults().items():
        state[key] = value


def _form_defaults() -> dict[str, object]:
    return {
        "add_company": "", "add_role": "", "add_stage": "interviewing", "add_job_ad_url": "",
        "add_job_ad_text": "", "add_notes": "", "add_date": date.today(), "add_time": time(9),
        "add_zone": runtime.timezone(), "add_type": "video", "add_round": 1,
        "add_prefers_email": False, "add_topics": "", "add_decision": None, "add_people": "",
    }


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _preview_csv(key: str) -> None:
    state = st.session_state
    for name in ("import_preview", "import_error", "import_dry_run"):
        state.pop(name, None)
    upload = state.get(key)
    if upload is None:
        return
    try:
        preview = parse_csv(upload.getvalue(), default_tz=runtime.timezone())
    except CsvError as error:
        state.import_error = f"Can't import {escape(upload.name)}: {escape(str(error))}."
        return
    try:
        with runtime.workspace().dry_run() as session:
            state.import_dry_run = tracker.import_rows(session, preview.rows)
    except tracker.RecordError as error:
        state.import_error = f"Can't import {escape(upload.name)}: {escape(str(error))}."
        return
    state.import_preview = preview
    state.import_name = upload.name


def _import() -> None:
    state = st.session_state
    preview = state.pop("import_preview")
    state.pop("import_dry_run", None)
    try:
        with runtime.workspace().begin() as session:
            summary = tracker.import_rows(session, preview.rows)
    except tracker.RecordError as error:
        # Changed since the preview (e.g. in another tab): nothing was written.
        state.import_error = f"Nothing was imported: {escape(str(error))}."
        return
    skipped = len(preview.bad_lines) + len(summary.duplicates)
    state.flash = (f"Imported {_count(summary.applications, 'application')}, "
                   f"{_count(summary.interviews, 'interview')} and "
                   f"{_count(summary.interviewers, 'interviewer')}"
                   + (f"; skipped {_count(skipped, 'row')}." if skipped else "."))
    state.csv_nonce = state.get("csv_nonce", 0) + 1  # a fresh, empty uploader


def _cancel_import() -> None:
    for key in ("import_preview", "import_error", "import_dry_run"):
        st.session_state.pop(key, None)
    st.session_state.csv_nonce = st.session_state.get("csv_nonce", 0) + 1


def _ask_delete(kind: str, key: int, what: str, consequence: str) -> None:
    st.session_state.pending_delete = (kind, key, what, consequence)


def _forget_delete() -> None:
    st.session_state.pop("pending_delete", None)


@st.dialog("Delete for good?", on_dismiss=_forget_delete)
def _confirm_delete(kind: str, key: int, what: str, consequence: str) -> None:
    st.markdown(f"Delete **{escape(what)}**? {consequence} This can't be undone.")
    left, right = st.columns(2)
    if left.button("Delete", type="primary", icon=":material/delete:", key="confirm_delete"):
        _forget_delete()
        try:
            with runtime.workspace().begin() as session:
                {"application": tracker.delete_application,
                 "interview": tracker.delete_interview,
                 "interviewer": tracker.delete_interviewer}[kind](session, key)
        except tracker.RecordError:
            pass  # already gone, e.g. deleted in another tab: the result is the same
        st.session_state.flash = f"Deleted {escape(what)}."
        st.rerun()
    if right.button("Keep it", key="cancel_delete", on_click=_forget_delete):
        st.rerun()


st.title("Applications")
st.caption("Everything the timeline is computed from: applications, their interviews, and the "
           "people you met.")
# Always present, so the tabs below keep their place (and the open tab) when it empties.
with st.container(key="flash_area"):
    if "flash" in st.session_state:
        st.success(st.session_state.pop("flash"), icon=":material/check_circle:")

database = runtime.workspace()
zone = runtime.timezone()
with database.begin() as session:
    applications = tracker.applications_frame(session)

with st.container(key="empty_state"):  # always present, for the same reason as above
    if applications.empty:
        st.info("No applications yet. Add your first one below, import a CSV from your "
                "spreadsheet, or load a demo workspace.", icon=":material/work_outline:")
        st.button("Load the demo workspace", icon=":material/play_circle:",
                  on_click=runtime.load_demo_workspace)

add, edit, bring, take = st.tabs(["Add", "Edit or delete", "Import CSV", "Export"])

with add:
    choices = {NEW: "A new application", **{int(r["id"]): _label(r)
                                           for _, r in applications.iterrows()}}
    st.selectbox("Add an interview to", options=list(choices), format_func=choices.get,
                 key="add_to")
    with st.form("add_form", enter_to_submit=False, border=True):
        if st.session_state.get("add_to", NEW) == NEW:
            st.markdown("**The application**")
            left, right = st.columns(2)
            left.text_input("Company *", key="add_company", max_chars=tracker.LIMITS["company"])
            right.text_input("Role", key="add_role", max_chars=tracker.LIMITS["role"])
            left.selectbox("Stage", STAGES, index=STAGES.index("interviewing"), key="add_stage")
            right.text_input("Job ad link", key="add_job_ad_url")
            st.text_area("Job ad text", key="add_job_ad_text", height=100,
                         help="Pasted here, the scorer can tell the ad's wording from yours.")
            st.text_area("Notes", key="add_notes", height=68)
        st.markdown("**The interview**")
        left, middle, right = st.columns(3)
        left.date_input("Date", key="add_date", value=date.today(), format="YYYY-MM-DD")
        middle.time_input("Start time", key="add_time", value=time(9, 0), step=900)
        right.selectbox("Time zone", forms.ZONES, index=forms.zone_index(zone), key="add_zone")
        left.selectbox("Type", INTERVIEW_TYPES, format_func=LABELS.get, key="add_type",
                       index=INTERVIEW_TYPES.index("video"))
        middle.number_input("Round", min_value=1, max_value=tracker.MAX_ROUND, value=1,
                            key="add_round")
        right.date_input("Decision expected by (optional)", value=None, key="add_decision",
                         format="YYYY-MM-DD")
        st.checkbox("The employer prefers email", key="add_prefers_email")
        st.text_area("Topics discussed", key="add_topics", height=80,
                     help="One per line; the scorer checks that your note mentions them.")
        st.text_area("Interviewers", key="add_people", height=100,
                     placeholder="Ana Ruiz; Head of Data; ana@example.com\nTom Becker",
                     help="One person per line: Name; Title; email (title and email "
                     "optional). Each gets their own thank-you note.")
        st.form_submit_button("Save", type="primary", icon=":material/save:", on_click=_add)
    if "add_error" in st.session_state:
        st.error(st.session_state.add_error, icon=":material/error:")

with edit:
    if applications.empty:
        st.caption("Nothing to edit yet.")
    else:
        st.markdown("**Applications**")
        edited = st.data_editor(
            applications.set_index("id"),
            key="applications_editor",
            num_rows="fixed",
            column_config={
                "company": st.column_config.TextColumn("Company", required=True,
                                                       max_chars=tracker.LIMITS["company"]),
                "role": st.column_config.TextColumn("Role", max_chars=tracker.LIMITS["role"]),
                "stage": st.column_config.SelectboxColumn("Stage", options=STAGES,
                                                          required=True),
                "job_ad_url": st.column_config.LinkColumn("Job ad"),
                "notes": st.column_config.TextColumn("Notes"),
                "interviews": st.column_config.NumberColumn("Interviews", disabled=True),
            },
        )
        changed = edited.compare(applications.set_index("id")) if len(edited) == len(
            applications) else pd.DataFrame()
        if st.button("Save changes", icon=":material/save:", disabled=changed.empty,
                     key="save_applications"):
            try:
                with database.begin() as session:
                    for key in changed.index:
                        fields = edited.loc[key, ["company", "role", "stage", "job_ad_url",
                                                  "notes"]].fillna("").to_dict()
                        tracker.update_application(session, int(key), **fields)
            except tracker.RecordError as error:
                st.error(f"Nothing was saved: {escape(str(error))}.", icon=":material/error:")
            else:
                st.session_state.flash = f"Saved {len(changed)} changed application(s)."
                st.rerun()

        st.markdown("**Interviews and interviewers**")
        labels = {int(r["id"]): _label(r) for _, r in applications.iterrows()}
        chosen = st.selectbox("Application", list(labels), format_func=labels.get,
                              key="edit_application")
        with database.begin() as session:
            interviews = tracker.interviews_of(session, chosen)
            local = {i.id: i.starts_at.astimezone(ZoneInfo(i.timezone)) for i in interviews}
            rows = [{
                "id": i.id, "round": i.round, "date": local[i.id].date(),
                "time": local[i.id].time().replace(tzinfo=None), "timezone": i.timezone,
                "interview_type": i.interview_type, "prefers_email": i.prefers_email,
                "topics": "; ".join(i.topics.splitlines()), "decision_on": i.decision_on,
                "starts": local[i.id].strftime("%Y-%m-%d %H:%M"),
            } for i in interviews]
            people = [{"id": p.id, "interview": forms.interview_label(
                i.round, local[i.id].strftime("%Y-%m-%d %H:%M")), "name": p.name,
                "title": p.title, "email": p.email, "travelling": p.travelling}
                for i in interviews for p in i.interviewers]
        if not rows:
            st.caption("No interviews for this application yet: add one in the Add tab.")
        else:
            before = pd.DataFrame(rows).set_index("id").drop(columns="starts")
            after = st.data_editor(
                before, key=f"interviews_editor_{chosen}", num_rows="fixed",
                column_config={
                    "round": st.column_config.NumberColumn(
                        "Round", min_value=1, max_value=tracker.MAX_ROUND, step=1,
                        required=True),
                    "date": st.column_config.DateColumn("Date", required=True,
                                                        format="YYYY-MM-DD"),
                    "time": st.column_config.TimeColumn("Start", required=True,
                                                        format="HH:mm", step=900),
                    "timezone": st.column_config.SelectboxColumn(
                        "Time zone", options=forms.ZONES, required=True),
                    "interview_type": st.column_config.SelectboxColumn(
                        "Type", options=INTERVIEW_TYPES, required=True),
                    "prefers_email": st.column_config.CheckboxColumn("Prefers email"),
                    "topics": st.column_config.TextColumn(
                        "Topics", help="Separate topics with ;",
                        max_chars=tracker.LIMITS["topics"]),
                    "decision_on": st.column_config.DateColumn("Decision by",
                                                               format="YYYY-MM-DD"),
                },
            )
            labels_by_interview = {r["id"]: forms.interview_label(r["round"], r["starts"])
                                   for r in rows}
            people_before = pd.DataFrame(
                people, columns=["id", "interview", "name", "title", "email", "travelling"]
            ).set_index("id")
            people_after = st.data_editor(
                people_before, key=f"people_editor_{chosen}", num_rows="add",
                column_config={
                    "interview": st.column_config.SelectboxColumn(
                        "Interview", options=list(labels_by_interview.values()),
                        required=True, default=next(iter(labels_by_interview.values()))),
                    "name": st.column_config.TextColumn("Name", required=True,
                                                        max_chars=tracker.LIMITS["name"]),
                    "title": st.column_config.TextColumn("Title",
                                                         max_chars=tracker.LIMITS["title"]),
                    "email": st.column_config.TextColumn("Email"),
                    "travelling": st.column_config.CheckboxColumn(
                        "Travelling", help="A note to someone travelling goes by email."),
                },
            )
            edited_interviews = forms.changed_rows(after, before)
            edited_people = forms.changed_rows(people_after, people_before)
            added_people = people_after[~people_after.index.isin(people_before.index)]
            pending = len(edited_interviews) + len(edited_people) + len(added_people)
            if st.button("Save interview changes", icon=":material/save:", disabled=not pending,
                         key="save_interviews"):
                by_label = {v: k for k, v in labels_by_interview.items()}
                try:
                    with database.begin() as session:
                        for key in edited_interviews:
                            row = after.loc[key]
                            zone_name = row["timezone"]
                            tracker.update_interview(
                                session, int(key), round=int(row["round"]),
                                starts_at=tracker.local_start(row["date"], row["time"],
                                                              zone_name),
                                timezone=zone_name, interview_type=row["interview_type"],
                                prefers_email=bool(row["prefers_email"]),
                                topics=row["topics"] or "",
                                decision_on=None if pd.isna(row["decision_on"])
                                else row["decision_on"],
                            )
                        for key in edited_people:
                            row = people_after.loc[key]
                            tracker.update_interviewer(
                                session, int(key), name=row["name"] or "",
                                title=row["title"] or "", email=row["email"] or "",
                                travelling=bool(row["travelling"]))
                        for _, row in added_people.iterrows():
                            if row["interview"] not in by_label:
                                raise tracker.RecordError("pick the interview for each new "
                                                          "interviewer")
                            tracker.add_interviewer(
                                session, by_label[row["interview"]], name=row["name"] or "",
                                title=row["title"] or "", email=row["email"] or "",
                                travelling=bool(row["travelling"]))
                except tracker.RecordError as error:
                    st.error(f"Nothing was saved: {escape(str(error))}.",
                             icon=":material/error:")
                else:
                    st.session_state.flash = f"Saved {pending} change(s)."
                    st.rerun()
            people = [(p["id"], p["name"], p["interview"]) for p in people]
        left, middle, right = st.columns(3)
        if left.button("Delete this application…", icon=":material/delete:",
                       key="delete_application"):
            count = len(rows)
            _ask_delete("application", chosen, labels[chosen],
                        f"Its {count} interview{'s' if count != 1 else ''}, their "
                        "interviewers, drafts and follow-ups go with it.")
        if rows:
            by_id = {r["id"]: forms.interview_label(r["round"], r["starts"]) for r in rows}
            gone = middle.selectbox("Interview", list(by_id), format_func=by_id.get,
                                    key="delete_interview_pick", label_visibility="collapsed")
            if middle.button("Delete this interview…", key="delete_interview"):
                _ask_delete("interview", gone, by_id[gone],
                            "Its interviewers, drafts and follow-ups go with it.")
        if people:
            names = {pid: f"{name} ({where})" for pid, name, where in people}
            person = right.selectbox("Interviewer", list(names), format_func=names.get,
                                     key="delete_person_pick", label_visibility="collapsed")
            if right.button("Delete this interviewer…", key="delete_interviewer"):
                _ask_delete("interviewer", person, names[person],
                            "Their note and its drafts go with them.")

if "pending_delete" in st.session_state:
    _confirm_delete(*st.session_state.pending_delete)

with bring:
    st.markdown("One row per interviewer. Needs the columns **company** and **interview_date**; "
                "the others are optional. Nothing is saved until you press Import.")
    example = {
        "company": "Acme Analytics", "role": "Data Analyst", "stage": "interviewing",
        "interview_date": date.today().isoformat(), "interview_time": "14:00",
        "timezone": zone, "interview_type": "video", "prefers_email": "no", "round": "1",
        "topics": "the churn dashboard; moving to dbt", "interviewer": "Ana Ruiz",
        "interviewer_title": "Head of Data", "interviewer_email": "ana@example.com",
    }
    template = pd.DataFrame([{c: example.get(c, "") for c in IMPORT_COLUMNS}])
    st.download_button("Download a template CSV", to_csv(template), "tracker-template.csv",
                       mime="text/csv", icon=":material/download:", key="template")
    uploader = f"csv_upload_{st.session_state.get('csv_nonce', 0)}"
    st.file_uploader("CSV file", type=["csv"], on_change=_preview_csv, args=(uploader,),
                     key=uploader, help="UTF-8, up to 1 MB and 5,000 rows.")
    if "import_error" in st.session_state:
        st.error(st.session_state.import_error, icon=":material/error:")
    preview = st.session_state.get("import_preview")
    if preview is not None:
        dry = st.session_state.import_dry_run
        new = len(preview.rows) - len(dry.duplicates)
        bad, known = len(preview.bad_lines), len(dry.duplicates)
        st.markdown(
            f"**{len(preview.rows)} {'row is' if len(preview.rows) == 1 else 'rows are'} "
            f"ready**; {bad} {'has' if bad == 1 else 'have'} problems and will be skipped; "
            f"{known} {'is' if known == 1 else 'are'} already in your tracker."
        )
        if preview.problems:
            st.dataframe(pd.DataFrame([{"Line": p.line, "Column": p.column,
                                        "Problem": p.message} for p in preview.problems]),
                         hide_index=True, key="import_problems")
        if dry.duplicates:
            st.caption("Already there, so skipped: line "
                       + ", ".join(str(n) for n in dry.duplicates) + ".")
        if preview.ignored_columns:
            st.caption("Columns not used: " + ", ".join(escape(c)
                                                        for c in preview.ignored_columns))
        if preview.rows:
            st.dataframe(pd.DataFrame([{
                "Line": r.line, "Company": r.company, "Role": r.role,
                "Interview": r.starts_at.astimezone(ZoneInfo(r.timezone)).strftime(
                    "%Y-%m-%d %H:%M") + f" {r.timezone}",
                "Type": LABELS[r.interview_type], "Interviewer": r.interviewer,
            } for r in preview.rows]), hide_index=True, key="import_rows")
        left, right, _ = st.columns([1, 1, 2])
        left.button(f"Import {new} row{'s' if new != 1 else ''}", type="primary",
                    on_click=_import, disabled=new == 0, icon=":material/upload:",
                    key="confirm_import")
        right.button("Cancel", on_click=_cancel_import, key="cancel_import")



def _export_zip(workspace: Scoped) -> bytes:
    """Built when the button is pressed, not on every rerun; Streamlit runs it in a thread of
    its own, where there is no session state, so it is handed the workspace."""
    with workspace.begin() as session:
        return workspace_zip(session, runtime.now())


def _export_interviews(workspace: Scoped) -> bytes:
    with workspace.begin() as session:
        return to_csv(tracker.export_tables(session)["interviews"])


with take:
    st.markdown("Download everything you have entered: drafts, follow-ups, coaching links and "
                "their comments included. Cells that a spreadsheet would run as a formula are "
                "prefixed with `'`.")
    st.download_button("Everything (.zip of CSV files)", partial(_export_zip, database),
                       "thank-you-coach-export.zip", mime="application/zip",
                       icon=":material/folder_zip:", key="export_zip", on_click="ignore",
                       disabled=applications.empty)
    st.download_button("Interviews and interviewers (.csv, re-importable)",
                       partial(_export_interviews, database), "interviews.csv", mime="text/csv",
                       icon=":material/table:", key="export_csv", on_click="ignore",
                       disabled=applications.empty)
