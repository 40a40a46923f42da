"""The Score page through Streamlit's AppTest: what a visitor sees after each action."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import coach
from ui.highlight import WORD_JOINER

APP = str(Path(__file__).resolve().parents[1] / "app.py")
#: Generous: the first run in a process loads spaCy.
TIMEOUT = 60

HOSTILE = (
    "Dear Ms. Okafor,\n\n"
    "Thank you for the interview. <script>alert(1)</script> [link](http://x) "
    '<img src=x onerror="alert(2)"> **bold** :red[red] $x$\n\n'
    "Best regards,\nDaniel"
)


@pytest.fixture
def at() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def _click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


def _rendered(at: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer."""
    elements = [
        *at.markdown, *at.caption, *at.info, *at.error, *at.warning, *at.success,
        *at.title, *at.header, *at.subheader,
    ]
    return [str(e.value) for e in elements]


def _checklist(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if any(t in m.value for t in coach.TITLES.values())
            and m.value.startswith(":")]


def _draft_view(at: AppTest) -> str:
    """The Markdown of the draft under "Where the coach looked", with its evidence marked."""
    return next((m.value for m in at.markdown if ":orange-background[" in m.value), "")


def _shown(markdown: str) -> str:
    """The text a reader sees in the draft view (raw brackets only come from highlights)."""
    text = markdown.replace(":orange-background[", "").replace("]", "")
    return html.unescape(text).replace(WORD_JOINER, "")


def test_empty_state(at):
    assert not at.exception
    assert at.title[0].value == "Score your thank-you note"
    assert "Paste your note above, or try an example" in at.info[0].value
    assert not at.error
    assert not at.metric


def test_example_scores_ten_verdicts_and_an_overall_score(at):
    _click(at, "A strong note")
    assert at.text_area(key="draft").value.startswith("Dear Ms. Okafor")
    _click(at, "Score my note")

    assert not at.exception
    assert not at.error
    assert not at.info
    overall = next(m for m in at.metric if m.label == "Overall score")
    assert overall.value.endswith("/ 100")
    checklist = _checklist(at)
    assert len(checklist) == 10
    for line, title in zip(checklist, coach.TITLES.values(), strict=True):
        assert f"**{title}**" in line
        assert any(word in line for word in ("Pass]", "Warning]", "Fail]"))
    labels = {m.label for m in at.metric}
    assert {"Words", "Sentences", "Paragraphs", "Flesch reading ease",
            "Flesch-Kincaid grade", "Reading time"} <= labels


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        ("", "the draft is empty"),
        ("   \n\n  ", "the draft is empty"),
        ("x" * 60_000, "60,000 characters long; the limit is 50,000"),
        ("Dear Sam,\x00\x01\x02", "binary data"),
    ],
)
def test_unscorable_drafts_show_an_error_and_keep_the_text(at, draft, message):
    _click(at, "A strong note")
    _click(at, "Score my note")
    at.text_area(key="draft").input(draft)
    _click(at, "Score my note")

    assert not at.exception
    assert len(at.error) == 1
    assert message in _shown(at.error[0].value)
    assert at.text_area(key="draft").value == draft
    assert not at.metric, "the previous report is not shown beside the error"
    at.run()
    assert at.text_area(key="draft").value == draft
    assert message in _shown(at.error[0].value)


def test_draft_markup_never_reaches_markdown_unescaped(at):
    at.text_area(key="draft").input(HOSTILE)
    _click(at, "Score my note")
    assert not at.exception

    for criterion in coach.CRITERIA:
        at.selectbox(key="highlight").set_value(criterion).run()
        rendered = _rendered(at)
        for raw in ("<script", "<img", "[link]", "](http", "**bold**", ":red[", "$x$"):
            assert not any(raw in value for value in rendered), (criterion, raw)

    view = next(m.value for m in at.markdown if "Okafor" in m.value)
    assert "<script>alert(1)</script> [link](http://x)" in _shown(view)


