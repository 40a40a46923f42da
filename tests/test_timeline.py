"""coach.timeline: send-by deadlines, channels, follow-ups and statuses for every note."""

from __future__ import annotations

import itertools
import math
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest

from coach.timeline import (
    INPUT_COLUMNS,
    INPUT_DTYPES,
    STATUSES,
    TimelineSettings,
    compute,
    empty_frame,
)

#: Wednesday 12 March 2025, 15:00 UTC: the "now" of every test unless it says otherwise.
NOW = pd.Timestamp("2025-03-12 15:00", tz="UTC")

BASE = {
    "application_id": 1,
    "company": "Acme",
    "role": "Data Analyst",
    "stage": "interviewing",
    "interview_id": 1,
    "round": 1,
    "starts_at": "2025-03-12 10:00+00:00",
    "timezone": "UTC",
    "interview_type": "video",
    "prefers_email": False,
    "decision_on": None,
    "interviewer_id": 1,
    "interviewer": "Priya Patel",
    "interviewer_title": "Hiring Manager",
    "interviewer_email": "priya@acme.test",
    "travelling": False,
    "note_id": None,
    "channel": None,
    "sent_at": None,
    "latest_score": math.nan,
    "versions": 0,
    "follow_ups_done": 0,
    "next_follow_up_on": None,
    "last_follow_up_on": None,
}


def notes(*rows: dict) -> pd.DataFrame:
    """An input frame with one row per dict, each a BASE note with those fields changed.

    Times are text with an offset ("2025-03-12 10:00+00:00"), dates plain text; the
    frame has the contract's dtypes, in microseconds as pandas 3 often gives them.
    """
    frame = pd.DataFrame([BASE | row for row in rows or ({},)], columns=list(INPUT_COLUMNS))
    for name in ("starts_at", "sent_at"):
        frame[name] = pd.to_datetime(frame[name], utc=True, format="ISO8601").dt.as_unit("us")
    for name in ("decision_on", "next_follow_up_on", "last_follow_up_on"):
        frame[name] = pd.to_datetime(frame[name]).astype("datetime64[us]")
    frame["channel"] = frame["channel"].astype(object).where(frame["channel"].notna(), None)
    return frame.astype({k: v for k, v in INPUT_DTYPES.items() if "datetime" not in v})


def one(now: pd.Timestamp = NOW, tz: str = "UTC", settings: TimelineSettings | None = None,
        **fields) -> pd.Series:
    """The timeline row of a single note."""
    settings = settings or TimelineSettings()
    return compute(notes(fields), now, tz=tz, settings=settings).iloc[0]


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC")


# --- send-by and late ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fields", "lead", "send_by", "late_at"),
    [
        # Email: 24 hours after the interview starts, late after 72.
        ({"interview_type": "video"}, 12, "2025-03-13 10:00Z", "2025-03-15 10:00Z"),
        ({"interview_type": "phone"}, 23, "2025-03-13 10:00Z", "2025-03-15 10:00Z"),
        # A hard copy must be in the post mail_lead_hours earlier.
        ({"interview_type": "in_person"}, 12, "2025-03-12 22:00Z", "2025-03-14 22:00Z"),
        ({"interview_type": "in_person"}, 0, "2025-03-13 10:00Z", "2025-03-15 10:00Z"),
        ({"interview_type": "in_person"}, 23, "2025-03-12 11:00Z", "2025-03-14 11:00Z"),
        ({"interview_type": "video", "channel": "hard_copy"}, 6,
         "2025-03-13 04:00Z", "2025-03-15 04:00Z"),
        # The interview's own time, wherever it was: 09:00 in New York is 13:00 UTC.
        ({"starts_at": "2025-03-12 09:00-04:00", "timezone": "America/New_York"}, 12,
         "2025-03-13 13:00Z", "2025-03-15 13:00Z"),
    ],
)
def test_send_by_and_late_at(fields, lead, send_by, late_at):
    row = one(settings=TimelineSettings(mail_lead_hours=lead), **fields)
    assert row["send_by"] == utc(send_by)
    assert row["late_at"] == utc(late_at)


def test_send_by_across_the_spring_forward_is_24_real_hours():
    # New York skips 02:00-03:00 on Sunday 9 March 2025: 24 hours after Saturday 10:00 EST
    # is Sunday 11:00 EDT, not 10:00.
    row = one(starts_at="2025-03-08 10:00-05:00", timezone="America/New_York")
    assert row["send_by"] - row["starts_at"] == pd.Timedelta(hours=24)
    assert row["send_by"].tz_convert("America/New_York").hour == 11


