"""Follow-up promise: the writer commits to a next step of their own, ideally with a time frame.

Checklist: passes when the note "commits to a next step of their own, ideally with a time frame
("I will follow up next Friday", "I'll check in in two weeks")"; does not pass when "it only
waits ("I look forward to hearing from you", "feel free to contact me")".
Dev-set convention: a conditional promise ("if I haven't heard by ..., I will call") and sending
something by a given day pass. Offers ("I'd be happy to send"), "let me know", "I wanted to
follow up on ..." and looking forward to an interview that is already scheduled all fail.

How it is judged, clause by clause on the parse (never on the whole sentence, so "I will call
Monday to see if you need anything" still passes):
- a contact verb ("follow up", "check in", "call", "email", "reach out", "be in touch", "swing
  by", "give you a call", "send") whose subject is the writer, in the future ("will", "'ll",
  "shall", "am going to") or under a plan ("I plan / intend / promise to ...");
- or the reader is told to expect contact from the writer ("Expect a note from me", "You'll hear
  from me");
- not when it is negated, asked ("Shall I send ...?"), an offer on the way ("I'd be happy to
  send", "I am glad to send") or conditional on the reader's need ("If you need anything, I will
  send it"); a condition on the writer's own wait ("if I haven't heard by Friday") is kept.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from ..report import Verdict
from .note import Note, verdict

#: Verbs that are contact by themselves: "I will call", "I'll email you", "I'll send it over".
_CONTACT = {"call", "email", "e-mail", "phone", "ring", "text", "ping", "message", "contact",
            "send", "forward", "mail", "submit", "deliver", "reconnect", "update", "share"}
#: Phrasal verbs that are contact only with their particle: "follow up", "check in", ...
_PHRASAL = {
    "follow": {"up"},
    "check": {"in", "back"},
    "reach": {"out"},
    "circle": {"back"},
    "touch": {"base"},
    "get": {"back", "touch"},
    "swing": {"by"},
    "stop": {"by", "in"},
    "drop": {"by", "off", "in"},
    "come": {"by"},
    "write": {"back", "you", "to"},
    "keep": {"posted", "updated", "informed"},
    "let": {"know"},
}
#: Light verbs that are contact with a message as object: "give you a call", "drop you a line".
_LIGHT = {"give", "drop", "shoot", "send", "make"}
_MESSAGES = {"call", "ring", "line", "note", "email", "e-mail", "message", "update", "text"}
#: Heads that commit the writer to their complement: "I plan to call", "I promise to write".
_PLAN = {"plan", "intend", "aim", "promise", "commit", "mean", "expect", "make", "go"}
#: Predicates of willingness that turn what follows into an offer: "I'd be happy to send".
_OFFER_PREDICATES = {"happy", "glad", "willing", "available", "eager", "delighted", "pleased",
                     "free", "ready", "able", "welcome"}
_FUTURE = {"will", "'ll", "’ll", "shall", "wo"}
_WRITER = {"i", "we"}
_CONDITION = {"if", "should", "case"}
#: What a reader-side condition is about: a need, a wish, a use ("if you need anything else").
_NEEDS = {"need", "want", "like", "wish", "require", "have", "prefer", "help", "find", "think"}
_USEFUL = {"useful", "helpful", "needed", "necessary", "interested", "anything"}


def _particles(tok: Token) -> set[str]:
    """Particles, objects and prepositions that make a phrasal verb."""
    out = set()
    for c in tok.children:
        if c.dep_ in {"prt", "prep", "dobj", "dative", "advmod", "ccomp", "oprd", "acomp"}:
            out.add(c.lower_)
            if c.dep_ == "prep":
                out |= {g.lower_ for g in c.children if g.dep_ == "pobj"}
    return out


def _is_contact(tok: Token) -> bool:
    """Is ``tok`` a verb of getting in touch or handing something over?"""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if lemma in _CONTACT and lemma != "write":
        return True
    if lemma in _PHRASAL and _particles(tok) & _PHRASAL[lemma]:
        return True
    if lemma in _LIGHT and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGES for c in tok.children
    ):
        return True
    # "I will be in touch": "be" with "in touch".
    return lemma == "be" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "touch" for g in c.children)
        for c in tok.children
    )


def _reader_condition(tok: Token) -> bool:
    """A condition on the reader's side: "if you need anything", "should you want it"."""
    for c in tok.children:
        if c.dep_ != "advcl":
            continue
        marks = {g.lower_ for g in c.children if g.dep_ in {"mark", "aux", "prep"}}
        if not marks & _CONDITION:
            continue
        subj = [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass", "expl"}]
        if any(s.lower_ in _WRITER for s in subj):
            continue  # "if I haven't heard by Friday": the writer's own wait
        if (c.lemma_.lower() in _NEEDS or any(s.dep_ == "expl" for s in subj)
                or any(g.lower_ in _USEFUL for g in c.children)):
            return True
    return False


def _commitment(tok: Token) -> bool:
    """Is the contact verb ``tok`` a commitment of the writer's own?"""
    if any(c.dep_ == "neg" for c in tok.children) or _reader_condition(tok):
        return False
    # Walk up through "to"-complements and coordinated verbs to the clause with the subject:
    # "I plan to call", "I'll call Monday and send the file", "I'm going to call".
    # A future auxiliary may sit on a coordinated verb whose subject is on the first one:
    # "I'm excited about the role and will follow up next week".
    node, planned, future = tok, False, False
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        aux = {c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}}
        future = future or bool(aux & _FUTURE)
        if any(c.dep_ == "neg" for c in node.children) or _reader_condition(node):
            return False
        if subj:
            if not any(s.lower_ in _WRITER for s in subj):
                return False
            if future or planned:
                return True
            # "we are going to", "I'm making a point to": a present plan.
            return node.lemma_.lower() in _PLAN and node != tok and node.tag_ != "VBD"
        if node.dep_ == "xcomp" and node.head.pos_ == "ADJ":
            # "I'd be happy to send", "I am glad to send": an offer, not a commitment;
            # "I'll be sure to call" is kept.
            if node.head.lemma_.lower() in _OFFER_PREDICATES:
                return False
            node = node.head.head
            continue
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _PLAN:
            planned = node.head.tag_ != "VBD"
            node = node.head
            continue
        if node.dep_ == "conj" and node.head != node:
            node = node.head
            continue
        return False
    return False


