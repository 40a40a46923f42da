"""Quantified achievement: at least one measurable result of the writer's own work.

Checklist and dev-set convention: a number tied to an outcome ("cut load time from 6 hours to
45 minutes", "increased sales by 10%", "trained 12 analysts", "doubled") passes. Numbers that
are only dates, times, years of experience, schedules, scope ("a 4-man crew"), phone numbers,
addresses, the interview's own details, the employer's figures or an unfilled "XX%" do not.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..report import Verdict
from .note import Note, verdict

#: Verbs whose object or complement is an outcome the writer produced.
_OUTCOME_VERBS = {
    "cut", "reduce", "increase", "grow", "raise", "boost", "save", "train", "hire", "fill",
    "close", "bring", "generate", "deliver", "finish", "improve", "drop", "lower", "decrease",
    "double", "triple", "quadruple", "halve", "win", "sell", "launch", "resolve", "recruit",
    "mentor", "coach", "onboard", "lift", "shorten", "shrink", "slash", "eliminate", "expand",
    "scale", "ship", "complete", "land", "secure", "raise", "collect", "recover", "process",
    "handle", "serve", "place", "publish", "author", "teach", "build", "create", "automate",
    "migrate", "convert", "retain", "sign", "exceed", "beat", "top", "achieve", "reach",
    "settle", "negotiate", "book", "fund", "streamline", "speed", "accelerate", "clear",
    "prevent", "avoid", "catch", "go", "take", "get", "bring", "lead", "run", "manage",
    "organize", "organise", "plan", "produce", "write", "design", "develop", "open", "score",
    "rank", "keep", "hit", "stay", "move", "turn", "push", "climb", "jump", "rise", "fall",
    "decline", "shave", "trim", "recoup", "earn", "make", "add", "gain", "attract",
}
_SELF = {"i", "we", "my", "our", "me", "us"}
_SCOPE_NOUNS = {"year", "years", "yr", "yrs", "month", "months", "day", "days", "week", "weeks",
                "hour", "hours", "round", "rounds", "shift", "shifts", "grade", "am", "pm",
                "o'clock", "floor", "room", "suite", "street", "st", "avenue", "ave", "minute",
                "minutes", "times", "time"}
_CHANGE_WORDS = {"doubled", "tripled", "quadrupled", "halved", "double", "triple", "half",
                 "twice", "zero", "no"}
_PHONE = re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")
_YEAR = re.compile(r"^(19|20)\d\d$")


def _is_number(tok: Token) -> bool:
    if "X" in tok.text and not tok.text.isdigit():
        return False
    return tok.like_num or tok.pos_ == "NUM" or tok.ent_type_ in {"PERCENT", "MONEY"} or (
        tok.lower_ in _CHANGE_WORDS and tok.pos_ in {"VERB", "ADV", "NOUN", "ADJ"}
    )


def _writer_result(tok: Token, sent: Span) -> bool:
    """Is this number part of an outcome of the writer's own work?"""
    if tok.ent_type_ in {"DATE", "TIME"}:
        # "from 140 minutes to 55 minutes", "two weeks early": durations that changed.
        if not re.search(r"\b(from|down to|early|earlier|ahead|faster|sooner|under|less than|"
                         r"cut|reduc|shorten|shav)\w*", sent.text, re.I):
            return False
    if _YEAR.match(tok.text) or _PHONE.search(sent.text[max(0, tok.idx - sent.start_char - 6):
                                                        tok.idx - sent.start_char + 12]):
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_.rstrip("s") in {w.rstrip("s") for w in _SCOPE_NOUNS}:
        after = tok.doc[nxt.i + 1 : nxt.i + 3].text.lower()
        if after.startswith(("of experience", "in ", "of ", "a week", "per", "at ")) or \
                nxt.lower_ in {"round", "rounds", "floor", "grade", "am", "pm"}:
            return False
    # Walk up to the governing verb and ask who did it.
    head = tok
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in _OUTCOME_VERBS:
            break
        if head.head is head:
            break
        head = head.head
    if head.lemma_.lower() not in _OUTCOME_VERBS:
        return False
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
    while not subjects and head.dep_ in {"conj", "xcomp", "advcl"} and head.head is not head:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    words = {t.lower_ for s in subjects for t in s.subtree}
    return bool(words & _SELF) or any(t.lower_ in {"my", "our"} for t in sent[:4])


def judge(note: Note) -> Verdict:
    found = []
    for sent in note.body_sentences(trim=True):
        for tok in sent:
            if _is_number(tok) and _writer_result(tok, sent):
                found.append(note.span_evidence(sent))
                break
    if found:
        return verdict(
            "quantified_achievement", "pass", found,
            "You back your claim with a number; keep it tied to the employer's need.",
        )
    return verdict(
        "quantified_achievement", "fail", [],
        "Add one result of your own with a number, e.g. \"cut month-end close from 8 days to "
        "5\" or \"trained 12 new hires\". Years of experience don't count.",
    )
