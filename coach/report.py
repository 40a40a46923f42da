"""What the scorer returns: a verdict per checklist criterion, readability figures, a score."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

VerdictValue = Literal["pass", "warn", "fail"]

#: The checklist's criterion ids, in the checklist's order (see ../shared/checklist.md).
CRITERIA: tuple[str, ...] = (
    "gratitude",
    "personalization",
    "specificity",
    "quantified_achievement",
    "fit",
    "clarification",
    "enthusiasm",
    "concision",
    "follow_up_promise",
    "placeholders",
)

#: Human labels for the criteria, for the page and the text report.
TITLES: dict[str, str] = {
    "gratitude": "Gratitude",
    "personalization": "Personalization",
    "specificity": "Specificity",
    "quantified_achievement": "Quantified achievement",
    "fit": "Fit",
    "clarification": "Clarification",
    "enthusiasm": "Enthusiasm",
    "concision": "Concision",
    "follow_up_promise": "Follow-up promise",
    "placeholders": "No placeholders",
}


@dataclass(frozen=True)
class Evidence:
    """A span of the original draft, by character offsets: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Verdict:
    """One criterion's judgement: pass, warn or fail, where it comes from, what to do."""

    id: str
    verdict: VerdictValue
    evidence: tuple[Evidence, ...]
    advice: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict,
            "evidence": [e.to_dict() for e in self.evidence],
            "advice": self.advice,
        }


@dataclass(frozen=True)
class Metrics:
    """Readability figures of the note's body."""

    words: int
    sentences: int
    paragraphs: int
    bullets: int
    avg_sentence_words: float
    longest_paragraph_words: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    reading_time_seconds: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Report:
    """The scored draft: the criteria in the checklist's order, the metrics, the overall score."""

    text: str
    criteria: tuple[Verdict, ...]
    metrics: Metrics
    overall: int
    notices: tuple[str, ...] = field(default=())

    def verdict(self, criterion_id: str) -> Verdict:
        for v in self.criteria:
            if v.id == criterion_id:
                return v
        raise KeyError(criterion_id)

    def to_dict(self, source: str) -> dict[str, Any]:
        """The CLI's JSON object: ``source``, ``overall``, ``criteria``, ``metrics``."""
        return {
            "source": source,
            "overall": self.overall,
            "criteria": [v.to_dict() for v in self.criteria],
            "metrics": self.metrics.to_dict(),
        }

    @classmethod
    def from_dict(cls, text: str, data: dict[str, Any]) -> Report:
        """The report ``to_dict`` gave for ``text`` (with ``notices`` if they were added)."""
        return cls(
            text=text,
            criteria=tuple(
                Verdict(id=c["id"], verdict=c["verdict"], advice=c["advice"],
                        evidence=tuple(Evidence(**e) for e in c["evidence"]))
                for c in data["criteria"]
            ),
            metrics=Metrics(**data["metrics"]),
            overall=int(data["overall"]),
            notices=tuple(data.get("notices", ())),
        )
