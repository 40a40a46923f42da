"""Load and crash: 20 visitors at once on one hosted server, and a server killed mid-write.

Two questions a maintainer can rerun the answers to, on both engines:

* **Twenty concurrent sessions.** A hosted server (``THANKYOU_COACH_HOSTED``: every visitor
  gets a private workspace, its key in the link's ``?w=``) and twenty Chromium contexts driven
  at once with Playwright's async API. Each visitor adds an application with one interviewer
  on the Applications page, opens that note on the Score page (``?note=``) and saves three
  drafts. The database must then hold, per workspace, exactly that visitor's application,
  interviewer and three drafts, word for word, and nothing of anyone else's.
* **A hard kill.** Four visitors save drafts in a loop; after some saves were confirmed, and
  while others are in flight, the server gets SIGKILL. Every save a visitor saw confirmed
  ("Saved version N") must be in the database, which must open, upgrade and (SQLite) pass
  ``PRAGMA integrity_check``; a new server on it must show the note's history.
  On both engines the twenty arrive together on a freshly started server, so the first
  visits also race to migrate the database and load the model (this crashed the server on
  SQLite until ``open_database`` took a lock).

The figures (wall time, times as the browser saw them, CPU, restart time) are printed and
written to ``tests/artifacts/load_report.txt``, since pytest captures output unless run with
``-s``; each server's log goes beside it. Timeouts are generous on purpose: the count of
sessions is the requirement, so a slow machine gets more time rather than fewer visitors.
Twenty Chromium pages are most of the cost: on 2 cores the module takes several minutes.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from coach import tracker, workspaces
from coach.database import Database
from coach.models import Application, DraftVersion, Interview, Interviewer, Note, Workspace
from tests.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE,
    TIMEOUT_MS,
    Server,
    start_server,
)

pytestmark = pytest.mark.browser

SESSIONS = 20
ROUNDS = 3
#: Visitors saving in a loop when the server is killed, and how many saves they must have
#: seen confirmed first.
WRITERS = 4
KILL_AFTER = 8
#: Twenty pages on one server on a small machine: every wait gets four times the usual time.
LOAD_TIMEOUT_MS = 4 * TIMEOUT_MS
#: How often a waiting page is asked whether the app is idle: twenty pages ask at once.
POLL_MS = 200
ZONE = "Europe/Madrid"
REPORT = ARTIFACTS / "load_report.txt"
SAVED = "Saved the interview with 1 interviewer. It is on the Timeline now."
HISTORY = re.compile(r"\d+ saved versions?; scores")

# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report() -> Iterator[Callable[[str], None]]:
    """Print a line and keep it in tests/artifacts/load_report.txt (fresh for each run)."""
    ARTIFACTS.mkdir(exist_ok=True)
    REPORT.write_text(f"Load report, {datetime.now(UTC):%Y-%m-%d %H:%M UTC}\n",
                      encoding="utf-8")

    def say(line: str) -> None:
        print(line)
        with REPORT.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    yield say


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path) -> tuple[str, str, Path]:
    """(engine, URL of a brand-new empty database, server log path).

    The server's log goes to tests/artifacts/, named after the test, to read after a failure.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", request.node.name).strip("_") + ".server.log")
    log.unlink(missing_ok=True)
    if request.param == "sqlite":
        return "sqlite", f"sqlite:///{tmp_path / 'load.db'}", log
    return "postgresql", request.getfixturevalue("postgres_server").new_database("load"), log


@pytest.fixture(autouse=True)
def _needs_chromium():
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}"
        print(reason)
        pytest.skip(reason)


# --- browser helpers (async) ---------------------------------------------------------------


async def _settle(page) -> None:
    """Wait until the app has been idle for a moment, then check it raised nothing."""
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    idle = 0
    while idle < 3:
        assert time.monotonic() < deadline, "the app did not settle"
        idle = idle + 1 if await page.evaluate(IDLE) else 0
        await page.wait_for_timeout(POLL_MS)
    boxes = page.get_by_test_id("stException")
    if await boxes.count():
        raise AssertionError(await boxes.first.inner_text())


