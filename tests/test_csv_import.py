"""parse_csv: a tracker brought in from a spreadsheet is read, checked and never half-trusted."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from coach.csv_import import (
    IMPORT_COLUMNS,
    MAX_BYTES,
    MAX_ROWS,
    CsvError,
    ImportRow,
    parse_csv,
)

GOOD = """\
company,role,stage,job_ad_url,interview_date,interview_time,timezone,interview_type,\
prefers_email,round,topics,decision_date,interviewer,interviewer_title,interviewer_email,travelling
Northwind,Data Analyst,interviewing,https://northwind.example/jobs/42,2026-11-27,14:30,\
Europe/Berlin,video,yes,2,regional dashboards; month-end close,2026-12-04,Priya Patel,\
Analytics Lead,priya.patel@northwind.example,no
Northwind,Data Analyst,interviewing,https://northwind.example/jobs/42,2026-11-27,14:30,\
Europe/Berlin,video,yes,2,regional dashboards; month-end close,2026-12-04,Sam Lee,\
Finance Partner,,no
Contoso,BI Developer,applied,,2026-12-01,9:00 AM,America/New_York,on-site,no,1,,,,,,yes
"""


def one_row(**cells: str) -> str:
    """A file with the full header and one data row: a good row with ``cells`` changed."""
    row = {
        "company": "Northwind",
        "role": "Data Analyst",
        "interview_date": "2026-11-27",
        "interview_time": "14:30",
        "timezone": "Europe/Berlin",
        "interviewer": "Priya Patel",
    } | cells
    values = [row.get(name, "") for name in IMPORT_COLUMNS]
    quoted = ['"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v
              for v in values]
    return ",".join(IMPORT_COLUMNS) + "\n" + ",".join(quoted) + "\n"


def only_row(text: str | bytes, **kwargs: str) -> ImportRow:
    preview = parse_csv(text, **kwargs)
    assert preview.problems == ()
    (row,) = preview.rows
    return row


def test_good_file_gives_every_interviewer_of_every_interview():
    preview = parse_csv(GOOD.encode("utf-8"))
    assert preview.problems == () and preview.ignored_columns == () and preview.bad_lines == ()
    priya, sam, contoso = preview.rows
    assert [r.line for r in preview.rows] == [2, 3, 4]
    assert priya == ImportRow(
        line=2,
        company="Northwind",
        role="Data Analyst",
        stage="interviewing",
        job_ad_url="https://northwind.example/jobs/42",
        starts_at=datetime(2026, 11, 27, 13, 30, tzinfo=UTC),
        timezone="Europe/Berlin",
        interview_type="video",
        prefers_email=True,
        round=2,
        topics=("regional dashboards", "month-end close"),
        decision_on=date(2026, 12, 4),
        interviewer="Priya Patel",
        interviewer_title="Analytics Lead",
        interviewer_email="priya.patel@northwind.example",
        travelling=False,
    )
    assert (sam.interviewer, sam.interviewer_email) == ("Sam Lee", "")
    assert sam.starts_at == priya.starts_at
    assert contoso.starts_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert (contoso.interview_type, contoso.stage) == ("in_person", "applied")
    assert contoso.travelling
    assert contoso.interviewer == "" and contoso.decision_on is None and contoso.topics == ()
    assert len({(r.company, r.starts_at) for r in preview.rows}) == 2


def test_blank_cells_take_the_defaults():
    row = only_row("company,interview_date\nNorthwind,2026-11-27\n", default_tz="Asia/Tokyo")
    assert row.starts_at == datetime(2026, 11, 27, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
    assert (row.timezone, row.stage, row.interview_type, row.round) == (
        "Asia/Tokyo", "interviewing", "video", 1,
    )
    assert (row.prefers_email, row.travelling, row.topics, row.decision_on) == (
        False, False, (), None,
    )
    assert (row.role, row.job_ad_url, row.interviewer, row.interviewer_email) == ("", "", "", "")


def test_an_unknown_default_time_zone_is_a_programming_error():
    with pytest.raises(ValueError, match="default_tz"):
        parse_csv(GOOD, default_tz="Mars/Olympus")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf \r\n\r\n", "the file is empty"),
        (b"company,interview_date\r\n\r\n", "header but no rows"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "binary data.*save it .*as CSV UTF-8"),
        ("company,interview_date\nCafé Müller,2026-11-27\n".encode("latin-1"),
         r"not UTF-8 text \(byte 0xe9 at offset 26\).*CSV UTF-8"),
        (b"company,interview_date\n" + b"x" * MAX_BYTES, "limit is 1,000,000"),
        (b"company,interview_date\n" + b"Acme,2026-11-27\n" * (MAX_ROWS + 1),
         "more than 5,000 rows"),
        (b"role,interview_date\nAnalyst,2026-11-27\n", "no company column"),
        (b"role,interviewer\nAnalyst,Priya\n", "no company or interview_date column"),
        (b"Northwind,2026-11-27\nContoso,2026-12-01\n", "first line must be a header"),
        (b"company,interview_date,Company\nA,2026-11-27,B\n", "company appears twice"),
        (b'company,interview_date,topics\nA,2026-11-27,x\nB,2026-11-28,"dashboards\nC,2026-11-29,y\n',
         "line 3 has a quote mark .* never closed"),
        (b'company,interview_date\n"Acme" Inc,2026-11-27\n', "line 2 is not valid CSV"),
    ],
    ids=["empty", "blank", "header-only", "binary", "latin-1", "too-big", "too-many-rows",
         "no-company", "no-required", "no-header", "twice", "unclosed-quote", "stray-quote"],
)
def test_an_unusable_file_says_why_and_what_to_do(data, message):
    with pytest.raises(CsvError, match=message):
        parse_csv(data)


def test_the_most_rows_allowed_still_import():
    data = "company,interview_date,interviewer\n" + "".join(
        f"Acme,2026-11-27,Person {i}\n" for i in range(MAX_ROWS)
    )
    assert len(parse_csv(data).rows) == MAX_ROWS


def test_text_input_gets_the_size_limit_too():
    with pytest.raises(CsvError, match="limit"):
        parse_csv("company,interview_date\n" + "é" * MAX_BYTES)


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"company": ""}, "company", "company is missing"),
        ({"company": "x" * 201}, "company", "company is 201 characters long; the limit is 200"),
        ({"role": "x" * 201}, "role", "role is 201 characters long; the limit is 200"),
        ({"interviewer": "x" * 201}, "interviewer", "the limit is 200"),
        ({"interviewer_title": "x" * 201}, "interviewer_title", "the limit is 200"),
        ({"topics": "x" * 2001}, "topics", "topics is 2,001 characters long; the limit is 2,000"),
        ({"job_ad_url": "https://a.example/" + "x" * 2000}, "job_ad_url", "the limit is 2,000"),
        ({"job_ad_url": "javascript:alert(1)"}, "job_ad_url", "must be a web address"),
        ({"job_ad_url": "www.northwind.example/jobs"}, "job_ad_url", "starting with https://"),
        ({"stage": "ghosted"}, "stage",
         'stage "ghosted" is not one of applied, interviewing, offer, accepted, rejected, '
         "withdrawn"),
        ({"interview_date": ""}, "interview_date",
         "interview_date is missing; use YYYY-MM-DD, e.g. 2026-11-27"),
        ({"interview_date": "2026-02-30"}, "interview_date",
         'interview_date "2026-02-30" is not a real date; use YYYY-MM-DD, e.g. 2026-11-27'),
        ({"interview_date": "2026-13-01"}, "interview_date", "is not a real date"),
        ({"interview_date": "31 Feb 2026"}, "interview_date", "is not a real date"),
        ({"interview_date": "27/11/2026"}, "interview_date",
         'interview_date "27/11/2026" could be read day-first or month-first; use YYYY-MM-DD'),
        ({"interview_date": "11-27-26"}, "interview_date", "day-first or month-first"),
        ({"interview_date": "next Tuesday"}, "interview_date",
         'interview_date "next Tuesday" is not a date; use YYYY-MM-DD, e.g. 2026-11-27'),
        ({"interview_date": "27 Novembre 2026"}, "interview_date", "is not a date"),
        ({"interview_time": "25:00"}, "interview_time",
         'interview_time "25:00" is not a real time; use HH:MM (24-hour) or 2:30 PM'),
        ({"interview_time": "14:60"}, "interview_time", "is not a real time"),
        ({"interview_time": "13:00 PM"}, "interview_time", "is not a real time"),
        ({"interview_time": "half past two"}, "interview_time", "is not a time; use HH:MM"),
        ({"timezone": "Mars/Olympus"}, "timezone",
         'timezone "Mars/Olympus" is not a time zone name; use an IANA name such as '
         "Europe/Berlin"),
        ({"timezone": "../../etc/passwd"}, "timezone", "is not a time zone name"),
        ({"interview_type": "zoom"}, "interview_type",
         'interview_type "zoom" is not one of phone, video, in person'),
        ({"prefers_email": "maybe"}, "prefers_email", 'prefers_email "maybe" is not yes or no'),
        ({"travelling": "sometimes"}, "travelling", "is not yes or no"),
        ({"round": "0"}, "round", 'round "0" must be a whole number from 1 to 99'),
        ({"round": "-1"}, "round", "whole number"),
        ({"round": "1.5"}, "round", "whole number"),
        ({"round": "two"}, "round", "whole number"),
        ({"round": "1000"}, "round", "from 1 to 99"),
        ({"decision_date": "2026-11-20"}, "decision_date",
         "decision_date 2026-11-20 is before the interview date 2026-11-27"),
        ({"decision_date": "2026-11-31"}, "decision_date", "is not a real date"),
        ({"interviewer_email": "priya at northwind"}, "interviewer_email",
         'interviewer_email "priya at northwind" does not look like an email address'),
        ({"interviewer_email": "priya@northwind"}, "interviewer_email", "email address"),
        ({"interviewer_email": "Priya <priya@northwind.example>"}, "interviewer_email",
         "email address"),
        ({"interview_date": "2026-03-08", "interview_time": "02:30",
          "timezone": "America/New_York"}, "interview_time",
         'interview_time "02:30" does not exist on 2026-03-08 in America/New_York (the clocks '
         "skip that hour); check the time, e.g. 03:30"),
    ],
)
def test_a_bad_cell_keeps_its_row_out_and_says_what_to_write(cells, column, message):
    preview = parse_csv(one_row(**cells))
    assert preview.rows == ()
    assert preview.bad_lines == (2,)
    assert [(p.line, p.column) for p in preview.problems] == [(2, column)]
    assert message in preview.problems[0].message


def test_a_long_value_is_not_echoed_whole():
    preview = parse_csv(one_row(interview_type="z" * 500))
    assert len(preview.problems[0].message) < 120


def test_every_problem_of_a_row_is_listed_and_good_rows_still_import():
    text = (
        "company,interview_date,interview_time,round\n"
        "Northwind,2026-11-27,10:00,1\n"
        ",2026-02-30,25:00,zero\n"
        "Contoso,2026-12-01,,\n"
    )
    preview = parse_csv(text)
    assert [r.company for r in preview.rows] == ["Northwind", "Contoso"]
    assert [p.column for p in preview.problems] == [
        "company", "interview_date", "interview_time", "round",
    ]
    assert preview.bad_lines == (3,)


@pytest.mark.parametrize(
    ("earlier", "later", "repeated"),
    [
        ("Northwind,Analyst,14:30,Priya Patel", "Northwind,Analyst,14:30,Priya Patel", True),
        ("Northwind,Analyst,14:30,Priya Patel", "NORTHWIND,analyst,2:30 PM,priya patel", True),
        ("Northwind,Analyst,14:30,", "Northwind,Analyst,14:30,", True),
        ("Northwind,Analyst,14:30,Priya Patel", "Northwind,Analyst,14:30,Sam Lee", False),
        ("Northwind,Analyst,14:30,Priya Patel", "Northwind,Analyst,15:30,Priya Patel", False),
        ("Northwind,Analyst,14:30,Priya Patel", "Northwind,Engineer,14:30,Priya Patel", False),
    ],
)
def test_a_repeated_row_is_flagged_on_the_later_line(earlier, later, repeated):
    text = (
        "company,role,interview_time,interviewer,interview_date\n"
        f"{earlier},2026-11-27\nContoso,BI,09:00,Ana,2026-12-01\n{later},2026-11-27\n"
    )
    preview = parse_csv(text)
    if repeated:
        assert [r.line for r in preview.rows] == [2, 3]
        (problem,) = preview.problems
        assert problem.line == 4 and "repeats line 2" in problem.message
    else:
        assert preview.problems == () and len(preview.rows) == 3


@pytest.mark.parametrize(
    "written",
    ["2026-11-27", "2026/11/27", "2026-11-27 00:00:00", "2026-11-27T00:00", "27 Nov 2026",
     "27 November 2026", "27-Nov-2026", "27th Nov 2026", "Nov 27, 2026", "November 27 2026",
     "nov. 27, 2026", "NOV 27 2026", "  27  nov  2026 "],
)
def test_unambiguous_date_forms_are_read(written):
    assert only_row(one_row(interview_date=written)).starts_at.date() == date(2026, 11, 27)


@pytest.mark.parametrize(
    ("written", "local"),
    [("14:30", time(14, 30)), ("9:05", time(9, 5)), ("14:30:00", time(14, 30)),
     ("2:30 PM", time(14, 30)), ("2:30pm", time(14, 30)), ("12:15 AM", time(0, 15)),
     ("12 PM", time(12, 0)), ("7 a.m.", time(7, 0)), ("", time(9, 0))],
)
def test_time_forms_are_read(written, local):
    row = only_row(one_row(interview_time=written, timezone="UTC"))
    assert row.starts_at.timetz() == local.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "kind"),
    [("phone", "phone"), ("Video", "video"), ("in person", "in_person"),
     ("in_person", "in_person"), ("In-Person", "in_person"), ("onsite", "in_person"),
     ("on-site", "in_person"), ("", "video")],
)
def test_interview_type_words(written, kind):
    assert only_row(one_row(interview_type=written)).interview_type == kind


@pytest.mark.parametrize(
    ("written", "flag"),
    [("yes", True), ("Y", True), ("TRUE", True), ("1", True),
     ("no", False), ("n", False), ("False", False), ("0", False), ("", False)],
)
def test_yes_no_cells(written, flag):
    row = only_row(one_row(prefers_email=written, travelling=written))
    assert (row.prefers_email, row.travelling) == (flag, flag)


@pytest.mark.parametrize(("written", "number"), [("", 1), ("1", 1), ("3", 3), ("2.0", 2)])
def test_round_numbers(written, number):
    assert only_row(one_row(round=written)).round == number


@pytest.mark.parametrize(
    ("written", "name"),
    [("Europe/Berlin", "Europe/Berlin"), ("europe/berlin", "Europe/Berlin"),
     ("America/New York", "America/New_York"), ("UTC", "UTC"), ("", "Europe/Paris")],
)
def test_time_zone_names_are_forgiving_about_case_and_spaces(written, name):
    row = only_row(one_row(timezone=written), default_tz="Europe/Paris")
    assert row.timezone == name


def test_an_hour_repeated_when_clocks_go_back_is_read_as_its_first_pass():
    # 01:30 happens twice on 2026-11-01 in New York; the first is still daylight time (fold=0).
    row = only_row(one_row(interview_date="2026-11-01", interview_time="01:30",
                           timezone="America/New_York"))
    assert row.starts_at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "header",
    ["interview_date", "Interview Date", "interview-date", " INTERVIEW_DATE ", "Interview  Date"],
)
def test_column_names_ignore_case_spaces_and_hyphens(header):
    row = only_row(f"Company ,{header}\nNorthwind,2026-11-27\n")
    assert row.starts_at.date() == date(2026, 11, 27)


def test_columns_in_any_order_and_unknown_ones_are_listed():
    text = "Notes,interview_date,,Salary,company\nmet at 3,2026-11-27,,90k,Northwind\n"
    preview = parse_csv(text)
    assert preview.rows[0].company == "Northwind"
    assert preview.ignored_columns == ("Notes", "Salary")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfcompany,interview_date\nNorthwind,2026-11-27\n",
        "\ufeffcompany,interview_date\nNorthwind,2026-11-27\n",
        b"company,interview_date\r\nNorthwind,2026-11-27\r\n",
        "company;interview_date;topics\nNorthwind;2026-11-27;\n",
        "company\tinterview_date\nNorthwind\t2026-11-27\n",
    ],
    ids=["bom-bytes", "bom-text", "crlf", "semicolon-separated", "tab-separated"],
)
def test_spreadsheet_encodings_and_separators(data):
    row = only_row(data)
    assert (row.company, row.starts_at.date()) == ("Northwind", date(2026, 11, 27))


def test_topics_split_at_semicolons():
    row = only_row(one_row(topics=" dashboards ;month-end close;; SQL, Power BI ;"))
    assert row.topics == ("dashboards", "month-end close", "SQL, Power BI")


def test_line_numbers_are_spreadsheet_rows():
    text = (
        "company,interview_date,topics\r\n"
        'Northwind,2026-11-27,"dashboards\r\nand close"\r\n'
        "\r\n"
        ",2026-11-28,\r\n"
    )
    preview = parse_csv(text)
    assert preview.rows[0].topics == ("dashboards\r\nand close",)
    assert preview.bad_lines == (4,)


def test_a_row_with_more_cells_than_the_header_asks_for_quotes():
    preview = parse_csv("company,interview_date,role\nAcme, Inc.,2026-11-27,Analyst\n")
    assert preview.rows == ()
    assert "put quotes around any value that contains a comma" in preview.problems[0].message


def test_trailing_empty_cells_and_short_rows_are_fine():
    preview = parse_csv("company,interview_date,role\nAcme,2026-11-27,Analyst,,\nBeta,2026-11-28\n")
    assert [(r.company, r.role) for r in preview.rows] == [("Acme", "Analyst"), ("Beta", "")]


def test_html_and_formulas_in_cells_are_kept_as_plain_text():
    cells = {
        "company": "<script>alert('x')</script>",
        "role": "<b>Lead</b> & Co",
        "topics": '<img src=x onerror="alert(1)">; =HYPERLINK("http://x")',
    }
    row = only_row(one_row(**cells))
    assert (row.company, row.role) == (cells["company"], cells["role"])
    assert row.topics == ('<img src=x onerror="alert(1)">', '=HYPERLINK("http://x")')


def test_emoji_and_other_scripts_are_fine():
    cells = {
        "company": "株式会社ノースウィンド",
        "role": "Analystin für Daten",
        "interviewer": "José Núñez 👩🏽‍💻",
        "topics": "データ基盤; 🚀 launch plan; مرحبا",
    }
    row = only_row(one_row(**cells).encode("utf-8"))
    assert (row.company, row.role, row.interviewer) == (
        cells["company"], cells["role"], cells["interviewer"],
    )
    assert row.topics == ("データ基盤", "🚀 launch plan", "مرحبا")
