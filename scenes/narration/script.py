"""The recording script for a teacher's own voice: ``make voice-script``.

``python -m scenes.narration.script`` builds every scene of the lecture for the current
example files (without drawing a frame), and writes ``media/narration/voice-script.md``:
every beat in lecture order, the file its recording goes to, the text to read (the
note as it is spoken, with its marks: ``[ratio]`` shows where the picture changes) and
the note as the captions show it. Record each beat into its
own file in one folder, then render with ``VOICE_DIR=that/folder``.

``python -m scenes.narration.script --notes out.json s05_chain_rule ...`` writes only the
beat notes of those scenes, for the check of a teacher's recordings
(:mod:`scenes.narration.beatlist`, which keeps them).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scenes.lecture import SceneEntry

__all__ = ["ScriptLine", "collect", "main", "render_script"]

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ScriptLine:
    """One beat to record."""

    step: int
    title: str
    file: str
    say: str
    note: str


def _build(entry: SceneEntry) -> list:
    """The beats of one scene, from a dry run (nothing drawn, spoken or written)."""
    from manim import tempconfig

    with tempconfig(
        {"dry_run": True, "verbosity": "ERROR", "progress_bar": "none",
         "disable_caching": True}
    ):
        scene = entry.load()(skip_animations=True)
        scene.render()
    return list(scene.beats)


def _dry_run_environment() -> None:
    """Plain scenes, no voice, no movie; LaTeX locked against renders running now."""
    os.environ["BACKPROP_PLAIN_SCENES"] = "1"
    os.environ["NARRATION"] = "off"
    from scenes.perf import texlock

    texlock.install()


def collect(entries: Sequence[SceneEntry] | None = None) -> list[ScriptLine]:
    """Every beat of the lecture (or of ``entries``), in order, for the examples in use now."""
    _dry_run_environment()
    from scenes.lecture import SCENES
    from scenes.narration.recordings import recording_name

    lines = []
    for entry in SCENES if entries is None else entries:
        for beat in _build(entry):
            lines.append(
                ScriptLine(
                    entry.step,
                    entry.title,
                    recording_name(entry.module, beat.index),
                    spoken_with_marks(beat.marked or beat.note),
                    beat.note,
                )
            )
    return lines


def _write_notes(modules: Sequence[str], out: Path) -> None:
    """Dry-run each scene of ``modules``; write ``{module: [note, ...]}`` as JSON.

    A scene that cannot be built gets ``{"error": "..."}`` instead (its render will fail
    and say why; its recordings are then checked as it renders).
    """
    _dry_run_environment()
    from scenes.lecture import SCENES

    found: dict[str, object] = {}
    for entry in SCENES:
        if entry.module in modules:
            try:
                found[entry.module] = [beat.note for beat in _build(entry)]
            except Exception as exc:  # noqa: BLE001 - any failure is reported, not raised
                found[entry.module] = {"error": f"{type(exc).__name__}: {exc}"}
    out.write_text(json.dumps(found), encoding="utf-8")


def spoken_with_marks(marked: str) -> str:
    """The spoken form of a note, its marks kept where they fall, for the reader.

    >>> spoken_with_marks("Then [grad] ∂C0/∂w is small.")
    'Then [grad] the derivative of C zero with respect to w is small.'
    """
    from scenes.narration.marks import MARK
    from scenes.narration.spoken import spoken_form

    pieces = MARK.split(" ".join(marked.split()))
    # pieces alternate: text, mark name, text, mark name, ..., text
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(f"[{piece}]")
        elif piece.strip():
            out.append(spoken_form(piece.strip()))
    return " ".join(out)


def render_script(lines: list[ScriptLine]) -> str:
    """The script as Markdown."""
    out = [
        "# Recording script",
        "",
        "Record each beat into its own file (WAV, FLAC or MP3; the name below, any of",
        "those endings), all in one folder, then render with `VOICE_DIR=that/folder`",
        "(`make lecture VOICE_DIR=...`). A beat without a recording is spoken by the",
        "synthetic voice. Read at a calm pace; the animation waits for you. The captions",
        "keep the written note and follow your pauses. A word in square brackets, such",
        "as `[ratio]`, is a mark, not to be read: the picture changes on the word after it,",
        "timed from your recording.",
        "",
    ]
    step = None
    for line in lines:
        if line.step != step:
            step = line.step
            out += [f"## {line.step}. {line.title}", ""]
        out += [f"### `{line.file}`", "", f"Say: {line.say}", "", f"Note: {line.note}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Write the script; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "media" / "narration" / "voice-script.md",
        help="where to write the script (Markdown)",
    )
    parser.add_argument(
        "--notes",
        type=Path,
        metavar="JSON",
        help="instead: write the beat notes of the scene modules named after it as JSON",
    )
    parser.add_argument("modules", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.notes is not None:
        _write_notes(args.modules, args.notes)
        return 0
    from scenes.perf.placement import write_text_atomically

    lines = collect()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(args.out, render_script(lines))
    print(f"{len(lines)} beats to record; the script is {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
