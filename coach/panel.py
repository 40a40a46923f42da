"""Notes to one interview panel that are too alike: each should fit its own conversation."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from difflib import SequenceMatcher
from typing import TypeVar

#: Notes shorter than this, in words, are too short to judge.
MIN_WORDS = 20

K = TypeVar("K", bound=Hashable)

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def similar_pairs(notes: Mapping[K, str], threshold: float = 0.8) -> list[tuple[K, K, float]]:
    """The pairs of notes whose wording is nearly the same.

    Parameters
    ----------
    notes : each note keyed by whatever identifies it (an interviewer, a note id)
    threshold : the least similarity, from 0 to 1, that counts as "nearly the same"

    Returns
    -------
    list of (key_a, key_b, similarity)
        every pair at or above ``threshold``, most alike first; ``key_a`` comes before
        ``key_b`` in ``notes``. Blank notes and notes under ``MIN_WORDS`` words are left out.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must be between 0 and 1")
    words = {key: _words(text) for key, text in notes.items()}
    keys = [key for key, tokens in words.items() if len(tokens) >= MIN_WORDS]
    pairs: list[tuple[K, K, float]] = []
    matcher = SequenceMatcher(None, autojunk=False)
    for j, key_b in enumerate(keys):
        # SequenceMatcher caches what it learns about the second sequence: set it once.
        matcher.set_seq2(words[key_b])
        for key_a in keys[:j]:
            matcher.set_seq1(words[key_a])
            # Both quick ratios are upper bounds of ratio(); they skip clearly different notes.
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            similarity = matcher.ratio()
            if similarity >= threshold:
                pairs.append((key_a, key_b, similarity))
    order = {key: index for index, key in enumerate(keys)}
    pairs.sort(key=lambda p: (-p[2], order[p[0]], order[p[1]]))
    return pairs


def _words(text: str) -> list[str]:
    """The note's words, lower-cased; spacing and punctuation do not count."""
    return _WORD.findall(text.casefold())
