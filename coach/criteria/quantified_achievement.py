"""Quantified achievement: at least one measurable result of the writer's own work.

Checklist: passes when the note "states at least one measurable result of the writer's own
work: a number tied to an outcome ("cut load time from 6 hours to 45 minutes", "increased sales
by 10%", "trained 12 analysts")"; does not pass when "numbers are only dates, times, years of
experience ("10 years in sales"), phone numbers, street addresses or the interview's own
details". Dev-set convention: the employer's figures, schedules, scope ("a 4-man crew"), an
unfilled "XX%" and "every audit" with no number don't count either.

How it is judged on the parse. A number is a result when it measures a change or an output:
- a change: "from A to B" / "up from A", a change verb with "by 30%", "in half" or "to 4%",
  "doubled", or an amount before a comparative ("30% faster", "2 weeks early");
- an output: the counted object of an achievement verb ("trained 12 analysts", "closed 11
  sales", "saved 6 hours a week"), money or a percentage it earned ("closed $1.2M", "with
  99.6% accuracy"), or a counted subject of the writer's own ("23 of my families were
  reunified").
And the result must be the writer's: the clause is past or perfect (not "I would cut", not the
habitual "I teach two groups each semester"), its subject is "I"/"we"/"my ..."/"our ...", a
résumé bullet that opens with a past verb, or a third-person result ("turnover fell", "that
change raised ...") told in the writer's own story (first person in the sentence or the one
before it in the paragraph) - never "you"/"your ..." or what "you said".
Durations ("five years"), sizes ("a 24-page program", "a team of six"), identifiers ("Part
107"), years and phone numbers are never results by themselves.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..report import Verdict
from .note import Note, verdict

#: Verbs whose object, "by"/"to" phrase or "from ... to ..." measures a change.
_CHANGE = {
    "cut", "reduce", "lower", "decrease", "drop", "fall", "shrink", "shorten", "slash", "trim",
    "shave", "halve", "increase", "raise", "grow", "boost", "lift", "rise", "climb", "jump",
    "improve", "double", "triple", "quadruple", "expand", "bring", "take", "go", "move", "push",
    "get", "drive", "speed", "accelerate", "decline", "sink", "save", "recover", "gain",
}
#: Change verbs that can measure time itself: "cut close from 8 days to 5".
_TIME_CHANGE = _CHANGE - {"move", "get", "push", "drive"}
#: Verbs that say the amount in the number: "doubled renewals", "halved the backlog".
_MULTIPLY = {"double", "triple", "quadruple", "halve"}
#: Verbs whose counted object is an output of the writer's work.
_OUTPUT = {
    "train", "hire", "recruit", "fill", "close", "sell", "win", "save", "generate", "raise",
    "secure", "land", "sign", "onboard", "mentor", "coach", "place", "publish", "ship",
    "launch", "deliver", "resolve", "process", "pick", "pack", "complete", "recover",
    "collect", "book", "earn", "attract", "acquire", "convert", "retain", "fix", "eliminate",
    "prevent", "catch", "settle", "negotiate", "fund", "clear", "exceed", "beat", "achieve",
    "reach", "gain", "add", "automate", "migrate", "reunify", "graduate", "certify", "score",
    "double", "triple", "cut", "reduce", "grow", "increase", "bring",
}
#: Verbs that make someone else produce the result: "my series led the city to re-inspect 340".
_CAUSE = {"lead", "cause", "help", "prompt", "get", "push", "persuade", "convince", "enable"}
#: Verbs whose time amounts are savings: "saving the team 6 hours a week".
_SAVE = {"save", "shave", "cut", "reduce", "recover", "free", "trim", "slash"}
#: Nouns that make a number a duration or schedule: "two busy seasons", "12 shifts".
_TIME_UNITS = {
    "second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year", "yr",
    "quarter", "season", "semester", "term", "decade", "shift", "ms", "weekend", "night",
}
_NUMBER_WORDS = {"half", "zero", "twice", "dozen", "dozens", "hundreds", "thousands",
                 "millions", "third", "quarter"}
_FRACTIONS = {"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}
_FIRST = {"i", "we", "my", "our", "me", "us", "myself", "ourselves", "mine", "ours"}
_SECOND = {"you", "your", "yours", "yourself"}
_MODAL = {"would", "could", "will", "'ll", "’ll", "can", "might", "may", "should", "shall",
          "'d", "’d", "must", "wo", "ca"}
_PERFECT = {"have", "has", "had", "'ve", "’ve", "was", "were", "been"}
#: Verbs whose past form is their present form, so "I cut" may be tagged as present.
_SAME_FORM_PAST = {"cut", "set", "hit", "put", "shut", "split", "spread", "beat", "shed", "quit"}
_YEAR = re.compile(r"^(19|20)\d\d$")
_PHONE = re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")
_PLACEHOLDER = re.compile(r"^[Xx#_?]+$")
_BULLET_MARK = re.compile(r"^(?:[-•*‣◦▪–]|\d{1,2}[.)])$")


def _text(doc: Doc) -> str:
    """The document's text; ``Doc.text`` joins every token again on each call."""
    text = doc.user_data.get("coach.text")
    if text is None:
        text = doc.user_data["coach.text"] = doc.text
    return text


