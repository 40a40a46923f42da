"""Personalization: the note greets a named person AND names the company or the role.

Checklist and dev-set convention: "To whom it may concern", "Dear Hiring Manager", greeting a
team, a committee or a job title, or a placeholder name all fail; so does a note that names
neither the company nor the role. A named greeting passes when the role *or* the company is
named, even when the other one is a placeholder. Lowercase names still count. With a context,
the greeting must spell an interviewer's name as recorded.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Span, Token

from ..report import Evidence, Verdict
from . import placeholders
from .note import Note, verdict

_GREETING_WORD = re.compile(
    r"^\s*(dear|hi+|hello|hey|good (morning|afternoon|evening|day)|greetings|bonjour|bonsoir|"
    r"hola|estimad[oa]s?|querid[oa]s?|cher|ch[èe]re|hallo|liebe[rs]?|ciao|ol[áa]|yo)\b[\s,]*",
    re.IGNORECASE,
)
_TITLES = re.compile(
    r"^(mr|mrs|ms|mx|miss|dr|prof|professor|chef|coach|judge|rev|sr|sra|srta|mme|mlle|m|herr|"
    r"frau|dean|director|captain|officer|sister|father|pastor|rabbi|senator)\.?\s+",
    re.IGNORECASE,
)
#: Words that make a greeting address a group or a job title rather than a person.
_NOT_A_PERSON = {
    "team", "committee", "hiring", "manager", "managers", "recruiter", "recruiting",
    "recruitment", "sir", "madam", "whom", "all", "everyone", "everybody", "there", "folks",
    "department", "panel", "members", "board", "staff", "colleagues", "friends", "human",
    "resources", "hr", "talent", "acquisition", "search", "selection", "interviewer",
    "interviewers", "supervisor", "desk", "office", "coordinator", "director", "administrator",
    "owner", "principal", "representative", "concern", "partners", "group", "crew", "y'all",
}
_NOT_EMPLOYER = {"PERSON", "GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "EVENT"}
_ROLE_HEADS = {"position", "role", "job", "opening", "post", "internship", "vacancy",
               "opportunity", "fellowship", "residency", "apprenticeship", "gig", "spot",
               "placement", "seat", "assignment", "contract", "shift", "posting", "poste",
               "puesto"}


def greeted_name(note: Note) -> Evidence | None:
    """The person named in the salutation, if the salutation names one."""
    sal = note.draft.salutation
    if sal is None:
        return None
    line = sal.of(note.text)
    m = _GREETING_WORD.match(line)
    rest_at = m.end() if m else 0
    rest = line[rest_at:].rstrip(" ,:;!.—-")
    rest_at += len(rest) - len(rest.lstrip())
    rest = rest.strip()
    if not rest or placeholders.find(rest):
        return None
    tokens = [w.strip(".,") for w in rest.split()]
    lowered = {w.lower() for w in tokens}
    if lowered & _NOT_A_PERSON and not _title_then_name(tokens):
        return None
    if not re.search(r"[^\W\d_]", rest):
        return None
    if len(rest.split()) > 4:
        return None
    start = sal.start + rest_at
    return note.evidence(start, start + len(rest))


#: Job titles that can stand before a name as a form of address: "Principal Okonkwo".
_TITLE_WORDS = {"principal", "director", "supervisor", "coordinator", "manager", "recruiter",
                "administrator", "officer", "owner", "representative", "interviewer"}


def _title_then_name(tokens: list[str]) -> bool:
    """A job title used as a title before a capitalised name, and no group word anywhere:
    "Principal Okonkwo" names a person, "Front Desk Manager" and "Hiring Team" do not."""
    lowered = [t.lower() for t in tokens]
    if set(lowered) & (_NOT_A_PERSON - _TITLE_WORDS):
        return False
    return any(
        w in _TITLE_WORDS and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
        and tokens[i + 1].lower() not in _NOT_A_PERSON
        for i, w in enumerate(lowered)
    )


def names_company_or_role(note: Note) -> list[Evidence]:
    """Where the note names the employer or the job: from the context, entities or the parse."""
    found: list[Evidence] = []
    body_or_any = note.draft.in_body
    ctx = note.context
    for wanted in (ctx.company, ctx.role):
        if wanted:
            for m in re.finditer(re.escape(wanted), note.text, re.IGNORECASE):
                found.append(note.evidence(m.start(), m.end()))
    for ent in note.doc.ents:
        if ent.label_ == "ORG" and body_or_any(ent.start_char) and not placeholders.find(ent.text):
            if _writers_own(ent.root) or _acronym_modifier(ent):
                continue
            found.append(note.span_evidence(ent))
    for chunk in note.doc.noun_chunks:
        root = chunk.root
        if _writers_own(root):
            continue
        if root.lemma_.lower() in _ROLE_HEADS and body_or_any(chunk.start_char):
            modifiers = [t for t in chunk if t.i < root.i and t.dep_ in {"compound", "amod", "nmod"}
                         and t.lower_ not in {"great", "exciting", "wonderful", "new", "this",
                                              "amazing", "open", "current", "available"}]
            if modifiers or any(
                c.dep_ == "prep" and c.lower_ in {"as", "at"} for c in root.children
            ):
                found.append(note.span_evidence(chunk))
    # "join Basalt", "at ground floor coffee", "as a line cook", "at the Stillwater Films
    # office" (a name the entity recogniser missed; places and people are not employers).
    for tok in note.doc:
        if tok.lower_ in {"at", "join", "with", "as"} and body_or_any(tok.idx):
            nxt = tok.nbor(1) if tok.i + 1 < len(note.doc) else None
            if nxt is not None and nxt.lower_ == "the" and nxt.i + 1 < len(note.doc):
                nxt = nxt.nbor(1)
                if nxt.ent_type_ in _NOT_EMPLOYER:
                    continue
            if nxt is not None and nxt.pos_ == "PROPN" and not placeholders.find(nxt.text):
                if not _writers_own(nxt):
                    found.append(note.span_evidence(nxt))
    return found


#: Verbs of the interview itself: "I enjoyed meeting you at Acme" is about this employer.
_MEETING_VERBS = {"meet", "interview", "visit", "enjoy", "speak", "talk", "chat", "tour",
                  "see", "appreciate", "thank", "apply", "love", "like"}


def _writers_own(tok: Token) -> bool:
    """Whether a name or job sits in the writer's own history, not this employer: "my last
    job", "in my current role at Quillpath", "At Valley Auto I was the main hybrid guy"."""
    node = tok
    for _ in range(5):
        if node.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in node.children
        ):
            return True
        if node.pos_ in {"VERB", "AUX"}:
            subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            past = node.tag_ == "VBD" or (node.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in node.children))
            return bool(subj is not None and subj.lower_ in {"i", "we"} and past
                        and node.lemma_.lower() not in _MEETING_VERBS)
        if node.head == node:
            break
        node = node.head
    return False