@pytest.mark.parametrize(
    ("fields", "now", "late"),
    [
        ({}, "2025-03-15 10:00Z", False),  # exactly 72 hours: not yet late
        ({}, "2025-03-15 10:01Z", True),
        ({"sent_at": "2025-03-14 09:00Z"}, "2025-03-20 00:00Z", False),
        ({"stage": "rejected"}, "2025-03-20 00:00Z", False),  # closed: no note is owed
        ({"interview_type": "in_person"}, "2025-03-14 22:30Z", True),  # 12 hours' lead
        ({"interview_type": "in_person", "travelling": True}, "2025-03-14 22:30Z", False),
    ],
)
def test_late_after_72_hours(fields, now, late):
    assert bool(one(now=utc(now), **fields)["late"]) is late


# --- channel -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("interview_type", "prefers_email", "travelling", "override", "channel"),
    [
        ("phone", False, False, None, "email"),
        ("video", False, False, None, "email"),
        ("in_person", False, False, None, "hard_copy"),
        ("in_person", True, False, None, "email"),
        ("in_person", False, True, None, "email"),
        ("in_person", False, False, "email", "email"),
        ("video", False, False, "hard_copy", "hard_copy"),
        ("in_person", True, True, "hard_copy", "hard_copy"),
    ],
)
def test_channel(interview_type, prefers_email, travelling, override, channel):
    row = one(interview_type=interview_type, prefers_email=prefers_email,
              travelling=travelling, channel=override)
    assert row["channel"] == channel


def test_channel_for_every_combination_in_one_frame():
    combos = list(itertools.product(("phone", "video", "in_person"), (False, True),
                                    (False, True), (None, "email", "hard_copy")))
    frame = notes(*(
        {"interview_type": kind, "prefers_email": prefers, "travelling": away,
         "channel": override, "interviewer_id": i, "interviewer": f"Person {i:02}"}
        for i, (kind, prefers, away, override) in enumerate(combos)
    ))
    out = compute(frame, NOW).set_index("interviewer_id")
    for i, (kind, prefers, away, override) in enumerate(combos):
        by_rule = "hard_copy" if kind == "in_person" and not (prefers or away) else "email"
        assert out.loc[i, "channel"] == (override or by_rule), combos[i]


@pytest.mark.parametrize(
    ("fields", "also_email"),
    [
        ({"decision_on": "2025-03-12"}, True),
        ({"decision_on": "2025-03-15"}, True),  # 3 days: the post would arrive too late
        ({"decision_on": "2025-03-16"}, False),
        ({"decision_on": None}, False),
        ({"decision_on": "2025-03-13", "prefers_email": True}, False),  # already email
        ({"decision_on": "2025-03-13", "interview_type": "video", "channel": "hard_copy"}, True),
        # 23:30 on Monday 10 March in Los Angeles is Tuesday in UTC; the 3 days count from
        # the Monday, so a decision on Friday 14th is 4 days away.
        ({"starts_at": "2025-03-10 23:30-07:00", "timezone": "America/Los_Angeles",
          "decision_on": "2025-03-14"}, False),
        ({"starts_at": "2025-03-10 23:30-07:00", "timezone": "America/Los_Angeles",
          "decision_on": "2025-03-13"}, True),
    ],
)
def test_hard_copy_also_goes_by_email_when_the_decision_is_near(fields, also_email):
    row = one(**({"interview_type": "in_person"} | fields))
    assert bool(row["also_email"]) is also_email


