"""End to end: the tracker (Applications, Timeline, Score) in headless Chromium.

One visitor's journey against a real `streamlit run` with its own SQLite file, in one
browser session: add an interview with two interviewers, find their notes on the Timeline,
import a CSV with a bad row (twice: the second time nothing is new), download the calendar,
and open one note on the Score page. The tests are the journey's steps, in file order; each
one skips when the step it builds on did not pass. Three more guard bugs this test found: a
deep link on a fresh server skipping app.py, the Add form keeping its values after a save,
and the open tab jumping back to "Add" after a save.

``st.dataframe`` draws on a canvas (glide-data-grid), but keeps an accessible
``table[role=grid]`` inside the canvas element with the text of the rows and columns in view;
that is what the grid helpers read. A row is selected by clicking its row marker (the
checkbox column) on the canvas.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.browser import (
    TIMEOUT_MS,
    assert_no_exception,
    chromium,
    go,
    screenshot,
    settle,
    streamlit_server,
)

pytestmark = pytest.mark.browser

#: The browser's time zone: the Add form preselects it and the Timeline counts days in it.
ZONE = "Europe/Madrid"
INTERVIEW_AT = clock(15, 0)
IMPORTED_AT = clock(11, 0)
PEOPLE = "Ana Ruiz; Head of Data; ana@lumen.test\nTom Becker; Analyst"
TOPICS = "the churn dashboard\nmoving the models to dbt"
SAVED = "Saved the interview with {people}. It is on the Timeline now."
#: The glide grid's header and row height in Streamlit, in CSS pixels.
ROW_PX = 35
#: Near a deadline, allow either side of it: the page and the test read the clock apart.
SLACK = timedelta(minutes=2)

#: Each step's name once it has passed.
DONE: set[str] = set()


@cache
def _yesterday() -> date:
    """The interview day, fixed once so a run that crosses midnight stays consistent."""
    return datetime.now(ZoneInfo(ZONE)).date() - timedelta(days=1)


def _expected_statuses(day: date, at: clock) -> set[str]:
    """An unsent note to an interview at ``day``/``at`` in ZONE, as the Timeline should show it.

    Sent by 24 hours after the interview (email, for a video interview): before that and
    still today it is "due today", after it "overdue"; both near the deadline itself.
    """
    send_by = datetime.combine(day, at, ZoneInfo(ZONE)).astimezone(UTC) + timedelta(hours=24)
    now = datetime.now(UTC)
    found = set()
    if now - SLACK < send_by and send_by.astimezone(ZoneInfo(ZONE)).date() == (
            now.astimezone(ZoneInfo(ZONE)).date()):
        found.add("due today")
    if now + SLACK >= send_by:
        found.add("overdue")
    return found


def _needs(*steps: str) -> None:
    missing = [s for s in steps if s not in DONE]
    if missing:
        pytest.skip(f"needs the earlier step(s) {', '.join(missing)} of this journey to pass")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("tracker") / "e2e.db") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def page(browser, server):
    """One tab for the whole journey, so the Streamlit session (and its state) carries over."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id=ZONE,
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    page.get_by_role("heading", name="Score your thank-you note").wait_for()
    yield page
    context.close()


@pytest.fixture(scope="module")
def csv_file(tmp_path_factory) -> Path:
    """Three interviewers, of whom the second has a date that does not exist (line 3)."""
    day = _yesterday().isoformat()
    at = IMPORTED_AT.strftime("%H:%M")
    path = tmp_path_factory.mktemp("csv") / "tracker.csv"
    path.write_text(
        "company,role,interview_date,interview_time,timezone,interview_type,interviewer,"
        "interviewer_title,interviewer_email\n"
        f"Northwind Labs,BI Developer,{day},{at},{ZONE},video,Priya Nair,"
        "Engineering Manager,priya@northwind.test\n"
        f"Northwind Labs,BI Developer,2026-02-30,{at},{ZONE},video,Sam Ortiz,,\n"
        f"Northwind Labs,BI Developer,{day},{at},{ZONE},video,Luis Ortega,Data Engineer,\n",
        encoding="utf-8",
    )
    return path


# --- helpers -------------------------------------------------------------------------------


def _grid(frame) -> list[dict[str, str]]:
    """The rows of an ``st.dataframe`` in view, as {column header: cell text}."""
    table = frame.locator("table[role=grid]")
    table.wait_for(state="attached")
    headers, *rows = table.evaluate(
        "t => [...t.querySelectorAll('tr')].map(r => [...r.children].map(c => c.textContent))"
    )
    return [dict(zip(headers, row, strict=False)) for row in rows]


