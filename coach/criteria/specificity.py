"""Specificity: the note refers to at least one concrete thing from the conversation.

Checklist: a project, problem, product, plan, team, person or topic that was discussed ("your
plan to merge the regional dashboards") passes; only generic praise ("the great opportunity",
"your amazing company", "our conversation") fails. Quoting the job posting does not count.
With a context, the note should refer to the recorded topics.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..report import Evidence, Verdict
from .note import Note, verdict

#: Verbs that report something said or shown in the interview.
_TALK = {"discuss", "mention", "describe", "talk", "tell", "walk", "share", "explain", "show",
         "hear", "learn", "ask", "raise", "outline", "chat", "cover", "introduce", "meet",
         "tour", "demo", "present", "point", "bring", "go", "speak", "lay", "sketch"}
#: Nouns that frame a concrete thing as the employer's ("your plan to ...", "the idea of ...").
_FRAMES = {"plan", "idea", "project", "vision", "goal", "challenge", "problem", "initiative",
           "effort", "approach", "roadmap", "migration", "launch", "pilot", "rollout", "story",
           "question", "concern", "backlog", "program", "strategy", "priority", "push",
           "transition", "move", "expansion", "redesign", "overhaul", "shortage", "issue",
           "tour", "demo", "saga", "work", "process", "system", "proposal"}
#: Heads that on their own are generic, whatever their adjectives.
_GENERIC = {"opportunity", "company", "team", "conversation", "role", "position", "time",
            "interview", "call", "meeting", "chat", "discussion", "organization", "job",
            "culture", "mission", "work", "day", "today", "morning", "afternoon", "everything",
            "insight", "thing", "things", "something", "lot", "info", "information", "details",
            "process", "experience", "you", "me", "it", "this", "that", "them", "us", "we",
            "what", "which", "who", "i", "firm", "business", "group", "department", "staff",
            "people", "place", "environment", "values", "vision", "possibility", "chance",
            "pleasure", "honor", "welcome", "hospitality", "visit"}
_POSTING = {"posting", "listing", "ad", "advertisement", "description", "jd", "requirement",
            "requirements", "qualifications"}


def _concrete(span: Span) -> bool:
    """A noun chunk naming something particular: a proper name or a modified specific noun."""
    root = span.root
    if root.lemma_.lower() in _GENERIC and not any(t.pos_ == "PROPN" for t in span):
        return False
    content = [t for t in span if t.pos_ in {"NOUN", "PROPN", "NUM"} or
               (t.pos_ == "ADJ" and t.i < root.i)]
    return any(t.pos_ == "PROPN" for t in span) or len(content) >= 2 or (
        root.pos_ == "NOUN" and root.lemma_.lower() not in _GENERIC and len(root.text) > 3
    )


def _from_conversation(sent: Span) -> list[Span]:
    if any(t.lemma_.lower() in _POSTING for t in sent):
        return []
    said = any(t.lemma_.lower() in _TALK and t.pos_ in {"VERB", "NOUN"} for t in sent) or any(
        t.lower_ in {"conversation", "discussion", "interview", "call", "chat", "tour"}
        and any(c.dep_ == "prep" and c.lower_ in {"about", "on", "of", "around"} for c in t.children)
        for t in sent
    )
    framed = [t for t in sent if t.lemma_.lower() in _FRAMES and t.pos_ == "NOUN"
              and any(c.lower_ in {"your", "the", "their", "our"} for c in t.children)
              and any(c.dep_ in {"prep", "acl", "relcl", "compound", "amod"} for c in t.children)]
    chunks = [c for c in sent.noun_chunks if _concrete(c)]
    if framed and chunks:
        return chunks
    if said and chunks:
        return chunks
    return []


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
        hits = [t for t in note.doc if t.lower_ in words or t.lemma_.lower() in words]
        if words and len({t.lemma_.lower() for t in hits}) >= max(1, len(words) // 2):
            found.extend(note.span_evidence(t) for t in hits[:3])
    return found


def judge(note: Note) -> Verdict:
    found: list[Evidence] = []
    for sent in note.body_sentences():
        chunks = _from_conversation(sent)
        if chunks:
            found.extend(note.span_evidence(c) for c in chunks[:2])
    if note.context.topics:
        topical = _topics(note)
        if not topical:
            return verdict(
                "specificity", "fail", found,
                f"Mention one of the topics you discussed, such as "
                f"\"{note.context.topics[0]}\", and what you took from it.",
            )
        found.extend(topical)
    if found:
        return verdict(
            "specificity", "pass", found,
            "You name something from the conversation; tie it to what you would do about it.",
        )
    return verdict(
        "specificity", "fail", [],
        "Name one concrete thing you discussed (a project, a problem, a plan), e.g. \"your plan "
        "to merge the regional dashboards\", instead of general praise.",
    )
