"""Gratitude: the note thanks the reader for their time, the interview, the conversation or
the opportunity.

Checklist: passes when the note "thanks the reader for their time, the interview, the
conversation or the opportunity"; does not pass when "thanks appear only in a sign-off formula
("Thanks, Sam")". Dev-set convention: sign-off formulas don't count ("Thanks,", "Thanks again,",
"With gratitude,", "Thank you for your consideration,"), and neither do "It was a pleasure..."
or "Great chatting...". "I appreciate you taking the time" counts, and so do thanks in another
language.

How it is judged: a body sentence (the salutation and sign-off are cut away, even when the
parser glues "Dear Sam,\\n\\nThank you..." into one sentence) that thanks, through the lemma
"thank", "thanks", "grateful", "thankful", "gratitude" or "appreciate" with an object. It does
not count when it is
- a bare formula line ("Thanks!", "Thanks again,") with nothing it thanks for;
- thanks only for the reader's consideration, attention or patience, or "in advance";
- a request ("I would appreciate any feedback", "I'd be grateful if you could ...");
- causal "thanks to" ("thanks to your explanation, I now see ...").
Thanks in another language ("Muchas gracias por su tiempo", "Merci pour ...") count when they are
in the body and say more than the bare word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..report import Verdict
from .note import Note, verdict

_THANK_WORDS = {"thank", "thanks", "thankful", "grateful", "gratitude", "appreciate",
                "appreciated", "appreciative", "appreciation", "thx"}
#: Nouns of thanks count only when offered: "my gratitude", "I want to express my appreciation"
#: (not "a deep appreciation for clean code").
_OFFERED_NOUNS = {"gratitude", "appreciation"}
_OFFER_VERBS = {"express", "extend", "convey", "offer", "pass", "send", "give", "share"}
#: Thanks in other languages (the tokenizer keeps these as words).
_FOREIGN = {"gracias", "merci", "danke", "grazie", "obrigado", "obrigada", "bedankt",
            "dankjewel", "arigato", "arigatō", "dziękuję", "takk", "kiitos", "спасибо",
            "gràcies", "köszönöm", "děkuji", "teşekkürler", "ありがとう", "谢谢", "감사합니다"}
#: "for" in those languages, for a foreign thanks that says what it thanks for.
_FOREIGN_FOR = {"por", "pour", "für", "per", "pelo", "pela", "voor", "för", "for", "za"}
#: What a formula thanks for; thanking only for this is a closing, not gratitude.
_FORMULA_OBJECTS = {"consideration", "attention", "reading", "review", "patience", "advance"}
_MODAL = {"would", "'d", "’d", "will", "'ll", "’ll", "could", "might"}


def _is_thanks(tok: Token) -> bool:
    return tok.lower_ in _THANK_WORDS or tok.lemma_.lower() in {"thank", "appreciate"}


def _thanked_for(tok: Token) -> set[str]:
    """The lemmas of what ``tok`` thanks for: its "for"/"in" phrases ("for your consideration",
    "in advance") and, for "appreciate", its object ("I appreciate your consideration")."""
    objs = set()
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"for", "in"}:
            objs |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
        elif c.dep_ == "dobj" and tok.lemma_.lower() == "appreciate":
            objs.add(c.lemma_.lower())
    return objs


def _counts(tok: Token) -> bool:
    """Is this thank-word real gratitude, not a formula, a request or "thanks to"?"""
    lower = tok.lower_
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # "Thanks to your explanation, ...": cause, not thanks ("my thanks to Ravi" is thanks).
    if lower == "thanks" and nxt is not None and nxt.lower_ == "to" and not any(
        c.dep_ in {"poss", "det", "amod"} for c in tok.children
    ):
        return False
    # "I would appreciate any feedback", "I'd be grateful if you could ...": a request.
    verb = tok.head if tok.pos_ == "ADJ" else tok
    if any(c.lower_ in _MODAL for c in verb.children if c.dep_ in {"aux", "auxpass"}):
        return False
    if lower in _OFFERED_NOUNS and not (
        any(c.dep_ == "poss" and c.lower_ in {"my", "our"} for c in tok.children)
        or tok.head.lemma_.lower() in _OFFER_VERBS
    ):
        return False
    if tok.lemma_.lower() == "appreciate" or lower.startswith("appreciat"):
        # "I appreciate you taking the time", "I appreciated the tour": needs an object.
        if tok.pos_ == "VERB" and not any(
            c.dep_ in {"dobj", "ccomp", "xcomp", "nsubj", "attr"} for c in tok.children
        ):
            return False
    objects = _thanked_for(tok)
    return not (objects and objects <= _FORMULA_OBJECTS)


def _thanks_in(sent: Span) -> Token | None:
    """The first token of the sentence that thanks somebody for something."""
    words = [t for t in sent if t.is_alpha]
    for tok in sent:
        if tok.lower_ in _FOREIGN:
            # "¡Muchas gracias por su tiempo!" counts; a bare "Gracias." line does not.
            if len(words) > 3 or any(t.lower_ in _FOREIGN_FOR for t in sent):
                return tok
            continue
        if not _is_thanks(tok) or not _counts(tok):
            continue
        # A bare "Thanks!" or "Thanks again," on its own line is a formula, not thanks.
        if len(words) <= 3 and not any(t.lower_ == "for" for t in sent):
            continue
        return tok
    return None


def judge(note: Note) -> Verdict:
    found = []
    for sent in note.body_sentences():
        if _thanks_in(sent) is not None:
            found.append(note.span_evidence(sent))
    if found:
        return verdict(
            "gratitude", "pass", found,
            "You thank them in the body; keep it to one warm sentence near the top.",
        )
    signoff = note.draft.signoff
    evidence = [note.evidence(signoff.start, signoff.end)] if signoff else []
    return verdict(
        "gratitude", "fail", evidence,
        "Open with a sentence that thanks them for their time and the conversation, e.g. "
        "\"Thank you for meeting with me on Tuesday to talk about ...\".",
    )
