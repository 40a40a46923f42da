"""The fixed vocabularies of the tracker: application stages, interview types, channels."""

from __future__ import annotations

from .context import INTERVIEW_TYPES

#: An application moves through these; the last three close it (no more notes or follow-ups).
STAGES = ("applied", "interviewing", "offer", "accepted", "rejected", "withdrawn")
CLOSED_STAGES = frozenset({"accepted", "rejected", "withdrawn"})

#: How a thank-you note goes out.
CHANNELS = ("email", "hard_copy")

#: How a workspace's owner is recognised: the one local workspace, a bookmarked link, a login.
WORKSPACE_KINDS = ("local", "link", "login")

LABELS = {
    "phone": "Phone",
    "video": "Video",
    "in_person": "In person",
    "email": "Email",
    "hard_copy": "Hard copy",
}

__all__ = ["CHANNELS", "CLOSED_STAGES", "INTERVIEW_TYPES", "LABELS", "STAGES", "WORKSPACE_KINDS"]