async def _workspace_key(page, base: str) -> str:
    """Open the app's front door; a hosted server puts the new workspace's key in ``?w=``."""
    await page.goto(base)
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
    while not (key := parse_qs(urlsplit(page.url).query).get("w", [""])[0]):
        assert time.monotonic() < deadline, f"no ?w= in {page.url}"
        await page.wait_for_timeout(POLL_MS)
    return key


async def _open_note(page, base: str, interviewer_id: int, key: str, name: str) -> None:
    await page.goto(f"{base}/?note={interviewer_id}&w={key}")
    await page.get_by_text(re.compile(rf"Writing to {name}\b")).wait_for()
    await _settle(page)


def _save_button(page):
    # `.first`: while a rerun replaces the button, the old one can briefly be in the page too.
    return page.locator(".st-key-save_draft").get_by_role("button", name="Save this draft").first


async def _confirmed(page, version: int) -> bool:
    """Wait until the page confirms that version N of the note is saved.

    The confirmation is the one-off "Saved version N of your note" message, or the note's
    caption "N saved versions" drawn in the same run (it outlasts the message, should another
    rerun come first). True when the message itself was seen.
    """
    message = page.get_by_text(f"Saved version {version} of your note")
    caption = page.locator(".st-key-note_banner").get_by_text(
        re.compile(rf"^{version} saved versions?;"))
    await message.or_(caption).first.wait_for()
    return await message.count() > 0


async def _save_draft(page, draft: str, version: int) -> tuple[float, bool]:
    """Type ``draft``, press "Save this draft" and wait for the confirmation: the seconds from
    typing to the confirmation, and whether it was the "Saved version N" message."""
    started = time.monotonic()
    # The click takes the focus from the text area, which commits its value first (as in
    # tests/test_browser.py): one rerun fewer per save than pressing Tab and waiting.
    await page.get_by_label("Your draft").fill(draft)
    await _save_button(page).click()
    seen = await _confirmed(page, version)
    seconds = time.monotonic() - started
    await _settle(page)
    return seconds, seen


async def _new_page(browser):
    context = await browser.new_context(viewport={"width": 1280, "height": 900},
                                        timezone_id=ZONE)
    page = await context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    return context, page


async def _screenshot(page, name: str) -> None:
    try:
        await page.screenshot(path=str(ARTIFACTS / name), full_page=True, timeout=10_000)
    except Exception:  # a page that is already gone; the original error matters more
        pass


def _launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a running process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _busy_cpu_seconds() -> float:
    """CPU time the whole machine has spent busy so far, all cores together (Linux)."""
    user, nice, system, idle, iowait, *rest = (
        int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:])
    return (user + nice + system + sum(rest[:3])) / os.sysconf("SC_CLK_TCK")


# --- database helpers (sync; run in a thread from the event loop) --------------------------


def _workspace_id(session, key: str) -> int:
    found = workspaces.by_link(session, key)
    assert found is not None, f"no workspace for key {key[:6]}…"
    return found


def _mine(statement, workspace_id: int):
    return statement.join(Interview, Interview.id == Interviewer.interview_id).join(
        Application, Application.id == Interview.application_id).where(
        Application.workspace_id == workspace_id)


def _interviewer_ids(database: Database, key: str) -> list[int]:
    with database.begin() as session:
        workspace_id = _workspace_id(session, key)
        return list(session.scalars(_mine(select(Interviewer.id), workspace_id)))


def _draft_texts(session, workspace_id: int) -> list[str]:
    statement = (select(DraftVersion.text).join(Note, Note.id == DraftVersion.note_id)
                 .join(Interviewer, Interviewer.id == Note.interviewer_id))
    return list(session.scalars(_mine(statement, workspace_id).order_by(DraftVersion.id)))


def _draft(n: int, round_: int) -> str:
    return (f"Dear Person {n:02d},\n\nThank you for the interview at Load Co {n:02d} today. "
            f"This is draft {round_} from session {n:02d}: I enjoyed hearing how your team "
            "cut report times by 40% and would love to help.\n\nBest regards,\nSam Lee")


