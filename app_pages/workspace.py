"""Your workspace: how it is kept private, export everything, delete it for good."""

from __future__ import annotations

from functools import partial

import streamlit as st

from coach import workspaces
from coach.database import Scoped
from coach.export import workspace_zip
from ui import runtime

CONFIRM = "DELETE"


def _export(workspace: Scoped) -> bytes:
    """Built when the button is pressed, in a thread of its own: no session state there."""
    with workspace.begin() as session:
        return workspace_zip(session, runtime.now())


def _delete() -> None:
    if st.session_state.get("confirm_delete", "").strip() != CONFIRM:
        st.session_state.delete_error = f"Type {CONFIRM} in the box to confirm."
        return
    with runtime.database().begin() as session:
        workspaces.delete_workspace(session, runtime.access().workspace_id)
    kept = {"workspace_deleted"}
    for key in list(st.session_state):
        if key not in kept:
            del st.session_state[key]
    st.query_params.clear()
    st.session_state.workspace_deleted = True


access = runtime.access()
st.title("Your workspace")
if access.mode == "link":
    st.write("Your applications, drafts and coaching links are in a private workspace. Its "
             "key is part of this page's address; there is no password. Bookmark the address "
             "to come back, and keep it to yourself: anyone who has it can open the workspace.")
    st.code(f"{runtime.app_url()}/?{runtime.link_params()}", language=None, wrap_lines=True)
elif access.mode == "login":
    st.write("Your applications, drafts and coaching links are in a private workspace that "
             "only your login opens.")
    st.button("Log out", icon=":material/logout:", on_click=st.logout)
else:
    st.write("This copy of the app runs for one person: everyone who opens its address shares "
             "this one workspace. Set `THANKYOU_COACH_HOSTED=1` before sharing the address "
             "with others (see the README's Hosting section).")

st.subheader("Export everything")
st.write("One zip of CSV files: applications, interviews and interviewers, every saved draft "
         "with its score, follow-ups, your coaching links and the comments on them.")
st.download_button("Download everything (.zip)", partial(_export, runtime.workspace()),
                   "thank-you-coach-workspace.zip", mime="application/zip",
                   icon=":material/folder_zip:", key="export_all", on_click="ignore")

st.subheader("Delete this workspace")
st.write("Deletes everything above for good, and closes every coaching link. It can't be "
         "undone: download the export first if you may want any of it.")
with st.form("delete_workspace", enter_to_submit=False):
    st.text_input(f"Type {CONFIRM} to confirm", key="confirm_delete")
    st.form_submit_button("Delete my workspace for good", type="primary",
                          icon=":material/delete_forever:", on_click=_delete)
if "delete_error" in st.session_state:
    st.error(st.session_state.pop("delete_error"), icon=":material/error:")
