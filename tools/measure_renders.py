"""Render each lecture scene at one quality and report render time and video duration.

Usage: python tools/measure_renders.py l [STEP ...]   (l, m, h, k as for manim -q)
"""

from __future__ import annotations

import subprocess
import sys
import time

import av

from scenes.lecture import SCENES
from scenes.render import ROOT, output_path


def duration(path) -> float:
    """Seconds of video in ``path``."""
    with av.open(str(path)) as container:
        return container.duration / 1_000_000


def main() -> None:
    """Render and print one table row per scene."""
    quality = sys.argv[1] if len(sys.argv) > 1 else "l"
    steps = {int(s) for s in sys.argv[2:]}
    print(f"{'scene':<28} {'render s':>9} {'video s':>8}")
    for entry in SCENES:
        if steps and entry.step not in steps:
            continue
        t0 = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "manim",
                f"-q{quality}",
                "--progress_bar",
                "none",
                "--disable_caching",
                entry.path,
                entry.name,
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        took = time.perf_counter() - t0
        print(
            f"{entry.name:<28} {took:9.1f} {duration(output_path(entry, quality)):8.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