# --- 1. twenty sessions at once --------------------------------------------------------------


@dataclass
class Visit:
    n: int
    key: str = ""
    interviewer_id: int = 0
    drafts: list[str] = field(default_factory=list)
    #: From opening the front door to the workspace's key in the address.
    open_seconds: float = 0.0
    #: From pressing Save on the Add form to its confirmation.
    add_seconds: float = 0.0
    save_seconds: list[float] = field(default_factory=list)
    #: Saves confirmed by the "Saved version N" message (the others by the note's caption).
    messages_seen: int = 0


async def _visit(browser, base: str, database: Database, visit: Visit) -> None:
    """One visitor: a workspace, an application with one interviewer, three saved drafts."""
    n = visit.n
    context, page = await _new_page(browser)
    try:
        started = time.monotonic()
        visit.key = await _workspace_key(page, base)
        visit.open_seconds = time.monotonic() - started
        await _settle(page)
        # To /applications?w=<key> through the sidebar: the same address as typing it, in
        # the same session, without loading the whole front end again (the costly part of a
        # visit for a 2-core machine running twenty pages).
        await page.get_by_test_id("stSidebarNav").get_by_role("link", name="Applications").click()
        await page.get_by_role("heading", name="Applications", exact=True).wait_for()
        await _settle(page)
        assert f"/applications?w={visit.key}" in page.url, page.url
        await page.get_by_role("tab", name="Add").click()
        await page.get_by_role("textbox", name="Company *").fill(f"Load Co {n:02d}")
        await page.get_by_role("textbox", name="Interviewers", exact=True).fill(
            f"Person {n:02d}; Lead")
        started = time.monotonic()
        await page.get_by_role("button", name="Save", exact=True).click()
        await page.get_by_text(SAVED).wait_for()
        visit.add_seconds = time.monotonic() - started
        await _settle(page)

        ids = await asyncio.to_thread(_interviewer_ids, database, visit.key)
        assert len(ids) == 1, (n, ids)
        visit.interviewer_id = ids[0]
        await _open_note(page, base, visit.interviewer_id, visit.key, f"Person {n:02d}")
        for round_ in range(1, ROUNDS + 1):
            draft = _draft(n, round_)
            seconds, seen = await _save_draft(page, draft, round_)
            visit.drafts.append(draft)
            visit.save_seconds.append(seconds)
            visit.messages_seen += seen
    except BaseException:
        await _screenshot(page, f"load_session_{n:02d}.png")
        raise
    finally:
        await context.close()


async def _twenty(base: str, database: Database) -> list[Visit]:
    from playwright.async_api import async_playwright

    visits = [Visit(n) for n in range(1, SESSIONS + 1)]
    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        try:
            results = await asyncio.gather(*(_visit(browser, base, database, v) for v in visits),
                                           return_exceptions=True)
        finally:
            await browser.close()
    failures = [(v.n, r) for v, r in zip(visits, results, strict=True)
                if isinstance(r, BaseException)]
    if failures:
        n, error = failures[0]
        raise AssertionError(f"{len(failures)} of {SESSIONS} sessions failed; "
                             f"session {n}: {error!r}") from error
    return visits


