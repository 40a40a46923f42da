"""``score(text, context) -> Report``: parse once, judge every criterion, weigh the verdicts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .context import Context
from .criteria import JUDGES, Note
from .draft import parse
from .inputs import check_text
from .language import NOT_ENGLISH, looks_english
from .metrics import measure
from .nlp import get_nlp
from .report import Report, Verdict

#: The checklist's four headline criteria weigh double.
WEIGHTS: dict[str, float] = {criterion: 1.0 for criterion in JUDGES} | {
    "specificity": 2.0,
    "quantified_achievement": 2.0,
    "concision": 2.0,
    "follow_up_promise": 2.0,
}
POINTS = {"pass": 1.0, "warn": 0.5, "fail": 0.0}
#: Any placeholder left in the note caps the score.
PLACEHOLDER_CAP = 40
def overall(verdicts: Iterable[Verdict]) -> int:
    """The weighted mean of the verdicts as 0-100, capped when placeholders remain."""
    verdicts = list(verdicts)
    total = sum(WEIGHTS[v.id] for v in verdicts)
    earned = sum(WEIGHTS[v.id] * POINTS[v.verdict] for v in verdicts)
    value = round(100 * earned / total) if total else 0
    if any(v.id == "placeholders" and v.verdict == "fail" for v in verdicts):
        value = min(value, PLACEHOLDER_CAP)
    return value


def _report(text: str, doc: Doc, context: Context | None) -> Report:
    draft = parse(text)
    metrics = measure(draft)
    note = Note(text=text, doc=doc, draft=draft, metrics=metrics, context=context or Context())
    verdicts = tuple(judge(note) for judge in JUDGES.values())
    notices = () if looks_english(doc) else (NOT_ENGLISH,)
    return Report(
        text=text, criteria=verdicts, metrics=metrics, overall=overall(verdicts), notices=notices
    )


def score(text: str, context: Context | None = None) -> Report:
    """Score one draft against the checklist.

    Parameters
    ----------
    text : the whole note, salutation to signature
    context : what the writer knows about the interview, if anything

    Returns
    -------
    Report with a verdict per criterion in the checklist's order, metrics and the 0-100 score.
    Raises DraftError for empty, binary or over-long text.
    """
    check_text(text)
    return _report(text, get_nlp()(text), context)


def score_many(
    texts: Iterable[str], context: Context | None = None, batch_size: int = 32
) -> Iterator[Report]:
    """Score many drafts in order through ``nlp.pipe``; every text must pass ``check_text``."""
    texts = list(texts)
    for text in texts:
        check_text(text)
    for text, doc in zip(texts, get_nlp().pipe(texts, batch_size=batch_size), strict=True):
        yield _report(text, doc, context)
