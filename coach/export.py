"""CSV and zip export that spreadsheets open as plain text, never as formulas."""

from __future__ import annotations

import csv
import io
import numbers
import re
import zipfile
from datetime import date, datetime, time

import pandas as pd

#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_TABLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")
# A fixed timestamp inside the zip, so the same tables always give the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def neutralise(value: str) -> str:
    """A cell a spreadsheet will show as text: a leading apostrophe before a formula start.

    Parameters
    ----------
    value : the cell's text

    Returns
    -------
    str
        ``value`` with ``'`` in front when it starts (after any spaces) with ``=``, ``+``,
        ``-``, ``@``, a tab or a line break, unless it is entirely a number such as ``-3.5``.
    """
    if value.lstrip(" ").startswith(_FORMULA_START) and not _NUMBER.fullmatch(value.strip()):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """A table as CSV bytes that Excel and others open safely.

    Parameters
    ----------
    frame : the table; its index is not written

    Returns
    -------
    bytes
        UTF-8 with a byte-order mark, CRLF line ends, every text cell neutralised, dates and
        times in ISO 8601 and missing values as empty cells.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(str(name)) for name in frame.columns])
    for record in frame.itertuples(index=False, name=None):
        writer.writerow([_cell(value) for value in record])
    return out.getvalue().encode("utf-8-sig")


def to_zip(tables: dict[str, pd.DataFrame]) -> bytes:
    """Several tables as one zip of ``<name>.csv`` files, in name order.

    Parameters
    ----------
    tables : table name (letters, digits, ``_`` and ``-``) to table

    Returns
    -------
    bytes
        the zip; the same tables always give the same bytes.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(tables):
            if not _TABLE_NAME.fullmatch(name):
                raise ValueError(f"table name {name!r} must be letters, digits, _ or -")
            info = zipfile.ZipInfo(f"{name}.csv", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, to_csv(tables[name]))
    return buffer.getvalue()


def _cell(value: object) -> str:
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, datetime | date | time):  # pd.Timestamp is a datetime
        return value.isoformat()
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return str(value)
    return neutralise(str(value))


def workspace_zip(session, now: datetime) -> bytes:
    """Everything in the session's workspace as one zip: the tracker, coaching links, comments.

    ``session`` is scoped to the workspace (``Database.workspace(id).begin()``).
    """
    from . import sharing, tracker

    return to_zip({**tracker.export_tables(session), **sharing.export_tables(session, now)})