def _check_isolation(database: Database, visits: list[Visit]) -> None:
    """Each workspace holds exactly its visitor's rows; no workspace reaches another's."""
    with database.begin() as session:
        ids = {v.n: _workspace_id(session, v.key) for v in visits}
        assert len(set(ids.values())) == SESSIONS, "two visitors shared a workspace"
        links = session.scalar(select(func.count(Workspace.id)).where(Workspace.kind == "link"))
        assert links == SESSIONS, f"{links} link workspaces for {SESSIONS} visitors"
        for visit in visits:
            workspace_id = ids[visit.n]
            companies = list(session.scalars(
                select(Application.company).where(Application.workspace_id == workspace_id)))
            assert companies == [f"Load Co {visit.n:02d}"], (visit.n, companies)
            people = [tuple(row) for row in session.execute(
                _mine(select(Interviewer.id, Interviewer.name, Interviewer.title), workspace_id))]
            assert people == [(visit.interviewer_id, f"Person {visit.n:02d}", "Lead")], people
            assert _draft_texts(session, workspace_id) == visit.drafts, visit.n
        totals = [session.scalar(select(func.count(model.id)))
                  for model in (Application, Interviewer, DraftVersion)]
        assert totals == [SESSIONS, SESSIONS, SESSIONS * ROUNDS], totals
    # And through the tracker, as the pages read it: a workspace sees its own rows only.
    for visit, neighbour in zip(visits, visits[1:] + visits[:1], strict=True):
        with database.workspace(ids[visit.n]).begin() as session:
            frame = tracker.applications_frame(session)
            assert frame["company"].tolist() == [f"Load Co {visit.n:02d}"]
            note = tracker.note_context(session, visit.interviewer_id)
            assert note.latest_draft == visit.drafts[-1]
            with pytest.raises(tracker.RecordError):
                tracker.note_context(session, neighbour.interviewer_id)


def test_twenty_concurrent_sessions_keep_to_their_own_workspace(target, report):
    engine, url, log = target
    server = start_server(url, hosted=True, log=log)
    database = Database(url)
    try:
        server_cpu, busy_cpu = _cpu_seconds(server.process.pid), _busy_cpu_seconds()
        started = time.monotonic()
        visits = asyncio.run(_twenty(server.url, database))
        wall = time.monotonic() - started
        server_cpu = _cpu_seconds(server.process.pid) - server_cpu
        busy_cpu = _busy_cpu_seconds() - busy_cpu
        _check_isolation(database, visits)
    finally:
        server.stop()
        database.dispose()
    saves = [s for v in visits for s in v.save_seconds]
    writes = SESSIONS * (1 + ROUNDS)

    def spread(values: list[float]) -> str:
        return f"median {statistics.median(values):.2f} s, max {max(values):.2f} s"

    report(f"[concurrent, {engine}] sessions {SESSIONS}, writes {writes} "
           f"({SESSIONS} adds + {len(saves)} draft saves), wall {wall:.1f} s; "
           f"as the client saw it: draft save {spread(saves)} "
           f"({sum(v.messages_seen for v in visits)} by the \"Saved version N\" message, "
           f"the rest by the note's caption); "
           f"add form {spread([v.add_seconds for v in visits])}; "
           f"first page with its key {spread([v.open_seconds for v in visits])}; "
           f"CPU: the server {server_cpu:.0f} s of the machine's {busy_cpu:.0f} s busy "
           f"({os.cpu_count()} cores x {wall:.0f} s = {os.cpu_count() * wall:.0f} s; "
           "the rest is mostly the twenty Chromium pages)")


# --- 2. a hard kill mid-writes ---------------------------------------------------------------


@dataclass
class Writer:
    n: int
    key: str
    interviewer_id: int
    confirmed: list[str] = field(default_factory=list)


@dataclass
class Progress:
    confirmed: int = 0
    in_flight: int = 0
    stop: bool = False


def _seed_writers(database: Database) -> list[Writer]:
    """A link workspace per writer with one interviewer, made directly in the database."""
    database.upgrade()
    writers = []
    yesterday = datetime.now(UTC) - timedelta(days=1)
    for n in range(1, WRITERS + 1):
        with database.begin() as session:
            workspace_id, key = workspaces.create_link(session)
        with database.workspace(workspace_id).begin() as session:
            application = tracker.add_application(session, company=f"Kill Co {n:02d}")
            interview = tracker.add_interview(session, application.id, starts_at=yesterday)
            person = tracker.add_interviewer(session, interview.id, name=f"Writer {n:02d}")
            writers.append(Writer(n, key, person.id))
    return writers


