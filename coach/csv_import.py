"""Reading a tracker CSV (one row per interviewer) into checked rows, writing nothing.

``parse_csv`` raises ``CsvError`` when the whole file is unusable and otherwise returns an
``ImportPreview``: the rows that can be imported, one ``RowProblem`` per thing wrong with the
others (a row with any problem is left out), and the columns it did not recognise.
"""

from __future__ import annotations

import csv
import io
import re
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from urllib.parse import urlsplit

from .choices import INTERVIEW_TYPES, STAGES

#: Largest file accepted, in bytes (5,000 rows of a typical tracker fit easily).
MAX_BYTES = 1_000_000
#: Most data rows accepted (the header and blank lines do not count).
MAX_ROWS = 5_000
#: Highest interview round accepted.
MAX_ROUND = 99

#: The columns, in the order the export writes them.
IMPORT_COLUMNS = (
    "company",
    "role",
    "stage",
    "job_ad_url",
    "interview_date",
    "interview_time",
    "timezone",
    "interview_type",
    "prefers_email",
    "round",
    "topics",
    "decision_date",
    "interviewer",
    "interviewer_title",
    "interviewer_email",
    "travelling",
)
REQUIRED_COLUMNS = ("company", "interview_date")

#: Longest text accepted per column, in characters.
_LIMITS = {
    "company": 200,
    "role": 200,
    "interviewer": 200,
    "interviewer_title": 200,
    "interviewer_email": 254,
    "topics": 2_000,
    "job_ad_url": 2_000,
}
_DATE_HINT = "use YYYY-MM-DD, e.g. 2026-11-27"
_TIME_HINT = "use HH:MM (24-hour) or 2:30 PM, e.g. 14:30"
_TYPE_WORDS = {
    "phone": "phone",
    "video": "video",
    "in person": "in_person",
    "onsite": "in_person",
    "on site": "in_person",
}
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0", ""})
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# A date cell that a spreadsheet wrote with a midnight time is still just a date.
_MIDNIGHT = r"(?:[Tt ]00:00(?::00)?)?"
_ISO_DATE = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})" + _MIDNIGHT)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ -]+([a-z]+)\.?,?[ -]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})")
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
_TIME_24H = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_TIME_12H = re.compile(r"(\d{1,2})(?::(\d{2}))? *([ap])\.? *m\.?")
_ROUND = re.compile(r"\d+(?:\.0+)?")
_EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\".]+(?:\.[^@\s<>,;\".]+)+")
_ZONE_KEY = re.compile(r"[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*")
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


class CsvError(ValueError):
    """The whole file cannot be imported; the message says why and what to do."""


@dataclass(frozen=True)
class ImportRow:
    """One interviewer of one interview, checked and ready to store.

    Parameters
    ----------
    line : the row's number as a spreadsheet shows it (the header is line 1)
    starts_at : the interview's start, time-zone aware, in UTC
    timezone : the IANA name the start was given in, e.g. ``Europe/Berlin``
    topics : the topics cell split at ``;``
    decision_on : when the employer said they would decide, if known
    interviewer : the interviewer's name, ``""`` when none is named yet
    """

    line: int
    company: str
    role: str
    stage: str
    job_ad_url: str
    starts_at: datetime
    timezone: str
    interview_type: str
    prefers_email: bool
    round: int
    topics: tuple[str, ...]
    decision_on: date | None
    interviewer: str
    interviewer_title: str
    interviewer_email: str
    travelling: bool


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong with one row.

    Parameters
    ----------
    line : the row's number as a spreadsheet shows it
    column : the column at fault, or ``""`` for the row as a whole
    message : one sentence for the user saying what is wrong and what to write instead
    """

    line: int
    column: str
    message: str


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do: the good rows, the problems, the columns left out."""

    rows: tuple[ImportRow, ...]
    problems: tuple[RowProblem, ...]
    ignored_columns: tuple[str, ...]

    @property
    def bad_lines(self) -> tuple[int, ...]:
        """The lines with at least one problem, in order."""
        return tuple(sorted({p.line for p in self.problems}))