def _expect_from_me(tok: Token) -> bool:
    """"Expect a note from me", "you'll hear from me": contact announced from the reader's side."""
    if tok.lemma_.lower() not in {"expect", "hear"} or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    from_me = any(
        c.dep_ in {"prep", "dative"} and c.lower_ == "from"
        and any(g.lower_ in {"me", "us"} for g in c.children)
        for t in (tok, *[c for c in tok.children if c.dep_ == "dobj"])
        for c in t.children
    )
    if not from_me:
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    # Imperative ("Expect a note from me") or the reader as subject in the future or with "can".
    return not subj or (any(s.lower_ == "you" for s in subj) and bool(aux & (_FUTURE | {"can"})))


def _promise(sent: Span) -> Token | None:
    """The verb of the writer's commitment in this sentence, if any."""
    if sent.text.rstrip().endswith("?"):
        return None
    for tok in sent:
        if (_is_contact(tok) and _commitment(tok)) or _expect_from_me(tok):
            return tok
    return None


_MATCHERS: dict[int, Matcher] = {}


def _waiting(vocab: Vocab) -> Matcher:
    """Phrases of waiting on the reader, built once per vocab (fail evidence)."""
    key = id(vocab)
    if key not in _MATCHERS:
        m = Matcher(vocab)
        m.add("WAIT", [
            [{"LEMMA": "look"}, {"LOWER": "forward"}],
            [{"LEMMA": "hope"}, {"LOWER": "to"}, {"LEMMA": "hear"}],
            [{"LEMMA": "hear"}, {"LOWER": "back", "OP": "?"}, {"LOWER": "from"},
             {"LOWER": "you"}],
            [{"LEMMA": "feel"}, {"LOWER": "free"}],
            [{"LEMMA": "let"}, {"LOWER": "me"}, {"LOWER": "know"}],
            [{"LOWER": {"IN": ["don't", "do"]}}, {"LOWER": {"IN": ["n't", "not"]}, "OP": "?"},
             {"LEMMA": "hesitate"}],
        ])
        _MATCHERS[key] = m
    return _MATCHERS[key]


_TIME_ENTS = {"DATE", "TIME"}


def _timed(sent: Span) -> bool:
    """Does the promise say when: "next Friday", "by the 30th", "in two weeks", "[date]"?"""
    return any(t.ent_type_ in _TIME_ENTS for t in sent) or any(
        t.lower_ in {"tomorrow", "week", "weeks", "month", "date", "soon", "shortly"} for t in sent
    )


def judge(note: Note) -> Verdict:
    found = []
    timed = False
    for sent in note.body_sentences():
        if _promise(sent) is not None:
            found.append(note.span_evidence(sent))
            timed = timed or _timed(sent)
    if found:
        advice = (
            "You commit to a next step with a time frame; make sure you keep it."
            if timed
            else "Say when you will follow up, e.g. \"I'll check in next Friday.\""
        )
        return verdict("follow_up_promise", "pass", found, advice)
    matcher = _waiting(note.doc.vocab)
    waiting = [
        note.span_evidence(s) for s in note.body_sentences() if matcher(s)
    ]
    return verdict(
        "follow_up_promise", "fail", waiting,
        "End with a step of your own and a date, e.g. \"If I haven't heard by next Friday, "
        "I'll check in by email.\" Waiting to hear back is not a promise.",
    )
