"""Thank-You Coach: score a post-interview thank-you note against the checklist.

The core is pure Python (no Streamlit): ``score(text, context)`` returns a ``Report``.
"""

from __future__ import annotations

from .context import Context, ContextError
from .inputs import MAX_CHARS, DraftError
from .report import CRITERIA, TITLES, Evidence, Metrics, Report, Verdict
from .scoring import score, score_many

__all__ = [
    "CRITERIA",
    "MAX_CHARS",
    "TITLES",
    "Context",
    "ContextError",
    "DraftError",
    "Evidence",
    "Metrics",
    "Report",
    "Verdict",
    "score",
    "score_many",
]
