"""Placeholders: no unfilled template text is left in the note.

Checklist: fails on any of ``[Name]``, ``<Company>``, ``{role}``, ``{{first_name}}``, ``XXX``,
``____``, ``Interviewer Name``, ``Company Name``, ``Your Name``, ``Mr./Ms. Last Name``. Braces
inside a path (``/invoices/{invoiceId}/finalize``) and a lowercase "company name" in ordinary
prose are content, not placeholders.
"""

from __future__ import annotations

import re

from ..report import Verdict
from .note import Note, verdict

_TEMPLATE_WORDS = (
    r"(?:Interviewer|Hiring Manager|Manager|Recruiter|Company|Organi[sz]ation|Business|School|"
    r"Employer|Your|First|Last|Full|Candidate|Contact|Recipient|Team|Department|Job|Position|"
    r"Role|Branch|Store|Restaurant|Hospital|Agency|Firm|Client|Project|Product|Program)"
)
_PATTERNS = [
    # Mail-merge fields and bracketed slots: {{first_name}}, [Name], [insert exhibit name].
    re.compile(r"\{\{\s*[^{}\n]{1,40}?\s*\}\}"),
    re.compile(r"\[[^\[\]\n]*[A-Za-z][^\[\]\n]{0,60}\]"),
    # <Company>, <Branch Name>: angle brackets around capitalised words (not an HTML tag).
    re.compile(r"<\s*[A-Z][A-Za-z0-9 .'’/&-]{0,40}>"),
    re.compile(r"<\s*[a-z_ ]*(?:name|company|role|position|title|date)[a-z_ ]*>", re.I),
    # {role}, {School Name}, but not a path segment such as /invoices/{invoiceId}/.
    re.compile(r"(?<![/\w]){\s*[A-Za-z_][\w .'’-]{0,40}\}(?![/\w])"),
    # XXX, XX%, (XXX) XXX-XXXX, ____.
    re.compile(r"(?<![A-Za-z])X{2,}(?![a-wyz])"),
    re.compile(r"_{3,}"),
    # INSERT COMPANY, INSERT NAME HERE.
    re.compile(r"\bINSERT(?: [A-Z]+){1,3}\b"),
    # Title-case slot names: Interviewer Name, Company Name, Your Name, Mr./Ms. Last Name.
    re.compile(rf"\b(?:Mr\./Ms\.?\s+)?{_TEMPLATE_WORDS}(?: (?:Title|Team))? (?:Name|Title|Here)\b"),
    re.compile(r"\bM(?:rs|r|s)\.?\s*/\s*M(?:rs|r|s)\.?(?:\s*/\s*M(?:rs|r|s)\.?)?(?=\s)"),
]


def find(text: str) -> list[tuple[int, int]]:
    """Character spans of leftover template text, merged where they overlap."""
    spans = sorted({m.span() for p in _PATTERNS for m in p.finditer(text)})
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def judge(note: Note) -> Verdict:
    spans = find(note.text)
    if not spans:
        return verdict(
            "placeholders", "pass", [], "No template text is left over; the note reads as written."
        )
    found = [note.evidence(s, e) for s, e in spans]
    first = found[0].text
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return verdict(
        "placeholders", "fail", found,
        f"Replace {first!r}{more} with the real words before you send it.",
    )
