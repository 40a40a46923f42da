"""Clarification: the note clarifies or adds to something from the interview.

Checklist: passes on an explicit revisit, correction or addition ("I also wanted to mention",
"to expand on my answer about", "one correction", "I didn't get to mention", "I undersold
it"). "As I mentioned..." only restates, so it stays ``warn``. Advisory: absence is ``warn``,
never ``fail``.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span

from ..report import Verdict
from .note import Note, verdict

_ADD_VERBS = ["mention", "add", "share", "clarify", "correct", "expand", "elaborate", "revisit",
              "note", "flag", "explain", "answer", "clear", "fix", "amend", "update"]
_PATTERNS = {
    # "I also wanted to mention", "I'd like to add", "I want to clarify"
    "wanted_to_add": [
        {"LOWER": {"IN": ["i", "i'd", "i’d"]}},
        {"OP": "*", "IS_SENT_START": False, "POS": {"IN": ["ADV", "AUX", "PART"]}},
        {"LEMMA": {"IN": ["want", "like", "wish", "hope", "need"]}},
        {"LOWER": "to"},
        {"OP": "?", "POS": "ADV"},
        {"LEMMA": {"IN": _ADD_VERBS}},
    ],
    # "to expand on my answer", "to add to what I said", "to follow up on your question"
    "expand_on": [
        {"LEMMA": {"IN": ["expand", "elaborate", "add", "build", "return"]}},
        {"LOWER": {"IN": ["on", "to", "up"]}},
        {"OP": "?", "LOWER": {"IN": ["on", "to"]}},
        {"LOWER": {"IN": ["my", "your", "what", "the", "our", "something", "one"]}},
    ],
    # "so to expand a little:", "To clarify,"
    "to_expand": [
        {"LOWER": "to"},
        {"LEMMA": {"IN": ["expand", "elaborate", "clarify"]}},
        {"LOWER": {"IN": ["a", "briefly", ":", ",", "further", "here", "now"]}},
    ],
    # "to follow up on the memory question" (not "following up on our call")
    "follow_up_on_answer": [
        {"LEMMA": "follow"},
        {"LOWER": "up"},
        {"LOWER": {"IN": ["on", "to", "about"]}},
        {"OP": "?", "POS": {"IN": ["DET", "PRON"]}},
        {"OP": "*", "POS": {"IN": ["NOUN", "ADJ", "PROPN", "VERB"]}},
        {"LEMMA": {"IN": ["answer", "question", "point", "response", "example", "comment"]}},
    ],
    # "to go back to your question", "circling back to what I said" (not "going on your end")
    "go_back": [
        {"LEMMA": {"IN": ["go", "come", "circle", "loop", "get"]}},
        {"LOWER": "back"},
        {"OP": "?", "LOWER": {"IN": ["to", "on", "over"]}},
        {"LOWER": {"IN": ["my", "your", "what", "the", "our", "something", "one", "a"]}},
    ],
    # "One more thing about the editing test:", "Another thing I didn't get to say"
    "one_more_thing": [
        {"LOWER": {"IN": ["one", "another"]}, "IS_SENT_START": True},
        {"OP": "?", "LOWER": {"IN": ["more", "other", "last", "further"]}},
        {"LEMMA": {"IN": ["thing", "point", "note", "detail"]}},
        {"LOWER": {"IN": ["about", "on", "regarding", "i", ":", "from", "that"]}},
    ],
    # "I undersold it", "I misspoke", "I understated", "I misremembered"
    "undersold": [
        {"LOWER": {"IN": ["i", "we"]}},
        {"OP": "*", "POS": {"IN": ["AUX", "PART", "ADV"]}},
        {"LOWER": {"REGEX": r"^(undersol|undersell|understat|misspo|misspeak|misstat|"
                            r"misremember|misspoke|mixed)"}},
    ],
    # "a corrected version", "the corrected figure", "I need to correct something I said"
    "corrected": [
        {"LOWER": {"IN": ["a", "the", "my"]}},
        {"LOWER": {"IN": ["corrected", "clarified", "amended"]}},
    ],
    # "I didn't get to mention", "I did not say", "I forgot to mention", "I neglected to"
    "did_not_say": [
        {"LOWER": {"IN": ["i", "we"]}},
        {"OP": "*", "POS": {"IN": ["AUX", "PART", "ADV"]}},
        {"LEMMA": {"IN": ["forget", "forgot", "forgotten", "neglect", "fail", "get", "have",
                          "mention", "say", "cover", "show", "include", "bring", "discuss",
                          "explain", "answer", "realize", "realise", "undersell", "misspeak",
                          "misstate", "understate", "misremember", "sell", "leave"]}},
    ],
    "correction": [
        {"LOWER": {"IN": ["one", "a", "quick", "small", "minor"]}, "OP": "*"},
        {"LEMMA": {"IN": ["correction", "clarification", "addendum", "afterthought"]}},
    ],
    # "I should have said", "I should also correct one point"
    "should_have": [
        {"LOWER": {"IN": ["i", "i'd", "i’d"]}},
        {"LOWER": {"IN": ["should", "could", "would", "must"]}},
        {"OP": "?", "POS": "ADV"},
        {"LOWER": "have", "OP": "?"},
        {"LEMMA": {"IN": ["say", "mention", "explain", "answer", "give", "add", "include",
                          "correct", "clarify", "amend"]}},
    ],
    # "I should have been clearer", "I could have been more specific"
    "should_have_been": [
        {"LOWER": {"IN": ["i", "i'd", "i’d"]}},
        {"LOWER": {"IN": ["should", "could"]}},
        {"LOWER": "have"},
        {"LOWER": "been"},
        {"LOWER": {"IN": ["clearer", "more", "less", "firmer", "precise", "specific"]}},
    ],
    "on_reflection": [
        {"LOWER": {"IN": ["on", "upon", "after", "in"]}},
        {"LOWER": {"IN": ["reflection", "thinking", "hindsight", "second"]}},
    ],
}
#: "forgot" is listed too: the lemmatizer sometimes leaves it as it is.
_NEGATED_OR_MISSED = {"forget", "forgot", "forgotten", "neglect", "fail", "undersell",
                      "misspeak", "misstate", "understate", "misremember", "realize", "realise",
                      "leave"}


def _matcher(vocab) -> Matcher:
    m = Matcher(vocab)
    for name, pattern in _PATTERNS.items():
        m.add(name, [pattern])
    return m


_CACHE: dict[int, Matcher] = {}


def _matches(note: Note) -> list[tuple[int, int, int]]:
    """All pattern matches in the note, found in one pass over the document."""
    matcher = _CACHE.get(id(note.doc.vocab))
    if matcher is None:
        matcher = _CACHE[id(note.doc.vocab)] = _matcher(note.doc.vocab)
    return matcher(note.doc)


def _hits(note: Note, sent: Span, matches: list[tuple[int, int, int]]) -> list[Span]:
    out = []
    for match_id, start, end in matches:
        if start < sent.start or end > sent.end:
            continue
        name = note.doc.vocab.strings[match_id]
        span = note.doc[start:end]
        if name == "did_not_say":
            verb = span[-1]
            negated = any(t.dep_ == "neg" for t in verb.head.children) or any(
                t.dep_ == "neg" for t in verb.children
            ) or any(t.lower_ in {"not", "n't", "never", "didn't"} for t in span)
            if not (negated or verb.lemma_ in _NEGATED_OR_MISSED) or verb.lemma_ in {"have"}:
                continue
            if verb.lemma_ in {"sell"} and not any(t.lower_ in {"short", "under"} for t in sent):
                continue
            if verb.lemma_ in {"fail", "neglect"} and not any(
                c.dep_ == "xcomp" for c in verb.children
            ):
                continue  # "I failed to mention", not "I've never failed an inspection"
            if verb.lemma_ == "leave" and not any(
                c.dep_ in {"prt", "advmod"} and c.lower_ in {"out", "off"} for c in verb.children
            ):
                continue  # "I left out my license", not "I left the hotel inspired"
        out.append(span)
    return out


_OWN_ANSWER = {"answer", "response", "reply", "explanation", "example"}
_GIVE = {"give", "offer", "provide"}
_FALLING_SHORT = {"short", "vague", "rushed", "incomplete", "thin", "weak", "unclear", "muddled",
                  "rambling", "brief", "clumsy", "shaky", "confusing", "incorrect", "wrong"}


def _faults_own_answer(sent: Span) -> bool:
    """The writer says an answer of theirs fell short: "I don't think my answer was as clear
    as it could have been", "my example about budgets was too vague"."""
    for tok in sent:
        # "I don't think I gave you a complete answer": the writer's giving, denied.
        if tok.lemma_.lower() in _OWN_ANSWER and tok.dep_ == "dobj" and (
            tok.head.lemma_.lower() in _GIVE
            and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in tok.head.children)
            and (any(c.dep_ == "neg" for c in tok.head.children)
                 or any(c.dep_ == "neg" for c in tok.head.head.children))
        ):
            return True
        if tok.lemma_.lower() in _OWN_ANSWER and any(
            c.dep_ == "poss" and c.lower_ == "my" for c in tok.children
        ):
            clause = tok.head
            words = {t.lower_ for t in clause.subtree}
            negated = any(t.dep_ == "neg" for t in clause.subtree) or any(
                t.dep_ == "neg" for t in clause.head.children
            )
            if negated or words & _FALLING_SHORT:
                return True
    return False


def judge(note: Note) -> Verdict:
    found = []
    matches = _matches(note)
    for sent in note.body_sentences():
        if _hits(note, sent, matches) or _faults_own_answer(sent):
            found.append(note.span_evidence(sent))
    if found:
        return verdict(
            "clarification", "pass", found,
            "You revisit something from the interview; keep it to two or three sentences.",
        )
    return verdict(
        "clarification", "warn", [],
        "If an answer came out short, add a line such as \"I also wanted to add to my answer "
        "about ...\" with the missing detail (optional).",
    )
