"""Benchmark the lecture's render: ``make bench-render`` (``QUALITY=l`` for the preview).

Renders every scene of :data:`scenes.lecture.SCENES` from scratch the way ``make video``
does (:func:`scenes.render.render_scenes`, ``--force``: parallel processes, fast stills),
then prints per scene and in total: render wall time, video duration, their ratio, CPU
time and peak memory; then re-runs with nothing changed and prints how long that took.
The ratio is measured against the same run's video length, so it holds on a busy
machine; the load average before and after is printed, as what else ran matters.

``--baseline`` first renders each scene the way the lecture was rendered before this
work (one scene after another, plain ``manim`` with its play-call cache and Manim's own
still encoding, into a scratch folder) so both figures come from one run.

Usage: python tools/bench_render.py [--quality h] [--jobs N] [--only 1,4] [--baseline]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import av

from scenes.lecture import SceneEntry
from scenes.perf.usage import run_measured
from scenes.render import (
    QUALITIES,
    ROOT,
    RenderedScene,
    output_path,
    render_scenes,
    select_entries,
)

MB = 1024 * 1024


def duration(path: Path) -> float:
    """Seconds of video in ``path``."""
    with av.open(str(path)) as container:
        return container.duration / 1_000_000


def _pss(pid: int) -> int:
    """Proportional set size of ``pid`` in bytes (shared pages split among sharers)."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def _tree_memory(root_pid: int) -> int:
    """Memory of ``root_pid`` and all its descendants: the sum of their PSS, in bytes.

    PSS, not RSS: the processes share libraries and copy-on-write pages, which RSS would
    count once per process.
    """
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    total = 0
    for pid in parents:
        p = pid
        while p != root_pid and p > 1:
            p = parents.get(p, 0)
        if p == root_pid:
            try:
                total += _pss(pid)
            except (OSError, ValueError):
                continue
    return total


class TreeMemory:
    """Samples the memory (PSS) of this process and its children (all scenes at once)."""

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, _tree_memory(os.getpid()))

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _baseline(entries: Sequence[SceneEntry], quality: str) -> tuple[float, list[tuple]]:
    """Render each scene as before: sequential plain manim, cache on, Manim's encoding."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-baseline-", dir=ROOT / "media"))
    env = {**os.environ, "BACKPROP_FAST_STILLS": "0"}
    rows = []
    started = time.perf_counter()
    try:
        for entry in entries:
            t0 = time.perf_counter()
            code, usage = run_measured(
                [
                    sys.executable, "-m", "manim", "render", f"-q{quality}",
                    "--progress_bar", "none", "--media_dir", str(scratch),
                    entry.path, entry.name,
                ],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            if code != 0:
                raise SystemExit(f"baseline render of {entry.name} failed ({code})")
            took = time.perf_counter() - t0
            rows.append((entry, took, duration(output_path(entry, quality, scratch))))
            print(
                f"  baseline {entry.name:<28} {took:7.1f} s, cpu {usage.cpu_seconds:6.1f} s,"
                f" peak {usage.peak_rss / MB:5.0f} MB",
                flush=True,
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return time.perf_counter() - started, rows


def _table(done: list[RenderedScene], wall: float, peak_all: int) -> float:
    print(
        f"\n{'step':>4} {'scene':<28} {'render s':>9} {'video s':>8} {'ratio':>6}"
        f" {'cpu s':>7} {'peak MB':>8}"
    )
    total_video = 0.0
    for scene in done:
        seconds = duration(scene.video)
        total_video += seconds
        print(
            f"{scene.entry.step:>4} {scene.entry.name:<28} {scene.seconds:9.1f}"
            f" {seconds:8.1f} {scene.seconds / seconds:6.2f}"
            f" {scene.cpu_seconds or 0:7.1f} {(scene.peak_rss or 0) / MB:8.0f}"
        )
    peak_one = max((s.peak_rss or 0) for s in done) / MB
    print(
        f"{'':>4} {'total (wall, parallel)':<28} {wall:9.1f} {total_video:8.1f}"
        f" {wall / total_video:6.2f} {sum(s.cpu_seconds or 0 for s in done):7.1f}"
        f" {peak_one:8.0f}"
    )
    print(
        f"peak memory of all scenes rendering at once (PSS, with this runner):"
        f" {peak_all / MB:.0f} MB"
    )
    return total_video


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quality", "-q", choices=QUALITIES, default=os.environ.get("QUALITY", "h")
    )
    parser.add_argument("--jobs", "-j", type=int)
    parser.add_argument("--only", help="comma-separated storyboard steps")
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args(argv)
    entries = select_entries(args.only)

    print(
        f"{len(entries)} scene(s) at -q{args.quality}; load average"
        f" {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores",
        flush=True,
    )
    if args.baseline:
        base_wall, rows = _baseline(entries, args.quality)
        base_video = sum(r[2] for r in rows)
        print(
            f"baseline (before): {base_wall:.1f} s for {base_video:.1f} s of video"
            f" = {base_wall / base_video:.2f}x",
            flush=True,
        )
    started = time.perf_counter()
    with TreeMemory() as memory:
        done = render_scenes(entries, args.quality, jobs=args.jobs, force=True)
    wall = time.perf_counter() - started
    total_video = _table(done, wall, memory.peak)
    print(f"ratio: {wall:.1f} s / {total_video:.1f} s = {wall / total_video:.2f}x")

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "scenes.render", "--quality", args.quality]
        + (["--only", args.only] if args.only else []),
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    print(
        f"re-run with nothing changed (python -m scenes.render, as make video):"
        f" {time.perf_counter() - started:.1f} s"
    )
    print(f"load average now {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
