"""Coaching links: unguessable, a true snapshot, closed when they should be, comments kept safe."""

from __future__ import annotations

import base64
import csv
import io
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from sqlalchemy import text

import coach
from coach import sharing, tracker, workspaces
from coach.context import Context
from coach.export import to_csv
from coach.tracker import RecordError
from tests import samples

AT = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
TICK = timedelta(microseconds=1)
URL_SAFE = re.compile(r"[A-Za-z0-9_-]+")
CONTEXT = Context(interviewers=("Priya Patel",), company="Brightwater Foods", role="Data Analyst",
                  interview_type="video", topics=("the regional dashboards merge",))


@cache
def _scored(draft: str = samples.STRONG) -> coach.Report:
    return coach.score(draft, CONTEXT)


@dataclass(frozen=True)
class Writer:
    workspace: int
    application: int
    interviewer: int


def _writer(database, company: str = "Brightwater Foods") -> Writer:
    """A link workspace with one application, interview and interviewer."""
    with database.begin() as session:
        workspace, _ = workspaces.create_link(session)
    with database.workspace(workspace).begin() as session:
        app = tracker.add_application(session, company=company, role="Data Analyst")
        interview = tracker.add_interview(session, app.id, starts_at=AT)
        person = tracker.add_interviewer(session, interview.id, name="Priya Patel")
    return Writer(workspace, app.id, person.id)


def _share(database, writer: Writer, report: coach.Report | None = None, *,
           now: datetime = NOW, **options) -> str:
    with database.workspace(writer.workspace).begin() as session:
        return sharing.share_draft(session, report or _scored(), CONTEXT, now=now, **options)


def _open(database, token, now: datetime = NOW):
    """What the coach sees: an unscoped session that knows only the token."""
    with database.begin() as session:
        return sharing.open_share(session, token, now)


def _comment(database, token, body: str, *, author: str = "Coach Kim",
             now: datetime = NOW) -> sharing.Comment:
    with database.begin() as session:
        return sharing.add_comment(session, token, author=author, body=body, now=now)


def _rows(database, table: str) -> list[tuple]:
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))]


def _links(database, writer: Writer, now: datetime = NOW) -> list[sharing.Link]:
    with database.workspace(writer.workspace).begin() as session:
        return sharing.links(session, now)


@pytest.fixture
def writer(database) -> Writer:
    return _writer(database)


# --- the token and the snapshot ---------------------------------------------------------------

def test_a_token_is_256_random_bits_and_only_its_hash_is_stored(database, writer):
    tokens = [_share(database, writer) for _ in range(5)]
    assert len(set(tokens)) == 5
    for token in tokens:
        assert URL_SAFE.fullmatch(token) and len(token) == 43
        assert len(base64.urlsafe_b64decode(token + "=")) * 8 == 256
    stored = "\n".join("\t".join(str(value) for value in row) for row in _rows(database, "shares"))
    for token in tokens:
        assert token not in stored
    with database.engine.connect() as connection:
        hashes = connection.execute(text("SELECT token_hash FROM shares")).scalars().all()
    assert len(hashes) == 5 and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)


def test_a_link_opens_the_scored_draft_its_verdicts_context_and_comments(database, writer):
    report = _scored()
    token = _share(database, writer, interviewer_id=writer.interviewer)
    shared = _open(database, token)
    assert shared.report.text == samples.STRONG
    assert [(v.id, v.verdict, v.advice) for v in shared.report.criteria] == [
        (v.id, v.verdict, v.advice) for v in report.criteria]
    assert shared.report.criteria == report.criteria  # evidence spans too
    assert shared.report.overall == report.overall
    assert shared.report.metrics == report.metrics
    assert shared.context == CONTEXT
    assert (shared.created_at, shared.expires_at, shared.comments) == (NOW, None, ())

    _comment(database, token, "Lead with the 8-to-5 days result.", now=NOW + timedelta(hours=1))
    assert _open(database, token).comments == (
        sharing.Comment("Coach Kim", "Lead with the 8-to-5 days result.",
                        NOW + timedelta(hours=1)),)


