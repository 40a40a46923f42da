"""score(): the report's shape, the weighting rule, and bad input."""

from __future__ import annotations

import pytest

from coach import CRITERIA, Context, DraftError, Verdict, score, score_many
from coach.scoring import PLACEHOLDER_CAP, overall
from tests.samples import STRONG, TEMPLATE


def _verdicts(**values):
    return [Verdict(c, values.get(c, "pass"), (), "") for c in CRITERIA]


def test_report_lists_every_criterion_in_checklist_order():
    report = score(STRONG)
    assert tuple(v.id for v in report.criteria) == CRITERIA
    for v in report.criteria:
        assert v.verdict in {"pass", "warn", "fail"}
        assert v.advice and "\n" not in v.advice
        for e in v.evidence:
            assert STRONG[e.start : e.end] == e.text


def test_strong_note_scores_high_and_template_low():
    strong, template = score(STRONG), score(TEMPLATE)
    assert strong.overall >= 80
    assert template.overall <= PLACEHOLDER_CAP
    assert strong.overall > template.overall


def test_all_pass_is_100_and_all_fail_is_0():
    assert overall(_verdicts()) == 100
    assert overall(_verdicts(**{c: "fail" for c in CRITERIA})) == 0


def test_headline_criteria_weigh_more_than_the_others():
    headline = overall(_verdicts(specificity="fail"))
    other = overall(_verdicts(gratitude="fail"))
    assert headline < other


def test_placeholder_failure_caps_the_score_at_40():
    assert overall(_verdicts(placeholders="fail")) == PLACEHOLDER_CAP == 40


def test_warn_earns_half():
    assert overall(_verdicts(clarification="warn")) == round(100 * (14 - 0.5) / 14)


def test_metrics_are_reported():
    m = score(STRONG).metrics
    assert 80 < m.words < 200
    assert m.paragraphs == 4 and m.sentences >= 6
    assert 0 < m.flesch_kincaid_grade < 20 and m.reading_time_seconds > 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * 50_001, "50,001 characters"),
        ("abc\x00def", "binary"),
        ("\x01\x02\x03\x04" * 10, "binary"),
    ],
)
def test_bad_text_is_refused_with_a_reason(text, message):
    with pytest.raises(DraftError, match=message):
        score(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sam 👋🎉,\n\nThank you so much for today! 🙏 I'm thrilled about the role. 🚀"
        "\n\nBest,\nAl",
        "Estimada Sra. García,\n\nMuchas gracias por la entrevista de ayer.\n\nSaludos,\nAna",
        "田中様\n\n面接の機会をいただきありがとうございました。\n\nよろしくお願いいたします。",
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>",
        "Dear [Name],",
        "x",
    ],
)
def test_unusual_text_is_scored_without_crashing(text):
    report = score(text)
    assert len(report.criteria) == 10 and 0 <= report.overall <= 100


def test_score_many_matches_score_and_keeps_order():
    texts = [STRONG, TEMPLATE, STRONG]
    many = list(score_many(texts))
    assert [r.text for r in many] == texts
    assert [r.to_dict("x") for r in many] == [score(t).to_dict("x") for t in texts]


def test_context_is_used():
    ctx = Context(interviewers=("Priya Patel",), company="Brightwater Foods", topics=("forklift",))
    report = score(STRONG.replace("Ms. Patel", "Ms. Patal"), ctx)
    assert report.verdict("personalization").verdict == "fail"
    assert "Patel" in report.verdict("personalization").advice
    assert report.verdict("specificity").verdict == "fail"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (STRONG, True),
        ("Estimada Sra. García,\n\nMuchas gracias por la entrevista de ayer. Me encantó conocer "
         "al equipo y aprender sobre el proyecto de logística.\n\nSaludos,\nAna", False),
        ("田中様\n\n面接の機会をいただきありがとうございました。チームの皆様とお話しできて光栄でした。",
         False),
        ("Dear Ms. Roux,\n\nThank you, merci beaucoup, for the tour of the bakery on Monday.",
         True),
        ("Thanks!", True),
    ],
)
def test_a_draft_not_in_english_gets_a_notice(text, english):
    notices = score(text).notices
    assert (notices == ()) is english
    if not english:
        assert "English" in notices[0]


def test_english_note_with_pasted_markup_is_still_english():
    text = ("Dear Ms. Okafor,\n\nThank you for the interview. <script>window.__xss=1</script>\n"
            '<img src=x onerror="window.__xss=2"> [link](http://x) :streamlit: $x$ -> **bold**'
            "\n\nBest regards,\nDaniel")
    assert score(text).notices == ()


def test_no_advice_contains_template_text():
    # Advice gets copied into drafts; it must never plant a placeholder.
    from coach import Context
    from coach.criteria.placeholders import find
    for text in (TEMPLATE, STRONG, "Hi Sam,\n\nok.\n\nAl"):
        for ctx in (None, Context(role="Data Analyst", company="Acme")):
            for v in score(text, ctx).criteria:
                assert find(v.advice) == [] or v.id == "placeholders", (v.id, v.advice)