# --- follow-up -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fields", "business_days", "follow_up_on"),
    [
        ({"starts_at": "2025-03-12 10:00Z"}, 7, "2025-03-21"),  # Wednesday -> Friday
        ({"starts_at": "2025-03-07 10:00Z"}, 7, "2025-03-18"),  # Friday -> Tuesday after next
        ({"starts_at": "2025-03-07 10:00Z"}, 5, "2025-03-14"),
        ({"starts_at": "2025-03-07 10:00Z"}, 14, "2025-03-27"),
        ({"starts_at": "2025-03-08 10:00Z"}, 7, "2025-03-18"),  # Saturday counts from Monday
        # Thursday 23:30 in Los Angeles is Friday in UTC: counted from the local Thursday.
        ({"starts_at": "2025-03-06 23:30-08:00", "timezone": "America/Los_Angeles"}, 7,
         "2025-03-17"),
        # Monday 08:00 in Tokyo is Sunday in UTC: counted from the local Monday.
        ({"starts_at": "2025-03-10 08:00+09:00", "timezone": "Asia/Tokyo"}, 7, "2025-03-19"),
        # 23:30 on the Sunday New York moves its clocks forward.
        ({"starts_at": "2025-03-09 23:30-04:00", "timezone": "America/New_York"}, 7,
         "2025-03-18"),
        # 00:30 on the Sunday New York moves them back (the first, EDT, 00:30).
        ({"starts_at": "2025-11-02 00:30-04:00", "timezone": "America/New_York"}, 5,
         "2025-11-07"),
        # A named decision date: the first business day after it.
        ({"decision_on": "2025-03-14"}, 7, "2025-03-17"),  # Friday -> Monday
        ({"decision_on": "2025-03-15"}, 7, "2025-03-17"),  # Saturday -> Monday
        ({"decision_on": "2025-03-19"}, 7, "2025-03-20"),
        # Stored follow-ups win; after one, the next is N business days later; two is the cap.
        ({"next_follow_up_on": "2025-03-30", "decision_on": "2025-03-14"}, 7, "2025-03-30"),
        ({"follow_ups_done": 1, "last_follow_up_on": "2025-03-20"}, 7, "2025-03-31"),
        ({"follow_ups_done": 1, "last_follow_up_on": "2025-03-20"}, 5, "2025-03-27"),
        ({"follow_ups_done": 1, "last_follow_up_on": "2025-03-20",
          "next_follow_up_on": "2025-03-24"}, 7, "2025-03-24"),
        ({"follow_ups_done": 2, "last_follow_up_on": "2025-03-31"}, 7, None),
        ({"follow_ups_done": 2, "next_follow_up_on": "2025-04-10"}, 7, "2025-04-10"),
        ({"stage": "withdrawn"}, 7, None),
        ({"stage": "offer"}, 7, "2025-03-21"),
    ],
)
def test_follow_up_on(fields, business_days, follow_up_on):
    row = one(settings=TimelineSettings(follow_up_business_days=business_days), **fields)
    if follow_up_on is None:
        assert pd.isna(row["follow_up_on"])
    else:
        assert row["follow_up_on"] == pd.Timestamp(follow_up_on)


@pytest.mark.parametrize("business_days", range(5, 15))
@pytest.mark.parametrize("weekday", range(7))
def test_follow_up_agrees_with_numpy_business_days(business_days, weekday):
    interview = np.datetime64("2025-03-10") + weekday  # Monday 10 March onwards
    row = one(starts_at=f"{interview}T12:00Z",
              settings=TimelineSettings(follow_up_business_days=business_days))
    # Counting N business days after the interview by hand, one day at a time.
    counted, on = 0, interview
    while counted < business_days:
        on += 1
        counted += bool(np.is_busday(on))
    assert row["follow_up_on"] == pd.Timestamp(on)
    assert row["follow_up_on"].weekday() < 5


# --- settings ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"follow_up_business_days": 4}, "follow_up_business_days must be between 5 and 14"),
        ({"follow_up_business_days": 15}, "follow_up_business_days must be between 5 and 14"),
        ({"follow_up_business_days": 7.5}, "follow_up_business_days must be a whole number"),
        ({"follow_up_business_days": True}, "follow_up_business_days must be a whole number"),
        ({"mail_lead_hours": -1}, "mail_lead_hours must be between 0 and 23"),
        ({"mail_lead_hours": 24}, "mail_lead_hours must be between 0 and 23"),
    ],
)
def test_settings_out_of_range(fields, message):
    with pytest.raises(ValueError, match=message):
        TimelineSettings(**fields)


@pytest.mark.parametrize(
    "fields",
    [{"follow_up_business_days": 5}, {"follow_up_business_days": 14}, {"mail_lead_hours": 0},
     {"mail_lead_hours": 23}],
)
def test_settings_at_the_limits(fields):
    assert TimelineSettings(**fields)


