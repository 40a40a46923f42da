"""Fit: the note links the writer's skills or experience to a named need of the employer.

Checklist: passes when the note "links the writer's skills or experience to a named need,
challenge or goal of the employer or role ("your backlog of unreconciled accounts", "the move
to weekly replenishment")"; it does not pass when "it lists skills, or claims a fit with "the
job's requirements", "the role" or "your team" without naming what is needed".

How it reads the parse:

- *Named needs* are the concrete nouns the note attributes to the employer, as specificity
  finds them ("the retry storm you described", "your goals for weekly replenishment"), here
  also when they are quoted from the job posting.
- A sentence *links* when the writer (or the writer's experience, "that approach", "a
  similar program") is the subject of a linking verb ("bring", "help", "apply", "fit",
  "match", "contribute") or the sentence says "the same", "similar", "exactly", "relevant",
  and the need is named in the sentence, or pointed back to ("it", "that", "those deals")
  right after a sentence naming it; or when the writer tells what they did ("I monitored
  anaesthesia for 1,100 procedures") about the very thing the employer named.
- A claim with no named need ("I'd be a great fit for the role", "my skills match your
  requirements") does not link.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..report import Evidence, Verdict
from .note import Note, verdict
from .specificity import EVALUATIVE, HARD_GENERIC, SOFT_GENERIC, conversation_details

_TIME_WORDS = frozenset({"day", "week", "month", "year", "morning", "afternoon", "evening",
                         "weekend", "hour", "minute", "season", "quarter", "semester"})
#: Nouns for the writer's know-how, which can stand for the writer: "that experience fits".
_EXPERIENCE = frozenset({
    "experience", "background", "approach", "skill", "skillset", "training", "expertise",
    "knowledge", "habit", "method", "model", "program", "process", "system", "work", "record",
    "history", "pattern", "practice", "pipeline", "strategy", "playbook", "framework",
})

#: Verbs that put the writer's experience to work on the employer's need.
_LINK_VERBS = frozenset({
    "help", "bring", "apply", "support", "contribute", "tackle", "solve", "address", "fit",
    "match", "translate", "transfer", "carry", "adapt", "serve", "handle", "fix", "speed",
    "streamline", "reduce", "cut", "improve", "ease", "shorten", "plug", "relate", "map",
    "align", "mirror", "resemble", "parallel", "prepare", "equip", "cover", "close",
    "meet", "take", "lead", "run", "build", "own", "do", "make", "use", "put", "lend",
    "save", "fill", "staff", "grow", "scale", "manage", "untangle", "face", "deal", "work",
})
#: Words that say the writer's experience is like the employer's need.
_LINK_WORDS = frozenset({
    "same", "similar", "exactly", "exact", "directly", "relevant", "applicable", "parallel",
    "close", "closely", "identical", "comparable", "familiar", "transferable",
})
#: Verbs of feeling or thinking: "I think", "I enjoyed", "I hope" tell no experience.
_MENTAL = frozenset({
    "be", "have", "think", "believe", "feel", "hope", "want", "love", "like", "enjoy",
    "appreciate", "look", "thank", "wish", "know", "understand", "learn", "hear", "see",
    "find", "keep", "say", "mention", "forget", "add", "write", "follow", "send", "call",
    "check", "reach", "let", "get", "go", "come", "meet", "talk", "speak", "wait", "expect",
})
_WRITER = frozenset({"i", "we", "me", "us", "my", "our", "myself"})
_ANAPHORS = frozenset({"it", "that", "this", "those", "these", "them", "one", "there", "same",
                       "similar", "such", "here"})


#: Generic words that say nothing about which need: the job, the employer, the interview.
_NOT_TOPICAL = (HARD_GENERIC - _TIME_WORDS) | SOFT_GENERIC | EVALUATIVE


def _need_words(tok: Token) -> set[str]:
    """The content lemmas of a named need and its phrase: "the push to hire twenty field
    engineers before the Denver site opens" -> push, hire, field, engineer, denver, ..."""
    words = {t.lemma_.lower() for t in tok.subtree
             if t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.ent_type_ not in {"ORG", "PERSON"}}
    return {w for w in words if len(w) > 3 and w not in _NOT_TOPICAL}


def _subject(verb: Token) -> Token | None:
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None or verb.dep_ not in {"xcomp", "conj", "advcl"}:
            return subj
        verb = verb.head
    return None


def _writer_side(subj: Token | None) -> bool:
    """The writer or the writer's experience: "I", "my background", "that approach", "a
    similar program", "the same pattern"."""
    if subj is None:
        return False
    if subj.lower_ in _WRITER:
        return True
    if subj.lower_ in {"that", "this", "it"}:
        return True
    if subj.lemma_.lower() in _EXPERIENCE and not any(
        c.dep_ == "poss" and c.lower_ not in _WRITER for c in subj.children
    ):
        return True
    return any(
        (c.dep_ == "poss" and c.lower_ in _WRITER)
        or (c.dep_ == "det" and c.lower_ in {"that", "this", "those", "these"})
        or (c.dep_ == "amod" and c.lower_ in {"same", "similar"})
        for c in subj.children
    )


