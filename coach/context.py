"""What the writer knows about the interview, to check the note against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

INTERVIEW_TYPES = ("phone", "video", "in_person")


class ContextError(ValueError):
    """The interview context is malformed; the message says which field and why."""


@dataclass(frozen=True)
class Context:
    """Optional facts about the interview.

    Parameters
    ----------
    interviewers : names of the people interviewed with, spelled as recorded
    company, role : the employer and the job title
    interview_type : ``phone``, ``video`` or ``in_person``
    topics : things discussed, each a short phrase ("the regional dashboards merge")
    job_ad : the job advertisement's text
    """

    interviewers: tuple[str, ...] = ()
    company: str = ""
    role: str = ""
    interview_type: str = ""
    topics: tuple[str, ...] = ()
    job_ad: str = ""

    @classmethod
    def from_dict(cls, data: Any) -> Context:
        """Build a context from JSON-like data, raising ContextError on anything malformed."""
        if not isinstance(data, dict):
            raise ContextError("the context must be a JSON object")
        known = {"interviewers", "company", "role", "interview_type", "topics", "job_ad"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ContextError(f"unknown field(s): {', '.join(unknown)}")
        interviewers = _strings(data.get("interviewers", ()), "interviewers")
        topics = _strings(data.get("topics", ()), "topics")
        fields = {k: _string(data.get(k, ""), k) for k in ("company", "role", "job_ad")}
        kind = _string(data.get("interview_type", ""), "interview_type").lower().replace("-", "_")
        kind = kind.replace(" ", "_")
        if kind and kind not in INTERVIEW_TYPES:
            raise ContextError(
                f"interview_type must be one of {', '.join(INTERVIEW_TYPES)}, not {kind!r}"
            )
        return cls(interviewers=interviewers, topics=topics, interview_type=kind, **fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviewers": list(self.interviewers),
            "company": self.company,
            "role": self.role,
            "interview_type": self.interview_type,
            "topics": list(self.topics),
            "job_ad": self.job_ad,
        }

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.interviewers, self.company, self.role, self.topics, self.job_ad)
        )


def _string(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ContextError(f"{name} must be text")
    return value.strip()


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.replace("\n", ",").split(",")]
    if not isinstance(value, (list, tuple)):
        raise ContextError(f"{name} must be a list of text")
    return tuple(s for s in (_string(v, name) for v in value) if s)