# --- status --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fields", "status", "days_left"),
    [
        # Closed beats everything, even a late, unsent note.
        ({"stage": "rejected", "starts_at": "2025-03-01 10:00Z"}, "closed", None),
        ({"stage": "accepted", "sent_at": "2025-03-12 12:00Z"}, "closed", None),
        # Sent: waiting for the follow-up date, then it is due.
        ({"sent_at": "2025-03-12 12:00Z"}, "sent", 9.0),
        ({"sent_at": "2025-03-01 12:00Z", "next_follow_up_on": "2025-03-12"},
         "follow-up due", 0.0),
        ({"sent_at": "2025-03-01 12:00Z", "next_follow_up_on": "2025-03-10"},
         "follow-up due", -2.0),
        ({"sent_at": "2025-03-01 12:00Z", "next_follow_up_on": "2025-03-13"}, "sent", 1.0),
        ({"sent_at": "2025-03-01 12:00Z", "follow_ups_done": 2}, "sent", None),
        # Not sent, interview still ahead (a draft written in advance does not change that).
        ({"starts_at": "2025-03-13 09:00Z"}, "upcoming", 1.8),
        ({"starts_at": "2025-03-13 09:00Z", "versions": 2}, "upcoming", 1.8),
        # Not sent, past send-by.
        ({"starts_at": "2025-03-11 09:00Z"}, "overdue", -0.2),
        ({"starts_at": "2025-03-11 09:00Z", "versions": 3}, "overdue", -0.2),
        # Send-by later today: due today, draft or not; exactly now still counts as today.
        ({"starts_at": "2025-03-11 21:00Z"}, "due today", 0.2),
        ({"starts_at": "2025-03-11 21:00Z", "versions": 1}, "due today", 0.2),
        ({"starts_at": "2025-03-11 15:00Z"}, "due today", 0.0),
        # Send-by tomorrow: a saved draft is "drafted", none is "due soon".
        ({"starts_at": "2025-03-12 10:00Z", "versions": 1}, "drafted", 0.8),
        ({"starts_at": "2025-03-12 10:00Z"}, "due soon", 0.8),
        # A hard copy's earlier send-by makes the same interview due today.
        ({"starts_at": "2025-03-12 10:00Z", "interview_type": "in_person"}, "due today", 0.3),
    ],
)
def test_status_and_days_left(fields, status, days_left):
    row = one(**fields)
    assert row["status"] == status
    assert math.isnan(row["days_left"]) if days_left is None else row["days_left"] == days_left


def test_every_status_is_reachable():
    frame = notes(
        {"stage": "rejected"},
        {"sent_at": "2025-03-12 12:00Z"},
        {"sent_at": "2025-03-01 12:00Z", "next_follow_up_on": "2025-03-12"},
        {"starts_at": "2025-03-13 09:00Z"},
        {"starts_at": "2025-03-11 09:00Z"},
        {"starts_at": "2025-03-11 21:00Z"},
        {"starts_at": "2025-03-12 10:00Z", "versions": 1},
        {"starts_at": "2025-03-12 10:00Z"},
    )
    out = compute(frame, NOW)
    assert list(out["status"]) == list(STATUSES)
    assert out["status"].cat.ordered and tuple(out["status"].cat.categories) == STATUSES


@pytest.mark.parametrize(
    ("now", "tz", "status"),
    [
        # Send-by is 16:00 UTC on the 12th, which is 01:00 on the 13th in Tokyo.
        ("2025-03-12 14:00Z", "UTC", "due today"),
        ("2025-03-12 14:00Z", "Asia/Tokyo", "due soon"),
        ("2025-03-12 15:30Z", "Asia/Tokyo", "due today"),  # 00:30 on the 13th in Tokyo
        ("2025-03-12 14:00Z", "America/Los_Angeles", "due today"),
    ],
)
def test_today_is_the_users_own_date(now, tz, status):
    assert one(now=utc(now), tz=tz, starts_at="2025-03-11 16:00Z")["status"] == status


@pytest.mark.parametrize(
    ("send_by", "status"),
    [("2025-03-10 03:45Z", "due today"), ("2025-03-10 04:15Z", "due soon")],
)
def test_today_ends_at_the_users_midnight_on_a_dst_day(send_by, status):
    # 23:30 EDT on Sunday 9 March (clocks went forward that morning): the day ends at
    # 04:00 UTC, not at 05:00 as it would on an EST day.
    now = utc("2025-03-09 23:30-04:00")
    starts_at = utc(send_by) - pd.Timedelta(hours=24)
    row = one(now=now, tz="America/New_York", starts_at=str(starts_at))
    assert row["status"] == status


