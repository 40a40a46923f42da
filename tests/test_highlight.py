"""ui.highlight: user text as Markdown that can only display as plain text."""

from __future__ import annotations

import html
import re
import string

import pytest

from coach import Evidence
from ui.highlight import HIGHLIGHT, WORD_JOINER, escape, to_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="window.__xss=2">',
    "[link](http://x) ![img](http://x/a.png) <http://x> http://x www.x.com a@b.co",
    "[ref]\n\n[ref]: http://x",
    "**bold** __bold__ *em* _em_ ~~gone~~ `code` ```fence```",
    "# heading\n> quote\n- item\n* item\n+ item\n1. item\n2) item",
    "Setext\n===\nSetext\n---\n***",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    ":smile: :streamlit: :material/home: :red[red] :orange-background[x]{background=red}",
    "$x^2$ $$\\int$$ \\(a\\) costs $5 and $10",
    "<- -> <-> -- >= <= ~= &amp; &#60; &lt; \\* \\",
    "    four spaces make code\n\tand a tab",
    "line one\r\nline two\rline three\n\n\n\nafter blank lines",
]


def plain(markdown: str) -> str:
    """What a reader sees: directives, hard breaks, references and joiners taken out."""
    text = markdown.replace(f":{HIGHLIGHT}[", "").replace("]", "")
    text = re.sub(r"\\$", "", text, flags=re.MULTILINE)
    return html.unescape(text).replace(WORD_JOINER, "").replace("\xa0", " ")


def normalized(text: str) -> str:
    """The draft as the view lays it out: lines kept, blank runs one blank line, tabs 4 spaces."""
    lines = [line if line.strip() else "" for line in re.split(r"\r\n|\r|\n", text)]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return re.sub(r"^[ \t]+", lambda m: m.group(0).replace("\t", "    "), text, flags=re.M)


@pytest.mark.parametrize("text", HOSTILE)
def test_reads_back_as_typed(text):
    assert plain(to_markdown(text)) == normalized(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_no_raw_punctuation_is_left_but_the_highlight_brackets(text):
    spans = [Evidence(0, len(text), text)]
    markdown = to_markdown(text, spans).replace(f":{HIGHLIGHT}[", "")
    markdown = re.sub(r"&#\d+;", "", markdown)
    markdown = re.sub(r"\\$", "", markdown, flags=re.MULTILINE)
    assert set(markdown) & set(string.punctuation) <= {"]"}


@pytest.mark.parametrize("text", HOSTILE)
def test_commonmark_sees_only_paragraphs_of_text(text):
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(
        ["table", "strikethrough"]
    )
    tokens = parser.parse(to_markdown(text, [Evidence(2, 9, text[2:9])]))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline"}
    inline = {c.type for t in tokens if t.type == "inline" for c in t.children}
    assert inline <= {"text", "softbreak", "hardbreak"}


@pytest.mark.parametrize(
    "trigger",
    ["http://x", "HTTPS://x", "www.x.com", "WWW.x.com", "a@b.co", ":streamlit:", ":smile:",
     " <-> ", " -> ", " <- ", " -- ", " >= ", " <= ", " ~= "],
)
def test_plugin_triggers_are_broken_by_a_joiner(trigger):
    # Streamlit rewrites these in the decoded text (links, a logo, arrows); a joiner stops it.
    decoded = html.unescape(escape(f"a{trigger}b"))
    assert trigger not in decoded
    assert WORD_JOINER in decoded
    assert decoded.replace(WORD_JOINER, "") == f"a{trigger}b"


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x>", "[a](b)", "x_y"])
def test_markup_itself_reads_literally_without_joiners(text):
    assert html.unescape(escape(text)) == text


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Thank you, Sam.", [(0, 9)], ":orange-background[Thank you], Sam."),
        ("abc", [], "abc"),
        ("abc", [(1, 99)], "a:orange-background[bc]"),
        ("abc", [(0, 1), (0, 2)], ":orange-background[ab]c"),
        ("one\ntwo", [(2, 5)], "on:orange-background[e]\\\n:orange-background[t]wo"),
        ("a\n\nb", [(0, 4)], ":orange-background[a]\n\n:orange-background[b]"),
        ("  indented", [(0, 10)], "&#160;&#160;:orange-background[indented]"),
    ],
)
def test_highlights_evidence_line_by_line(text, spans, expected):
    evidence = [Evidence(s, e, text[s:e]) for s, e in spans]
    out = to_markdown(text, evidence).replace(WORD_JOINER, "")
    assert html.unescape(out.replace("&#160;", "\x00")).replace("\x00", "&#160;") == expected


def test_blank_lines_and_hard_breaks():
    assert to_markdown("Dear Sam\nHi\n\n\n\nBye\n") == "Dear Sam\\\nHi\n\nBye"
