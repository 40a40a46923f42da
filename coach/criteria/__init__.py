"""One module per checklist criterion, each with ``judge(note) -> Verdict``.

The modules are listed here in the checklist's order; ``coach.scoring`` runs them all.
"""

from __future__ import annotations

from collections.abc import Callable

from ..report import CRITERIA, Verdict
from . import (
    clarification,
    concision,
    enthusiasm,
    fit,
    follow_up_promise,
    gratitude,
    personalization,
    placeholders,
    quantified_achievement,
    specificity,
)
from .note import Note

JUDGES: dict[str, Callable[[Note], Verdict]] = {
    "gratitude": gratitude.judge,
    "personalization": personalization.judge,
    "specificity": specificity.judge,
    "quantified_achievement": quantified_achievement.judge,
    "fit": fit.judge,
    "clarification": clarification.judge,
    "enthusiasm": enthusiasm.judge,
    "concision": concision.judge,
    "follow_up_promise": follow_up_promise.judge,
    "placeholders": placeholders.judge,
}
assert tuple(JUDGES) == CRITERIA

__all__ = ["JUDGES", "Note"]
