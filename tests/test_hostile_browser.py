"""End to end: hostile text renders inert, in real Chromium, wherever the app shows it.

Markup, Markdown and spreadsheet formulas go into every field a visitor can fill: the
Applications form, a CSV import (cells, a header and the file's name), the draft and a file's
name on the Score page, and a coach's name and comment on a coaching link. Then every page that
shows them is opened, and each time: no JavaScript dialog opened, ``window.__xss`` was never
set, no element the payloads would create exists (``img[src=x]``, an ``on…`` attribute, a
``javascript:`` link), and the payload is on the page as the literal text that was typed. The
exports put a ``'`` before every cell a spreadsheet would run as a formula, and a
``javascript:`` job ad link is refused with a message while the form keeps what was typed.

A hosted server (private workspaces) with its own SQLite file; the writer and the coach are
two browser contexts. The tests are the steps, in file order; each skips when a step it
builds on did not pass.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from coach import models, workspaces
from coach.database import Database
from tests.browser import (
    TIMEOUT_MS,
    chromium,
    go,
    screenshot,
    settle,
    streamlit_server,
)

pytestmark = pytest.mark.browser

IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
SCRIPT = "<script>window.__xss=1</script>"
SVG = '"><svg onload=alert(1)>'
JS_LINK = "[click](javascript:alert(1))"
RED = ":red[markdown]"
FORMULA = '=HYPERLINK("http://evil.test","x")'

# The Applications form.
COMPANY, ROLE, PERSON, TITLE = IMG, SVG, SCRIPT, FORMULA
TOPICS = [JS_LINK, RED]
NOTES = f"{RED} {JS_LINK}"
JS_URL = "javascript:window.__xss=1;alert(1)"
#: A web address that is itself hostile text; loopback's discard port, so nothing is fetched.
JOB_AD_URL = "http://127.0.0.1:9/<script>"
# The CSV: a header nobody knows, and an interview with nobody named (the Timeline lists it).
CSV_COMPANY, CSV_PERSON, CSV_ROLE = f"CSV {SCRIPT}", f"CSV {IMG}", RED
CSV_EMPTY_COMPANY, CSV_EMPTY_ROLE = f"CSV {SVG}", JS_LINK
CSV_HEADER = "<b onmouseover=alert(1)>x</b>"
FILE_NAME = "<img src=x onerror=alert(1)>.csv"
TXT_NAME = "<svg onload=alert(1)>.txt"
# The Score page and the coaching link.
DRAFT = f"""{FORMULA}
Dear {SCRIPT},

Thank you for the interview at {IMG}. {SVG}
{JS_LINK} {RED}

Best regards,
Daniel
"""
COACH = IMG
#: The height of a grid's header and of each row, in CSS pixels.
ROW_PX = 35
COMMENT = f"{FORMULA}\n{SCRIPT} {SVG}\n{JS_LINK} {RED}"

#: What the steps found out, for the steps after them.
STATE: dict[str, object] = {}
#: Each step's name once it has passed.
DONE: set[str] = set()


def _needs(*steps: str) -> None:
    missing = [s for s in steps if s not in DONE]
    if missing:
        pytest.skip(f"needs the earlier step(s) {', '.join(missing)} to pass")


@pytest.fixture(scope="module")
def database_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile") / "e2e.db"


@pytest.fixture(scope="module")
def server(database_file) -> Iterator[str]:
    with streamlit_server(database_file, hosted=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def _watched(browser):
    """A context of its own (one person), whose pages record every JavaScript dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return context, page


@pytest.fixture(scope="module")
def writer(browser, server):
    context, page = _watched(browser)
    yield page
    context.close()


@pytest.fixture(scope="module")
def coach(browser, server):
    context, page = _watched(browser)
    yield page
    context.close()


@pytest.fixture(scope="module")
def csv_bytes() -> bytes:
    day = (date.today() - timedelta(days=1)).isoformat()
    out = io.StringIO(newline="")
    rows = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    rows.writerow(["company", "role", "interview_date", "interview_type", "topics",
                   "interviewer", "interviewer_title", "job_ad_url", CSV_HEADER])
    rows.writerow([CSV_COMPANY, CSV_ROLE, day, "video", JS_LINK, CSV_PERSON, FORMULA, "", IMG])
    rows.writerow([CSV_EMPTY_COMPANY, CSV_EMPTY_ROLE, day, "phone", "", "", "", "", SCRIPT])
    # The import takes web addresses only, so this row is a problem and is skipped.
    rows.writerow(["CSV bad link", "", day, "video", "", "Bo", "", JS_URL, ""])
    return out.getvalue().encode("utf-8")


