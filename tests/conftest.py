"""Shared fixtures: sample drafts live in tests/samples.py."""

from __future__ import annotations

import pytest

from coach.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp():
    return get_nlp()