def _writer_clause(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _WRITER for c in tok.children
    )


def _moved(verb: Token) -> bool:
    """"got my callback rate down", "brought the backlog down": a change, not a mental verb."""
    return verb.lemma_.lower() in {"get", "bring", "keep"} and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ in {"down", "up"} for c in verb.children
    )


_THE_JOB = frozenset({"role", "position", "job", "opening", "company", "team", "organization",
                      "organisation", "firm", "department", "opportunity", "office"})


def _has_anaphor(tokens) -> bool:
    """A word pointing back at a need ("it", "that", "the same"), not at a time ("this year")."""
    return any(t.lower_ in _ANAPHORS and t.pos_ in {"PRON", "DET", "ADJ", "ADV", "NUM"}
               and t.ent_type_ not in {"DATE", "TIME"}
               # "this role", "that team" point at the job, not at a need
               and not (t.dep_ == "det" and t.head.lemma_.lower() in _THE_JOB)
               for t in tokens)


def _negated(tok: Token) -> bool:
    """"that isn't the same as running a study": a likeness denied."""
    return any(c.dep_ == "neg" for t in (tok, tok.head) for c in t.children)


def _links(sent: Span, needs_here: set[int], needs_before: bool,
           known: set[str]) -> bool:
    """Whether the sentence ties the writer's experience to a named need."""
    words = {t.lower_ for t in sent}
    likeness = any(t.lower_ in _LINK_WORDS and not _negated(t) for t in sent) or any(
        t.lower_ == "like" and t.pos_ == "ADP" and not _negated(t) for t in sent
    )
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        subj = _subject(tok)
        if subj is not None and subj.lower_ == "it" and (subj.head != tok or any(
            c.dep_ in {"xcomp", "ccomp"} for c in tok.children
        )):
            # "It was great to meet Sandra", "It helped to hear that ...": a dummy "it".
            subj = None
        lemma = tok.lemma_.lower()
        linking = lemma in _LINK_VERBS or (likeness and lemma == "be")
        if lemma == "make" and any(c.dep_ in {"dobj", "nsubj"} and c.lower_ in {"me", "us"}
                                   for c in tok.children):
            # "my background makes me a strong match": a claim about the writer, no link
            linking = False
        if linking and _writer_side(subj):
            scope = [t for t in tok.subtree if t != subj]
            # the need named in the same sentence ("With 3 new crews starting, I could help")
            if needs_here or any(t.lemma_.lower() in known for t in sent
                                 if t.pos_ in {"NOUN", "PROPN"}):
                return True
            # or pointed back to: "I could help get them trained", "it would help with that"
            if needs_before and _has_anaphor(scope + [subj]):
                return True
        # "the hybrid work you're turning away is work I can take on", "That is the exact
        # buyer I have sold to": a need (or "that") equated with the writer's own doing
        if lemma == "be" and subj is not None and (
            subj.i in needs_here or (subj.lower_ in {"that", "this", "which"} and (
                needs_before or needs_here))
        ):
            attr = [c for c in tok.children if c.dep_ in {"attr", "acomp"}]
            if any(_writer_clause(t) for a in attr for t in a.subtree):
                return True
        # "At my last clinic I monitored anesthesia for 1,100 procedures."
        if subj is not None and subj.lower_ in _WRITER and (lemma not in _MENTAL or _moved(tok)):
            if any(t.lemma_.lower() in known and t.pos_ in {"NOUN", "PROPN", "VERB"}
                   for t in tok.subtree if t.i not in needs_here):
                return True
    # "That is the exact buyer I have sold to", "I faced nearly the same funnel"
    return likeness and bool(words & _WRITER) and (bool(needs_here) or needs_before)


def judge(note: Note) -> Verdict:
    sents = list(note.body_sentences())
    needs = [[t for t, _ in conversation_details(s, posting=True)] for s in sents]
    words = [set().union(*(_need_words(t) for t in ts)) if ts else set() for ts in needs]
    found: list[Evidence] = []
    for i, sent in enumerate(sents):
        here = {t.i for t in needs[i]}
        before = any(needs[max(0, i - 2) : i])
        # what the employer named elsewhere in the note
        known: set[str] = set().union(*(w for j, w in enumerate(words) if j != i))
        if _links(sent, here, before, known):
            found.append(note.span_evidence(sent))
    if found:
        return verdict(
            "fit", "pass", found[:3],
            "You tie your experience to a need they named; put the result that proves it in "
            "the same sentence.",
        )
    return verdict(
        "fit", "fail", [],
        "Connect one of your results to a need they named, e.g. \"that's the approach I'd bring "
        "to your backlog of unreconciled accounts\"; \"a great fit for the role\" is not enough.",
    )
