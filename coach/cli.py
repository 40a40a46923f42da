"""``python -m coach score [--format text|json|jsonl] [--context FILE.json] PATH... | -``

Exit status: 0 when every input was scored, 1 when any input failed, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from .context import Context, ContextError
from .inputs import DraftError, read_draft
from .nlp import ModelNotFound
from .report import TITLES, Report
from .scoring import score_many

_MARKS = {"pass": "PASS", "warn": "WARN", "fail": "FAIL"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, like argparse, no usage dump
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m coach", description="Thank-You Coach on the command line.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    cmd = commands.add_parser(
        "score",
        help="score thank-you note drafts against the checklist",
        description="Score thank-you note drafts (UTF-8 text files, or - for standard input).",
    )
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="a draft file, or - for stdin")
    cmd.add_argument(
        "--format", choices=("text", "json", "jsonl"), default="text",
        help="text (default) for people; json for one input; jsonl for one object per input",
    )
    cmd.add_argument("--context", metavar="FILE.json", help="what you know about the interview")
    return parser


def _load_context(path: str | None) -> Context | None:
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return Context.from_dict(json.load(f))
    except FileNotFoundError:
        raise ContextError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ContextError(f"{path}: cannot be read ({err})") from None
    except json.JSONDecodeError as err:
        raise ContextError(f"{path}: not valid JSON ({err.msg}, line {err.lineno})") from None
    except ContextError as err:
        raise ContextError(f"{path}: {err}") from None


def _source_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def render_text(source: str, report: Report) -> str:
    """A plain-text report for a terminal."""
    m = report.metrics
    lines = [f"{source}: {report.overall}/100"]
    lines.extend(f"  note: {notice}" for notice in report.notices)
    for v in report.criteria:
        where = f'  "{v.evidence[0].text[:70]}"' if v.evidence else ""
        lines.append(f"  {_MARKS[v.verdict]}  {TITLES[v.id]:<24}{v.advice}")
        if where:
            lines.append(f"        {'':<24}at {v.evidence[0].start}-{v.evidence[0].end}:{where}")
    lines.append(
        f"  {m.words} words, {m.sentences} sentences, {m.paragraphs} paragraphs; "
        f"reading ease {m.flesch_reading_ease:g}, grade {m.flesch_kincaid_grade:g}, "
        f"about {round(m.reading_time_seconds)} s to read"
    )
    return "\n".join(lines)


def _score(args: argparse.Namespace) -> int:
    if args.format == "json" and len(args.paths) > 1:
        print("python -m coach: --format json takes one input; use --format jsonl for several",
              file=sys.stderr)
        return 2
    if args.paths.count("-") > 1:
        print("python -m coach: standard input (-) can be read only once", file=sys.stderr)
        return 2
    try:
        context = _load_context(args.context)
    except ContextError as err:
        print(f"python -m coach: context {err}", file=sys.stderr)
        return 2

    texts: dict[int, str] = {}
    errors: dict[int, str] = {}
    for i, path in enumerate(args.paths):
        try:
            texts[i] = read_draft(path)
        except DraftError as err:
            errors[i] = str(err)

    reports = dict(zip(texts, score_many(texts.values(), context), strict=True))
    for i, path in enumerate(args.paths):
        source = _source_name(path)
        if i in errors:
            print(f"{source}: {errors[i]}", file=sys.stderr)
            if args.format == "jsonl":
                _emit({"source": source, "error": errors[i]})
            continue
        report = reports[i]
        if args.format == "text":
            print(render_text(source, report))
        elif args.format == "json":
            print(json.dumps(report.to_dict(source), ensure_ascii=False, indent=2))
        else:
            _emit(report.to_dict(source))
    return 1 if errors else 0


def _emit(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _score(args)
    except ModelNotFound as err:
        print(f"python -m coach: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
