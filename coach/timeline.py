"""When each thank-you note is due, how it goes out, when to follow up, and where it stands.

The product checklist (``shared/checklist.md``) says:

    "send the note within 24 hours, and no later than 3 days after the interview; a note to an
    interviewer who is travelling goes by email; in-person interview: a hard copy (mailed or
    dropped off the same or next day), with an email as well when speed matters; phone or video
    interview, or a stated preference for email: email; one note per interviewer; the
    follow-up falls 7 to 14 days after the interview."

and the issue that asked for this view:

    "the note is due 24 hours after the interview and late after 72 hours (interview time and
    time zone respected; hard copy needs mailing lead time, so its send-by is earlier); the
    channel follows the interview type and the stated preference; the follow-up falls 7
    business days after the interview (configurable 5 to 14) unless the employer named a
    decision date, and no more than two follow-ups are suggested. Each row gets a status:
    overdue, due today, due soon, drafted, sent, follow-up due, closed. All of it is vectorized
    pandas over the whole table."

How those read here, for one row per interviewer note ("one note per interviewer"):

- channel: the user's stored override if any; else ``email`` for a phone or video interview,
  a stated preference for email or a travelling interviewer, else ``hard_copy`` (in person).
  ``also_email``: a hard copy whose employer decides within 3 calendar days of the interview's
  local date also goes by email, since the post would arrive after the decision.
- ``send_by`` is 24 hours after the interview starts and ``late_at`` 72 hours after; a hard
  copy's are both ``mail_lead_hours`` earlier, so it is in the post in time. ``late``: not
  sent, not closed and past ``late_at``.
- ``follow_up_on``: the interview's local date (in the interview's own time zone) plus N
  business days (Mon-Fri; a weekend interview counts from the Monday after), or the first
  business day after the employer's decision date. A
  stored, not-done follow-up's date wins over any suggestion; after one follow-up the next is
  N business days after it; after two nothing more is suggested. Closed applications get none.
- ``status`` in urgency order (``STATUSES``): a closed application is ``closed``; a sent note
  is ``follow-up due`` once its follow-up date is today or past, else ``sent``; an unsent note
  is ``upcoming`` before the interview, ``overdue`` past ``send_by``, ``due today`` when
  ``send_by`` falls later today in the user's time zone, ``drafted`` when a draft is saved,
  else ``due soon``.

Everything is computed on whole columns with numpy and pandas; the only loop is over the
distinct interview time zones, to find each interview's local date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from .choices import CHANNELS, CLOSED_STAGES, INTERVIEW_TYPES, STAGES

#: The input contract, one row per interviewer note, as built by the database layer.
INPUT_DTYPES: dict[str, str] = {
    "application_id": "int64",
    "company": "str",
    "role": "str",
    "stage": "str",
    "interview_id": "int64",
    "round": "int64",
    "starts_at": "datetime64[ns, UTC]",
    "timezone": "str",
    "interview_type": "str",
    "prefers_email": "bool",
    "decision_on": "datetime64[ns]",
    "interviewer_id": "int64",
    "interviewer": "str",
    "interviewer_title": "str",
    "interviewer_email": "str",
    "travelling": "bool",
    "note_id": "Int64",
    "channel": "object",
    "sent_at": "datetime64[ns, UTC]",
    "latest_score": "float64",
    "versions": "int64",
    "follow_ups_done": "int64",
    "next_follow_up_on": "datetime64[ns]",
    "last_follow_up_on": "datetime64[ns]",
}
INPUT_COLUMNS: tuple[str, ...] = tuple(INPUT_DTYPES)

#: Columns ``compute`` adds (``channel`` is replaced by the effective channel).
ADDED_COLUMNS: tuple[str, ...] = (
    "channel", "also_email", "send_by", "late_at", "late", "follow_up_on", "status", "days_left",
)

#: Statuses, most urgent first; ``status`` is an ordered Categorical over these.
STATUSES: tuple[str, ...] = (
    "overdue", "due today", "follow-up due", "due soon", "drafted", "upcoming", "sent", "closed",
)
STATUS_DTYPE = pd.CategoricalDtype(list(STATUSES), ordered=True)
_OVERDUE, _DUE_TODAY, _FOLLOW_UP_DUE, _DUE_SOON, _DRAFTED, _UPCOMING, _SENT, _CLOSED = range(8)

_HOUR = np.timedelta64(3_600_000_000_000, "ns")
_DAY = np.timedelta64(1, "D")
_CHANNEL_NAMES = pd.array(["hard_copy", "email"], dtype="str")  # indexed by "goes by email"
#: The post cannot beat a decision this close to the interview, so the note goes by email too.
_SPEED_MATTERS_DAYS = 3


@dataclass(frozen=True)
class TimelineSettings:
    """The user's timing preferences.

    Parameters
    ----------
    follow_up_business_days : business days from the interview to the follow-up (5 to 14)
    mail_lead_hours : how much earlier than an email a hard copy must be in the post (0 to
        23, so that a hard copy is never due before the interview has happened)
    """

    follow_up_business_days: int = 7
    mail_lead_hours: int = 12

    def __post_init__(self) -> None:
        for name, low, high in (
            ("follow_up_business_days", 5, 14),
            ("mail_lead_hours", 0, 23),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | np.integer):
                raise ValueError(f"{name} must be a whole number, not {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low} and {high}, not {value}")


DEFAULT_SETTINGS = TimelineSettings()


def empty_frame() -> pd.DataFrame:
    """An input frame with no rows and the contract's columns and dtypes.

    Returns
    -------
    A DataFrame with ``INPUT_COLUMNS``, each of its ``INPUT_DTYPES`` dtype.
    """
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in INPUT_DTYPES.items()})


def compute(
    frame: pd.DataFrame,
    now: dt.datetime | pd.Timestamp,
    tz: str | ZoneInfo = "UTC",
    settings: TimelineSettings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Add channel, deadlines, follow-up date and status to every interviewer note.

    Parameters
    ----------
    frame : one row per interviewer note, with at least ``INPUT_COLUMNS`` (left unchanged)
    now : the current instant, timezone-aware
    tz : the user's IANA time zone (a name or a ZoneInfo), which decides what "today" is
    settings : the user's timing preferences

    Returns
    -------
    A new DataFrame: every input column (datetimes in ns), ``channel`` replaced by the
    effective one, plus ``also_email``, ``send_by``, ``late_at``, ``late``, ``follow_up_on``,
    ``status`` and ``days_left``; most urgent first, with a fresh index.

    Raises
    ------
    ValueError : missing or repeated columns, a naive ``now``, an unknown time zone,
        interview type, stage or channel, or a missing interview start or time zone.
    """
    missing = [name for name in INPUT_COLUMNS if name not in frame.columns]
    if missing:
        raise ValueError(f"the timeline needs column(s): {', '.join(missing)}")
    if not frame.columns.is_unique:
        raise ValueError("the timeline needs each column name once")
    now_ts = pd.Timestamp(now)
    if now_ts.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    user_zone = _zone(tz)
    now_utc = np.datetime64(now_ts.value, "ns")
    today = now_ts.tz_convert(user_zone).date()
    tomorrow_starts = _local_midnight(today + dt.timedelta(days=1), user_zone)
    today_d = np.datetime64(today, "D")

    remote = _member(frame["interview_type"], INTERVIEW_TYPES, ("phone", "video"))
    closed = _member(frame["stage"], STAGES, tuple(CLOSED_STAGES))
    override = frame["channel"]
    has_override = override.notna().to_numpy()
    override_email = _member(override[has_override], CHANNELS, ("email",))

    starts_at = _instants(frame["starts_at"])
    starts = starts_at.to_numpy(dtype="datetime64[ns]")
    if np.isnat(starts).any():
        raise ValueError("every interview needs starts_at")
    sent_at = _instants(frame["sent_at"])
    sent = sent_at.notna().to_numpy()
    dates = {
        name: _dates(frame[name])
        for name in ("decision_on", "next_follow_up_on", "last_follow_up_on")
    }
    decision = dates["decision_on"].to_numpy(dtype="datetime64[D]")
    local_day = _local_days(starts, frame["timezone"])

    # Channel.
    email = remote | _flags(frame["prefers_email"]) | _flags(frame["travelling"])
    email[has_override] = override_email
    hard_copy = ~email
    also_email = hard_copy & (decision <= local_day + np.timedelta64(_SPEED_MATTERS_DAYS, "D"))

    # Deadlines.
    lead = np.where(hard_copy, settings.mail_lead_hours * _HOUR, np.timedelta64(0, "ns"))
    send_by = starts + 24 * _HOUR - lead
    late_at = starts + 72 * _HOUR - lead
    late = ~sent & ~closed & (now_utc > late_at)

    # Follow-up.
    follow_up = _follow_up_days(
        local_day,
        decision,
        dates["next_follow_up_on"].to_numpy(dtype="datetime64[D]"),
        dates["last_follow_up_on"].to_numpy(dtype="datetime64[D]"),
        _counts(frame["follow_ups_done"]),
        settings.follow_up_business_days,
    )
    follow_up[closed] = np.datetime64("NaT")

    # Status: assigned from least to most binding, so each later rule wins.
    status = np.full(len(frame), _DUE_SOON, dtype=np.int8)
    status[_counts(frame["versions"]) > 0] = _DRAFTED
    status[(send_by >= now_utc) & (send_by < tomorrow_starts)] = _DUE_TODAY
    status[now_utc > send_by] = _OVERDUE
    status[starts > now_utc] = _UPCOMING
    status[sent] = _SENT
    status[sent & (follow_up <= today_d)] = _FOLLOW_UP_DUE
    status[closed] = _CLOSED

    open_ = ~closed
    days_left = np.full(len(frame), np.nan)
    unsent = open_ & ~sent
    days_left[unsent] = (send_by[unsent] - now_utc) / _DAY
    waiting = open_ & sent
    days_left[waiting] = (follow_up[waiting] - today_d) / _DAY
    days_left = days_left.round(1)

    follow_up_ns = follow_up.astype("datetime64[ns]")
    order = _urgency_order(status, np.where(waiting, follow_up_ns, send_by),
                           frame["company"], frame["interviewer"])

    # One column at a time into a dict, then one DataFrame: cheaper than frame.take followed
    # by a dozen column assignments, each of which reshuffles the frame's blocks.
    normalized = {"starts_at": starts_at, "sent_at": sent_at, **dates}
    columns = {
        name: normalized.get(name, frame[name]).array.take(order) for name in frame.columns
    }
    columns["channel"] = _CHANNEL_NAMES.take(email[order].astype(np.intp))
    columns["also_email"] = also_email[order]
    columns["send_by"] = pd.DatetimeIndex(send_by[order], tz="UTC")
    columns["late_at"] = pd.DatetimeIndex(late_at[order], tz="UTC")
    columns["late"] = late[order]
    columns["follow_up_on"] = follow_up_ns[order]
    columns["status"] = pd.Categorical.from_codes(status[order], dtype=STATUS_DTYPE)
    columns["days_left"] = days_left[order]
    out = pd.DataFrame(columns, copy=False)
    return out


