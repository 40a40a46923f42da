"""Workspaces, coaching links and the workspace page through the app itself, via AppTest.

Local mode (the default), hosted with link keys (``THANKYOU_COACH_HOSTED=1``) and hosted with
a login (an ``[auth]`` section in the secrets): who sees which workspace, what a coaching
link shows, and deleting a workspace for good.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from coach import sharing, tracker, workspaces
from coach.database import database_url, open_database
from coach.models import Application, Share, ShareComment, Workspace
from ui.highlight import WORD_JOINER

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT = 60
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s" * 32,
        "client_id": "coach", "client_secret": "secret",
        "server_metadata_url": "https://id.example/.well-known/openid-configuration"}


def _database():
    return open_database(database_url())


def _count(model) -> int:
    with _database().begin() as session:
        return session.scalar(select(func.count(model.id)))


def _texts(at: AppTest) -> str:
    parts = [str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.error,
                                    *at.warning, *at.success, *at.title, *at.subheader,
                                    *at.code)]
    return html.unescape("\n".join(parts)).replace(WORD_JOINER, "")


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _run(at: AppTest, page: str | None = None) -> AppTest:
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def _app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.context = {"url": "http://coach.test/"}
    at.query_params.update(query)
    return at


def _company_in(workspace_id: int, company: str) -> None:
    with _database().workspace(workspace_id).begin() as session:
        tracker.add_application(session, company=company)


@pytest.fixture
def hosted(monkeypatch):
    monkeypatch.setenv("THANKYOU_COACH_HOSTED", "1")


# --- local ------------------------------------------------------------------------------------

def test_locally_there_is_one_workspace_and_the_sidebar_says_it_is_shared():
    first = _run(_app())
    second = _run(_app())
    assert "Single-user mode" in _texts(first) + _texts(second)
    assert "w" not in first.query_params
    assert _count(Workspace) == 1


# --- hosted, link keys ------------------------------------------------------------------------

def test_a_first_visit_creates_a_private_workspace_whose_key_is_in_the_address(hosted):
    at = _run(_app())
    key = at.query_params.get("w")
    assert key and len(key) >= 22  # at least 128 bits in URL-safe base64
    assert "This is your private workspace" in _texts(at)
    assert "bookmark" in _texts(at).lower()
    with _database().begin() as session:
        assert workspaces.by_link(session, key) is not None
        # Only a hash is kept.
        assert key not in {w.key_hash for w in session.scalars(select(Workspace))}


def test_each_visitor_sees_only_their_own_workspace(hosted):
    alice = _run(_app())
    bob = _run(_app())
    keys = alice.query_params["w"], bob.query_params["w"]
    assert keys[0] != keys[1]
    with _database().begin() as session:
        ids = [workspaces.by_link(session, k) for k in keys]
    _company_in(ids[0], "Alice Corp")
    _company_in(ids[1], "Bob Ltd")

    alice_again = _run(_app(w=keys[0]), "applications")
    shown = _texts(alice_again) + str(alice_again.dataframe[0].value.to_dict()
                                      if alice_again.dataframe else "")
    assert "Alice Corp" in shown and "Bob Ltd" not in shown


def test_a_made_up_workspace_key_opens_nothing_and_creates_nothing(hosted):
    before = _count(Workspace)
    at = _run(_app(w="A" * 32))
    assert "doesn't open anything" in _texts(at)
    assert not at.text_area  # no Score page, no draft box
    assert _count(Workspace) == before
    _button(at, "Start a new private workspace").click().run()
    assert at.query_params.get("w") not in (None, "A" * 32)
    assert _count(Workspace) == before + 1


def test_timeline_links_keep_the_workspace_key(hosted):
    at = _run(_app())
    key = at.query_params["w"]
    with _database().begin() as session:
        workspace_id = workspaces.by_link(session, key)
    with _database().workspace(workspace_id).begin() as session:
        app = tracker.add_application(session, company="Lumen")
        interview = tracker.add_interview(session, app.id,
                                          starts_at=datetime.now(UTC) - timedelta(hours=3))
        person = tracker.add_interviewer(session, interview.id, name="Ana").id
    at.switch_page("app_pages/timeline.py").run()
    assert list(at.dataframe[0].value["Note"]) == [f"./?note={person}&w={key}"]


# --- hosted, login ----------------------------------------------------------------------------

def _login_app(user: dict) -> AppTest:
    at = _app()
    at.secrets["hosted"] = True
    at.secrets["auth"] = AUTH
    at.user = user
    return at


def test_with_a_login_configured_a_visitor_must_log_in_first(monkeypatch):
    monkeypatch.delenv("THANKYOU_COACH_HOSTED", raising=False)
    at = _run(_login_app({"is_logged_in": False}))
    assert "Log in" in [b.label for b in at.button]
    assert not at.text_area
    assert _count(Workspace) == 1  # only the local one the first migration made


def test_each_login_has_its_own_workspace():
    ana = {"is_logged_in": True, "iss": "https://id.example", "sub": "ana-1",
           "email": "ana@example.com"}
    ben = {**ana, "sub": "ben-2", "email": "ben@example.com"}
    _run(_login_app(ana))
    with _database().begin() as session:
        ana_id = workspaces.for_login(session, ana["iss"], ana["sub"])
    _company_in(ana_id, "Ana's Bakery")
    at = _run(_login_app(ben), "applications")
    assert "Ana's Bakery" not in _texts(at)
    again = _run(_login_app(ana), "applications")
    assert "Ana" in str(again.dataframe[0].value.to_dict())
    assert _count(Workspace) == 1 + 2  # the local one, and one per login


# --- coaching links ---------------------------------------------------------------------------

def _share_from_score_page(at: AppTest) -> str:
    _button(at, "A strong note").click().run()
    _button(at, "Score my note").click().run()
    _button(at, "Create a coaching link").click().run()
    assert not at.exception, at.exception
    link = next(c.value for c in at.code if "?share=" in c.value)
    assert link.startswith("http://coach.test/?share=")
    return link.split("?share=", 1)[1]


def test_the_score_page_shares_a_draft_and_keeps_only_the_token_hash(hosted):
    at = _run(_app())
    token = _share_from_score_page(at)
    assert "shown only once" in _texts(at)
    with _database().begin() as session:
        stored = session.scalars(select(Share)).one()
        assert token not in (stored.token_hash, stored.text, stored.report, stored.context)
        assert sharing.open_share(session, token, datetime.now(UTC)) is not None


def test_a_coach_reads_the_draft_comments_and_the_writer_sees_the_comment(hosted):
    writer = _run(_app())
    token = _share_from_score_page(writer)

    coach = _run(_app(share=token))
    shown = _texts(coach)
    assert "A thank-you note to review" in shown and "Ms. Okafor" in shown
    assert not coach.text_area(key="draft") if "draft" in coach.session_state else True
    assert "Score my note" not in [b.label for b in coach.button]
    coach.text_input(key="comment_author").input("Sam (coach)")
    coach.text_area(key="comment_body").input("Open with the 18% result.")
    coach.button[0].click().run()  # the form's one button: Post comment
    assert "Your comment is posted" in _texts(coach)
    assert "Open with the 18% result." in _texts(coach)

    writer.run()  # the writer's page, still on the same draft
    assert "Your coach's comments (1)" in _texts(writer)
    assert "Open with the 18% result." in _texts(writer)
    links = _run(_app(w=writer.query_params["w"]), "coaching")
    assert "Open with the 18% result." in _texts(links)


def test_an_empty_comment_is_refused_and_nothing_is_stored(hosted):
    token = _share_from_score_page(_run(_app()))
    coach = _run(_app(share=token))
    coach.text_area(key="comment_body").input("   ")
    coach.button[0].click().run()
    assert "the comment is empty" in _texts(coach)
    assert _count(ShareComment) == 0


@pytest.mark.parametrize("state", ["revoked", "expired", "made up"])
def test_a_closed_link_shows_one_calm_message_and_nothing_else(hosted, state):
    writer = _run(_app())
    token = _share_from_score_page(writer)
    if state == "revoked":
        links = _run(_app(w=writer.query_params["w"]), "coaching")
        _button(links, "Revoke").click().run()
        assert "The link is closed" in _texts(links)
    elif state == "expired":
        with _database().begin() as session:
            session.scalars(select(Share)).one().expires_at = datetime.now(UTC) - timedelta(1)
    else:
        token = token[::-1]
    coach = _run(_app(share=token))
    assert "This coaching link isn't open" in _texts(coach)
    assert "Ms. Okafor" not in _texts(coach)
    assert not coach.text_area and not coach.button


def test_a_second_workspace_sees_no_links_and_no_comments(hosted):
    token = _share_from_score_page(_run(_app()))
    with _database().begin() as session:
        sharing.add_comment(session, token, author="", body="Private advice",
                            now=datetime.now(UTC))
    other = _run(_app(), "coaching")
    assert "No coaching links yet" in _texts(other)
    assert "Private advice" not in _texts(other)


# --- the workspace page -----------------------------------------------------------------------

def test_the_workspace_page_shows_the_link_to_bookmark_and_the_export(hosted):
    at = _run(_app(), "workspace")
    key = at.query_params["w"]
    assert f"http://coach.test/?w={key}" in _texts(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download everything (.zip)" in labels


def test_deleting_needs_the_confirmation_and_then_removes_everything(hosted):
    at = _run(_app())
    key = at.query_params["w"]
    _share_from_score_page(at)
    with _database().begin() as session:
        workspace_id = workspaces.by_link(session, key)
    _company_in(workspace_id, "Gone Inc")
    at.switch_page("app_pages/workspace.py").run()

    next(b for b in at.button if "Delete my workspace" in b.label).click().run()
    assert "Type DELETE" in _texts(at)
    assert _count(Application) == 1 and _count(Share) == 1

    at.text_input(key="confirm_delete").input("DELETE")
    next(b for b in at.button if "Delete my workspace" in b.label).click().run()
    assert not at.exception, at.exception
    assert "deleted for good" in _texts(at)
    assert _count(Application) == 0 and _count(Share) == 0
    with _database().begin() as session:
        assert workspaces.by_link(session, key) is None
    assert at.query_params.get("w") not in (None, key)  # a new, empty workspace


def test_a_shared_draft_opens_again_on_the_score_page_with_its_comments(hosted):
    writer = _run(_app())
    token = _share_from_score_page(writer)
    with _database().begin() as session:
        sharing.add_comment(session, token, author="Sam", body="Cut the second paragraph.",
                            now=datetime.now(UTC))
    # A new visit to the same workspace: the draft box starts empty.
    again = _run(_app(w=writer.query_params["w"]), "coaching")
    _button(again, "Open the draft").click().run()
    assert not again.exception, again.exception
    assert again.text_area(key="draft").value.startswith("Dear Ms. Okafor")
    shown = _texts(again)
    assert "Your coach's comments (1)" in shown and "Cut the second paragraph." in shown
    assert any(m.label == "Overall score" for m in again.metric)