def test_the_snapshot_outlives_newer_drafts_and_the_deleted_application(database, writer):
    token = _share(database, writer, interviewer_id=writer.interviewer)
    _comment(database, token, "Nice and specific.")
    newer = samples.STRONG.replace("8 days to 5", "8 days to 4")
    with database.workspace(writer.workspace).begin() as session:
        tracker.save_draft(session, writer.interviewer, samples.STRONG, _scored())
        tracker.save_draft(session, writer.interviewer, newer, _scored(newer))
    assert _open(database, token).report.text == samples.STRONG

    with database.workspace(writer.workspace).begin() as session:
        tracker.delete_application(session, writer.application)
    with database.engine.connect() as connection:
        note_ids = connection.execute(text("SELECT note_id FROM shares")).scalars().all()
    assert note_ids == [None]
    shared = _open(database, token)
    assert shared.report.text == samples.STRONG
    assert shared.context == CONTEXT
    assert [c.body for c in shared.comments] == ["Nice and specific."]
    assert [link.status for link in _links(database, writer)] == ["open"]


# --- closed links -----------------------------------------------------------------------------

def test_a_link_stays_open_until_it_expires(database, writer):
    token = _share(database, writer, expires_in=DAY)
    assert _open(database, token, NOW).expires_at == NOW + DAY
    assert _open(database, token, NOW + DAY - TICK) is not None
    _comment(database, token, "Just in time.", now=NOW + DAY - TICK)
    assert _open(database, token, NOW + DAY) is None
    assert _open(database, token, NOW + 30 * DAY) is None
    with pytest.raises(sharing.ShareClosed):
        _comment(database, token, "Too late.", now=NOW + DAY)
    assert [link.status for link in _links(database, writer, NOW + DAY)] == ["expired"]
    assert [c.body for c in _links(database, writer, NOW + DAY)[0].comments] == ["Just in time."]


@pytest.mark.parametrize("expires_in", [timedelta(0), -DAY])
def test_a_link_that_would_never_open_is_refused(database, writer, expires_in):
    with pytest.raises(RecordError, match="stay open"):
        _share(database, writer, expires_in=expires_in)
    assert _rows(database, "shares") == []


def test_an_empty_draft_is_not_shared(database, writer):
    empty = coach.Report(text="  \n", criteria=(), metrics=_scored().metrics, overall=0)
    with pytest.raises(RecordError, match="no draft"):
        _share(database, writer, empty)
    assert _rows(database, "shares") == []


def _closed(database, writer) -> dict[str, str]:
    """A revoked, an expired and a made-up token."""
    revoked = _share(database, writer)
    with database.workspace(writer.workspace).begin() as session:
        sharing.revoke(session, _links(database, writer)[0].id, NOW)
    expired = _share(database, writer, now=NOW - 2 * DAY, expires_in=DAY)
    return {"revoked": revoked, "expired": expired, "made up": secrets.token_urlsafe(32)}


def test_revoked_expired_and_made_up_links_look_the_same(database, writer):
    """A guesser can't tell a revoked or expired link from one that never existed."""
    closed = _closed(database, writer)
    answers, errors = {}, {}
    for why, token in closed.items():
        answers[why] = _open(database, token)
        with pytest.raises(sharing.ShareClosed) as caught:
            _comment(database, token, "Hello?")
        # Apart from the token the caller sent, the error says the same thing every time.
        errors[why] = (type(caught.value), str(caught.value).replace(token, "<token>"))
    assert answers == dict.fromkeys(closed)
    assert len(set(errors.values())) == 1
    assert next(iter(errors.values()))[0] is sharing.ShareClosed
    assert _rows(database, "share_comments") == []
    assert [link.status for link in _links(database, writer)] == ["expired", "revoked"]


@pytest.mark.parametrize("token", ["", "short", "x" * 42, "x" * 44, "=" * 43, "' OR 1=1 --",
                                   "%" * 43, "_" * 43, None, 42, b"x" * 43])
def test_malformed_tokens_open_nothing(database, writer, token):
    _share(database, writer)
    assert _open(database, token) is None
    with pytest.raises(sharing.ShareClosed):
        _comment(database, token, "Hello?")
    assert _rows(database, "share_comments") == []


