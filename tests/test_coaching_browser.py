"""End to end: a coaching link, from the writer to a coach and back, in headless Chromium.

A hosted server (every visitor gets a private workspace) with its own SQLite file, and three
browser contexts, i.e. three people with their own cookies and sessions: the writer, who
records an interview, scores a draft and shares it; the coach, who opens the link, reads the
draft and comments; and a second writer, who must see none of the first one's data. The tests
are the loop's steps, in file order; each skips when the step it builds on did not pass.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from coach import models, workspaces
from coach.database import Database
from tests.browser import (
    ROOT,
    TIMEOUT_MS,
    chromium,
    go,
    screenshot,
    settle,
    streamlit_server,
)

pytestmark = pytest.mark.browser

DRAFT = (ROOT / "data" / "examples" / "strong.txt").read_text(encoding="utf-8")
COMPANY = "Halvorsen Freight"
INTERVIEWER = "Grace Okafor"
COACH = "Priya from the careers office"
COMMENT = "Lead with the 18% drop in stock-outs: it is your strongest line."
CLOSED = "This coaching link isn't open"
LINK = re.compile(r"http://127\.0\.0\.1:\d+/\?share=[A-Za-z0-9_-]{43}")

#: What the steps found out, for the steps after them.
STATE: dict[str, object] = {}
#: Each step's name once it has passed.
DONE: set[str] = set()


def _needs(*steps: str) -> None:
    missing = [s for s in steps if s not in DONE]
    if missing:
        pytest.skip(f"needs the earlier step(s) {', '.join(missing)} of this loop to pass")


@pytest.fixture(scope="module")
def database_file(tmp_path_factory):
    return tmp_path_factory.mktemp("coaching") / "e2e.db"


@pytest.fixture(scope="module")
def server(database_file) -> Iterator[str]:
    with streamlit_server(database_file, hosted=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def _person(browser):
    """A browser context of its own: its own cookies, so its own Streamlit session."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


@pytest.fixture(scope="module")
def writer(browser, server):
    context, page = _person(browser)
    yield page
    context.close()


@pytest.fixture(scope="module")
def coach(browser, server):
    context, page = _person(browser)
    yield page
    context.close()


# --- helpers -------------------------------------------------------------------------------

def _key(page) -> str:
    """The workspace key in the page's address."""
    return parse_qs(urlsplit(page.url).query).get("w", [""])[0]


def _text(locator) -> str:
    """What a part of the page says, without the invisible word joiners of escaped text."""
    return locator.inner_text().replace("\u2060", "")


def _main(page) -> str:
    return _text(page.get_by_test_id("stMain"))


def _interviewer_id(database_file, key: str, name: str) -> int:
    """The id of the interviewer called ``name`` in the workspace that ``key`` opens."""
    database = Database(f"sqlite:///{database_file}")
    try:
        with database.begin() as session:
            workspace = workspaces.by_link(session, key)
            found = session.scalars(
                select(models.Interviewer.id)
                .join(models.Interview).join(models.Application)
                .where(models.Application.workspace_id == workspace,
                       models.Interviewer.name == name)).all()
    finally:
        database.dispose()
    assert len(found) == 1, found
    return found[0]


# --- the loop ------------------------------------------------------------------------------


def test_the_writer_gets_a_private_workspace_and_records_an_interview(writer, server):
    writer.goto(server)
    writer.wait_for_url(re.compile(r"[?&]w=[A-Za-z0-9_-]{32,}"))
    writer.get_by_text("This is your private workspace").wait_for()
    settle(writer)
    STATE["key"] = _key(writer)

    go(writer, "Applications", "Applications", exact=True)
    writer.get_by_role("tab", name="Add").click()
    writer.get_by_role("textbox", name="Company *").fill(COMPANY)
    writer.get_by_role("textbox", name="Role", exact=True).fill("Stock Planner")
    writer.get_by_role("textbox", name="Interviewers", exact=True).fill(
        f"{INTERVIEWER}; Head of Operations")
    writer.get_by_role("button", name="Save", exact=True).click()
    writer.get_by_text("Saved the interview with 1 interviewer.").wait_for()
    settle(writer)
    assert _key(writer) == STATE["key"], "a page change kept the workspace key in the address"
    DONE.add("workspace")


