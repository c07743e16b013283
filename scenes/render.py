"""Render the lecture's scenes in order: ``python -m scenes.render --quality h``.

This is what ``make video`` (``-qh``, 1080p60) and ``make preview`` (``-ql``) run. It
checks the examples first (a bad ``BPMATH_<ROLE>`` file stops everything before any
rendering), then renders each scene of :data:`scenes.lecture.SCENES` with the ``manim``
command, printing a progress line per scene and the output paths at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import bpmath
from scenes.lecture import SCENES, SceneEntry

__all__ = ["main", "output_path"]

RESOLUTION_DIRS = {
    "l": "480p15",
    "m": "720p30",
    "h": "1080p60",
    "p": "1440p60",
    "k": "2160p60",
}
ROOT = Path(__file__).resolve().parent.parent


def output_path(
    entry: SceneEntry, quality: str, media_dir: Path = ROOT / "media"
) -> Path:
    """Where ``manim`` writes the video of ``entry`` at ``quality``."""
    return (
        media_dir
        / "videos"
        / entry.module
        / RESOLUTION_DIRS[quality]
        / f"{entry.name}.mp4"
    )


def _check_examples() -> None:
    for role in bpmath.examples.ROLES:
        source = os.environ.get(bpmath.examples.environment_variable(role))
        try:
            bpmath.examples.get(role)
        except (ValueError, TypeError) as exc:
            raise SystemExit(
                f"error: the {role} example is not usable: {exc}"
            ) from None
        if source:
            print(f"using {source} as the {role} example")


def _select(only: str | None) -> list[SceneEntry]:
    if not only:
        return list(SCENES)
    wanted = {int(s) for s in only.split(",")}
    unknown = wanted - {e.step for e in SCENES}
    if unknown:
        raise SystemExit(f"error: --only names unknown step(s) {sorted(unknown)}")
    return [e for e in SCENES if e.step in wanted]


def main(argv: list[str] | None = None) -> int:
    """Render the selected scenes; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", "-q", choices=sorted(RESOLUTION_DIRS), default="h")
    parser.add_argument("--only", help="comma-separated storyboard steps, e.g. 1,4,5")
    args = parser.parse_args(argv)

    _check_examples()
    entries = _select(args.only)
    outputs, started = [], time.perf_counter()
    for i, entry in enumerate(entries, start=1):
        print(
            f"[{i}/{len(entries)}] step {entry.step}: {entry.title} ({entry.name}) ...",
            end="",
            flush=True,
        )
        t0 = time.perf_counter()
        cmd = [
            sys.executable,
            "-m",
            "manim",
            "render",
            f"-q{args.quality}",
            "--progress_bar",
            "none",
            entry.path,
            entry.name,
        ]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            print(" FAILED")
            print(
                "\n".join((proc.stdout + proc.stderr).splitlines()[-30:]),
                file=sys.stderr,
            )
            return proc.returncode
        print(f" done in {time.perf_counter() - t0:.1f} s")
        outputs.append(output_path(entry, args.quality))
    print(
        f"\nRendered {len(outputs)} scene(s) in {time.perf_counter() - started:.0f} s:"
    )
    for path in outputs:
        print(f"  {path.relative_to(ROOT)}" + ("" if path.exists() else "  (missing!)"))
    return 0 if all(p.exists() for p in outputs) else 1


if __name__ == "__main__":
    sys.exit(main())
