"""Export: CSVs that open as text in a spreadsheet and come back in through the importer."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from coach.csv_import import IMPORT_COLUMNS, parse_csv
from coach.export import neutralise, to_csv, to_zip


def read_back(data: bytes) -> list[list[str]]:
    """The cells as a spreadsheet would get them."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+A1", "'+A1"),
        ("-A1+B1", "'-A1+B1"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1+1", "'  =1+1"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-", "'-"),
        ("-3", "-3"),
        ("-3.5", "-3.5"),
        ("+7", "+7"),
        ("-1e5", "-1e5"),
        ("Acme = best", "Acme = best"),
        ("priya@northwind.example", "priya@northwind.example"),
        ("", ""),
    ],
)
def test_formula_starts_are_shown_as_text_but_numbers_stay_numbers(value, shown):
    assert neutralise(value) == shown


def test_csv_is_excel_friendly_utf8_with_crlf_and_no_index():
    frame = pd.DataFrame({"company": ["Société Générale", "株式会社"], "n": [1, 2]}, index=[7, 9])
    data = to_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 3 and data.count(b"\n") == 3
    assert read_back(data) == [["company", "n"], ["Société Générale", "1"], ["株式会社", "2"]]


def test_every_text_cell_is_neutralised_and_numbers_are_not():
    frame = pd.DataFrame(
        {
            "note": ["=cmd|' /C calc'!A0", "fine"],
            "tags": pd.array(["@x", None], dtype="string"),
            "score": [-2.5, 3.0],
            "=header": ["a", "b"],
        }
    )
    rows = read_back(to_csv(frame))
    assert rows[0][3] == "'=header"
    assert rows[1] == ["'=cmd|' /C calc'!A0", "'@x", "-2.5", "a"]
    assert rows[2] == ["fine", "", "3.0", "b"]
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_dates_and_times_are_iso_8601_and_missing_values_are_empty():
    frame = pd.DataFrame(
        {
            "starts_at": [datetime(2026, 11, 27, 13, 30, tzinfo=UTC), pd.NaT],
            "local": pd.to_datetime(["2026-11-27 14:30", None]),
            "decision_on": [date(2026, 12, 4), None],
            "round": [2, float("nan")],
        }
    )
    rows = read_back(to_csv(frame))
    assert rows[1] == ["2026-11-27T13:30:00+00:00", "2026-11-27T14:30:00", "2026-12-04", "2.0"]
    assert rows[2] == ["", "", "", ""]


def test_zip_holds_one_csv_per_table_in_name_order_and_is_deterministic():
    tables = {
        "notes": pd.DataFrame({"body": ["=1"]}),
        "applications": pd.DataFrame({"company": ["Northwind"]}),
    }
    data = to_zip(tables)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["applications.csv", "notes.csv"]
        assert archive.read("notes.csv") == to_csv(tables["notes"])
    assert to_zip(dict(reversed(tables.items()))) == data


@pytest.mark.parametrize("name", ["../evil", "a/b", "", "notes.csv"])
def test_zip_refuses_table_names_that_are_not_plain_file_names(name):
    with pytest.raises(ValueError, match="table name"):
        to_zip({name: pd.DataFrame({"a": [1]})})


def test_the_interviews_export_imports_again_with_the_same_values():
    values = {
        "company": ["Northwind", "Northwind", "Contoso, Inc."],
        "role": ["Data Analyst", "Data Analyst", '=HYPERLINK("http://x")'],
        "stage": ["interviewing", "interviewing", "offer"],
        "job_ad_url": ["https://northwind.example/jobs/42"] * 2 + [""],
        "interview_date": ["2026-11-27", "2026-11-27", "2026-12-01"],
        "interview_time": ["14:30", "14:30", "09:00"],
        "timezone": ["Europe/Berlin", "Europe/Berlin", "America/New_York"],
        "interview_type": ["video", "video", "in_person"],
        "prefers_email": ["yes", "yes", "no"],
        "round": [2, 2, 1],
        "topics": ["dashboards; month-end close", "dashboards; month-end close", "-3 days"],
        "decision_date": ["2026-12-04", "2026-12-04", ""],
        "interviewer": ["Priya Patel", "Sam Lee", ""],
        "interviewer_title": ["Analytics Lead", '"Finance" Partner\nEMEA', ""],
        "interviewer_email": ["priya@northwind.example", "", ""],
        "travelling": ["no", "no", "yes"],
    }
    frame = pd.DataFrame(values, columns=list(IMPORT_COLUMNS))
    preview = parse_csv(to_csv(frame))
    assert preview.problems == () and preview.ignored_columns == ()
    priya, sam, contoso = preview.rows
    assert priya.starts_at == sam.starts_at == datetime(2026, 11, 27, 13, 30, tzinfo=UTC)
    assert (priya.interviewer, sam.interviewer, sam.interviewer_title) == (
        "Priya Patel", "Sam Lee", '"Finance" Partner\nEMEA',
    )
    assert priya.topics == ("dashboards", "month-end close") and priya.round == 2
    assert priya.decision_on == date(2026, 12, 4) and priya.prefers_email
    assert contoso.company == "Contoso, Inc." and contoso.travelling
    # A formula comes back as the text the spreadsheet showed, never as a formula.
    assert contoso.role == '\'=HYPERLINK("http://x")' and not contoso.role.startswith("=")
    assert contoso.topics == ("'-3 days",)


def test_imported_rows_exported_and_imported_again_are_unchanged():
    first = parse_csv(
        "company,role,interview_date,interview_time,timezone,interviewer,topics,round\n"
        "Northwind,Analyst,27 Nov 2026,2:30 PM,europe/berlin,Priya Patel,a; b,3\n"
        "Contoso,BI,2026-11-01,01:30,America/New_York,,,\n"
    ).rows
    records = []
    for row in first:
        local = row.starts_at.astimezone(ZoneInfo(row.timezone))
        records.append(
            {
                "company": row.company,
                "role": row.role,
                "stage": row.stage,
                "job_ad_url": row.job_ad_url,
                "interview_date": local.date(),
                "interview_time": local.strftime("%H:%M"),
                "timezone": row.timezone,
                "interview_type": row.interview_type,
                "prefers_email": row.prefers_email,
                "round": row.round,
                "topics": "; ".join(row.topics),
                "decision_date": row.decision_on,
                "interviewer": row.interviewer,
                "interviewer_title": row.interviewer_title,
                "interviewer_email": row.interviewer_email,
                "travelling": row.travelling,
            }
        )
    again = parse_csv(to_csv(pd.DataFrame(records, columns=list(IMPORT_COLUMNS)))).rows
    assert again == first