def _amount(tok: Token) -> bool:
    """A number that could measure something (not a year, an ordinal or an "XX" blank)."""
    if _PLACEHOLDER.match(tok.text) or _YEAR.match(tok.text):
        return False
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if tok.lower_ in _FRACTIONS and prev in {"a", "one", "two", "three", "by"}:
        return True  # "by a third", "two thirds"
    if tok.ent_type_ == "ORDINAL":
        return False
    if tok.lower_ in _NUMBER_WORDS:
        return True
    return tok.like_num or (tok.pos_ == "NUM" and any(ch.isdigit() for ch in tok.text))


def _unit(tok: Token) -> Token:
    """The noun an amount counts: "12 analysts" -> analysts, "40 %" -> %."""
    head = tok
    while head.dep_ in {"nummod", "quantmod", "compound", "advmod"} and head.head != head:
        head = head.head
    return head


def _is_time(tok: Token) -> bool:
    """Is this amount a duration, date or time ("five years", "two busy seasons", "6 pm")?"""
    if tok.ent_type_ in {"DATE", "TIME"}:
        return True
    unit = _unit(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return unit.lemma_.lower() in _TIME_UNITS or (
        nxt is not None and nxt.lemma_.lower() in _TIME_UNITS
    )


def _is_value(tok: Token) -> bool:
    """Money or a percentage: "$1.2M", "99.6%", "118 percent"."""
    if tok.ent_type_ in {"MONEY", "PERCENT"}:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (nxt is not None and nxt.lower_ in {"%", "percent", "pct"}) or (
        prev is not None and prev.text in {"$", "€", "£"}
    )


def _is_label(tok: Token) -> bool:
    """A number that names or sizes a thing rather than counting a result.

    "Part 107", "OSHA 10" (part of a name), "a 24-page program", "a 4 man crew" (a size
    modifier inside a compound), a phone number or a street address.
    """
    if tok.ent_type_ in {"ORG", "PRODUCT", "LAW", "FAC", "GPE", "WORK_OF_ART", "EVENT"}:
        return True
    if tok.head.pos_ == "PROPN" and tok.dep_ in {"nummod", "compound", "appos"}:
        return not _is_value(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text in {"-", "‑"}:
        return True
    unit = _unit(tok)
    if unit != tok and unit.dep_ in {"compound", "amod"} and unit.head.pos_ == "NOUN":
        return True
    window = _text(tok.doc)[max(0, tok.idx - 6) : tok.idx + len(tok.text) + 10]
    return bool(_PHONE.search(window))


def _governors(tok: Token) -> list[tuple[Token, list[str]]]:
    """The nearest two verbs above ``tok``, each with the dependency labels on the way up.

    Two, because a gerund is often parsed as the nearest verb: "I reduced onboarding from two
    weeks to four days" hangs "from" on "onboarding".
    """
    out: list[tuple[Token, list[str]]] = []
    path: list[str] = []
    node = tok
    for _ in range(10):
        if node.head == node or len(out) == 2:
            break
        path.append(node.dep_)
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            out.append((node, list(path)))
    return out


def _bullet_verb(tok: Token, note: Note) -> Token | None:
    """A résumé bullet that opens with a past verb ("- Reduced stockouts ..."): that verb."""
    if not any(b.start <= tok.idx < b.end for b in note.draft.bullets):
        return None
    line_start = _text(tok.doc).rfind("\n", 0, tok.idx) + 1
    first = next((t for t in tok.doc[: tok.i + 1] if t.idx >= line_start and not t.is_space
                  and not _BULLET_MARK.match(t.text)), None)
    if first is not None and first.tag_ in {"VBD", "VBN"}:
        return first
    return None


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it hangs from up to its clause's subject ("able to recover")."""
    chain = [verb]
    node = verb
    for _ in range(4):
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            break
        if node.dep_ in {"xcomp", "conj", "advcl", "acomp", "pcomp"} and node.head != node:
            node = node.head
            chain.append(node)
            continue
        break
    return chain


def _achieved(verb: Token) -> bool:
    """Past or perfect, not hypothetical: "cut", "have cut", "were able to recover"."""
    chain = _chain(verb)
    aux = {c.lower_ for v in chain for c in v.children if c.dep_ in {"aux", "auxpass"}}
    if aux & _MODAL or any(c.tag_ == "MD" for v in chain for c in v.children):
        return False
    # "I cut ... from 6 hours to 45 minutes": same-form past verbs are often tagged present.
    return any(v.tag_ in {"VBD", "VBN"} or (v.tag_ == "VBP" and v.lower_ in _SAME_FORM_PAST)
               for v in chain) or bool(aux & _PERFECT)


def _subject(verb: Token) -> list[Token]:
    """The subject of the verb's clause; for "a route that raised ...", the route's clause."""
    for node in _chain(verb):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if subj:
            if node.dep_ == "relcl" and subj[0].tag_ in {"WDT", "WP"} or (
                node.dep_ == "relcl" and subj[0].lower_ == "that"
            ):
                owner = node.head.head
                if owner.pos_ in {"VERB", "AUX"}:
                    return _subject(owner)
            return subj
    return []


class _Story:
    """Where the writer speaks in the first person: per sentence, and the sentence before."""

    def __init__(self, note: Note, sents: list[Span]):
        self.first = [any(t.lower_ in _FIRST for t in s) for s in sents]
        starts = [r.start for r in note.draft.paragraphs]
        self.para = [sum(1 for p in starts if p <= s.start_char) for s in sents]

    def told_by_writer(self, k: int) -> bool:
        return self.first[k] or (k > 0 and self.para[k - 1] == self.para[k] and self.first[k - 1])


def _writers(verb: Token, story: _Story, k: int, bullet: bool) -> bool:
    """Is the clause of ``verb`` about the writer's own work?"""
    for anc in verb.ancestors:
        # "You said turnover fell from 41% to 26%": the reader's figure.
        if anc.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "nsubj" and c.lower_ in _SECOND for c in anc.children
        ):
            return False
    subj = _subject(verb)
    words = {t.lower_ for s in subj for t in s.subtree}
    if words & _SECOND:
        return False
    if words & _FIRST:
        return True
    if not subj:
        return bullet or story.told_by_writer(k)
    if any(s.ent_type_ in {"PERSON", "ORG"} for s in subj):
        return False
    return story.told_by_writer(k)


def _change(tok: Token, verb: Token, path: list[str]) -> bool:
    """Does this amount measure a change made through ``verb``?"""
    lemma = verb.lemma_.lower()
    doc = tok.doc
    # "from 41% to 26%", "up from about half": the amount sits in a from/to phrase.
    window = doc[max(0, tok.i - 6) : tok.i]
    froms = [t for t in window if t.lower_ == "from"]
    tos = [t for t in window if t.lower_ == "to"]
    if froms or tos:
        to_after = any(t.lower_ == "to" for t in doc[tok.i + 1 : tok.i + 8])
        if (froms and froms[-1].i > 0 and doc[froms[-1].i - 1].lower_ in {"up", "down"}
                and not to_after):
            # "31 of the 36 finished, up from about half": the comparison needs a new value.
            return any(_amount(t) and not _is_time(t) for t in doc[verb.sent.start : froms[-1].i])
        # "went from 31 to 24", "cut ... from 6 hours to 45 minutes"; not "moved from 2015 to
        # 2019" or "hearing about the expansion from 5 to 50 stores".
        moved = lemma in _CHANGE or lemma in _OUTPUT
        if froms and tos and tos[-1].i > froms[-1].i:
            return moved and (not _is_time(tok) or lemma in _TIME_CHANGE)
        if froms:
            after = doc[tok.i + 1 : tok.i + 8]
            if any(t.lower_ == "to" for t in after):
                return moved and (not _is_time(tok) or lemma in _TIME_CHANGE)
        if tos and lemma in _CHANGE and "prep" in path:
            return not _is_time(tok) or lemma in _TIME_CHANGE
    # "grew by 30%", "cut in half", "dropped by about half", "dropped 40%".
    if lemma in _CHANGE:
        preps = {t.lower_ for t in window[-3:]}
        if preps & {"by", "in"} and not _is_time(tok):
            return True
        if _is_value(tok):
            return True
    # "in 5 hours instead of the 8 we quoted", "12% versus 20% the year before".
    if _against_baseline(tok):
        return True
    # "30% faster", "2 weeks early", "3x more policies".
    nxt = doc[tok.i + 1 : tok.i + 4]
    for t in nxt:
        if t.tag_ in {"JJR", "RBR"} or t.lower_ in {"early", "ahead", "sooner", "faster"}:
            following = doc[t.i + 1] if t.i + 1 < len(doc) else None
            return following is None or following.lower_ != "than"
    return False


_BASELINE = re.compile(
    r"^(?:instead of|rather than|versus|vs\.?|compared (?:with|to)|against|down from|up from)\b"
)


def _against_baseline(tok: Token) -> bool:
    """The amount is set against another one: "5 hours instead of the 8 we quoted"."""
    doc = tok.doc
    after = doc[tok.i + 1 : min(len(doc), tok.i + 10)]
    if re.match(r"^\s*\w+ (?:a|an|per|each|every) (?:day|week|month|shift|year)\b",
                _text(doc)[tok.idx + len(tok.text) :].lower()):
        return False  # a schedule: "40 hours a week instead of 30"
    for t in after:
        if t.is_sent_start or t.lower_ in {";", "and", "but"}:
            return False
        if _BASELINE.match(_text(doc)[t.idx : t.idx + 16].lower()):
            rest = doc[t.i + 1 : min(len(doc), t.i + 6)]
            return any(_amount(r) for r in rest)
    return False


def _output(tok: Token, verb: Token, path: list[str]) -> bool:
    """Is this amount an output of ``verb``: "trained 12 analysts", "closed $1.2M"?"""
    lemma = verb.lemma_.lower()
    caused = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _CAUSE
    if lemma not in _OUTPUT and not caused:
        return False
    if _is_value(tok):
        return True
    if _is_time(tok):
        return lemma in _SAVE
    # A count has to be the object itself ("11 transactions", "nine of those weeks",
    # "an average of 140 orders"), not a manner phrase ("in one sentence").
    preps = [d for d in path if d == "prep"]
    return bool(path) and path[-1] in {"dobj", "npadvmod", "attr", "oprd"} and (
        not preps or all(p == "pobj" or p in {"prep", "nummod", "quantmod", "compound"}
                         for p in path)
    ) and _of_only(tok, verb)


def _of_only(tok: Token, verb: Token) -> bool:
    """Every preposition between the amount and the verb is "of"."""
    node = tok
    while node != verb and node.head != node:
        if node.dep_ == "prep" and node.lower_ != "of":
            return False
        node = node.head
    return True


def _counted_subject(tok: Token, verb: Token, path: list[str]) -> bool:
    """"23 of my families were reunified", "15 of the children I treated moved off ..."."""
    if not path or path[-1] not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() in {
        "be", "have"
    }:
        return False
    # The amount is the subject ("23 of my families"), not inside it ("our team of 8").
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        subject = tok
    elif tok.dep_ == "nummod" and tok.head.dep_ in {"nsubj", "nsubjpass"}:
        subject = tok.head
    else:
        return False
    return any(t.lower_ in _FIRST for t in subject.subtree)


def _multiplied(tok: Token) -> bool:
    """"doubled renewals", "halved the backlog": the verb is the number."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _MULTIPLY


#: Nouns that name a change; with "from A to B" they measure it: "the drop from 14% to 8%".
_CHANGE_NOUNS = {"drop", "decrease", "reduction", "decline", "fall", "cut", "increase", "rise",
                 "growth", "gain", "jump", "improvement", "lift", "boost", "saving", "savings"}


def _noun_change(tok: Token) -> bool:
    """The amount is the "from" side of a change noun: "the drop in X, from 14% to 8%"."""
    doc = tok.doc
    window = doc[max(0, tok.i - 12) : tok.i]
    froms = [t for t in window if t.lower_ == "from"]
    if not froms or not any(t.lower_ == "to" for t in doc[tok.i + 1 : tok.i + 6]):
        return False
    return any(t.lemma_.lower() in _CHANGE_NOUNS and t.pos_ == "NOUN"
               for t in doc[max(0, froms[-1].i - 10) : froms[-1].i])


def _result_in(sent: Span, k: int, note: Note, story: _Story) -> bool:
    for tok in sent:
        if _amount(tok) and _noun_change(tok) and story.told_by_writer(k):
            if not any(t.lower_ in _SECOND for t in sent):
                return True
        if _multiplied(tok):
            if _achieved(tok) and _writers(tok, story, k, _bullet_verb(tok, note) is not None):
                return True
            continue
        if not _amount(tok) or _is_label(tok):
            continue
        bullet = _bullet_verb(tok, note)
        candidates = _governors(tok)
        verb, path = candidates[0] if candidates else (None, [])
        near = _change_word_before(tok)
        if near is not None and near != verb:
            # The parser may miss the verb ("launches each improved conversion by 3%").
            candidates.append((near, ["prep", "pobj"]))
        if bullet is not None and bullet != verb:
            candidates.append((bullet, path + ["dobj"]))
        for v, p in candidates:
            measured = (_change(tok, v, p) or _output(tok, v, p)
                        or _counted_subject(tok, v, p))
            if not measured:
                continue
            # A résumé bullet opened by a past verb is the writer's past work throughout.
            if bullet is not None or (_achieved(v) and _writers(v, story, k, False)):
                return True
    return False


def _change_word_before(tok: Token) -> Token | None:
    """A past change verb just before "by N" ("improved search conversion by around 3%")."""
    doc = tok.doc
    window = doc[max(0, tok.i - 3) : tok.i]
    by = next((t for t in window if t.lower_ == "by"), None)
    if by is None:
        return None
    for t in reversed(doc[max(0, by.i - 5) : by.i]):
        if t.lemma_.lower() in _CHANGE and t.tag_ in {"VBD", "VBN"}:
            return t
        if t.is_punct:
            break
    return None


def _unmeasured(sent: Span) -> bool:
    """A sentence with numbers that did not count (years, scope, dates): fail evidence."""
    return any(_amount(t) and not _PLACEHOLDER.match(t.text) for t in sent)


def judge(note: Note) -> Verdict:
    sents = list(note.body_sentences())
    story = _Story(note, sents)
    found = [note.span_evidence(s) for k, s in enumerate(sents) if _result_in(s, k, note, story)]
    if found:
        return verdict(
            "quantified_achievement", "pass", found,
            "You back your claim with a measured result; tie it to the need they described.",
        )
    numbers = [note.span_evidence(s) for s in sents if _unmeasured(s)][:2]
    advice = (
        "Your numbers are experience, scope or dates, not results: add one outcome of your own "
        "work, e.g. \"cut month-end close from 8 days to 5\" or \"trained 12 new hires\"."
        if numbers
        else "Add one result of your own with a number, e.g. \"cut month-end close from 8 days "
        "to 5\" or \"trained 12 new hires\"."
    )
    return verdict("quantified_achievement", "fail", numbers, advice)