async def _write_until_stopped(browser, base: str, writer: Writer, progress: Progress) -> None:
    context, page = await _new_page(browser)
    try:
        await _open_note(page, base, writer.interviewer_id, writer.key, f"Writer {writer.n:02d}")
        version = 0
        while not progress.stop:
            version += 1
            draft = f"Kill test: writer {writer.n:02d}, draft {version}. Thank you, {uuid.uuid4()}"
            await page.get_by_label("Your draft").fill(draft)
            progress.in_flight += 1
            await _save_button(page).click()
            await _confirmed(page, version)
            progress.in_flight -= 1
            writer.confirmed.append(draft)
            progress.confirmed += 1
            await _settle(page)
    finally:
        await context.close()


async def _kill_mid_writes(server: Server, writers: list[Writer]) -> int:
    """Run the writers until KILL_AFTER saves are confirmed and one is in flight, then kill
    the server; the number of saves in flight at the kill."""
    from playwright.async_api import async_playwright

    progress = Progress()
    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        try:
            tasks = [asyncio.create_task(_write_until_stopped(browser, server.url, w, progress))
                     for w in writers]
            deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000
            while progress.confirmed < KILL_AFTER or progress.in_flight == 0:
                for task in tasks:
                    if task.done() and task.exception():
                        raise task.exception()
                assert time.monotonic() < deadline, f"only {progress.confirmed} saves confirmed"
                await asyncio.sleep(0.02)
            in_flight = progress.in_flight
            server.process.kill()
            server.process.wait()
            progress.stop = True
            # A confirmation already on its way may still arrive; nothing more can.
            await asyncio.sleep(1)
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        finally:
            await browser.close()
    return in_flight


async def _history_shown(base: str, writer: Writer) -> tuple[str, str]:
    """Open the writer's note on a fresh page: its history caption and the draft in the box."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        try:
            context, page = await _new_page(browser)
            await _open_note(page, base, writer.interviewer_id, writer.key,
                             f"Writer {writer.n:02d}")
            caption = page.get_by_text(HISTORY)
            await caption.wait_for()
            return await caption.inner_text(), await page.get_by_label("Your draft").input_value()
        finally:
            await browser.close()


def test_a_killed_server_loses_no_confirmed_save(target, report):
    engine, url, log = target
    database = Database(url)
    writers = _seed_writers(database)
    database.dispose()
    server = start_server(url, hosted=True, log=log)
    try:
        in_flight = asyncio.run(_kill_mid_writes(server, writers))
    finally:
        server.stop()
    assert server.process.returncode == -9  # SIGKILL, not a clean exit

    confirmed = [d for w in writers for d in w.confirmed]
    assert len(confirmed) >= KILL_AFTER
    reopened = Database(url)
    try:
        reopened.upgrade()
        if engine == "sqlite":
            with reopened.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with reopened.begin() as session:
            stored = list(session.scalars(select(DraftVersion.text)))
            latest = {}
            for writer in writers:
                workspace_id = _workspace_id(session, writer.key)
                texts = _draft_texts(session, workspace_id)
                # Every confirmed save is there, in order; one more may have committed unseen.
                assert texts[:len(writer.confirmed)] == writer.confirmed, writer.n
                assert len(texts) - len(writer.confirmed) <= 1, (writer.n, texts)
                latest[writer.n] = texts[-1] if texts else ""
    finally:
        reopened.dispose()
    missing = set(confirmed) - set(stored)
    assert not missing, f"{len(missing)} confirmed saves lost"

    started = time.monotonic()
    again = start_server(url, hosted=True, log=log)
    try:
        restart = time.monotonic() - started
        writer = max(writers, key=lambda w: len(w.confirmed))
        caption, shown = asyncio.run(_history_shown(again.url, writer))
        opened = time.monotonic() - started
    finally:
        again.stop()
    count = int(caption.split()[0])
    assert count >= len(writer.confirmed), caption
    assert shown == latest[writer.n]
    report(f"[kill -9, {engine}] confirmed saves {len(confirmed)} "
           f"({', '.join(str(len(w.confirmed)) for w in writers)} per writer), "
           f"in flight at the kill {in_flight}, rows found {len(stored)}, "
           f"restart {restart:.1f} s to healthy, {opened:.1f} s to the note's history "
           f"(\"{caption}\")")