def _grid_with(frame, column: str, wanted: set[str]) -> list[dict[str, str]]:
    """The grid's rows once ``column`` shows every one of ``wanted`` (a rerun may lag)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        rows = _grid(frame)
        if wanted <= {r.get(column) for r in rows} or time.monotonic() > deadline:
            return rows
        time.sleep(0.25)


def _timeline(page) -> list[dict[str, str]]:
    return _grid(page.get_by_test_id("stMain").get_by_test_id("stDataFrame"))


def _metric(page, label: str) -> int:
    metric = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True))
    return int(metric.get_by_test_id("stMetricValue").inner_text())


def _status(cell: str) -> str:
    """The status word in a Status cell, without any marker drawn before it."""
    return re.sub(r"^[^a-z]+", "", cell)


def _upload(page, path: Path) -> None:
    page.get_by_role("tab", name="Import CSV").click()
    panel = page.get_by_role("tabpanel", name="Import CSV")
    panel.locator("input[type=file]").set_input_files(str(path))
    panel.get_by_text(re.compile(r"rows? (is|are) ready")).wait_for()
    settle(page)


def _ics_events(text: str) -> list[dict[str, str]]:
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    events = []
    for block in re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT\r\n", unfolded, re.S):
        fields: dict[str, str] = {}
        for line in block.split("\r\n"):
            name, _, value = line.partition(":")
            fields.setdefault(name, value)  # the event's own field, not its alarm's
        events.append(fields)
    return events


# --- the journey ---------------------------------------------------------------------------


def test_a_deep_link_on_a_fresh_server_opens_the_app(browser, server):
    """The first visit may be a bookmark to a page rather than the app's front door."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id=ZONE)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{server}/timeline")
        page.get_by_role("heading", name="Timeline").wait_for()
        settle(page)
        assert page.title() == "Thank-You Coach"  # app.py ran: its page config, its nav
        nav = page.get_by_test_id("stSidebarNav")
        assert nav.get_by_role("link", name="Score a note").is_visible()
    finally:
        context.close()


def test_add_an_interview_with_two_interviewers(page):
    day = _yesterday()
    go(page, "Applications", "Applications")
    page.get_by_role("tab", name="Add").click()
    page.get_by_role("textbox", name="Company *").fill("Lumen Analytics")
    page.get_by_role("textbox", name="Role", exact=True).fill("Data Analyst")
    # Date and time are segmented fields: typing the digits fills one segment after another.
    page.get_by_role("spinbutton", name="year, Date", exact=True).click()
    page.keyboard.type(day.strftime("%Y%m%d"))
    page.get_by_role("spinbutton", name="hour, Start time", exact=True).click()
    page.keyboard.type(INTERVIEW_AT.strftime("%H%M"))
    # What the segments add up to, as the widgets will send it.
    assert page.locator(".st-key-add_date input[type=date]").input_value() == day.isoformat()
    started = page.locator(".st-key-add_time input[type=hidden]").input_value()
    assert started == INTERVIEW_AT.strftime("%H:%M:%S")
    assert page.get_by_role("combobox", name="Time zone").input_value() == ZONE
    assert page.get_by_role("combobox", name="Type", exact=True).input_value() == "Video"
    page.get_by_role("textbox", name="Topics discussed", exact=True).fill(TOPICS)
    page.get_by_role("textbox", name="Interviewers", exact=True).fill(PEOPLE)

    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(SAVED.format(people="2 interviewers")).wait_for()
    settle(page)
    screenshot(page, "applications.png")
    DONE.add("add")