def _follow_up_days(
    local_day: np.ndarray,
    decision: np.ndarray,
    stored_next: np.ndarray,
    last: np.ndarray,
    done: np.ndarray,
    business_days: int,
) -> np.ndarray:
    """Each row's follow-up date (datetime64[D], NaT for none), before closing is applied."""
    # roll="backward" makes "N business days after" a weekend day count from the Monday
    # after it, as a person would: Saturday + 1 business day is Monday, not Tuesday.
    suggested = np.where(
        np.isnat(decision),
        np.busday_offset(local_day, business_days, roll="backward"),
        np.busday_offset(decision, 1, roll="backward"),
    )
    after_first = (done == 1) & ~np.isnat(last)
    suggested = np.where(after_first, np.busday_offset(last, business_days, roll="backward"),
                         suggested)
    suggested[done >= 2] = np.datetime64("NaT")
    # A follow-up the user stored is their own plan, kept even past the cap on suggestions.
    return np.where(np.isnat(stored_next), suggested, stored_next)


def _local_days(starts: np.ndarray, zones: pd.Series) -> np.ndarray:
    """The calendar date (datetime64[D]) each interview starts on in its own time zone."""
    codes, names = pd.factorize(zones)
    if (codes < 0).any():
        raise ValueError("every interview needs a time zone")
    local = np.empty(len(starts), dtype="datetime64[D]")
    for i, name in enumerate(names):
        rows = codes == i
        wall = pd.DatetimeIndex(starts[rows], tz="UTC").tz_convert(_zone(name)).tz_localize(None)
        local[rows] = wall.to_numpy().astype("datetime64[D]")
    return local


