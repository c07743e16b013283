"""The recording script for a teacher's own voice: ``make voice-script``.

``python -m scenes.narration.script`` builds every scene of the lecture for the current
example files (without drawing a frame), and writes ``media/narration/voice-script.md``:
every beat in lecture order, the file its recording goes to, the text to read (the
note as it is spoken, with its marks: ``[ratio]`` shows where the picture changes) and
the note as the captions show it. Record each beat into its
own file in one folder, then render with ``VOICE_DIR=that/folder``.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

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


def collect() -> list[ScriptLine]:
    """Every beat of the lecture, in order, for the examples in use now."""
    # Nothing is drawn or spoken: plain scenes, no voice, no movie.
    os.environ["BACKPROP_PLAIN_SCENES"] = "1"
    os.environ["NARRATION"] = "off"
    from manim import tempconfig

    from scenes.lecture import SCENES
    from scenes.narration.recordings import recording_name

    lines = []
    for entry in SCENES:
        with tempconfig(
            {"dry_run": True, "verbosity": "ERROR", "progress_bar": "none",
             "disable_caching": True}
        ):
            scene = entry.load()(skip_animations=True)
            scene.render()
        for beat in scene.beats:
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
    args = parser.parse_args(argv)
    from scenes.perf.placement import write_text_atomically

    lines = collect()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(args.out, render_script(lines))
    print(f"{len(lines)} beats to record; the script is {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