def parse_csv(data: bytes | str, default_tz: str = "UTC") -> ImportPreview:
    """Check a tracker CSV and return what importing it would do.

    Parameters
    ----------
    data : the file's bytes (UTF-8, with or without a byte-order mark) or its text
    default_tz : the IANA time zone for rows with a blank ``timezone`` cell

    Returns
    -------
    ImportPreview
        the importable rows and every row problem; raises CsvError for a whole-file problem
        and ValueError for an unknown ``default_tz``.
    """
    default_zone = _zone_name(default_tz)
    if default_zone is None:
        raise ValueError(f"default_tz {default_tz!r} is not an IANA time zone name")
    text = _decode(data)
    delimiter = _delimiter(text)
    records = _records(text, delimiter)
    if not records:
        raise CsvError("the file is empty")
    _, header = records[0]
    columns, ignored = _columns(header)
    if len(records) == 1:
        raise CsvError("the file has a header but no rows; add one row per interviewer below it")

    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, str, datetime, str], int] = {}
    for line, cells in records[1:]:
        found = _Row(line, cells, columns, len(header), delimiter, default_zone)
        row = found.parse()
        if found.key is not None:
            if found.key in seen:
                found.problem(
                    "",
                    f"this row repeats line {seen[found.key]} (same company, role, interview "
                    "time and interviewer); delete one of them",
                )
            else:
                seen[found.key] = line
        if found.problems:
            problems.extend(found.problems)
        elif row is not None:
            rows.append(row)
    return ImportPreview(tuple(rows), tuple(problems), tuple(ignored))


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        size = len(data.encode("utf-8", "replace"))
    elif isinstance(data, bytes | bytearray):
        size = len(data)
    else:
        raise TypeError("data must be bytes or str")
    if size > MAX_BYTES:
        raise CsvError(
            f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}, so split it into "
            "smaller files"
        )
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        if b"\x00" in data:
            raise CsvError(
                "this looks like binary data (an Excel workbook?), not CSV; save it from your "
                "spreadsheet as CSV UTF-8 and try again"
            )
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise CsvError(
                f"this is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
                "save it from your spreadsheet as CSV UTF-8 and try again"
            ) from None
    if "\x00" in text:
        raise CsvError("this looks like binary data, not CSV; save it as CSV UTF-8 and try again")
    if not text.strip():
        raise CsvError("the file is empty")
    return text


