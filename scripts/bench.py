"""Speed of the scorer against the bare spaCy pipeline, the app's cold start, the timeline.

Usage: python -m scripts.bench [--repeat N] [--skip-app] [--timeline-only]

- latency: median time of ``coach.score`` per dev-set note against a bare ``nlp(text)`` of the
  same notes in the same run (goal: ratio 1.25 or less);
- batch: notes per second of the CLI's path (``score_many``, through ``nlp.pipe``) against a
  bare ``nlp.pipe``, and of the real ``python -m coach score --format jsonl`` process;
- app: seconds from ``streamlit run app.py`` to a healthy server, and a fresh process's first
  full run of the Score page (``AppTest``), which includes loading the model;
- timeline: median time of ``coach.timeline.compute`` over 100 to 100,000 synthetic interviews
  with 1-3 interviewers each, and how it grows per 10x rows (goal: 10,000 in 50 ms or less).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd

from coach import score, score_many, timeline
from coach.choices import CHANNELS, INTERVIEW_TYPES, STAGES
from coach.nlp import get_nlp

ROOT = Path(__file__).resolve().parents[1]
NOTES = ROOT.parent / "shared" / "devset" / "notes.jsonl"


def _texts() -> list[str]:
    return [json.loads(line)["text"] for line in NOTES.read_text(encoding="utf-8").splitlines()]


def _best(fn, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def latency(texts: list[str], repeat: int) -> None:
    nlp = get_nlp()
    for text in texts[:5]:  # warm caches
        nlp(text)
        score(text)
    # Interleaved note by note, so drift in the machine's speed hits both sides alike.
    bare, full = [], []
    for text in texts:
        bare.append(_best(nlp, text, repeat))
        full.append(_best(score, text, repeat))
    b, f = statistics.median(bare), statistics.median(full)
    ratios = statistics.median(x / y for x, y in zip(full, bare, strict=True))
    print(f"latency   median nlp(text) {b * 1000:7.2f} ms   coach.score {f * 1000:7.2f} ms"
          f"   ratio of medians {f / b:.2f}, median per-note ratio {ratios:.2f} (goal <= 1.25)")


def batch(texts: list[str], repeat: int) -> None:
    nlp = get_nlp()
    bare = min(_timed(lambda: list(nlp.pipe(texts, batch_size=32))) for _ in range(repeat))
    full = min(_timed(lambda: list(score_many(texts))) for _ in range(repeat))
    n = len(texts)
    print(f"batch     nlp.pipe {n / bare:7.1f} notes/s   score_many {n / full:7.1f} notes/s"
          f"   ratio {full / bare:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            p = Path(tmp) / f"note-{i:03}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(str(p))
        cmd = [sys.executable, "-m", "coach", "score", "--format", "jsonl", *paths]
        wall = _timed(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True))
    print(f"cli       python -m coach score --format jsonl on {n} files: {wall:.2f} s wall "
          f"({n / wall:.1f} notes/s, model load and imports included)")


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def app_cold_start() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < 60:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        healthy = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    first_run = (
        "import time; t0 = time.perf_counter()\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('app.py', default_timeout=60).run()\n"
        "from tests.samples import STRONG\n"
        "at.text_area[0].set_value(STRONG)\n"
        "at.button(key='score').click().run()\n"
        "assert not at.exception, at.exception\n"
        "print(time.perf_counter() - t0)\n"
    )
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", first_run], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    scored = result.stdout.strip() or f"failed: {result.stderr.strip()[-300:]}"
    print(f"app       server healthy after {healthy:.2f} s; fresh process to first scored draft "
          f"on the Score page (imports, model load, scoring): {scored[:6]} s")


def _synthetic_notes(interviews: int, seed: int = 0) -> pd.DataFrame:
    """A timeline input frame of ``interviews`` interviews, each with 1-3 interviewers.

    Datetimes come in microseconds, as pandas 3 often gives them, so the unit fix is timed too.
    """
    rng = np.random.default_rng(seed)
    per = rng.integers(1, 4, interviews)
    n = int(per.sum())
    of = np.repeat(np.arange(interviews), per)  # each note's interview
    zones = np.array(["America/New_York", "America/Los_Angeles", "Europe/London",
                      "Europe/Berlin", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney", "UTC"])
    minute = np.timedelta64(1, "m")
    starts = (np.datetime64("2025-03-12T15:00", "us")
              + rng.integers(-30 * 24 * 60, 7 * 24 * 60, interviews) * minute)[of]
    day = starts.astype("M8[D]").astype("M8[us]")
    nat = np.datetime64("NaT", "us")
    decision = np.where(rng.random(interviews) < 0.2, rng.integers(1, 15, interviews), -1)[of]
    done = rng.integers(0, 3, n)
    return pd.DataFrame({
        "application_id": of // 2,
        "company": np.array([f"Company {i % 997}" for i in range(interviews)], object)[of],
        "role": "Analyst",
        "stage": rng.choice(STAGES, interviews, p=[.1, .5, .1, .1, .1, .1])[of],
        "interview_id": of,
        "round": 1,
        "starts_at": pd.DatetimeIndex(starts).tz_localize("UTC"),
        "timezone": zones[(of // 2) % len(zones)],
        "interview_type": rng.choice(INTERVIEW_TYPES, interviews)[of],
        "prefers_email": rng.random(n) < 0.2,
        "decision_on": np.where(decision >= 0, day + decision * np.timedelta64(1, "D"), nat),
        "interviewer_id": np.arange(n),
        "interviewer": [f"Person {i}" for i in range(n)],
        "interviewer_title": "Manager",
        "interviewer_email": [f"p{i}@example.com" for i in range(n)],
        "travelling": rng.random(n) < 0.1,
        "note_id": pd.array(np.arange(n), dtype="Int64"),
        "channel": pd.Series(np.where(rng.random(n) < 0.1, rng.choice(CHANNELS, n), None),
                             dtype=object),
        "sent_at": pd.DatetimeIndex(np.where(rng.random(n) < 0.5, starts + 20 * 60 * minute,
                                             nat)).tz_localize("UTC"),
        "latest_score": np.where(rng.random(n) < 0.6, rng.uniform(20, 100, n), np.nan),
        "versions": rng.integers(0, 4, n),
        "follow_ups_done": done,
        "next_follow_up_on": np.full(n, nat),
        "last_follow_up_on": np.where(done > 0, day + np.timedelta64(9, "D"), nat),
    })


def bench_timeline(repeat: int = 11) -> None:
    """Print the median time of ``timeline.compute`` for 100 to 100,000 interviews.

    CPU time is printed beside wall time: on a busy machine the wall figure drifts with
    whatever else is running, the CPU figure much less.
    """
    now = pd.Timestamp("2025-03-12 15:00", tz="UTC")
    warm = _synthetic_notes(1_000)
    for _ in range(20):  # the first dozen calls run slower while caches fill
        timeline.compute(warm, now, tz="America/Chicago")
    previous = None
    for interviews in (100, 1_000, 10_000, 100_000):
        frame = _synthetic_notes(interviews)
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            timeline.compute(frame, now, tz="America/Chicago")
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        took = statistics.median(walls)
        growth = f"   x{took / previous:4.1f} per 10x rows" if previous else ""
        goal = "   (goal <= 50 ms)" if interviews == 10_000 else ""
        print(f"timeline  {interviews:>7,} interviews ({len(frame):>7,} notes) "
              f"{took * 1000:7.1f} ms wall ({statistics.median(cpus) * 1000:.1f} ms CPU), "
              f"median of {repeat}{growth}{goal}")
        previous = took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-app", action="store_true")
    parser.add_argument("--timeline-only", action="store_true")
    args = parser.parse_args(argv)
    if args.timeline_only:
        bench_timeline()
        return 0
    texts = _texts()
    print(f"{len(texts)} dev-set notes, {sum(len(t) for t in texts) / len(texts):.0f} characters "
          f"on average, {os.cpu_count()} cores")
    latency(texts, args.repeat)
    batch(texts, args.repeat)
    if not args.skip_app:
        app_cold_start()
    bench_timeline()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
