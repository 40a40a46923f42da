"""End to end: the Score page in headless Chromium against a real `streamlit run`."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from coach import TITLES
from tests.browser import ROOT, TIMEOUT_MS, chromium, screenshot, streamlit_server

GOOD_DRAFT = (ROOT / "data" / "examples" / "strong.txt").read_text(encoding="utf-8")
XSS_DRAFT = """Dear Ms. Okafor,

Thank you for the interview. <script>window.__xss=1</script>
<img src=x onerror="window.__xss=2"> [link](http://x) :streamlit: $x$ -> **bold**

Best regards,
Daniel
"""

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("score") / "e2e.db") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server)
    page.get_by_text("Paste your note above").wait_for()
    yield page
    context.close()


def _score(page, draft: str) -> None:
    page.get_by_label("Your draft").fill(draft)
    page.get_by_role("button", name="Score my note").click()
    page.get_by_text("Overall score").wait_for()
    page.get_by_text("Where the coach looked").wait_for()


def test_scores_a_draft_and_shows_the_checklist(page):
    _score(page, GOOD_DRAFT)

    checklist = page.get_by_test_id("stMarkdownContainer")
    for title in TITLES.values():
        assert checklist.get_by_text(title, exact=True).first.is_visible(), title
    shown = page.get_by_test_id("stMain").inner_text()
    marks = "(check_circle Pass|warning Warning|cancel Fail)"
    for title in TITLES.values():
        assert re.search(rf"{marks} {title}\n", shown), title
    assert shown.count("check_circle Pass") == 10
    assert page.get_by_text("100 / 100").is_visible()
    screenshot(page, "score.png")


def test_pasted_markup_stays_plain_text(page):
    _score(page, XSS_DRAFT)

    view = page.locator(".st-key-draft_view")
    shown = view.inner_text()
    shown = shown.replace("\u2060", "")
    assert "<script>window.__xss=1</script>" in shown
    assert '<img src=x onerror="window.__xss=2">' in shown
    assert "[link](http://x) :streamlit: $x$ -> **bold**" in shown
    assert view.get_by_text("<script>window.__xss=1</script>").is_visible()
    assert page.get_by_text("<script>").first.is_visible()

    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="http://x"]').count() == 0
    assert view.locator("a, img, script, strong, code, .katex").count() == 0
    assert page.dialogs == []
    screenshot(page, "score_xss.png")
