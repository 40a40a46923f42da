"""The "About this interview" inputs as the dict ``coach.Context.from_dict`` reads."""

from __future__ import annotations

from typing import Any

#: Selectbox options: "" (not said) first, then ``coach.context.INTERVIEW_TYPES``.
INTERVIEW_TYPE_LABELS: dict[str, str] = {
    "": "Not specified",
    "phone": "Phone",
    "video": "Video",
    "in_person": "In person",
}


def context_dict(
    interviewers: str = "",
    company: str = "",
    role: str = "",
    interview_type: str = "",
    topics: str = "",
    job_ad: str = "",
) -> dict[str, Any]:
    """The form's raw values as context data.

    Parameters
    ----------
    interviewers : names separated by commas (or lines)
    topics : one topic per line
    """
    return {
        "interviewers": [n for n in interviewers.replace("\n", ",").split(",") if n.strip()],
        "company": company,
        "role": role,
        "interview_type": interview_type,
        "topics": [t for t in topics.splitlines() if t.strip()],
        "job_ad": job_ad,
    }
