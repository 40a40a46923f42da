"""The example drafts in ``data/examples/``, by the label on their button."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "data" / "examples"

#: Button label -> file name, in the order the buttons appear.
EXAMPLES: dict[str, str] = {
    "A strong note": "strong.txt",
    "A generic template": "template.txt",
    "A rambling note": "rambling.txt",
}


def load(label: str) -> str:
    """The text of the example shown as ``label``."""
    return (FOLDER / EXAMPLES[label]).read_text(encoding="utf-8")
