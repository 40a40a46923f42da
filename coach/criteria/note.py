"""What every criterion reads: the text, its parse, its shape, the metrics and the context."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..context import Context
from ..draft import Draft
from ..report import Evidence, Metrics, Verdict, VerdictValue


@dataclass(frozen=True)
class Note:
    """A draft ready to judge."""

    text: str
    doc: Doc
    draft: Draft
    metrics: Metrics
    context: Context

    def body_sentences(self) -> Iterator[Span]:
        """The parsed sentences of the body (not the salutation, sign-off or signature)."""
        return iter(self._body_sentences)

    @cached_property
    def _body_sentences(self) -> tuple[Span, ...]:
        # The parser often glues the salutation to the first body sentence ("Dear Sam,\n\nThank
        # you for..."); such a sentence is kept from its first body token.
        out = []
        for sent in self.doc.sents:
            inside = next((t for t in sent if not t.is_space and self.draft.in_body(t.idx)), None)
            if inside is not None:
                out.append(self.doc[inside.i : sent.end])
        return tuple(out)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]``, trimmed of surrounding white space."""
        chunk = self.text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        return Evidence(start, max(start, end), self.text[start : max(start, end)])

    def span_evidence(self, span: Span | Token) -> Evidence:
        if isinstance(span, Token):
            return self.evidence(span.idx, span.idx + len(span.text))
        return self.evidence(span.start_char, span.end_char)


def verdict(
    criterion: str, value: VerdictValue, evidence: Iterable[Evidence], advice: str
) -> Verdict:
    """A verdict with its evidence sorted, without repeats or spans inside another span."""
    spans = set(evidence)
    kept = [e for e in spans
            if not any(o != e and o.start <= e.start and e.end <= o.end for o in spans)]
    return Verdict(criterion, value, tuple(sorted(kept, key=lambda e: (e.start, e.end))), advice)