def test_ten_thousand_guesses_find_no_link(database):
    """With 50 real links in the database, 10,000 random tokens and every near miss open none."""
    real = []
    for company in ("Acme", "Globex"):
        writer = _writer(database, company)
        real += [_share(database, writer) for _ in range(25)]
    with database.begin() as session:
        assert all(sharing.open_share(session, token, NOW) for token in real)
        started = time.perf_counter()
        guesses = [secrets.token_urlsafe(32) for _ in range(10_000)]
        hits = sum(sharing.open_share(session, guess, NOW) is not None for guess in guesses)
        taken = time.perf_counter() - started
        near = [token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1:]
                for token in real for i in (0, 21, 42)]
        near += [token[:-1] + "_" if token[-1] != "_" else token[:-1] + "-" for token in real]
        near_hits = sum(sharing.open_share(session, guess, NOW) is not None for guess in near)
    print(f"\n[{database.backend}] guesses={len(guesses):,} hits={hits} real links={len(real)} "
          f"time={taken:.2f}s ({len(guesses) / taken:,.0f} guesses/s); "
          f"near misses={len(near)} hits={near_hits}")
    assert len(set(guesses) & set(real)) == 0
    assert hits == 0
    assert near_hits == 0


# --- comments ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("author", "body", "message"),
    [
        ("Kim", "", "empty"),
        ("Kim", " \n\t ", "empty"),
        ("Kim", "x" * (sharing.MAX_COMMENT + 1), "2,001 characters; the limit is 2,000"),
        ("K" * (sharing.MAX_AUTHOR + 1), "Fine.", "81 characters; the limit is 80"),
        ("Kim", "Fine.\x00", "NUL"),
        ("K\x00m", "Fine.", "NUL"),
    ],
)
def test_a_bad_comment_is_refused_and_nothing_is_stored(database, writer, author, body,
                                                        message):
    token = _share(database, writer)
    with pytest.raises(RecordError, match=message):
        _comment(database, token, body, author=author)
    assert _rows(database, "share_comments") == []
    assert _open(database, token).comments == ()


def test_a_comment_at_the_limits_is_kept_trimmed(database, writer):
    token = _share(database, writer)
    body, author = "x" * sharing.MAX_COMMENT, "K" * sharing.MAX_AUTHOR
    _comment(database, token, f"  {body}\n", author=f" {author} ")
    _comment(database, token, "Anonymous is fine.", author="")
    assert [(c.author, c.body) for c in _open(database, token).comments] == [
        (author, body), ("", "Anonymous is fine.")]


def test_a_link_takes_at_most_max_comments(database, writer):
    token = _share(database, writer)
    with database.begin() as session:
        for n in range(sharing.MAX_COMMENTS):
            sharing.add_comment(session, token, author="", body=f"comment {n}", now=NOW)
    with pytest.raises(RecordError, match=f"{sharing.MAX_COMMENTS} comments"):
        _comment(database, token, "one more")
    comments = _open(database, token).comments
    assert len(comments) == sharing.MAX_COMMENTS
    assert comments[-1].body == f"comment {sharing.MAX_COMMENTS - 1}"