def test_the_timeline_shows_both_notes_as_due(page):
    _needs("add")
    go(page, "Timeline", "Timeline")
    rows = _grid_with(page.get_by_test_id("stDataFrame"), "Interviewer", {"Ana Ruiz", "Tom Becker"})
    by_name = {r["Interviewer"]: r for r in rows}
    assert set(by_name) == {"Ana Ruiz", "Tom Becker"}, rows
    expected = _expected_statuses(_yesterday(), INTERVIEW_AT)
    starts = datetime.combine(_yesterday(), INTERVIEW_AT, ZoneInfo(ZONE))
    send_by = (starts.astimezone(UTC) + timedelta(hours=24)).astimezone(ZoneInfo(ZONE))
    for name, row in by_name.items():
        assert row["Company"] == "Lumen Analytics", row
        # The grid's accessible cells hold the values, in the visitor's zone, unformatted.
        # (Interview and Role sit at the far right, out of view, so they aren't in the DOM.)
        assert row["Send by"] == send_by.strftime("%Y-%m-%d %H:%M:%S"), row
        assert _status(row["Status"]) in expected, (name, row["Status"], expected)
    shown = {_status(r["Status"]) for r in rows}
    assert _metric(page, "Overdue") + _metric(page, "Due today") == 2
    if len(shown) == 1:
        assert _metric(page, "Overdue" if shown == {"overdue"} else "Due today") == 2
    assert _metric(page, "Sent") == 0

    chart = page.get_by_test_id("stVegaLiteChart")
    chart.locator("canvas, svg").first.wait_for()
    assert page.get_by_role("heading", name="Interviews, send-by and follow-up dates").is_visible()
    screenshot(page, "timeline.png")
    DONE.add("timeline")


def test_import_a_csv_with_a_bad_row(page, csv_file):
    _needs("add")
    go(page, "Applications", "Applications")
    _upload(page, csv_file)
    panel = page.get_by_role("tabpanel", name="Import CSV")
    assert panel.get_by_text(re.compile(
        r"2 rows are ready[,;] 1 (has|have) problems? and will be skipped[,;] "
        r"0 (is|are) already in your tracker")).is_visible()
    grids = panel.get_by_test_id("stDataFrame")
    grids.nth(1).wait_for()
    problems, ready = _grid(grids.nth(0)), _grid(grids.nth(1))
    assert [(p["Line"], p["Column"]) for p in problems] == [("3", "interview_date")], problems
    assert re.fullmatch(r'interview_date "2026-02-30" is not a real date; use YYYY-MM-DD.*',
                        problems[0]["Problem"]), problems
    assert [(r["Line"], r["Interviewer"]) for r in ready] == [("2", "Priya Nair"),
                                                             ("4", "Luis Ortega")], ready
    screenshot(page, "import_preview.png")

    button = panel.get_by_role("button", name="Import 2 rows")
    assert button.is_enabled()
    button.click()
    page.get_by_text(re.compile(
        r"Imported 1 applications?, 1 interviews? and 2 interviewers; skipped 1 rows?\.")
    ).wait_for()
    settle(page)

    go(page, "Timeline", "Timeline")
    rows = _grid_with(page.get_by_test_id("stDataFrame"), "Interviewer",
                      {"Priya Nair", "Luis Ortega"})
    by_name = {r["Interviewer"]: r for r in rows}
    assert sorted(by_name) == ["Ana Ruiz", "Luis Ortega", "Priya Nair", "Tom Becker"], rows
    expected = _expected_statuses(_yesterday(), IMPORTED_AT)
    for name in ("Priya Nair", "Luis Ortega"):
        assert by_name[name]["Company"] == "Northwind Labs", by_name[name]
        assert _status(by_name[name]["Status"]) in expected, (name, by_name[name], expected)
    assert "Sam Ortiz" not in page.get_by_test_id("stMain").inner_text()
    DONE.add("import")


def test_importing_the_same_csv_again_adds_nothing(page, csv_file):
    _needs("import")
    go(page, "Applications", "Applications")
    _upload(page, csv_file)
    panel = page.get_by_role("tabpanel", name="Import CSV")
    assert panel.get_by_text(re.compile(r"2 are already in your tracker")).is_visible()
    assert panel.get_by_text("Already there, so skipped: line 2, 4.").is_visible()
    button = panel.get_by_role("button", name=re.compile(r"^Import \d+ rows?$"))
    assert button.inner_text().endswith("Import 0 rows")
    assert button.is_disabled()
    panel.get_by_role("button", name="Cancel").click()
    page.get_by_text(re.compile(r"rows? (is|are) ready")).wait_for(state="detached")
    settle(page)

    go(page, "Timeline", "Timeline")
    names = sorted(r["Interviewer"] for r in _timeline(page))
    assert names == ["Ana Ruiz", "Luis Ortega", "Priya Nair", "Tom Becker"]
    DONE.add("reimport")