def test_urgency_order():
    frame = notes(
        {"company": "Zeta", "interviewer": "A", "sent_at": "2025-03-12 12:00Z"},
        {"company": "beta", "interviewer": "B", "starts_at": "2025-03-10 10:00Z"},
        {"company": "Acme", "interviewer": "Sam", "starts_at": "2025-03-11 09:00Z"},
        {"company": "Acme", "interviewer": "ann", "starts_at": "2025-03-11 09:00Z"},
        {"company": "Beta", "interviewer": "C", "starts_at": "2025-03-11 09:00Z"},
        {"company": "Acme", "interviewer": "D", "stage": "rejected"},
        {"company": "Acme", "interviewer": "E", "sent_at": "2025-03-05 12:00Z",
         "starts_at": "2025-03-05 10:00Z"},
        {"company": "Acme", "interviewer": "F", "sent_at": "2025-03-10 12:00Z",
         "next_follow_up_on": "2025-03-11"},
        {"company": "Acme", "interviewer": "G", "starts_at": "2025-03-14 10:00Z"},
        {"company": "Acme", "interviewer": "H", "starts_at": "2025-03-13 10:00Z"},
    )
    out = compute(frame, NOW)
    assert list(out["interviewer"]) == ["B", "ann", "Sam", "C", "F", "H", "G", "E", "A", "D"]
    assert list(out["status"]) == ["overdue"] * 4 + ["follow-up due"] + ["upcoming"] * 2 + [
        "sent"] * 2 + ["closed"]
    assert list(out.index) == list(range(10))


def test_sent_notes_without_a_follow_up_come_last_among_sent():
    frame = notes(
        {"interviewer": "capped", "sent_at": "2025-03-12 12:00Z", "follow_ups_done": 2},
        {"interviewer": "waiting", "sent_at": "2025-03-12 12:00Z"},
    )
    assert list(compute(frame, NOW)["interviewer"]) == ["waiting", "capped"]


# --- the frame as a whole ------------------------------------------------------------------

ADDED = {
    "channel": "str",
    "also_email": "bool",
    "send_by": "datetime64[ns, UTC]",
    "late_at": "datetime64[ns, UTC]",
    "late": "bool",
    "follow_up_on": "datetime64[ns]",
    "days_left": "float64",
}


@pytest.mark.parametrize("frame", [empty_frame(), notes()], ids=["empty", "one note"])
def test_output_columns_and_dtypes(frame):
    out = compute(frame, NOW)
    assert list(out.columns) == [*INPUT_COLUMNS, "also_email", "send_by", "late_at", "late",
                                 "follow_up_on", "status", "days_left"]
    for name, dtype in (INPUT_DTYPES | ADDED).items():
        if name != "channel" and "str" not in dtype:
            assert out[name].dtype == dtype, name
    assert out["channel"].dtype == "str"
    assert isinstance(out["status"].dtype, pd.CategoricalDtype)
    assert tuple(out["status"].cat.categories) == STATUSES


def test_empty_frame_has_the_contract():
    frame = empty_frame()
    assert tuple(frame.columns) == INPUT_COLUMNS
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == INPUT_DTYPES
    assert compute(frame, NOW).empty


def test_input_is_not_changed():
    frame = notes({"interview_type": "in_person"}, {"channel": "hard_copy", "company": "Beta"},
                  {"stage": "rejected"})
    frame.index = [10, 20, 30]
    before = frame.copy()
    out = compute(frame, NOW)
    pd.testing.assert_frame_equal(frame, before)
    assert frame["starts_at"].dtype == "datetime64[us, UTC]"  # not converted in place
    assert out["starts_at"].dtype == "datetime64[ns, UTC]"


def test_microsecond_and_nanosecond_inputs_agree():
    rows = [{"starts_at": "2025-03-11 09:00Z", "decision_on": "2025-03-14",
             "sent_at": "2025-03-11 10:00Z"}, {"interview_type": "in_person"}]
    micro = notes(*rows)
    nano = micro.astype({name: kind for name, kind in INPUT_DTYPES.items() if "datetime" in kind})
    assert micro["starts_at"].dtype != nano["starts_at"].dtype
    pd.testing.assert_frame_equal(compute(micro, NOW), compute(nano, NOW))


