"""Render the lecture's scenes in order: ``python -m scenes.render --quality h``.

This is what ``make video`` (``-qh``, 1080p60) and ``make preview`` (``-ql``) run. It
checks the examples first (a bad ``BPMATH_<ROLE>`` file stops everything before any
rendering), then renders each scene of :data:`scenes.lecture.SCENES` with the ``manim``
command, printing a progress line per scene and the output paths at the end.

Other tools (``make lecture``) call :func:`render_scenes`, which renders only what is
missing or out of date and returns where each video is.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bpmath
from scenes.kit.limits import check_drawable
from scenes.lecture import SCENES, SceneEntry

__all__ = [
    "QUALITIES",
    "RenderedScene",
    "SceneRenderError",
    "check_examples",
    "main",
    "output_path",
    "render_scenes",
]

RESOLUTION_DIRS = {
    "l": "480p15",
    "m": "720p30",
    "h": "1080p60",
    "p": "1440p60",
    "k": "2160p60",
}
QUALITIES = tuple(RESOLUTION_DIRS)
"""The ``-q`` letters Manim knows: low, medium, high, 1440p, 4k."""
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RenderedScene:
    """Where one scene's video is, and whether this run had to render it."""

    entry: SceneEntry
    quality: str
    video: Path
    rendered: bool
    seconds: float


class SceneRenderError(RuntimeError):
    """``manim`` failed on one scene; ``log`` holds the end of its output."""

    def __init__(self, entry: SceneEntry, log: str) -> None:
        super().__init__(
            f"step {entry.step} ({entry.name}, {entry.path}) failed to render:\n{log}"
        )
        self.entry = entry
        self.log = log


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


def check_examples(log: Callable[[str], None] = print) -> None:
    """Stop with a clear message (``SystemExit``) if a user's example file is bad."""
    for role in bpmath.examples.ROLES:
        source = os.environ.get(bpmath.examples.environment_variable(role))
        try:
            check_drawable(bpmath.examples.get(role), role)
        except (ValueError, TypeError) as exc:
            raise SystemExit(
                f"error: the {role} example is not usable: {exc}"
            ) from None
        if source:
            log(f"using {source} as the {role} example")


def _check_quality(quality: str) -> None:
    if quality not in RESOLUTION_DIRS:
        raise ValueError(
            f"unknown quality {quality!r}: use one of {', '.join(QUALITIES)}"
            " (l = 480p15, m = 720p30, h = 1080p60, p = 1440p60, k = 2160p60)"
        )


def _render_one(entry: SceneEntry, quality: str) -> None:
    cmd = [
        sys.executable,
        "-m",
        "manim",
        "render",
        f"-q{quality}",
        "--progress_bar",
        "none",
        entry.path,
        entry.name,
    ]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise SceneRenderError(entry, tail)


def render_scenes(
    entries: Sequence[SceneEntry] | None = None,
    quality: str = "h",
    *,
    log: Callable[[str], None] = print,
) -> list[RenderedScene]:
    """Render ``entries`` (default: the whole lecture) at ``quality``, in order.

    Prints a progress line per scene through ``log``.

    Returns
    -------
    list of RenderedScene
        One per entry, in the order given.

    Raises
    ------
    ValueError
        If ``quality`` is not a Manim quality letter.
    SceneRenderError
        If a scene fails; it names the scene and holds the end of Manim's output.
    """
    _check_quality(quality)
    entries = list(SCENES if entries is None else entries)
    done = []
    for i, entry in enumerate(entries, start=1):
        t0 = time.perf_counter()
        _render_one(entry, quality)
        seconds = time.perf_counter() - t0
        log(
            f"[{i}/{len(entries)}] step {entry.step}: {entry.title} ({entry.name})"
            f" done in {seconds:.1f} s"
        )
        video = output_path(entry, quality)
        if not video.exists():
            raise SceneRenderError(entry, f"manim wrote no video at {video}")
        done.append(RenderedScene(entry, quality, video, True, seconds))
    return done


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
    parser.add_argument("--quality", "-q", choices=QUALITIES, default="h")
    parser.add_argument("--only", help="comma-separated storyboard steps, e.g. 1,4,5")
    args = parser.parse_args(argv)

    check_examples()
    started = time.perf_counter()
    try:
        done = render_scenes(_select(args.only), args.quality)
    except SceneRenderError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"\nRendered {len(done)} scene(s) in {time.perf_counter() - started:.0f} s:")
    for scene in done:
        print(f"  {scene.video.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
