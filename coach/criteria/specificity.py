"""Specificity: the note refers to at least one concrete thing from the conversation.

Checklist: passes when the note "refers to at least one concrete thing from the conversation:
a project, problem, product, plan, team, person or topic that was discussed ("your plan to
merge the regional dashboards")"; it does not pass on "only generic praise ("the great
opportunity", "your amazing company", "our conversation")". Dev-set convention: the detail
has to come from the conversation; quoting the job posting doesn't count. With a context,
the note should refer to one of the recorded topics, and a phrase that only echoes the job ad
is not counted unless someone is said to have raised it.

How it reads the parse, sentence by sentence in the body:

1. An *anchor* says something came from the interview: a report verb whose subject is not
   the writer ("you described", "Mr. Ito mentioned", "walking me through"), a verb of
   taking in ("hearing about", "learning that", "we talked about"), a talk noun with its
   topic ("our conversation about", "your description of", "the question you asked",
   "your point that ..."), a thing the reader is doing ("the grant you are preparing"), or
   a thing of the employer's ("your new alignment rack", "the clinic's plan to ...").
2. Under the anchor, a *concrete* noun: one with a descriptive modifier (a compound noun, a
   non-evaluative adjective, a possessor, a prepositional phrase or clause holding another
   noun). Role, company, interview, time and value words ("the position", "your company",
   "its values", "our call") never count; praise adjectives ("amazing", "wonderful") do not
   make a noun concrete; the writer's own things ("my OSHA card") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..report import Evidence, Verdict
from .note import Note, verdict

#: Heads that never name a particular thing, however they are modified: the job, the
#: employer, the interview itself, time, praise and values, and the writer's own record.
HARD_GENERIC = frozenset({
    # the job
    "position", "role", "job", "opening", "post", "internship", "vacancy", "career", "title",
    "posting", "listing", "requirement", "qualification", "responsibility", "duty", "spot",
    "apprenticeship", "fellowship", "residency", "principalship", "gig",
    # the employer as a whole
    "company", "organization", "organisation", "firm", "business", "employer", "agency",
    "corporation", "enterprise", "institution", "practice",
    # the interview and its pleasantries
    "interview", "conversation", "discussion", "call", "meeting", "chat", "talk", "visit",
    "opportunity", "chance", "pleasure", "honor", "honour", "privilege", "consideration",
    "convenience", "hospitality", "welcome", "insight", "information", "info", "detail",
    "question", "answer", "time", "round", "loop", "onsite", "process", "step",
    # time words
    "day", "week", "month", "year", "morning", "afternoon", "evening", "today", "tomorrow",
    "weekend", "hour", "minute", "moment", "season", "quarter", "semester",
    # praise and values
    "value", "mission", "vision", "culture", "commitment", "dedication", "passion",
    "environment", "atmosphere", "energy", "reputation", "success", "future", "direction",
    "excellence", "quality", "integrity", "innovation", "growth", "approach", "way", "thing",
    "lot", "everything", "something", "anything", "everyone", "part", "kind", "sort",
    # the writer's own record
    "experience", "background", "skill", "skillset", "strength", "ability", "résumé",
    "resume", "cv", "certification", "degree", "reference", "candidate", "fit", "asset",
    "addition", "contribution", "hire",
})
#: Heads that are generic alone but name something once described ("the team" vs "the
#: catastrophe response team"); a company name alone does not describe them.
SOFT_GENERIC = frozenset({
    "team", "work", "service", "product", "client", "customer", "goal", "need", "priority",
    "plan", "problem", "challenge", "issue", "project", "program", "programme", "system",
    "place", "office", "school", "community", "staff", "people", "department", "unit",
    "group", "idea", "initiative", "effort", "area", "field", "industry", "market",
    "student", "patient", "member", "colleague", "employee", "person", "site", "store",
    "branch", "clinic", "hospital", "building", "facility", "space", "operation", "task",
    "support", "help", "focus", "story", "look", "point",
})
#: Adjectives that praise or quantify rather than describe.
EVALUATIVE = frozenset({
    "great", "good", "amazing", "awesome", "wonderful", "excellent", "exciting", "impressive",
    "incredible", "fantastic", "terrific", "fabulous", "outstanding", "remarkable", "nice",
    "lovely", "fun", "interesting", "fascinating", "insightful", "informative", "helpful",
    "useful", "valuable", "thoughtful", "warm", "welcoming", "friendly", "kind", "generous",
    "candid", "open", "honest", "supportive", "innovative", "inspiring", "unique",
    "important", "whole", "entire", "more", "other", "many", "much", "such", "same",
    "various", "several", "current", "overall", "full", "real", "new", "recent", "next",
    "last", "first", "own", "strong", "solid", "dynamic", "talented", "passionate",
    "dedicated", "collaborative", "growing", "busy", "exact", "particular", "specific",
    "certain", "different", "best", "better", "top", "big", "small", "large", "huge",
    "additional", "further", "few", "little", "quick", "brief", "short", "long", "excited",
    "beautiful", "cool", "special", "meaningful", "rewarding", "successful",
    "professional", "respected", "renowned", "leading", "fast-paced", "clear", "detailed",
    "possible", "potential", "future", "upcoming", "ongoing", "high",
})
#: Compound words that give the interview's channel or format, not its topic.
_FORMAT = frozenset({
    "phone", "video", "zoom", "virtual", "onsite", "person", "final", "panel", "group",
    "second", "first", "follow", "initial", "screening", "hiring", "interview", "job",
    "recruitment", "application", "selection", "team", "lunch", "coffee", "site",
})
#: Verbs that report what someone said or showed; the subject must not be the writer.
_REPORT_VERBS = frozenset({
    "describe", "mention", "say", "explain", "tell", "walk", "share", "raise", "outline",
    "frame", "ask", "discuss", "talk", "show", "present", "point", "note", "cover",
    "introduce", "bring", "highlight", "emphasize", "emphasise", "stress", "detail", "lay",
    "sketch", "demo", "demonstrate", "preview", "flag", "admit", "paint", "reveal",
})
#: Verbs of taking something in during the interview; any subject.
_TAKE_IN_VERBS = frozenset({
    "hear", "learn", "see", "watch", "observe", "tour", "discuss", "talk", "chat", "review",
    "explore", "go", "walk", "meet", "visit", "preview", "look",
})
#: Nouns for an exchange in the interview that take a topic ("our discussion of ...").
#: Take-in verbs that only count with their particle: "go over", "walk through".
_PHRASAL = {"go": {"over", "through"}, "walk": {"through"}, "meet": {"with", "about"},
            "look": {"at", "into", "over"}}
_IF = frozenset({"if", "whether", "unless", "should"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_TALK_NOUNS = frozenset({
    "conversation", "discussion", "talk", "chat", "question", "story", "description",
    "walkthrough", "walk", "overview", "look", "tour", "demo", "presentation", "point",
    "comment", "explanation", "debrief", "exercise", "case", "example", "remark", "answer",
    "mention", "emphasis", "candor", "candour", "frankness", "honesty", "openness", "account",
    "breakdown", "picture", "view", "insight", "perspective", "thought", "play", "scenario",
    "anecdote", "update", "preview", "concern",
})
_TOPIC_PREPS = frozenset({"about", "of", "on", "around", "regarding", "concerning", "into",
                          "behind", "through", "over", "toward", "towards"})
_WRITER = frozenset({"i", "me", "myself", "we", "us"})
_WRITER_POSS = frozenset({"my", "our", "mine"})
_POSTING = frozenset({"posting", "listing", "advertisement", "advert", "ad"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl", "relcl", "advcl", "pcomp", "conj"})
_DATE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _is_noun(tok: Token) -> bool:
    return tok.pos_ in {"NOUN", "PROPN"}


def _writer_owned(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in _WRITER_POSS for c in tok.children)


def _subject(tok: Token, depth: int = 3) -> Token | None:
    """The verb's subject, or the subject it inherits from the verb it hangs off."""
    for _ in range(depth):
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj
        if tok.dep_ not in {"xcomp", "conj", "advcl"} or tok.head == tok:
            return None
        tok = tok.head
    return None


