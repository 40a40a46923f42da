"""End to end: the Score page in headless Chromium against a real `streamlit run`."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach import TITLES

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: The first load includes spaCy's; scoring a note takes well under a second after that.
TIMEOUT_MS = 60_000

GOOD_DRAFT = (ROOT / "data" / "examples" / "strong.txt").read_text(encoding="utf-8")
XSS_DRAFT = """Dear Ms. Okafor,

Thank you for the interview. <script>window.__xss=1</script>
<img src=x onerror="window.__xss=2"> [link](http://x) :streamlit: $x$ -> **bold**

Best regards,
Daniel
"""

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=dict(os.environ),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            if process.poll() is not None:
                pytest.fail(f"streamlit exited with {process.returncode}:\n{process.stdout.read()}")
            if time.monotonic() > deadline:
                pytest.fail("streamlit did not answer /_stcore/health within 60 s")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}"
        print(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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


def _screenshot(page, name: str) -> None:
    """The whole app: Streamlit scrolls inside its own container, so grow the viewport to fit."""
    ARTIFACTS.mkdir(exist_ok=True)
    height = page.get_by_test_id("stMain").evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": 1280, "height": max(900, height)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


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
    _screenshot(page, "score.png")


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
    _screenshot(page, "score_xss.png")