# --- helpers -------------------------------------------------------------------------------

#: What a payload would leave behind in the document had it run or rendered as markup.
_TRACES = """() => ({
    xss: typeof window.__xss,
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    js: [...document.querySelectorAll('a[href], [src], [action], [formaction]')]
        .map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action')
                  ?? e.getAttribute('formaction'))
        .filter(v => /^\\s*javascript:/i.test(v ?? '')),
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
        .filter(a => a.name.toLowerCase().startsWith('on'))
        .map(a => `${e.tagName} ${a.name}=${a.value}`)),
    scripts: [...document.querySelectorAll('script')]
        .filter(s => s.textContent.includes('__xss')).length,
})"""


def _assert_inert(page) -> None:
    """Nothing ran, nothing became markup; give late handlers (onerror, onload) a moment."""
    page.wait_for_timeout(200)
    traces = page.evaluate(_TRACES)
    assert traces == {"xss": "undefined", "img": 0, "svg": 0, "js": [], "handlers": [],
                      "scripts": 0}, traces
    assert page.dialogs == []


def _text(locator) -> str:
    """The text shown in a part of the page (a grid's off-screen cells too, but not what is in
    form fields), without the invisible word joiners of escaped text, white space collapsed.
    """
    texts = locator.evaluate_all("""els => els.map(e => {
        const copy = e.cloneNode(true);
        copy.querySelectorAll('textarea, input, select').forEach(n => n.remove());
        return copy.textContent;
    })""")
    return re.sub(r"\s+", " ", " ".join(texts).replace("\u2060", ""))


def _shows(locator, *payloads: str) -> None:
    """Every payload is in ``locator``'s text, literally."""
    shown = _text(locator)
    for payload in payloads:
        assert re.sub(r"\s+", " ", payload) in shown, (payload, shown[:3000])


def _main(page):
    return page.get_by_test_id("stMain")


def _key(page) -> str:
    return parse_qs(urlsplit(page.url).query).get("w", [""])[0]


def _interviewer_id(database_file: Path, key: str, name: str) -> int:
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