def test_comments_come_back_in_the_order_they_were_written(database, writer):
    token = _share(database, writer, interviewer_id=writer.interviewer)
    for n, body in enumerate(["first", "second", "third", "fourth"]):
        # Two at the same moment: the order they were written in still holds.
        _comment(database, token, body, now=NOW + timedelta(minutes=n // 2))
    expected = ["first", "second", "third", "fourth"]
    assert [c.body for c in _open(database, token).comments] == expected
    assert [c.body for c in _links(database, writer)[0].comments] == expected
    with database.workspace(writer.workspace).begin() as session:
        assert [c.body for c in sharing.comments_on(session, samples.STRONG)] == expected


def test_html_in_a_comment_is_kept_verbatim_as_text(database, writer):
    token = _share(database, writer)
    body = '<script>alert("x")</script> <b>bold</b> &amp; <img src=x onerror=alert(1)>'
    author = "<i>Kim</i> & Co"
    _comment(database, token, body, author=author)
    assert [(c.author, c.body) for c in _open(database, token).comments] == [(author, body)]
    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT author, body FROM share_comments")).one()
    assert tuple(stored) == (author, body)


# --- the writer's side ------------------------------------------------------------------------

def test_links_are_listed_newest_first_with_their_status(database, writer):
    drafts = [samples.STRONG.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Friday")]
    revoked = _share(database, writer, _scored(drafts[0]))
    _share(database, writer, _scored(drafts[1]), expires_in=DAY)
    _share(database, writer, _scored(drafts[2]), expires_in=30 * DAY)
    other = _writer(database, "Globex")
    _share(database, other)
    oldest = _links(database, writer)[-1]
    with database.workspace(writer.workspace).begin() as session:
        sharing.revoke(session, oldest.id, NOW + DAY)
        sharing.revoke(session, oldest.id, NOW + 2 * DAY)  # twice is harmless
        assert sharing.count_open(session, NOW + 2 * DAY) == 1

    listed = _links(database, writer, NOW + 2 * DAY)
    assert [link.status for link in listed] == ["open", "expired", "revoked"]
    assert [link.id for link in listed] == sorted((link.id for link in listed), reverse=True)
    assert [day in link.excerpt for day, link in zip(("Friday", "Tuesday", "Monday"), listed,
                                                     strict=True)] == [True] * 3
    assert all(len(link.excerpt) <= 90 and link.to == "Priya Patel" for link in listed)
    assert listed[-1].revoked_at == NOW + DAY
    assert listed[1].expires_at == NOW + DAY
    assert _open(database, revoked) is None
    assert len(_links(database, other)) == 1


def test_revoking_another_workspaces_link_fails_and_leaves_it_open(database, writer):
    other = _writer(database, "Globex")
    token = _share(database, other)
    theirs = _links(database, other)[0].id
    with database.workspace(writer.workspace).begin() as session:
        with pytest.raises(RecordError) as made_up:
            sharing.revoke(session, 987_654, NOW)
        with pytest.raises(RecordError) as stolen:
            sharing.revoke(session, theirs, NOW)
    assert "no longer exists" in str(stolen.value)
    assert str(stolen.value) == str(made_up.value)
    assert _open(database, token) is not None
    assert [link.status for link in _links(database, other)] == ["open"]


def test_comments_follow_the_draft_and_the_note_but_never_another_workspace(database, writer):
    token = _share(database, writer, interviewer_id=writer.interviewer)
    _comment(database, token, "Mine: trim the second paragraph.")
    other = _writer(database, "Globex")
    # Another writer shares the very same text, for their own interviewer.
    _comment(database, _share(database, other, interviewer_id=other.interviewer),
             "Theirs: lovely.")
    changed = samples.STRONG.replace("Best regards", "Kind regards")

    with database.workspace(writer.workspace).begin() as session:
        def bodies(draft, interviewer_id=None):
            return [c.body for c in sharing.comments_on(session, draft, interviewer_id)]

        assert bodies(samples.STRONG) == ["Mine: trim the second paragraph."]
        assert bodies(changed, writer.interviewer) == ["Mine: trim the second paragraph."]
        assert bodies(changed) == []
        # Naming the other writer's interviewer reaches none of their comments either.
        assert bodies(changed, other.interviewer) == []
        assert bodies(samples.STRONG, other.interviewer) == ["Mine: trim the second paragraph."]
    with database.workspace(other.workspace).begin() as session:
        assert [c.body for c in sharing.comments_on(session, samples.STRONG,
                                                    writer.interviewer)] == ["Theirs: lovely."]


def _read_back(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_exported_links_and_comments_open_as_text_in_a_spreadsheet(database, writer):
    token = _share(database, writer, expires_in=DAY)
    formula = '=HYPERLINK("http://x","y")'
    _comment(database, token, formula, author="@coach")
    _comment(database, token, "Plain words.", author="Kim")
    _comment(database, _share(database, _writer(database, "Globex")), "Not yours.")
    with database.workspace(writer.workspace).begin() as session:
        tables = sharing.export_tables(session, NOW + 2 * DAY)

    links = _read_back(to_csv(tables["coaching_links"]))
    assert len(links) == 1
    assert {key: links[0][key] for key in ("link", "status", "to", "company", "text")} == {
        "link": "1", "status": "expired", "to": "Priya Patel", "company": "Brightwater Foods",
        "text": samples.STRONG}
    assert links[0]["expires_at"] == (NOW + DAY).isoformat()
    comments = _read_back(to_csv(tables["coach_comments"]))
    assert [(c["link"], c["author"], c["comment"]) for c in comments] == [
        ("1", "'@coach", "'" + formula), ("1", "Kim", "Plain words.")]