def test_mixed_time_zones_in_one_frame_match_each_note_alone():
    rows = [
        {"starts_at": "2025-03-06 23:30-08:00", "timezone": "America/Los_Angeles"},
        {"starts_at": "2025-03-10 08:00+09:00", "timezone": "Asia/Tokyo"},
        {"starts_at": "2025-03-09 23:30-04:00", "timezone": "America/New_York"},
        {"starts_at": "2025-03-07 23:30+01:00", "timezone": "Europe/Berlin",
         "interview_type": "in_person", "decision_on": "2025-03-10"},
        {"starts_at": "2025-03-07 23:30Z", "timezone": "UTC"},
        {"starts_at": "2025-03-06 23:30-08:00", "timezone": "America/Los_Angeles",
         "interviewer": "Sam Lee"},
    ]
    together = compute(notes(*rows), NOW, tz="Asia/Tokyo")
    alone = pd.concat([compute(notes(row), NOW, tz="Asia/Tokyo") for row in rows])
    key = ["starts_at", "timezone", "interviewer"]
    pd.testing.assert_frame_equal(
        together.sort_values(key).reset_index(drop=True),
        alone.sort_values(key).reset_index(drop=True),
    )
    assert set(together["follow_up_on"]) == {
        pd.Timestamp(d) for d in ("2025-03-17", "2025-03-19", "2025-03-18", "2025-03-11")
    }


@pytest.mark.parametrize(
    ("now", "tz"),
    [(datetime(2025, 3, 12, 16, 0, tzinfo=ZoneInfo("Europe/Berlin")), "Europe/Berlin"),
     (NOW, ZoneInfo("America/Chicago"))],
)
def test_now_and_zone_may_be_plain_python(now, tz):
    assert compute(notes(), now, tz=tz)["status"].iloc[0] == "due soon"


@pytest.mark.parametrize(
    ("fields", "now", "tz", "message"),
    [
        ({}, NOW, "Mars/Olympus_Mons", "unknown time zone 'Mars/Olympus_Mons'"),
        ({}, NOW, "", "unknown time zone ''"),
        ({"timezone": "Europe/Atlantis"}, NOW, "UTC", "unknown time zone 'Europe/Atlantis'"),
        ({"timezone": None}, NOW, "UTC", "every interview needs a time zone"),
        ({}, datetime(2025, 3, 12, 15, 0), "UTC", "now must be timezone-aware"),
        ({"interview_type": "carrier pigeon"}, NOW, "UTC", "interview_type must be one of"),
        ({"channel": "fax"}, NOW, "UTC", "channel must be one of email, hard_copy, not 'fax'"),
        ({"stage": "ghosted"}, NOW, "UTC", "stage must be one of"),
        ({"starts_at": None}, NOW, "UTC", "every interview needs starts_at"),
    ],
)
def test_bad_input_says_what_is_wrong(fields, now, tz, message):
    with pytest.raises(ValueError, match=message):
        compute(notes(fields), now, tz=tz)


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="needs column.*travelling"):
        compute(notes().drop(columns=["travelling"]), NOW)


def test_a_repeated_column_is_refused():
    frame = notes()
    with pytest.raises(ValueError, match="each column name once"):
        compute(pd.concat([frame, frame[["company"]]], axis=1), NOW)


def test_extra_columns_travel_with_their_rows():
    frame = notes({"starts_at": "2025-03-14 10:00Z"}, {"starts_at": "2025-03-10 10:00Z"})
    frame["colour"] = ["later", "earlier"]
    out = compute(frame, NOW)
    assert list(out["colour"]) == ["earlier", "later"]
    assert list(out.columns[-8:]) == ["colour", "also_email", "send_by", "late_at", "late",
                                      "follow_up_on", "status", "days_left"]


def test_object_text_columns_give_the_same_timeline():
    # A database driver may hand text back as Python objects rather than pandas strings.
    frame = notes({"company": "beta"}, {"company": "Acme", "interviewer": None},
                  {"company": None, "prefers_email": True})
    text = [name for name, kind in INPUT_DTYPES.items() if kind == "str"]
    as_objects = compute(frame.astype(dict.fromkeys(text, object)), NOW)
    pd.testing.assert_frame_equal(as_objects.astype(dict.fromkeys(text, "str")),
                                  compute(frame, NOW))
    assert list(as_objects["company"].fillna("-")) == ["Acme", "beta", "-"]