def _download(page, name: str, log: Path) -> bytes:
    """Press the download button called ``name`` and return the file it downloads.

    Streamlit shows "Failed to generate file for download" under the button when the function
    that builds the file raised; the traceback is in the server's ``log``.
    """
    downloads = []
    page.once("download", lambda download: downloads.append(download))
    button = page.get_by_test_id("stDownloadButton").filter(
        has=page.get_by_role("button", name=name, exact=True))
    button.get_by_role("button").click()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not downloads:
        error = button.get_by_test_id("stDownloadButtonError")
        if error.count():
            said = f"{name!r} says {error.inner_text()!r}"
            logged = log.read_text(encoding="utf-8")
            pytest.fail(f"{said}; the server log ends:\n{logged[-3000:]}")
        assert time.monotonic() < deadline, f"{name!r} downloaded nothing"
        page.wait_for_timeout(100)
    return Path(downloads[0].path()).read_bytes()


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _assert_no_formula(name: str, rows: list[list[str]]) -> None:
    """No cell starts (after spaces) with what makes a spreadsheet run it, bar plain numbers."""
    for row in rows:
        for cell in row:
            start = cell.lstrip(" ")
            if start[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
                assert re.fullmatch(r"[+-]?\d+(\.\d*)?([eE][+-]?\d+)?", cell.strip()), (name, cell)


# --- the steps -----------------------------------------------------------------------------


def test_the_applications_form_keeps_hostile_text_as_text(writer, server):
    writer.goto(server)
    writer.wait_for_url(re.compile(r"[?&]w=[A-Za-z0-9_-]{32,}"))
    writer.get_by_text("This is your private workspace").wait_for()
    settle(writer)
    STATE["key"] = _key(writer)
    _assert_inert(writer)

    go(writer, "Applications", "Applications", exact=True)
    writer.get_by_role("tab", name="Add").click()
    writer.get_by_role("textbox", name="Company *").fill(COMPANY)
    writer.get_by_role("textbox", name="Role", exact=True).fill(ROLE)
    writer.get_by_role("textbox", name="Job ad link").fill(JS_URL)
    writer.get_by_role("textbox", name="Job ad text").fill(f"{SVG}\n{IMG}")
    writer.get_by_role("textbox", name="Notes").fill(NOTES)
    writer.get_by_role("textbox", name="Topics discussed", exact=True).fill("\n".join(TOPICS))
    writer.get_by_role("textbox", name="Interviewers", exact=True).fill(f"{PERSON}; {TITLE}")
    writer.get_by_role("button", name="Save", exact=True).click()
    # A javascript: link is refused, and the form keeps everything that was typed.
    writer.get_by_text("must be a web address starting with").wait_for()
    assert writer.get_by_role("textbox", name="Company *").input_value() == COMPANY
    _assert_inert(writer)
    writer.get_by_role("textbox", name="Job ad link").fill(JOB_AD_URL)
    writer.get_by_role("button", name="Save", exact=True).click()
    writer.get_by_text("Saved the interview with 1 interviewer.").wait_for()
    settle(writer)
    _assert_inert(writer)
    DONE.add("add")


def test_a_hostile_csv_imports_as_text(writer, csv_bytes):
    _needs("add")
    writer.get_by_role("tab", name="Import CSV").click()
    panel = writer.get_by_role("tabpanel", name="Import CSV")
    upload = panel.locator("input[type=file]")

    # A file with a hostile name and no company column: the error names the file literally.
    upload.set_input_files({"name": FILE_NAME, "mimeType": "text/csv",
                            "buffer": b"interview_date\n2026-01-05\n"})
    error = panel.get_by_test_id("stAlertContentError")
    error.wait_for()
    settle(writer)
    _shows(error, f"Can't import {FILE_NAME}")
    _assert_inert(writer)

    upload.set_input_files({"name": "tracker.csv", "mimeType": "text/csv", "buffer": csv_bytes})
    panel.get_by_text(re.compile(r"rows? (is|are) ready")).wait_for()
    settle(writer)
    assert panel.get_by_test_id("stAlertContentError").count() == 0
    _shows(panel, f"Columns not used: {CSV_HEADER}", CSV_COMPANY, CSV_PERSON, CSV_EMPTY_COMPANY,
           "2 rows are ready; 1 has problems and will be skipped",
           "must be a web address starting with https:// or http://")
    _assert_inert(writer)
    screenshot(writer, "hostile_import.png")

    panel.get_by_role("button", name="Import 2 rows").click()
    writer.get_by_text(re.compile(r"Imported 2 applications, 2 interviews and 1 interviewer"))\
        .wait_for()
    settle(writer)
    _assert_inert(writer)
    DONE.add("import")


def test_the_score_page_shows_the_draft_and_the_note_as_text(writer, server, database_file):
    _needs("add")
    key = STATE["key"]
    person = _interviewer_id(database_file, key, PERSON)
    writer.goto(f"{server}/?note={person}&w={key}")
    banner = writer.locator(".st-key-note_banner")
    banner.wait_for()
    settle(writer)
    assert _key(writer) == key
    _shows(banner, f"Writing to {PERSON} · {COMPANY} · {ROLE} · interview on")
    writer.get_by_text("About this interview (optional)").click()
    fields = {"Interviewer name(s)": PERSON, "Company": COMPANY, "Role": ROLE,
              "Topics discussed": "\n".join(TOPICS), "Job ad": f"{SVG}\n{IMG}"}
    for label, value in fields.items():
        assert writer.get_by_role("textbox", name=label, exact=True).input_value() == value
    _assert_inert(writer)

    # A draft file with a hostile name that isn't text: the error names it literally.
    writer.locator("input[type=file]").set_input_files(
        {"name": TXT_NAME, "mimeType": "text/plain", "buffer": b"\x00\x01\x02\xff"})
    error = writer.get_by_test_id("stAlertContentError")
    error.wait_for()
    settle(writer)
    _shows(error, f"Can't open {TXT_NAME}")
    _assert_inert(writer)

    writer.get_by_role("textbox", name="Your draft").fill(DRAFT)
    writer.get_by_role("button", name="Score my note").click()
    writer.get_by_text("Where the coach looked").wait_for()
    settle(writer)
    view = writer.locator(".st-key-draft_view")
    _shows(view, *DRAFT.splitlines())
    assert view.locator("a, img, svg, script, strong, em, code").count() == 0
    _assert_inert(writer)

    writer.get_by_role("button", name="Save this draft").click()
    writer.get_by_text(re.compile(r"^Saved version 1 of your note to ")).wait_for()
    settle(writer)
    _shows(_main(writer), f"Saved version 1 of your note to {PERSON}: score")
    writer.get_by_role("button", name="Create a coaching link").click()
    writer.get_by_text("Copy this link now").wait_for()
    settle(writer)
    STATE["link"] = writer.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?share=[A-Za-z0-9_-]{43}", STATE["link"])
    _assert_inert(writer)
    screenshot(writer, "hostile_score.png")
    DONE.add("score")


def test_the_coach_view_and_a_hostile_comment_stay_text(coach):
    _needs("score")
    coach.goto(STATE["link"])
    coach.get_by_role("heading", name="A thank-you note to review").wait_for()
    settle(coach)
    main = _main(coach)
    _shows(main, f"The note: to {PERSON} · {COMPANY} · {ROLE} · video interview",
           f"Topics discussed: {JS_LINK}; {RED}")
    _shows(coach.locator(".st-key-draft_view"), *DRAFT.splitlines())
    _assert_inert(coach)

    coach.get_by_role("textbox", name="Your name (optional)").fill(COACH)
    coach.get_by_role("textbox", name="Comment", exact=True).fill(COMMENT)
    coach.get_by_role("button", name="Post comment").click()
    coach.get_by_text("Your comment is posted").wait_for()
    settle(coach)
    comments = _text(main).split("Comments for the writer", 1)[1]
    for payload in (COACH, *COMMENT.splitlines()):
        assert payload in comments, (payload, comments)
    _assert_inert(coach)
    screenshot(coach, "hostile_coach_view.png")
    DONE.add("comment")


def test_the_writer_sees_the_comment_as_text(writer):
    _needs("comment")
    writer.get_by_role("button", name="Score my note").click()
    box = writer.locator(".st-key-coach_comments")
    box.wait_for()
    settle(writer)
    _shows(box, "Your coach's comments (1)", COACH, *COMMENT.splitlines())
    _assert_inert(writer)

    go(writer, "Coaching links", "Coaching links", exact=True)
    link = writer.locator("[class*='st-key-link_']")
    _shows(link, f"to {PERSON}", FORMULA, f"Dear {SCRIPT}", COACH, *COMMENT.splitlines())
    _assert_inert(writer)
    DONE.add("links")


def test_the_timeline_shows_hostile_names_as_text(writer):
    _needs("import")
    go(writer, "Timeline", "Timeline", exact=True)
    grid = writer.get_by_test_id("stDataFrame")
    grid.locator("table[role=grid]").wait_for(state="attached")
    _shows(grid, PERSON, COMPANY, CSV_PERSON, CSV_COMPANY)
    _shows(_main(writer), "No interviewers recorded yet for: "
                          f"{CSV_EMPTY_COMPANY} ({CSV_EMPTY_ROLE})")
    _assert_inert(writer)

    # Select the row of the note to PERSON: its name and company are drawn as Markdown.
    header = grid.locator("table[role=grid] th").all_text_contents()
    column = header.index("Interviewer")
    names = grid.locator("table[role=grid]").evaluate(
        f"t => [...t.querySelectorAll('tbody tr')].map(r => r.children[{column}]?.textContent)")
    index = names.index(PERSON)
    canvas = grid.get_by_test_id("data-grid-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    writer.mouse.click(box["x"] + ROW_PX / 2, box["y"] + ROW_PX * (index + 1) + ROW_PX / 2)
    writer.get_by_role("button", name="Write this note").wait_for()
    settle(writer)
    _shows(_main(writer), f"{PERSON} · {COMPANY} · round 1 · ")
    _assert_inert(writer)
    screenshot(writer, "hostile_timeline.png")


def test_the_applications_edit_tab_shows_hostile_text_as_text(writer):
    _needs("import")
    go(writer, "Applications", "Applications", exact=True)
    writer.get_by_role("tab", name="Edit or delete").click()
    panel = writer.get_by_role("tabpanel", name="Edit or delete")
    grids = panel.get_by_test_id("stDataFrame")
    grids.first.locator("table[role=grid]").wait_for(state="attached")
    _shows(grids.first, COMPANY, ROLE, NOTES, CSV_COMPANY, CSV_ROLE, CSV_EMPTY_COMPANY)
    _assert_inert(writer)

    # The hostile application, its interview and its interviewer.
    writer.get_by_role("combobox", name="Application").click()
    writer.get_by_role("option", name=f"{COMPANY} · {ROLE}", exact=True).click()
    settle(writer)
    grids.nth(2).locator("table[role=grid]").wait_for(state="attached")
    _shows(grids.nth(1), "; ".join(TOPICS))
    _shows(grids.nth(2), PERSON, TITLE)
    _assert_inert(writer)

    # The confirmation names the application in Markdown.
    panel.get_by_role("button", name="Delete this application…").click()
    dialog = writer.get_by_role("dialog")
    dialog.wait_for()
    settle(writer)
    _shows(dialog, f"Delete {COMPANY} · {ROLE}?")
    _assert_inert(writer)
    dialog.get_by_role("button", name="Keep it").click()
    dialog.wait_for(state="detached")
    settle(writer)
    _assert_inert(writer)
    screenshot(writer, "hostile_applications.png")


def test_the_job_ad_link_does_not_run(writer):
    """The Job ad column is a link column; its (hostile but http) address must run nothing.

    Streamlit opens a link cell's address with ``window.open`` on a click; clicking across the
    hostile application's row (the grid is a canvas, so every cell in turn) must run nothing,
    in this page or in any window the click opens.
    """
    _needs("add")
    if writer.get_by_role("tab", name="Edit or delete", selected=True).count() == 0:
        go(writer, "Applications", "Applications", exact=True)
        writer.get_by_role("tab", name="Edit or delete").click()
    grid = writer.get_by_role("tabpanel", name="Edit or delete").get_by_test_id(
        "stDataFrame").first
    table = grid.locator("table[role=grid]")
    table.wait_for(state="attached")
    rows = table.evaluate("t => [...t.querySelectorAll('tbody tr')].map(r => r.textContent)")
    index = next(i for i, text in enumerate(rows) if JOB_AD_URL in text)
    opened = []

    def watch(page) -> None:
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        opened.append(page)

    writer.context.on("page", watch)
    try:
        canvas = grid.get_by_test_id("data-grid-canvas")
        canvas.scroll_into_view_if_needed()
        box = canvas.bounding_box()
        y = box["y"] + ROW_PX * (index + 1) + ROW_PX / 2
        for x in range(int(box["x"]) + 20, int(box["x"] + box["width"]), 40):
            writer.mouse.click(x, y)
            writer.wait_for_timeout(80)
            writer.keyboard.press("Escape")
        writer.wait_for_timeout(1000)
        settle(writer)
        _assert_inert(writer)
        for page in opened:
            assert page.evaluate("typeof window.__xss") == "undefined", page.url
            assert page.dialogs == [], page.url
    finally:
        writer.context.remove_listener("page", watch)
        for page in opened:
            page.close()
    STATE["job ad windows"] = [p.url for p in opened]


def test_the_interviews_export_neutralises_formulas(writer, database_file):
    _needs("add", "import")
    go(writer, "Applications", "Applications", exact=True)
    writer.get_by_role("tab", name="Export").click()
    rows = _cells(_download(writer, "Interviews and interviewers (.csv, re-importable)",
                            database_file.with_name("server.log")))
    header, body = rows[0], rows[1:]
    titles = {row[header.index("interviewer")]: row[header.index("interviewer_title")]
              for row in body}
    assert titles[PERSON] == "'" + FORMULA, titles
    assert titles[CSV_PERSON] == "'" + FORMULA, titles
    _assert_no_formula("interviews.csv", rows)
    everything = "\n".join(",".join(row) for row in rows)
    for payload in (IMG, SCRIPT, SVG, JS_LINK, RED, CSV_COMPANY, CSV_PERSON):
        assert payload in everything, payload
    _assert_inert(writer)


def test_the_workspace_export_neutralises_formulas(writer, database_file):
    _needs("add", "import", "links")
    go(writer, "Your workspace", "Your workspace", exact=True)
    data = _download(writer, "Download everything (.zip)", database_file.with_name("server.log"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        tables = {name: _cells(archive.read(name)) for name in archive.namelist()}
    for name, table in tables.items():
        _assert_no_formula(name, table)
    comments = tables["coach_comments.csv"]
    comment = comments[1][comments[0].index("comment")]
    assert comment.startswith("'" + FORMULA), comment
    assert comment[1:].replace("\r\n", "\n") == COMMENT, comment
    links = tables["coaching_links.csv"]
    assert links[1][links[0].index("text")].startswith("'" + FORMULA + "\n"), links
    everything = "\n".join(",".join(row) for table in tables.values() for row in table)
    for payload in (IMG, SCRIPT, SVG, JS_LINK, RED):
        assert payload in everything, payload
    _assert_inert(writer)