def test_download_the_deadlines_as_a_calendar(page):
    _needs("timeline")
    if page.get_by_role("heading", name="Timeline", exact=True).count() == 0:
        go(page, "Timeline", "Timeline")
    with page.expect_download() as download:
        page.get_by_role("button", name="Add the deadlines to my calendar (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    data = Path(download.value.path()).read_bytes()

    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert data.count(b"\n") == data.count(b"\r\n"), "every line ends with CRLF"
    events = _ics_events(data.decode("utf-8"))
    summaries = [e.get("SUMMARY", "") for e in events]
    ana = [e for e in events if "Ana Ruiz" in e.get("SUMMARY", "")]
    assert len(ana) == 1, summaries
    send_by = (datetime.combine(_yesterday(), INTERVIEW_AT, ZoneInfo(ZONE)).astimezone(UTC)
               + timedelta(hours=24))
    assert ana[0]["DTSTART"] == send_by.strftime("%Y%m%dT%H%M%SZ"), ana[0]
    assert any("Tom Becker" in s for s in summaries), summaries
    follow_ups = [e for e in events if e.get("SUMMARY", "").startswith("Follow up")
                  and "Lumen Analytics" in e["SUMMARY"]]
    assert len(follow_ups) == 1, summaries
    on = datetime.strptime(follow_ups[0]["DTSTART;VALUE=DATE"], "%Y%m%d").date()
    assert 7 <= (on - _yesterday()).days <= 20, on
    DONE.add("calendar")


def test_write_the_note_to_ana_from_the_timeline(page):
    _needs("timeline")
    if page.get_by_role("heading", name="Timeline", exact=True).count() == 0:
        go(page, "Timeline", "Timeline")
    frame = page.get_by_test_id("stDataFrame")
    rows = _grid(frame)
    index = [r["Interviewer"] for r in rows].index("Ana Ruiz")
    # The row marker column is drawn on the canvas, with no element of its own to click.
    canvas = frame.get_by_test_id("data-grid-canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.click(box["x"] + ROW_PX / 2, box["y"] + ROW_PX * (index + 1) + ROW_PX / 2)

    page.get_by_role("button", name="Write this note").wait_for()
    settle(page)
    selected = frame.locator("table[role=grid] tbody tr[aria-selected=true]")
    assert selected.count() == 1
    assert "Ana Ruiz" in selected.text_content()
    assert page.get_by_text(re.compile(r"^Ana Ruiz · Lumen Analytics · round 1 · ")).is_visible()

    page.get_by_role("button", name="Write this note").click()
    page.get_by_role("heading", name="Score your thank-you note").wait_for()
    settle(page)
    banner = page.get_by_text(re.compile(r"Writing to Ana Ruiz · Lumen Analytics · Data Analyst"))
    assert banner.is_visible()
    page.get_by_text("About this interview (optional)").click()
    assert page.get_by_role("textbox", name="Interviewer name(s)").input_value() == "Ana Ruiz"
    assert page.get_by_role("textbox", name="Company", exact=True).input_value() == (
        "Lumen Analytics")
    assert page.get_by_role("textbox", name="Role", exact=True).input_value() == "Data Analyst"
    assert page.get_by_role("textbox", name="Topics discussed").input_value() == TOPICS
    assert_no_exception(page)
    DONE.add("write")


# --- after the journey: what a second interview in the same visit runs into ----------------


def test_the_add_form_is_empty_after_a_save(page):
    go(page, "Applications", "Applications")
    page.get_by_role("tab", name="Add").click()
    page.get_by_role("textbox", name="Company *").fill("Quill & Co")
    page.get_by_role("textbox", name="Interviewers", exact=True).fill("Mia Chen")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(SAVED.format(people="1 interviewer")).wait_for()
    settle(page)
    left = {name: page.get_by_role("textbox", name=name, exact=True).input_value()
            for name in ("Company *", "Interviewers")}
    assert left == {"Company *": "", "Interviewers": ""}


def test_the_import_tab_stays_open_after_a_save(page, csv_file):
    go(page, "Applications", "Applications")
    page.get_by_role("tab", name="Add").click()
    page.get_by_role("textbox", name="Company *").fill("Kestrel Data")
    page.get_by_role("textbox", name="Interviewers", exact=True).fill("Ivo Lang")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(SAVED.format(people="1 interviewer")).wait_for()
    settle(page)
    page.get_by_role("tab", name="Import CSV").click()
    panel = page.get_by_role("tabpanel", name="Import CSV")
    panel.locator("input[type=file]").set_input_files(str(csv_file))
    # Attached, not visible: the preview is built even when its tab is not the one shown.
    page.get_by_text(re.compile(r"rows? (is|are) ready")).wait_for(state="attached")
    settle(page)
    chosen = page.get_by_role("tab", selected=True).inner_text()
    assert chosen == "Import CSV"
    assert panel.get_by_text(re.compile(r"rows? (is|are) ready")).is_visible()
