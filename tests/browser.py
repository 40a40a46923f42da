"""What the browser tests share: a real `streamlit run` and headless Chromium.

Each test module opens its own server, with its own SQLite file, in a module-scoped fixture;
``tests/conftest.py``'s per-test database setting comes too late for a server that outlives
one test, so the URL is passed in the server's environment here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

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
#: How long the server has to answer its health check.
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


@dataclass
class Server:
    """A running ``streamlit run app.py``: its base URL, its process and its log file."""

    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(database: Path | str, *, hosted: bool = False, port: int | None = None,
                 log: Path | None = None) -> Server:
    """Start ``streamlit run app.py`` on a loopback port and wait until it answers.

    ``database`` is a SQLite file or a database URL; ``hosted`` gives every visitor a
    private workspace of their own (``THANKYOU_COACH_HOSTED``), as a hosted instance does.
    The server's output goes to ``log`` (``server.log`` beside a SQLite file by default),
    and its tail is shown if the server does not come up.
    """
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]
    database_url = database if isinstance(database, str) else f"sqlite:///{database}"
    env = dict(os.environ, THANKYOU_COACH_DATABASE_URL=database_url)
    env.pop("THANKYOU_COACH_HOSTED", None)
    if hosted:
        env["THANKYOU_COACH_HOSTED"] = "1"
    if log is None:
        if isinstance(database, str):
            raise ValueError("give a log path when the database is a URL")
        log = database.with_name("server.log")
    with open(log, "a", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, text=True)
    server = Server(url, process, log)
    deadline = time.monotonic() + START_SECONDS
    while not healthy(url):
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n"
                        f"{log.read_text(encoding='utf-8')[-4000:]}")
        if time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"streamlit did not answer /_stcore/health within {START_SECONDS} s:\n"
                        f"{log.read_text(encoding='utf-8')[-4000:]}")
        time.sleep(0.3)
    return server


@contextmanager
def streamlit_server(database: Path | str, *, hosted: bool = False,
                     log: Path | None = None) -> Iterator[str]:
    """A server for the length of the block (see ``start_server``); yields its base URL."""
    server = start_server(database, hosted=hosted, log=log)
    try:
        yield server.url
    finally:
        server.stop()


@contextmanager
def chromium():
    """Headless Chromium from /usr/bin/chromium, or a skip that says it is missing."""
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}"
        print(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page, name: str) -> Path:
    """The whole app: Streamlit scrolls inside its own container, so grow the viewport to fit.

    The viewport is put back afterwards, so a page kept for later steps looks as before.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    before = page.viewport_size
    height = page.get_by_test_id("stMain").evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": before["width"], "height": max(before["height"], height)})
    page.wait_for_timeout(300)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(before)
    return path


#: True when no script run is going on and no element is left over from the previous run.
IDLE = """() => document.querySelector('[data-testid=stApp]')
    ?.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-stale=true]')"""


def settle(page) -> None:
    """Wait until the app has been idle for a moment, then check it raised nothing.

    A moment, because a click can show "not running" briefly before the rerun it asked for.
    """
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    idle = 0
    while idle < 3:
        assert time.monotonic() < deadline, "the app did not settle"
        idle = idle + 1 if page.evaluate(IDLE) else 0
        page.wait_for_timeout(100)
    assert_no_exception(page)


def go(page, title: str, heading: str, *, exact: bool = False) -> None:
    """Open a page from the sidebar, in the same session, and wait for it to settle."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    page.get_by_role("heading", name=heading, exact=exact).wait_for()
    settle(page)


def assert_no_exception(page) -> None:
    """No Python traceback box anywhere on the page."""
    boxes = page.get_by_test_id("stException")
    assert boxes.count() == 0, boxes.first.inner_text()