def test_the_writer_scores_a_draft_and_creates_a_coaching_link(writer, server):
    _needs("workspace")
    go(writer, "Score a note", "Score your thank-you note", exact=True)
    writer.get_by_role("button", name="A strong note").click()
    settle(writer)
    assert writer.get_by_role("textbox", name="Your draft").input_value() == DRAFT
    writer.get_by_role("button", name="Score my note").click()
    share = writer.get_by_role("button", name="Create a coaching link")
    share.wait_for()
    settle(writer)
    assert writer.get_by_text("100 / 100").is_visible()
    box = writer.locator(".st-key-share_box")
    assert box.get_by_text("The link stays open for").is_visible()
    assert box.get_by_role("combobox").input_value() == "7 days"
    # Nobody has commented yet, so there is nothing to show next to the draft.
    assert writer.locator(".st-key-coach_comments").count() == 0

    share.click()
    writer.get_by_text("Copy this link now").wait_for()
    settle(writer)
    link = writer.get_by_test_id("stCode").inner_text().strip()
    assert LINK.fullmatch(link), link
    assert link.startswith(f"{server}/?share="), (link, server)
    assert writer.get_by_role("button", name="Create a coaching link").count() == 0
    STATE["link"] = link
    DONE.add("link")


def test_the_coach_sees_the_draft_read_only(coach):
    _needs("link")
    coach.goto(STATE["link"])
    coach.get_by_role("heading", name="A thank-you note to review").wait_for()
    settle(coach)
    assert "w=" not in coach.url, "a coach must not be given a workspace"
    shown = _main(coach)
    # The draft, as scored, and its verdicts.
    draft_view = _text(coach.locator(".st-key-draft_view"))
    for line in ("Dear Ms. Okafor,", "cut stock-outs by 18% in six months", "Daniel Reyes"):
        assert line in draft_view, line
    assert "100 / 100" in shown
    assert "Checklist" in shown
    assert "Comments for the writer" in shown
    assert "No comments yet." in shown
    # Read-only: no draft box, no scoring, no way into the writer's workspace.
    assert coach.get_by_role("textbox", name="Your draft").count() == 0
    assert coach.get_by_role("button", name="Score my note").count() == 0
    assert coach.get_by_role("button", name="Create a coaching link").count() == 0
    assert coach.get_by_test_id("stSidebarNav").count() == 0
    for page in ("Timeline", "Applications", "Coaching links", "Your workspace"):
        assert coach.get_by_role("link", name=page).count() == 0, page
    assert COMPANY not in shown, "the interview details were not shared with the draft"
    assert "Head of Operations" not in shown
    DONE.add("coach view")


def test_the_coach_posts_a_comment(coach):
    _needs("coach view")
    coach.get_by_role("textbox", name="Your name (optional)").fill(COACH)
    coach.get_by_role("textbox", name="Comment", exact=True).fill(COMMENT)
    coach.get_by_role("button", name="Post comment").click()
    coach.get_by_text("Your comment is posted").wait_for()
    settle(coach)
    comments = _main(coach).split("Comments for the writer", 1)[1]
    assert COACH in comments and COMMENT in comments, comments
    assert "No comments yet." not in comments
    assert coach.get_by_role("textbox", name="Comment", exact=True).input_value() == ""
    screenshot(coach, "coach_view.png")
    DONE.add("comment")


def test_the_writer_sees_the_comment_next_to_the_same_draft(writer):
    _needs("comment")
    # Still the writer's first session: the draft is in the box; scoring it again reruns the
    # page, which finds the comments on that draft.
    writer.get_by_role("button", name="Score my note").click()
    writer.locator(".st-key-coach_comments").wait_for()
    settle(writer)
    comments = _text(writer.locator(".st-key-coach_comments"))
    assert "Your coach's comments (1)" in comments, comments
    assert COACH in comments and COMMENT in comments, comments
    DONE.add("score page comments")


def test_after_a_reload_the_writer_finds_the_comment_on_coaching_links(writer):
    _needs("comment")
    writer.reload()
    writer.get_by_role("heading", name="Score your thank-you note").wait_for()
    settle(writer)
    assert _key(writer) == STATE["key"], writer.url
    # A reload is a new session: the same workspace, but an empty draft box.
    assert writer.get_by_role("textbox", name="Your draft").input_value() == ""
    assert writer.get_by_text("This is your private workspace").count() == 0

    go(writer, "Coaching links", "Coaching links", exact=True)
    links = writer.locator("[class*='st-key-link_']")
    assert links.count() == 1
    shown = _text(links)
    assert "Open" in shown and "Score 100" in shown, shown
    assert "Dear Ms. Okafor" in shown, shown
    assert "1 comment" in shown, shown
    assert COACH in shown and COMMENT in shown, shown
    assert links.get_by_role("button", name="Revoke").is_visible()
    screenshot(writer, "coaching_links.png")
    DONE.add("links page")