def _nonfinite(verb: Token) -> bool:
    """A gerund, participle or to-infinitive: "for walking me through", "to hear about"."""
    return verb.tag_ in {"VBG", "VBN"} or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _is_writer(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in _WRITER


_SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter", "night", "noon"})


def _is_date(tok: Token) -> bool:
    """A date word ("next spring", "June"), not a noun the NER swept into a date ("weekly
    replenishment")."""
    return tok.ent_type_ in _DATE_ENTS and (
        tok.pos_ == "PROPN" or _lemma(tok) in _SEASONS or tok.like_num
    )


def _describes(mod: Token, head: Token) -> bool:
    """Whether ``mod`` (a child of ``head``) tells which particular thing ``head`` is."""
    dep, lemma = mod.dep_, _lemma(mod)
    if mod.ent_type_ in _DATE_ENTS and dep != "poss":
        return False
    if dep == "compound":
        if mod.pos_ == "PROPN":
            # "the Denver site" names a site, "the Acme team" only names the employer.
            return _lemma(head) not in SOFT_GENERIC
        return lemma not in _FORMAT and lemma not in HARD_GENERIC and len(mod.text) > 2
    if dep in {"amod", "nmod"}:
        if mod.tag_ in {"JJS", "JJR"} and "-" not in mod.text and (
            _lemma(head) in SOFT_GENERIC or mod.lower_ in {"earliest", "best", "most"}
        ):
            # "your biggest accounts" is particular, "the best team" is praise
            return False
        if mod.tag_ == "JJS":
            return True
        return lemma not in EVALUATIVE and mod.lower_ not in EVALUATIVE
    if dep == "poss":
        return _is_noun(mod) and mod.lower_ not in _WRITER_POSS and mod.ent_type_ != "ORG"
    if dep == "prep":
        return any(
            _is_noun(g) and _lemma(g) not in HARD_GENERIC and _lemma(g) not in SOFT_GENERIC
            and not _is_date(g) and g.ent_type_ != "ORG"
            for g in mod.subtree if g != mod
        )
    if dep in {"acl", "relcl"}:
        return any(
            _is_noun(g) and _lemma(g) not in HARD_GENERIC and _lemma(g) not in SOFT_GENERIC
            and not _is_date(g)
            for g in mod.subtree if g != mod
        )
    return False


def concrete(tok: Token) -> bool:
    """A noun that names a particular thing: described, and not a generic head."""
    if tok.pos_ != "NOUN" or tok.ent_type_ == "ORG":
        return False  # the employer as a whole ("Orbital Media") is no particular thing
    if tok.ent_type_ in _DATE_ENTS and not any(
        c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"} for c in tok.children
    ):
        # "next spring" is a date; "the clinic's evening hours" is the clinic's
        return False
    lemma = _lemma(tok)
    if lemma in HARD_GENERIC or tok.lower_ in HARD_GENERIC or _writer_owned(tok):
        return False
    if any(_describes(c, tok) for c in tok.children):
        return True
    # PP attachment is a guess: in "matches your goals for weekly replenishment" the parser
    # may hang "for ..." on the verb; a prepositional phrase right after an object counts.
    after = tok.right_edge.i + 1
    if tok.dep_ == "dobj" and after < len(tok.doc):
        nxt = tok.doc[after]
        return nxt.dep_ == "prep" and nxt.head == tok.head and _describes(nxt, tok)
    return False


def _scan(root: Token, skip_subject: bool = True) -> Iterator[Token]:
    """Concrete nouns under ``root``, skipping its subject and the writer's own clauses."""
    skip = {"nsubj", "nsubjpass", "expl"} if skip_subject else set()
    # "I learned to track permits" is the writer's own skill, not a topic: skip verb xcomps.
    stack = [c for c in root.children
             if c.dep_ not in skip and not (c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"})]
    while stack:
        tok = stack.pop()
        if tok.pos_ == "VERB" and tok.dep_ in _CLAUSE_DEPS and _is_writer(
            next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        ):
            continue
        if _is_noun(tok) and _writer_owned(tok):
            continue
        # A compound only modifies its head ("the front desk receptionist position"); the
        # head is judged, with the compound as one of its modifiers.
        if concrete(tok) and tok.dep_ != "compound":
            yield tok
        stack.extend(tok.children)


def _topic_scan(noun: Token) -> Iterator[Token]:
    """The topic of a talk noun: its prepositional object, compound, or clause."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS:
            yield from _scan(c, skip_subject=False)
        elif c.dep_ in {"acl", "relcl", "ccomp", "appos"}:
            if c.dep_ == "relcl" and _is_writer(_subject(c)):
                continue
            yield from _scan(c)
        elif c.dep_ == "compound" and c.pos_ == "NOUN" and _lemma(c) not in _FORMAT | HARD_GENERIC:
            yield c
        elif c.dep_ == "amod" and c.tag_ == "VBG" and _lemma(c) not in EVALUATIVE:
            yield c


def _definite(noun: Token) -> bool:
    """A talk noun that points at one exchange: "the question", "your story", "our chat",
    "Grant's question", "my answer about" (not "questions about", "a conversation")."""
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in _DEFINITE:
            return True
        if c.dep_ == "poss" and (c.lower_ != "my" or _lemma(noun) == "answer"):
            return True
    return False


def _employer_thing(tok: Token) -> bool:
    """A described noun marked as the reader's: "your phishing problem", "the clinic's plan",
    "the grant you are preparing"."""
    if not concrete(tok):
        return False
    for c in tok.children:
        if c.dep_ == "poss" and (c.lower_ == "your" or (
            _is_noun(c) and c.lower_ not in _WRITER_POSS
        )):
            return True
        if c.dep_ in {"relcl", "acl"}:
            subj = _subject(c)
            if subj is not None and subj.lower_ == "you":
                return True
    return False


def _is_posting_sentence(sent: Span) -> bool:
    for tok in sent:
        if _lemma(tok) in _POSTING or tok.lower_.rstrip("s") in _POSTING:
            return True
        if _lemma(tok) == "description" and any(c.lower_ == "job" for c in tok.children):
            return True
    return False


def conversation_details(sent: Span, posting: bool = False) -> list[tuple[Token, bool]]:
    """Concrete nouns the sentence attributes to the interview, each with whether someone is
    said to have raised it (True) or it is only marked as the employer's (False). A sentence
    quoting the job posting gives nothing unless ``posting`` is set."""
    if not posting and _is_posting_sentence(sent):
        return []
    # Specificity and fit both ask; the answer depends on the parse alone, so keep it.
    key = ("coach.details", sent.start, sent.end)
    cache = sent.doc.user_data
    if key not in cache:
        cache[key] = _details(sent)
    return cache[key]


def _details(sent: Span) -> list[tuple[Token, bool]]:
    found: list[tuple[Token, bool]] = []
    for tok in sent:
        lemma = _lemma(tok)
        if tok.pos_ == "VERB":
            subj = _subject(tok)
            if subj is None and not _nonfinite(tok):
                # a subjectless finite verb is a résumé bullet ("Presented monthly reviews")
                continue
            if _nonfinite(tok) and _enjoyed(tok):
                # "It was great to pair with them on the accessibility bug", "I enjoyed
                # sitting in on the diabetes education group": something done in the interview.
                found.extend((t, True) for t in _scan(tok))
            elif lemma in _REPORT_VERBS and not _is_writer(subj) and not _about_writer(tok, subj):
                found.extend((t, True) for t in _scan(tok))
                # "since you said your biggest accounts are ...": the parse hangs the report
                # off what was reported; take that clause unless it is the writer's own.
                if tok.dep_ == "advcl" and not any(
                    c.dep_ in {"dobj", "ccomp", "prep"} for c in tok.children
                ) and not _is_writer(_subject(tok.head)):
                    found.extend((t, True) for t in _scan(tok.head, skip_subject=False)
                                 if not tok.left_edge.i <= t.i <= tok.right_edge.i)
            elif lemma in _TAKE_IN_VERBS and (lemma not in _PHRASAL or any(
                c.lower_ in _PHRASAL[lemma] for c in tok.children
            )):
                found.extend((t, True) for t in _scan(tok))
            elif (subj is not None and subj.lower_ == "you" and tok.dep_ != "relcl"
                  and not any(c.dep_ == "mark" and c.lower_ in _IF for c in tok.children)):
                # what the reader is doing or planning, not "if you need anything else"
                found.extend((t, False) for t in _scan(tok))
            # "the issue you raised", "the question Ms. Park asked"
            if tok.dep_ == "relcl" and lemma in _REPORT_VERBS and not _is_writer(subj):
                head = tok.head
                if _is_noun(head) and _lemma(head) not in HARD_GENERIC | _TALK_NOUNS:
                    found.append((head, True))
        elif tok.pos_ == "NOUN":
            if lemma in _TALK_NOUNS and _definite(tok):
                found.extend((t, True) for t in _topic_scan(tok))
            elif _employer_thing(tok):
                found.append((tok, False))
    # The parse tree can reach past the span (a salutation glued to the first sentence).
    return [(t, raised) for t, raised in found if sent.start <= t.i < sent.end]


def _about_writer(verb: Token, subj: Token | None) -> bool:
    """"My colleagues have described me as ...": the writer's own people talking about the
    writer, not something said in the interview."""
    if subj is not None and _writer_owned(subj):
        return True
    return any(c.dep_ in {"dobj", "dative"} and c.lower_ in {"me", "myself"}
               for c in verb.children) and verb.lemma_.lower() in {"describe", "call", "show"}


_ENJOY_VERBS = frozenset({"enjoy", "appreciate", "love", "like", "relish"})
_GOOD_TO = frozenset({"glad", "happy", "nice", "fun", "pleasure", "treat", "highlight", "joy",
                      "privilege", "honor", "honour", "delight"})
_HYPOTHETICAL = frozenset({"would", "'d", "’d", "could", "might", "will", "'ll", "’ll"})


def _enjoyed(verb: Token) -> bool:
    """A to-infinitive or gerund that the writer says was good to do, in the past: "It was
    great to ...", "I enjoyed ...-ing" (not "I would love to ...")."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    head = node.head
    if head == node or node.dep_ not in {"xcomp", "ccomp", "dobj", "acomp"}:
        return False
    carrier = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    if any(c.lower_ in _HYPOTHETICAL for c in carrier.children):
        return False
    if head.pos_ == "ADJ":
        return _lemma(head) in EVALUATIVE or _lemma(head) in _GOOD_TO
    if _lemma(head) == "be" and head.tag_ == "VBD":
        # "It was great to meet ...", "It was a pleasure to sit in on ..."
        return any(c.dep_ in {"acomp", "attr"} and (_lemma(c) in EVALUATIVE or _lemma(c) in
                   _GOOD_TO) for c in head.children)
    return _lemma(head) in _ENJOY_VERBS and head.tag_ in {"VBD", "VBN"}


def _fullest(found: list[Evidence]) -> str:
    """The most telling detail to quote back: the longest, within reason."""
    return max(found, key=lambda e: min(len(e.text), 80)).text


def _phrase(note: Note, tok: Token) -> Evidence:
    """The noun phrase around ``tok``: its modifiers, and what follows it when that is short
    ("your plan to merge the regional dashboards", not just "your plan")."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in {"det", "poss", "amod", "compound", "nmod", "nummod"}:
            left = min(left, c.left_edge, key=lambda t: t.i)
    right = tok
    if any(c.dep_ in {"prep", "acl", "relcl"} for c in tok.rights):
        edge = tok.right_edge
        while edge.i > tok.i and (edge.is_punct or edge.is_space):
            edge = edge.doc[edge.i - 1]
        if edge.i - tok.i <= 10:
            right = edge
    return note.evidence(left.idx, right.idx + len(right.text))


_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")


def _ad_words(job_ad: str) -> frozenset[str]:
    return frozenset(_WORD.findall(job_ad.lower()))


def _only_in_ad(tok: Token, ad: frozenset[str]) -> bool:
    """The noun and its describing words all appear in the job ad."""
    words = [tok.lower_] + [c.lower_ for c in tok.children if c.dep_ in {"compound", "amod"}]
    return bool(ad) and all(w in ad for w in words)


def _topics(note: Note) -> list[Evidence]:
    found = []
    lowered = note.text.lower()
    for topic in note.context.topics:
        key = topic.lower().strip()
        at = lowered.find(key)
        if at >= 0:
            found.append(note.evidence(at, at + len(key)))
            continue
        words = {w for w in key.split() if len(w) > 3}
        hits = [t for t in note.doc if note.draft.in_body(t.idx)
                and (t.lower_ in words or t.lemma_.lower() in words)]
        if words and len({t.lemma_.lower() for t in hits}) >= max(1, (len(words) + 1) // 2):
            found.extend(note.span_evidence(t) for t in hits[:3])
    return found


def judge(note: Note) -> Verdict:
    ad = _ad_words(note.context.job_ad) if note.context.job_ad else frozenset()
    found: list[Evidence] = []
    for sent in note.body_sentences():
        for tok, raised in conversation_details(sent):
            if not raised and _only_in_ad(tok, ad):
                continue
            found.append(_phrase(note, tok))
    if note.context.topics:
        topical = _topics(note)
        if not topical:
            return verdict(
                "specificity", "fail", found[:3],
                f"Mention one of the topics you discussed, such as "
                f"\"{note.context.topics[0]}\", and what you took from it.",
            )
        found = topical + found
    if found:
        return verdict(
            "specificity", "pass", found[:4],
            f"Keep the detail from the conversation (\"{_fullest(found[:4])}\") and say what "
            "you would do about it.",
        )
    return verdict(
        "specificity", "fail", [],
        "Name one concrete thing you discussed (a project, a problem, a plan), e.g. \"your plan "
        "to merge the regional dashboards\", instead of general praise.",
    )