def _acronym_modifier(ent: Span) -> bool:
    """A short all-capitals "organization" modifying a noun is a term, not an employer:
    "average CI time", "the KPI report"."""
    return (len(ent) == 1 and ent.text.isupper() and len(ent.text) <= 4
            and ent.root.dep_ == "compound")


def _spelled_as_recorded(name: Evidence, interviewers: tuple[str, ...]) -> str | None:
    """The recorded spelling when the greeting misspells an interviewer's name, else None."""
    greeted = [_fold(w) for w in _TITLES.sub("", name.text).split()]
    if not greeted:
        return None
    for full in interviewers:
        parts = [_fold(p) for p in full.split()]
        if any(g in parts for g in greeted):
            return None
    for full in interviewers:
        for part in full.split():
            if any(_close(g, _fold(part)) for g in greeted):
                return part
    return None


def _fold(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip(".,")).casefold()


def _close(a: str, b: str) -> bool:
    """Within one or two edits: the same name misspelled."""
    if a == b or abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 3:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def judge(note: Note) -> Verdict:
    name = greeted_name(note)
    named = names_company_or_role(note)
    sal = note.draft.salutation
    if name is None:
        evidence = [note.evidence(sal.start, sal.end)] if sal else []
        return verdict(
            "personalization", "fail", evidence,
            "Greet the interviewer by name (\"Dear Ms. Patel,\") instead of a title, a team or "
            "\"To whom it may concern\".",
        )
    if note.context.interviewers:
        recorded = _spelled_as_recorded(name, note.context.interviewers)
        if recorded:
            return verdict(
                "personalization", "fail", [name],
                f"Check the spelling: your record has the interviewer as {recorded!r}.",
            )
    if not named:
        return verdict(
            "personalization", "fail", [name],
            "Name the company or the role in the first paragraph, e.g. \"the Data Analyst role "
            "at Acme\".",
        )
    return verdict(
        "personalization", "pass", [name, *_widest(named, 2)],
        "You greet them by name and name the job; keep both.",
    )


def _widest(found: list[Evidence], count: int) -> list[Evidence]:
    """The longest mentions that do not overlap: "the Data Analyst role" over "Data"."""
    kept: list[Evidence] = []
    for e in sorted(found, key=lambda e: e.end - e.start, reverse=True):
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
        if len(kept) == count:
            break
    return kept
