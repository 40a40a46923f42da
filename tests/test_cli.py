"""python -m coach score: formats, exit codes, and a one-line error for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach import CRITERIA
from coach.cli import main
from tests.samples import STRONG, TEMPLATE

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "strong.txt").write_text(STRONG, encoding="utf-8")
    (tmp_path / "template.txt").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Dear Ms. Müller,\n\nDanke schön.".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("word " * 10_001, encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + STRONG.encode("utf-8"))
    (tmp_path / "folder").mkdir()
    return tmp_path


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_is_exactly_the_documented_object(capsys, drafts):
    code, out, err = _run(capsys, "score", "--format", "json", drafts / "strong.txt")
    assert code == 0 and err == ""
    obj = json.loads(out)
    assert set(obj) == {"source", "overall", "criteria", "metrics"}
    assert obj["source"] == str(drafts / "strong.txt")
    assert isinstance(obj["overall"], int) and 0 <= obj["overall"] <= 100
    assert [c["id"] for c in obj["criteria"]] == list(CRITERIA)
    for c in obj["criteria"]:
        assert set(c) == {"id", "verdict", "evidence", "advice"}
        assert c["verdict"] in {"pass", "warn", "fail"}
        for e in c["evidence"]:
            assert set(e) == {"start", "end", "text"}
            assert STRONG[e["start"] : e["end"]] == e["text"]
    assert {"words", "sentences", "paragraphs", "flesch_reading_ease", "flesch_kincaid_grade",
            "reading_time_seconds"} <= set(obj["metrics"])


def test_jsonl_prints_one_object_per_input_in_order(capsys, drafts):
    code, out, _ = _run(capsys, "score", "--format", "jsonl", drafts / "strong.txt",
                        drafts / "template.txt", drafts / "strong.txt")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]).name for r in rows] == ["strong.txt", "template.txt", "strong.txt"]
    assert rows[0]["overall"] > rows[1]["overall"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("binary.bin", "binary"),
        ("latin1.txt", "not UTF-8"),
        ("huge.txt", "50,000"),
        ("folder", "folder"),
    ],
)
def test_bad_input_is_one_line_naming_file_and_reason(capsys, drafts, name, reason):
    code, out, err = _run(capsys, "score", drafts / name)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(str(drafts / name) + ":") and reason in lines[0]
    assert "Traceback" not in err


def test_jsonl_reports_errors_inline_and_scores_the_rest(capsys, drafts):
    code, out, err = _run(capsys, "score", "--format", "jsonl", drafts / "strong.txt",
                          drafts / "binary.bin", drafts / "template.txt")
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    assert "overall" in rows[0] and "overall" in rows[2]
    assert rows[1] == {"source": str(drafts / "binary.bin"),
                       "error": "this looks like binary data, not text"}
    assert "binary.bin" in err


def test_bom_is_dropped(capsys, drafts):
    code, out, _ = _run(capsys, "score", "--format", "json", drafts / "bom.txt")
    assert code == 0
    assert json.loads(out)["criteria"][1]["evidence"][0]["text"] == "Ms. Patel"


def test_text_format_is_readable(capsys, drafts):
    code, out, _ = _run(capsys, "score", drafts / "template.txt")
    assert code == 0
    assert "/100" in out and "FAIL  No placeholders" in out and "[Interviewer Name]" in out


def test_context_file_is_applied(capsys, drafts):
    ctx = drafts / "ctx.json"
    ctx.write_text(json.dumps({"interviewers": ["Priya Patil"]}), encoding="utf-8")
    code, out, _ = _run(capsys, "score", "--format", "json", "--context", ctx,
                        drafts / "strong.txt")
    obj = json.loads(out)
    assert code == 0 and obj["criteria"][1]["verdict"] == "fail"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["score"], "required"),
        (["score", "--format", "xml", "a.txt"], "invalid choice"),
        (["score", "--format", "json", "a.txt", "b.txt"], "one input"),
        (["score", "-", "-"], "only once"),
        (["score", "--context", "nope.json", "a.txt"], "no such file"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_usage_exits_2(capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        code = main(args)
        raise SystemExit(code)
    _, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert message in err and "Traceback" not in err


def test_malformed_context_is_bad_usage(capsys, drafts):
    ctx = drafts / "ctx.json"
    ctx.write_text("{not json", encoding="utf-8")
    code, _, err = _run(capsys, "score", "--context", ctx, drafts / "strong.txt")
    assert code == 2 and "not valid JSON" in err


def test_real_process_reads_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "coach", "score", "--format", "jsonl", "-"],
        input=TEMPLATE, capture_output=True, text=True, cwd=ROOT, timeout=120,
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["source"] == "<stdin>" and row["overall"] <= 40


def test_real_process_empty_stdin_exits_1_without_traceback():
    result = subprocess.run(
        [sys.executable, "-m", "coach", "score", "-"], input="", capture_output=True,
        text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "<stdin>: the draft is empty"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "cannot be read (Input/output error)"),
    ],
)
def test_unreadable_file_is_one_line(capsys, drafts, monkeypatch, error, reason):
    # As root every file is readable, so the failure is simulated at the read itself.
    def refuse(self):
        raise error

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = _run(capsys, "score", drafts / "strong.txt")
    assert code == 1 and out == ""
    assert err.strip() == f"{drafts / 'strong.txt'}: {reason}"
