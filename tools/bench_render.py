"""Benchmark the lecture's render: ``make bench-render`` (``QUALITY=l`` for the preview).

Renders every scene of :data:`scenes.lecture.SCENES` from scratch the way ``make video``
does (:func:`scenes.render.render_scenes`, ``--force``: parallel processes, stills
written once), then prints per scene and in total: render wall time, video duration,
their ratio, CPU time and peak memory, and where the CPU time went: still stretches,
narration synthesis, joining the partial movies (each as the scene's render reported
it) and the rest, the drawing and encoding of the moving frames. Then it joins the
scene videos by stream copy (as ``make lecture`` does) and times that, and re-runs with
nothing changed and prints how long that took. The ratio is measured against the same
run's video length, so it holds on a busy machine; the load average before and after is
printed, as what else ran matters.

``--baseline`` first renders every scene with Manim's own encoding (the same runner,
``BACKPROP_FAST_STILLS=0``: every frame, held or moving, copied and given to x264 at its
``medium`` preset) into a scratch folder, so both figures come from one run. Manim's
writer reports no split of its own: its stills and joining show as "-".

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
from scenes.perf import stills
from scenes.perf.usage import Split, run_measured
from scenes.render import (
    QUALITIES,
    ROOT,
    RenderedScene,
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


def _render_all(
    entries: Sequence[SceneEntry], quality: str, jobs: int | None, **kwargs: object
) -> tuple[list[RenderedScene], float, int]:
    """Render ``entries`` from scratch; the scenes, the wall time and the peak PSS."""
    started = time.perf_counter()
    with TreeMemory() as memory:
        done = render_scenes(
            entries, quality, jobs=jobs, force=True, log=lambda _: None, **kwargs
        )
    return done, time.perf_counter() - started, memory.peak


def _baseline(
    entries: Sequence[SceneEntry], quality: str, jobs: int | None
) -> tuple[list[RenderedScene], float, float]:
    """Render with Manim's own encoding (``BACKPROP_FAST_STILLS=0``).

    Prints its table; returns the scenes, the wall time and the seconds of video.
    """
    scratch = Path(tempfile.mkdtemp(prefix="bench-baseline-", dir=ROOT / "media"))
    os.environ[stills.ENV_SWITCH] = "0"
    try:
        done, wall, peak = _render_all(entries, quality, jobs, media_dir=scratch)
        title = "before (Manim's own encoding: x264 medium, every frame)"
        return done, wall, _table(title, done, wall, peak, own_split=False)
    finally:
        del os.environ[stills.ENV_SWITCH]
        shutil.rmtree(scratch, ignore_errors=True)


def _join(videos: list[Path]) -> tuple[float, float]:
    """Join ``videos`` by stream copy as ``make lecture`` does: (wall s, CPU s)."""
    with tempfile.TemporaryDirectory(prefix="bench-join-", dir=ROOT / "media") as tmp:
        listing = Path(tmp) / "videos.txt"
        listing.write_text("".join(f"file '{v}'\n" for v in videos), encoding="utf-8")
        started = time.perf_counter()
        code, usage = run_measured(
            [
                "ffmpeg", "-v", "error", "-f", "concat", "-safe", "0", "-i",
                str(listing), "-c", "copy", str(Path(tmp) / "lecture.mp4"),
            ],
            stdout=subprocess.DEVNULL,
        )
        if code != 0:
            raise SystemExit(f"joining the scene videos by stream copy failed ({code})")
        return time.perf_counter() - started, usage.cpu_seconds


def _split(scene: RenderedScene) -> tuple[float, float, float, float]:
    """CPU seconds: moving frames (the rest), still stretches, narration, joining."""
    split = scene.split or Split()
    cpu = scene.cpu_seconds or 0.0
    moving = cpu - split.stills - split.narration - split.joining
    return moving, split.stills, split.narration, split.joining


def _parts(split: tuple[float, ...], own_split: bool) -> str:
    """The moving, stills, voice and join columns ("-" where nothing was reported)."""
    moving, still, voice, join = split
    if not own_split:
        return f"{moving:7.1f} {'-':>7} {voice:6.1f} {'-':>5}"
    return f"{moving:7.1f} {still:7.2f} {voice:6.1f} {join:5.2f}"


def _table(
    title: str,
    done: list[RenderedScene],
    wall: float,
    peak_all: int,
    *,
    own_split: bool = True,
) -> float:
    """Print one way's table; return the seconds of video.

    ``own_split`` is False for Manim's own writer, which reports no stills or joining.
    """
    print(
        f"\n{title}\n{'step':>4} {'scene':<28} {'render s':>9} {'video s':>8}"
        f" {'ratio':>6} {'cpu s':>7} {'cpu/s':>6} {'moving':>7} {'stills':>7}"
        f" {'voice':>6} {'join':>5} {'peak MB':>8}"
    )
    total_video = 0.0
    for scene in done:
        seconds = duration(scene.video)
        total_video += seconds
        cpu = scene.cpu_seconds or 0.0
        print(
            f"{scene.entry.step:>4} {scene.entry.name:<28} {scene.seconds:9.1f}"
            f" {seconds:8.1f} {scene.seconds / seconds:6.2f} {cpu:7.1f}"
            f" {cpu / seconds:6.2f} {_parts(_split(scene), own_split)}"
            f" {(scene.peak_rss or 0) / MB:8.0f}"
        )
    cpu = sum(s.cpu_seconds or 0 for s in done)
    parts = [sum(p) for p in zip(*(_split(s) for s in done))] or [0.0] * 4
    peak_one = max((s.peak_rss or 0) for s in done) / MB
    print(
        f"{'':>4} {'total (wall, parallel)':<28} {wall:9.1f} {total_video:8.1f}"
        f" {wall / total_video:6.2f} {cpu:7.1f} {cpu / total_video:6.2f}"
        f" {_parts(tuple(parts), own_split)} {peak_one:8.0f}"
    )
    frames = sum((s.split or Split()).still_frames for s in done)
    print(
        f"still frames written once: {frames}; peak memory of all scenes rendering at"
        f" once (PSS, with this runner): {peak_all / MB:.0f} MB"
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
        base, base_wall, base_video = _baseline(entries, args.quality, args.jobs)
        print(
            f"baseline (before): {base_wall:.1f} s for {base_video:.1f} s of video"
            f" = {base_wall / base_video:.2f}x",
            flush=True,
        )
    done, wall, peak = _render_all(entries, args.quality, args.jobs)
    total_video = _table("now (the project's encoding)", done, wall, peak)
    print(f"ratio: {wall:.1f} s / {total_video:.1f} s = {wall / total_video:.2f}x")
    join_wall, join_cpu = _join([scene.video for scene in done])
    print(
        f"joining the scene videos by stream copy (as make lecture): {join_wall:.1f} s,"
        f" {join_cpu:.1f} CPU-s"
    )
    if args.baseline:
        print(
            "per scene, CPU now / before: "
            + ", ".join(
                f"{a.entry.step}: {(a.cpu_seconds or 0) / (b.cpu_seconds or 1):.2f}"
                for a, b in zip(done, base)
            )
        )

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
