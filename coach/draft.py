"""The shape of a note: salutation, body, sign-off, signature, P.S., paragraphs and bullets.

Pure text work by character offsets, so every later verdict can point back into the draft.
The body is everything between the salutation line and the sign-off line; a P.S. counts as
body and the signature does not (the dev set's labelling convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_GREETING = re.compile(
    r"^\s*(dear|hi|hii+|hello|hey|good (morning|afternoon|evening|day)|greetings|to whom|"
    r"bonjour|bonsoir|hola|buenos d[ií]as|estimad[oa]s?|querid[oa]s?|cher|ch[èe]re|"
    r"madame|monsieur|hallo|liebe[rs]?|sehr geehrte[r]?|ciao|gentile|caro|cara|ol[áa]|yo)\b",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^\s*(sincerely|best|regards|kind(est)? regards|warm(est)? regards|warmly|respectfully|"
    r"cordially|cheers|thanks|thank you|many thanks|with (many )?thanks|with gratitude|"
    r"gratefully|with appreciation|appreciatively|yours|all the best|take care|talk soon|"
    r"looking forward|cordialement|bien [àa] vous|saludos|atentamente|un saludo|"
    r"mit freundlichen|gr[üu](ss|ß)e|a presto|cordiali saluti|obrigad[oa]|merci|gracias|"
    r"very truly|truly|best wishes|respectfully yours|sincerely yours|ttyl|thx|"
    r"with (best|kind|warm|warmest|kindest) (regards|wishes)|xo+|hugs|peace|see you)\b",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^\s*(subject|re|fwd?|to|from|cc|bcc|date|sent)\s*:", re.IGNORECASE)
_PS = re.compile(r"^\s*p\.?\s?p?\.?\s?s\.?(?=[\s:,.-])", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*‣◦▪–]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


@dataclass(frozen=True)
class Region:
    """A stretch of the draft, ``text[start:end]``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Draft:
    """Where the parts of a note are, as offsets into ``text``."""

    text: str
    salutation: Region | None
    signoff: Region | None
    body: tuple[Region, ...]
    paragraphs: tuple[Region, ...]
    bullets: tuple[Region, ...]

    @property
    def body_text(self) -> str:
        """The body's text, parts joined by a blank line."""
        return "\n\n".join(r.of(self.text) for r in self.body)

    def in_body(self, offset: int) -> bool:
        return any(r.start <= offset < r.end for r in self.body)


def words(text: str) -> list[str]:
    """The words of a text: runs of letters and digits, with inner apostrophes and hyphens."""
    return _WORD.findall(text)


def _lines(text: str) -> list[Region]:
    out, start = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        lead = len(stripped) - len(stripped.lstrip())
        tail = len(stripped.rstrip())
        out.append(Region(start + lead, start + max(tail, lead)))
        start += len(line)
    return out


def _is_blank(text: str, r: Region) -> bool:
    return r.start == r.end or not r.of(text).strip()


def _is_salutation(line: str) -> bool:
    n = len(words(line))
    if n == 0 or n > 12:
        return False
    if _GREETING.match(line):
        return True
    return line.rstrip().endswith((",", ":")) and n <= 6


def _is_signoff(line: str) -> bool:
    stripped = line.strip()
    n = len(words(stripped))
    if n == 0 or n > 8:
        return False
    if _CLOSING.match(stripped) and not re.search(r"[.?]\s*$", stripped):
        return True
    return stripped.startswith(("—", "--", "-")) and n <= 4


def _is_bare_closing(line: str) -> bool:
    """A short line ending in a comma just above the name: "Hope to hear from you soon,"."""
    return line.rstrip().endswith(",") and 0 < len(words(line)) <= 7


def parse(text: str) -> Draft:
    """Find the salutation, the body, the sign-off, the paragraphs and the bullets of a note."""
    lines = [r for r in _lines(text)]
    content = [i for i, r in enumerate(lines) if not _is_blank(text, r)]
    if not content:
        return Draft(text, None, None, (), (), ())

    # An e-mail header pasted above the note ("Subject: Thank you", "To: ...") is not body.
    while len(content) > 1 and _HEADER.match(lines[content[0]].of(text)):
        content = content[1:]
    first = content[0]
    salutation = None
    if _is_salutation(lines[first].of(text)) and len(content) > 1:
        salutation = lines[first]
        content = content[1:]

    ps_at = next((i for i in content if _PS.match(lines[i].of(text))), None)
    main = [i for i in content if ps_at is None or i < ps_at]

    signoff_at = None
    # The sign-off is near the end: look at the last few content lines before any P.S.
    for k, i in enumerate(reversed(main[-6:])):
        line = lines[i].of(text)
        if i == main[0]:
            break
        if _is_signoff(line) or (_is_bare_closing(line) and k <= 3):
            signoff_at = i
            break
    if signoff_at is None:
        # With no sign-off formula, a trailing signature block still is not body.
        signoff_at = _signature_start(text, lines, main) if main else None
        signoff_line = None
    else:
        signoff_line = lines[signoff_at]

    body_lines = [i for i in main if signoff_at is None or i < signoff_at]
    body: list[Region] = []
    if body_lines:
        body.append(Region(lines[body_lines[0]].start, lines[body_lines[-1]].end))
    if ps_at is not None:
        ps_lines = [i for i in content if i >= ps_at]
        body.append(Region(lines[ps_lines[0]].start, lines[ps_lines[-1]].end))

    paragraphs: list[Region] = []
    bullets: list[Region] = []
    for part in body:
        run: list[int] = []
        for i, r in enumerate(lines):
            if r.start < part.start or r.end > part.end:
                continue
            if _is_blank(text, r):
                if run:
                    paragraphs.append(Region(lines[run[0]].start, lines[run[-1]].end))
                run = []
                continue
            run.append(i)
            if _BULLET.match(r.of(text)):
                bullets.append(r)
        if run:
            paragraphs.append(Region(lines[run[0]].start, lines[run[-1]].end))

    return Draft(text, salutation, signoff_line, tuple(body), tuple(paragraphs), tuple(bullets))


def _signature_start(text: str, lines: list[Region], main: list[int]) -> int | None:
    """With no sign-off formula, a last paragraph of short, unpunctuated lines is a signature."""
    last_block: list[int] = []
    for i in reversed(main):
        if last_block and i != last_block[-1] - 1 and _is_blank_between(text, lines, i):
            break
        last_block.append(i)
    last_block.reverse()
    if len(last_block) == len(main) or len(last_block) > 4:
        return None
    for i in last_block:
        line = lines[i].of(text)
        if len(words(line)) > 6 or re.search(r"[.!?]\s*$", line) and len(words(line)) > 3:
            return None
    return last_block[0]


def _is_blank_between(text: str, lines: list[Region], i: int) -> bool:
    return i + 1 < len(lines) and _is_blank(text, lines[i + 1])