def test_revoking_closes_the_link_for_the_coach(writer, coach):
    _needs("links page")
    # A second tab of the coach's, with a comment typed but not yet posted.
    late = coach.context.new_page()
    late.set_default_timeout(TIMEOUT_MS)
    late.goto(STATE["link"])
    late.get_by_role("heading", name="A thank-you note to review").wait_for()
    settle(late)
    late.get_by_role("textbox", name="Comment", exact=True).fill("Posted after the revoke")

    writer.get_by_role("button", name="Revoke").click()
    writer.get_by_text("The link is closed").wait_for()
    settle(writer)
    shown = _main(writer)
    assert "Revoked" in shown and "closed " in shown, shown
    assert writer.get_by_role("button", name="Revoke").count() == 0
    assert COMMENT in shown, "the comments stay with the writer after the link is closed"

    coach.reload()
    coach.get_by_text(CLOSED).wait_for()
    settle(coach)
    _assert_closed(coach)
    screenshot(coach, "link_closed.png")

    late.get_by_role("button", name="Post comment").click()
    late.get_by_text(CLOSED).wait_for()
    settle(late)
    _assert_closed(late)
    late.close()

    writer.reload()
    writer.get_by_role("heading", name="Coaching links").wait_for()
    settle(writer)
    shown = _main(writer)
    assert "1 comment" in shown and "Posted after the revoke" not in shown, shown
    DONE.add("revoked")


def _assert_closed(page) -> None:
    """The closed-link message and nothing else: no draft, no verdicts, no comments, no form."""
    shown = _main(page)
    assert CLOSED in shown, shown
    for leaked in ("Okafor", "Brightwater", "Daniel Reyes", "Overall score", COACH, COMMENT,
                   "A thank-you note to review", "Comments for the writer"):
        assert leaked not in shown, leaked
    assert page.get_by_role("textbox").count() == 0
    assert page.get_by_role("button").count() == 0
    assert page.get_by_test_id("stSidebarNav").count() == 0


def test_a_made_up_token_shows_the_same_message(browser, server):
    context, page = _person(browser)
    try:
        page.goto(f"{server}/?share={secrets.token_urlsafe(32)}")
        page.get_by_text(CLOSED).wait_for()
        settle(page)
        _assert_closed(page)
        assert "w=" not in page.url
    finally:
        context.close()


def test_a_second_writer_sees_none_of_the_first_writers_data(browser, server, database_file):
    _needs("workspace")
    first = STATE["key"]
    theirs = _interviewer_id(database_file, first, INTERVIEWER)
    context, page = _person(browser)
    try:
        page.goto(server)
        page.wait_for_url(re.compile(r"[?&]w=[A-Za-z0-9_-]{32,}"))
        page.get_by_text("This is your private workspace").wait_for()
        settle(page)
        key = _key(page)
        assert key and key != first

        # Each page of the new workspace is empty, and says nothing of the first one's data.
        empty = {"Coaching links": "No coaching links yet", "Timeline": "Nothing to track yet",
                 "Applications": "No applications yet", "Your workspace": key}
        for name, says in empty.items():
            go(page, name, name, exact=True)
            shown = _main(page)
            assert says in shown, (name, shown)
            for leaked in (COMPANY, INTERVIEWER, "Stock Planner", COMMENT, COACH, first):
                assert leaked not in shown, (name, leaked)
            assert page.get_by_test_id("stDataFrame").count() == 0, name

        # The first writer's note, asked for by id from the second workspace, opens nothing.
        page.goto(f"{server}/?note={theirs}&w={key}")
        page.get_by_role("heading", name="Score your thank-you note").wait_for()
        settle(page)
        shown = _main(page)
        assert "That note was deleted" in shown, shown
        assert INTERVIEWER not in shown and COMPANY not in shown, shown
        assert page.locator(".st-key-note_banner").count() == 0
        assert _key(page) == key
    finally:
        context.close()