def _delimiter(text: str) -> str:
    """The separator that makes the most known columns of the first line (comma on a tie)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    known = set(IMPORT_COLUMNS)

    def score(delimiter: str) -> int:
        return sum(_normalise(cell) in known for cell in first.split(delimiter))

    return max(_DELIMITERS, key=score)


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The non-blank records with their spreadsheet line numbers, header first."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return records
        except csv.Error as err:
            if "end of data" in str(err):
                raise CsvError(
                    f'line {line + 1} has a quote mark (") that is never closed; close it, or '
                    "save the file again from your spreadsheet"
                ) from None
            raise CsvError(
                f"line {line + 1} is not valid CSV ({err}); save the file again from your "
                "spreadsheet as CSV UTF-8"
            ) from None
        line += 1
        if any(cell.strip() for cell in cells):
            records.append((line, cells))
            if len(records) > MAX_ROWS + 1:
                raise CsvError(
                    f"the file has more than {MAX_ROWS:,} rows; split it into smaller files"
                )


def _normalise(name: str) -> str:
    """A header cell as a column name: case, spaces and hyphens do not matter."""
    return re.sub(r"[\s\-_]+", "_", name.strip().casefold()).strip("_")


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        name = _normalise(cell)
        if name in IMPORT_COLUMNS:
            if name in columns:
                raise CsvError(
                    f"the column {name} appears twice (columns {columns[name] + 1} and "
                    f"{index + 1}); keep one of them"
                )
            columns[name] = index
        elif cell.strip():
            ignored.append(cell.strip())
    if not columns:
        raise CsvError(
            "the first line must be a header naming the columns, e.g. "
            "company,role,interview_date,interviewer; none of those names were found"
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise CsvError(
            f"the header has no {' or '.join(missing)} column; add "
            f"{'it' if len(missing) == 1 else 'them'} and try again"
        )
    return columns, ignored


class _Row:
    """One data row being checked; problems pile up in ``problems``."""

    def __init__(
        self,
        line: int,
        cells: list[str],
        columns: dict[str, int],
        width: int,
        delimiter: str,
        default_zone: str,
    ) -> None:
        self.line = line
        self.cells = cells
        self.columns = columns
        self.width = width
        self.delimiter = delimiter
        self.default_zone = default_zone
        self.problems: list[RowProblem] = []
        self.key: tuple[str, str, datetime, str] | None = None

    def problem(self, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.line, column, message))

    def cell(self, column: str) -> str:
        index = self.columns.get(column)
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()

    def text(self, column: str) -> str:
        value = self.cell(column)
        limit = _LIMITS.get(column)
        if limit is not None and len(value) > limit:
            self.problem(
                column, f"{column} is {len(value):,} characters long; the limit is {limit:,}"
            )
        return value

    def parse(self) -> ImportRow | None:
        extra = self.cells[self.width :]
        if any(cell.strip() for cell in extra):
            name = _DELIMITERS[self.delimiter]
            self.problem(
                "",
                f"this row has {len(self.cells)} cells but the header has {self.width}; put "
                f"quotes around any value that contains a {name}",
            )
        company = self.text("company")
        if not company:
            self.problem("company", "company is missing")
        role = self.text("role")
        stage = self.choice("stage", STAGES, "interviewing")
        job_ad_url = self.url("job_ad_url")
        on = self.date("interview_date", required=True)
        at = self.time("interview_time")
        zone = self.zone("timezone")
        starts_at = self.start(on, at, zone)
        interview_type = self.interview_type()
        prefers_email = self.flag("prefers_email")
        round_ = self.round()
        topics_cell = self.text("topics")
        topics = tuple(t.strip() for t in topics_cell.split(";") if t.strip())
        decision_on = self.date("decision_date", required=False)
        if decision_on is not None and on is not None and decision_on < on:
            self.problem(
                "decision_date",
                f"decision_date {decision_on.isoformat()} is before the interview date "
                f"{on.isoformat()}; check both dates",
            )
        interviewer = self.text("interviewer")
        interviewer_title = self.text("interviewer_title")
        interviewer_email = self.email("interviewer_email")
        travelling = self.flag("travelling")
        if company and starts_at is not None:
            self.key = (company.casefold(), role.casefold(), starts_at, interviewer.casefold())
        if self.problems or starts_at is None or zone is None:
            return None
        return ImportRow(
            line=self.line,
            company=company,
            role=role,
            stage=stage,
            job_ad_url=job_ad_url,
            starts_at=starts_at,
            timezone=zone,
            interview_type=interview_type,
            prefers_email=prefers_email,
            round=round_,
            topics=topics,
            decision_on=decision_on,
            interviewer=interviewer,
            interviewer_title=interviewer_title,
            interviewer_email=interviewer_email,
            travelling=travelling,
        )

    def choice(self, column: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.cell(column)
        if not value:
            return default
        if value.casefold() in allowed:
            return value.casefold()
        self.problem(column, f"{column} {_show(value)} is not one of {', '.join(allowed)}")
        return default

    def interview_type(self) -> str:
        value = self.cell("interview_type")
        if not value:
            return "video"
        kind = _TYPE_WORDS.get(re.sub(r"[\s_\-]+", " ", value.casefold()).strip())
        if kind is None:
            words = ", ".join(t.replace("_", " ") for t in INTERVIEW_TYPES)
            self.problem("interview_type", f"interview_type {_show(value)} is not one of {words}")
            return "video"
        return kind

    def flag(self, column: str) -> bool:
        value = self.cell(column).casefold()
        if value in _YES:
            return True
        if value not in _NO:
            self.problem(column, f"{column} {_show(self.cell(column))} is not yes or no")
        return False

    def round(self) -> int:
        value = self.cell("round")
        if not value:
            return 1
        if _ROUND.fullmatch(value) and 1 <= int(value.split(".")[0]) <= MAX_ROUND:
            return int(value.split(".")[0])
        self.problem(
            "round", f"round {_show(value)} must be a whole number from 1 to {MAX_ROUND}"
        )
        return 1

    def url(self, column: str) -> str:
        value = self.text(column)
        if value and len(value) <= _LIMITS[column]:
            parts = urlsplit(value)
            # Only web addresses: the app shows this as a link, and javascript: must not run.
            if parts.scheme.casefold() not in ("http", "https") or not parts.netloc:
                self.problem(
                    column,
                    f"{column} {_show(value)} must be a web address starting with https:// "
                    "or http://",
                )
        return value

    def email(self, column: str) -> str:
        value = self.text(column)
        if value and len(value) <= _LIMITS[column] and not _EMAIL.fullmatch(value):
            self.problem(
                column,
                f"{column} {_show(value)} does not look like an email address "
                "(name@example.com)",
            )
        return value

    def date(self, column: str, *, required: bool) -> date | None:
        value = self.cell(column)
        if not value:
            if required:
                self.problem(column, f"{column} is missing; {_DATE_HINT}")
            return None
        try:
            return _parse_date(value)
        except _Unreadable:
            if _NUMERIC_DATE.fullmatch(value):
                self.problem(
                    column,
                    f"{column} {_show(value)} could be read day-first or month-first; "
                    f"{_DATE_HINT}",
                )
            else:
                self.problem(column, f"{column} {_show(value)} is not a date; {_DATE_HINT}")
        except ValueError:
            self.problem(column, f"{column} {_show(value)} is not a real date; {_DATE_HINT}")
        return None

    def time(self, column: str) -> time | None:
        value = self.cell(column)
        if not value:
            return time(9, 0)
        try:
            return _parse_time(value)
        except _Unreadable:
            self.problem(column, f"{column} {_show(value)} is not a time; {_TIME_HINT}")
        except ValueError:
            self.problem(column, f"{column} {_show(value)} is not a real time; {_TIME_HINT}")
        return None

    def zone(self, column: str) -> str | None:
        value = self.cell(column)
        if not value:
            return self.default_zone
        name = _zone_name(value)
        if name is None:
            self.problem(
                column,
                f"timezone {_show(value)} is not a time zone name; use an IANA name such as "
                "Europe/Berlin or America/New_York",
            )
        return name

    def start(self, on: date | None, at: time | None, zone: str | None) -> datetime | None:
        """The start in UTC; a repeated hour (clocks going back) is read as its first pass."""
        if on is None or at is None or zone is None:
            return None
        tz = zoneinfo.ZoneInfo(zone)
        local = datetime.combine(on, at).replace(tzinfo=tz)  # fold=0: the earlier of two
        starts_at = local.astimezone(UTC)
        shown = starts_at.astimezone(tz)
        if shown.replace(tzinfo=None) != local.replace(tzinfo=None):
            self.problem(
                "interview_time",
                f"interview_time {_show(at.strftime('%H:%M'))} does not exist on "
                f"{on.isoformat()} in {zone} (the clocks skip that hour); check the time, "
                f"e.g. {shown.strftime('%H:%M')}",
            )
            return None
        return starts_at


class _Unreadable(ValueError):
    """The text is in no form we read (as opposed to a form we read naming no real date)."""


def _parse_date(value: str) -> date:
    text = re.sub(r"\s+", " ", value.strip().casefold())
    if match := _ISO_DATE.fullmatch(text):
        year, _, month, day = match.groups()
        return date(int(year), int(month), int(day))
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.groups()
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = match.groups()
    else:
        raise _Unreadable(value)
    if month not in _MONTHS:
        raise _Unreadable(value)
    return date(int(year), _MONTHS[month], int(day))


def _parse_time(value: str) -> time:
    text = value.strip().casefold()
    if match := _TIME_24H.fullmatch(text):
        hour, minute, second = match.groups()
        return time(int(hour), int(minute), int(second or 0))
    if match := _TIME_12H.fullmatch(text):
        hour, minute, half = match.groups()
        if not 1 <= int(hour) <= 12:
            raise ValueError(value)
        return time(int(hour) % 12 + (12 if half == "p" else 0), int(minute or 0))
    raise _Unreadable(value)


def _zone_name(value: str) -> str | None:
    """The IANA name for a zone written with any case or spaces, or None if there is none."""
    key = value.strip().replace(" ", "_")
    if not _ZONE_KEY.fullmatch(key):
        return None
    try:
        zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return _zone_names().get(key.casefold())
    return key


@cache
def _zone_names() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def _show(value: str, width: int = 40) -> str:
    """A cell quoted for a message, shortened so one long cell cannot swamp it."""
    return f'"{value if len(value) <= width else value[: width - 1] + "…"}"'
