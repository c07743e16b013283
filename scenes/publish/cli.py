"""``make lecture`` / ``python -m scenes.publish --quality l``: the whole lecture, to take away.

Checks the examples, what the outputs need and the narration (every recording of
``VOICE_DIR``: :func:`scenes.narration.runner.check_narration`), renders what is missing or out of date
(:func:`scenes.render.render_scenes`), then writes the joined video, the captions, the
deck and the PPTX under ``media/lecture/<quality>/`` (:func:`scenes.publish.build.publish`)
and prints an index of what is where. A failure names its cause and leaves the outputs
of the last good run in place.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from scenes.lecture import SCENES, SceneEntry
from scenes.narration.runner import check_narration
from scenes.publish.build import Output, ScenePart, publish
from scenes.publish.needs import MissingDependencyError, require
from scenes.publish.pacing import saved_summary
from scenes.render import (
    QUALITIES,
    ROOT,
    SceneRenderError,
    check_examples,
    output_path,
    render_scenes,
    select_entries,
)

__all__ = ["lecture_folder", "main", "make_lecture"]


def lecture_folder(quality: str, media_dir: Path = ROOT / "media") -> Path:
    """Where ``make lecture QUALITY=<quality>`` writes: ``media/lecture/<480p15...>``."""
    return media_dir / "lecture" / output_path(SCENES[0], quality).parent.name


def make_lecture(
    entries: Sequence[SceneEntry],
    quality: str,
    folder: Path,
    *,
    log: Callable[[str], None] = print,
) -> list[Output]:
    """Render ``entries`` at ``quality`` as needed, then publish them into ``folder``."""
    rendered = render_scenes(entries, quality, log=log)
    return publish([ScenePart(r.entry, r.video) for r in rendered], folder, log=log)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.is_file() else 0


def _human_size(size: int) -> str:
    """``size`` bytes as a reader wants it: 16 KB, 5.7 MB (never "0.0 MB")."""
    if size < 1e6:
        return f"{max(1, round(size / 1e3))} KB"
    return f"{size / 1e6:.1f} MB"


def _print_index(
    outputs: Sequence[Output],
    folder: Path,
    entries: Sequence[SceneEntry],
    seconds: float,
) -> None:
    print(f"\nThe lecture is ready ({seconds:.0f} s):")
    for out in outputs:
        try:
            shown = out.path.relative_to(ROOT)
        except ValueError:
            shown = out.path
        size = _size(out.path.parent if out.path.name == "index.html" else out.path)
        note = "" if out.rebuilt else "  (up to date)"
        print(f"  {out.label:<30} {shown}  {_human_size(size)}{note}")
    print(
        f"  {'captions of each scene':<30} beside each scene's video,"
        f" media/videos/*/{folder.name}/*.srt"
    )
    names = " ".join(e.name for e in entries)
    print(
        "Present with reveal.js: open the deck's index.html (S: speaker view);"
        " or with manim-slides:\n"
        f"  .venv/bin/manim-slides present --folder media/slides/{folder.name} {names}"
    )
    pacing = saved_summary(folder / "lecture.pacing.json")
    if pacing:
        print(f"Pacing (the whole report: make pacing QUALITY=...): {pacing}")


def main(argv: list[str] | None = None) -> int:
    """Make the lecture outputs; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", "-q", default="h", help="l, m or h (also p, k)")
    parser.add_argument("--only", help="comma-separated storyboard steps, e.g. 1,2")
    args = parser.parse_args(argv)
    if args.quality not in QUALITIES:
        print(
            f"error: unknown QUALITY {args.quality!r}: use l (480p15), m (720p30) or"
            " h (1080p60), e.g. make lecture QUALITY=l",
            file=sys.stderr,
        )
        return 2
    try:
        require()
    except MissingDependencyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    check_examples()
    # The lecture's slides come from manim-slides; plain scenes would have none.
    os.environ.pop("BACKPROP_PLAIN_SCENES", None)
    folder = lecture_folder(args.quality)
    entries = select_entries(args.only)
    try:
        voices = check_narration(entries)
    except SystemExit as exc:  # a bad recording, voice or NARRATION: one message
        print(exc.code, file=sys.stderr)
        print(
            f"Nothing in {folder.relative_to(ROOT)} was changed: the outputs of the"
            " last good run are still there.",
            file=sys.stderr,
        )
        return 1
    started = time.perf_counter()
    try:
        outputs = make_lecture(entries, args.quality, folder)
    except SceneRenderError as exc:
        print(
            f"error: {exc}\nNothing in {folder.relative_to(ROOT)} was changed: the"
            " outputs of the last good run are still there.",
            file=sys.stderr,
        )
        return 1
    except (OSError, ValueError, RuntimeError) as exc:
        print(
            f"error: {exc}\nOutputs already finished are in place; the rest are those"
            " of the last good run.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted: no output was left half-written", file=sys.stderr)
        return 130
    _print_index(outputs, folder, entries, time.perf_counter() - started)
    if voices is not None and voices.folder is not None:
        print(voices.total())
    return 0
