"""User text as Streamlit Markdown that can only ever display as plain text.

``st.markdown`` parses GitHub-flavoured Markdown plus Streamlit's extras (``:color[...]``
directives, ``:emoji:`` and ``:material/icon:`` shortcodes, ``$LaTeX$``, ``->`` arrows,
bare-URL links). A pasted draft must not trigger any of them, nor HTML. So:

- every ASCII punctuation character becomes a numeric character reference (``<`` is
  ``&#60;``): CommonMark treats character references as literal text, never as markup,
  and with no raw ``:`` or ``$`` left, Streamlit does not even load its emoji or LaTeX
  plugins;
- some plugins still rewrite the decoded text afterwards: bare URLs and e-mail addresses
  become links, ``:streamlit:`` a logo, `` -> `` and friends arrows. A WORD JOINER (U+2060,
  invisible, zero width) inside each such trigger (before ``:`` and ``@``, in ``www.``,
  between ``-`` and ``>``...) breaks every one of those patterns;
- leading white space becomes no-break spaces (four spaces would start a code block), and
  lines end in a hard break so the draft keeps its lines.

Only then are the evidence spans wrapped in ``:orange-background[...]``, whose brackets are
the only raw punctuation in the result.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from coach import Evidence

#: Invisible and zero-width; breaks the text patterns Streamlit's plugins rewrite.
WORD_JOINER = "\u2060"
HIGHLIGHT = "orange-background"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPECIAL = {c: f"&#{ord(c)};" for c in string.punctuation}
#: Where to put a joiner: "http://", "a@b.co", ":streamlit:", "www.", "->", "<=", "--", "~=".
_TRIGGER = re.compile(r"[:@]|(?<=www)\.|(?<=[<>~-])[->=]", re.IGNORECASE)
_LEADING_SPACE = {" ": "&#160;", "\t": "&#160;" * 4}


def escape(text: str) -> str:
    """One line of user text as Markdown that displays exactly as typed.

    Parameters
    ----------
    text : a single line (line breaks are the caller's job: see ``to_markdown``)

    Returns
    -------
    Markdown with no raw punctuation and no leading white space.
    """
    body = text.lstrip(" \t")
    indent = "".join(_LEADING_SPACE[c] for c in text[: len(text) - len(body)])
    return indent + _inline(body)


def _inline(text: str) -> str:
    joined = _TRIGGER.sub(lambda m: WORD_JOINER + m.group(0), text)
    return "".join(_SPECIAL.get(c, c) for c in joined)


def to_markdown(text: str, evidence: Iterable[Evidence] = ()) -> str:
    """The whole draft as safe Markdown, with the evidence spans highlighted.

    Parameters
    ----------
    text : the draft, as scored
    evidence : spans of ``text`` by character offsets; overlapping or out-of-range is fine

    Returns
    -------
    Markdown: one paragraph per block of non-blank lines, each line kept, each evidence
    span (cut at line ends) wrapped in ``:orange-background[...]``.
    """
    marked = [False] * len(text)
    for span in evidence:
        for i in range(max(span.start, 0), min(span.end, len(text))):
            marked[i] = True

    lines: list[str] = []
    start = 0
    for match in [*_LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        lines.append(_line(text, marked, start, end))
        start = match.end() if match else end

    out: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        out.append(line + ("\\" if following else ""))
    return "\n".join(out).strip("\n")


def _line(text: str, marked: list[bool], start: int, end: int) -> str:
    """One line, escaped, runs of marked characters highlighted; "" when blank."""
    if not text[start:end].strip():
        return ""
    body = start + len(text[start:end]) - len(text[start:end].lstrip(" \t"))
    parts = [escape(text[start:body])]
    run_start = body
    for i in range(body, end + 1):
        if i < end and marked[i] == marked[run_start]:
            continue
        run = text[run_start:i]
        if marked[run_start] and run.strip():
            parts.append(f":{HIGHLIGHT}[{_inline(run)}]")
        else:
            parts.append(_inline(run))
        run_start = i
    return "".join(parts)
