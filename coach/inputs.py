"""Reading drafts from files and checking that a text can be scored."""

from __future__ import annotations

import sys
from pathlib import Path

#: Longest draft accepted, in characters (a one-page note is about 2,000).
MAX_CHARS = 50_000
#: Share of control characters above which a text is taken for binary data.
_CONTROL_SHARE = 0.05


class DraftError(ValueError):
    """The draft cannot be scored; the message says why in plain words."""


def check_text(text: str) -> str:
    """The text if it can be scored, else DraftError naming what is wrong."""
    if not isinstance(text, str):
        raise DraftError("the draft must be text")
    if "\x00" in text or _control_share(text) > _CONTROL_SHARE:
        raise DraftError("this looks like binary data, not text")
    if not text.strip():
        raise DraftError("the draft is empty")
    if len(text) > MAX_CHARS:
        raise DraftError(
            f"the draft is {len(text):,} characters long; the limit is {MAX_CHARS:,} "
            "(a one-page note is about 2,000)"
        )
    return text


def decode(data: bytes) -> str:
    """Bytes of a draft as text: UTF-8 (a byte-order mark is dropped), else DraftError."""
    if b"\x00" in data:
        raise DraftError("this looks like binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DraftError(
            f"this is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save it as UTF-8 and try again"
        ) from None
    return check_text(text.replace("\r\n", "\n"))


def read_draft(source: str) -> str:
    """The draft at a path, or on standard input for ``-``, checked for scoring."""
    if source == "-":
        return decode(sys.stdin.buffer.read(MAX_CHARS * 4 + 1))
    path = Path(source)
    try:
        if path.is_dir():
            raise DraftError("this is a folder, not a file")
        if path.stat().st_size > MAX_CHARS * 4:
            raise DraftError(
                f"the file is {path.stat().st_size:,} bytes; the limit is {MAX_CHARS:,} characters"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DraftError("no such file") from None
    except PermissionError:
        raise DraftError("permission denied") from None
    except OSError as err:
        raise DraftError(f"cannot be read ({err.strerror or err})") from None
    return decode(data)


def _control_share(text: str) -> float:
    sample = text[:4096]
    if not sample:
        return 0.0
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control / len(sample)