def _local_midnight(day: dt.date, zone: ZoneInfo) -> np.datetime64:
    """The UTC instant a calendar day begins in a zone (a skipped midnight moves forward)."""
    start = pd.Timestamp(day).tz_localize(zone, nonexistent="shift_forward", ambiguous=True)
    return np.datetime64(start.value, "ns")


@lru_cache(maxsize=512)
def _zone(name: object) -> ZoneInfo:
    if isinstance(name, ZoneInfo):
        return name
    if not isinstance(name, str) or not name:
        raise ValueError(f"unknown time zone {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


def _member(
    column: pd.Series, allowed: tuple[str, ...], chosen: tuple[str, ...]
) -> np.ndarray:
    """Whether each value is one of ``chosen``, after checking all are ``allowed``.

    Factorizing first means each distinct value is looked at once, not each row.
    """
    codes, uniques = pd.factorize(column)
    bad = sorted({str(value) for value in uniques if value not in allowed})
    if bad or (codes < 0).any():
        shown = ", ".join(repr(value) for value in bad[:5]) or "a missing value"
        raise ValueError(f"{column.name} must be one of {', '.join(allowed)}, not {shown}")
    picked = np.array([value in chosen for value in uniques], dtype=bool)
    return picked[codes]


def _instants(column: pd.Series) -> pd.Series:
    """A datetime column as datetime64[ns, UTC]; naive values are taken to be UTC already."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        column = column.dt.tz_convert("UTC")
    else:
        column = pd.to_datetime(column, utc=True)
    return column.dt.as_unit("ns")


def _dates(column: pd.Series) -> pd.Series:
    """A date column as naive datetime64[ns] at midnight; an aware one keeps its wall date."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        column = column.dt.tz_localize(None)
    elif not pd.api.types.is_datetime64_dtype(column.dtype):
        column = pd.to_datetime(column)
    days = column.to_numpy(dtype="datetime64[D]")
    return pd.Series(days.astype("datetime64[ns]"), index=column.index, name=column.name)


def _flags(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype=bool, na_value=False)


def _counts(column: pd.Series) -> np.ndarray:
    return column.to_numpy(dtype=np.int64, na_value=0)


def _urgency_order(
    status: np.ndarray, when: np.ndarray, company: pd.Series, interviewer: pd.Series
) -> np.ndarray:
    """Row order: status, ``when``, company, interviewer (case ignored, missing values last).

    Status and time share one int64 key, and company and interviewer another, because
    lexsort's cost grows with the number of keys. Times are cut to microseconds (no deadline
    is that precise) so that the status fits above them.
    """
    micros = when.astype("datetime64[us]").view(np.int64)
    known = micros != np.iinfo(np.int64).min
    # 2**56 microseconds is about 2,283 years, more than datetime64[ns] can span (584).
    span = np.int64(1) << 56
    base = micros[known].min() if known.any() else 0
    first = status.astype(np.int64) * span + np.where(known, micros - base, span - 1)
    # Equal companies must share a code so the interviewer decides between them; the
    # interviewer, the last key, may have distinct codes, and a stable argsort is cheaper.
    companies, _ = pd.factorize(_text(company).str.lower(), sort=True, use_na_sentinel=False)
    interviewers = np.empty(len(interviewer), dtype=np.int64)
    interviewers[_text(interviewer).str.lower().array.argsort(kind="stable")] = np.arange(
        len(interviewer)
    )
    second = companies.astype(np.int64) * len(interviewer) + interviewers
    return np.lexsort((second, first))


def _text(column: pd.Series) -> pd.Series:
    """The column as pandas' string dtype, whose sorting is much faster than Python objects'."""
    return column if column.dtype == "str" else column.astype("str")


__all__ = [
    "ADDED_COLUMNS",
    "DEFAULT_SETTINGS",
    "INPUT_COLUMNS",
    "INPUT_DTYPES",
    "STATUSES",
    "STATUS_DTYPE",
    "TimelineSettings",
    "compute",
    "empty_frame",
]