def test_context_reaches_the_scorer(at):
    _click(at, "A strong note")
    at.text_input(key="ctx_interviewers").input("Amara Okafur, Ben Ode")
    at.text_input(key="ctx_company").input("Brightwater Logistics")
    at.selectbox(key="ctx_interview_type").set_value("video")
    _click(at, "Score my note")

    assert not at.exception
    advice = next(line for line in _checklist(at) if "**Personalization**" in line)
    assert "Fail]" in advice
    assert "Okafur" in advice
    assert at.text_input(key="ctx_interviewers").value == "Amara Okafur, Ben Ode"


def test_changing_the_highlight_keeps_the_report_without_rescoring(at, monkeypatch):
    calls = []
    real_score = coach.score
    monkeypatch.setattr(coach, "score", lambda *a, **k: calls.append(1) or real_score(*a, **k))
    _click(at, "A generic template")
    _click(at, "Score my note")
    assert calls == [1]
    before = next(m.value for m in at.metric if m.label == "Overall score")

    at.selectbox(key="highlight").set_value("placeholders").run()

    assert calls == [1]
    assert next(m.value for m in at.metric if m.label == "Overall score") == before
    assert len(_checklist(at)) == 10
    view = _draft_view(at)
    assert ":orange-background[" in view
    assert "[Interviewer Name]" in _shown(view)


def test_editing_after_scoring_says_the_results_are_stale(at):
    _click(at, "A strong note")
    _click(at, "Score my note")
    at.text_area(key="draft").input("Dear Sam,\n\nThanks for today.\n\nBest,\nAl").run()
    assert any("changed since it was scored" in c.value for c in at.caption)


def test_malformed_context_shows_an_error_and_keeps_the_draft(at, monkeypatch):
    def malformed(cls, data):
        raise coach.ContextError("interview_type must be one of phone, video, in_person, "
                                 "not '<b>boat</b>'")

    monkeypatch.setattr(coach.Context, "from_dict", classmethod(malformed))
    _click(at, "A strong note")
    _click(at, "Score my note")

    assert not at.exception
    assert "<b>" not in at.error[0].value
    assert "About this interview" in at.error[0].value
    assert "not '<b>boat</b>'" in _shown(at.error[0].value)
    assert at.text_area(key="draft").value.startswith("Dear Ms. Okafor")


def test_non_english_draft_is_scored_with_a_notice_and_kept(at):
    draft = (
        "Estimada Sra. García,\n\nMuchas gracias por la entrevista de ayer. Me encantó conocer "
        "al equipo y aprender sobre el proyecto de logística.\n\nSaludos,\nAna"
    )
    at.text_area(key="draft").set_value(draft).run()
    _click(at, "Score my note")
    assert not at.exception
    assert any("does not look like English" in w.value for w in at.warning)
    assert at.text_area(key="draft").value == draft
    assert any(m.label == "Overall score" for m in at.metric)


def test_uploading_a_text_file_fills_the_draft(at):
    text = "Dear Ms. Patel,\n\nThank you for the interview.\n\nBest,\nSam\n"
    at.file_uploader(key="upload").upload("bad.txt", b"\x00\x01", "text/plain")
    at.run()
    assert at.error
    at.file_uploader(key="upload").set_value(("note.txt", text.encode("utf-8"), "text/plain"))
    at.run()
    assert not at.exception and not at.error  # a good file clears the earlier complaint
    assert at.text_area(key="draft").value == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Dear Ms. Müller".encode("latin-1"), "not UTF-8"),
        (b"   \n\n", "empty"),
        (b"word " * 12_000, "50,000"),
    ],
)
def test_a_bad_file_says_why_and_keeps_the_draft(at, content, reason):
    at.text_area(key="draft").set_value("My own draft, typed before.").run()
    at.file_uploader(key="upload").upload("bad.txt", content, "text/plain")
    at.run()
    assert not at.exception
    message = html.unescape(at.error[0].value)
    assert len(at.error) == 1 and "bad.txt" in message and reason in message
    assert at.text_area(key="draft").value == "My own draft, typed before."
