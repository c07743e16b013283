"""A teacher's own recordings: one file per beat, replacing the synthetic voice.

``VOICE_DIR=folder`` names a folder of recordings. Each file is named after its beat,
``<scene module>-<beat number>.<wav|flac|mp3>`` (``s05_chain_rule-03.wav`` is the fourth
beat of step 5, counting from 00); ``make voice-script`` lists every name with the text to
read. Every file is checked before anything renders (:func:`problems`), and the bad ones
are named all at once, one line per file: a name that matches no scene or no beat, a file
that is empty, unreadable or only silence, or one far longer than its note
(:func:`longest_allowed`).

A :class:`RecordingError` is a stop for the user, not a bug: like ``sys.exit`` it ends
any command it reaches with its message as the last lines and no traceback, a plain
``manim`` render too (Manim prints a traceback box for every ``Exception``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scenes.narration.audio import (
    TARGET_LUFS,
    Clip,
    integrated_loudness,
    read_audio,
    trim_silence,
    voiced_spans,
)

__all__ = [
    "AUDIO_SUFFIXES",
    "ENV_VOICE_DIR",
    "RecordingError",
    "Recordings",
    "beat_id",
    "check_length",
    "longest_allowed",
    "note_seconds",
    "problems",
    "recording_name",
]

ENV_VOICE_DIR = "VOICE_DIR"
AUDIO_SUFFIXES = (".wav", ".flac", ".mp3")
IGNORED_SUFFIXES = (".md", ".txt")
"""Files a teacher may keep beside the recordings (the voice script itself)."""
_NAME = re.compile(r"^(?P<module>[a-z][a-z0-9_]*)-(?P<beat>\d{2,3})$")
SPEAKING_RATE = 2.5
"""Words a second of a calm reading (150 words a minute), for the length limit."""


class RecordingError(SystemExit):
    """Recordings that cannot be used; the message names each file and its problem.

    A ``SystemExit``: wherever it is raised (the up-front check, a scene's process, a
    plain ``manim`` render), the command ends with the message, exit status 1, and no
    traceback.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.code)


def beat_id(module: str, index: int) -> str:
    """The name of beat ``index`` of scene module ``module``: ``s05_chain_rule-03``."""
    return f"{module}-{index:02d}"


def recording_name(module: str, index: int, suffix: str = ".wav") -> str:
    """The file a recording of that beat goes to."""
    return beat_id(module, index) + suffix


def note_seconds(note: str) -> float:
    """How long ``note`` (without its marks) takes to say at a calm 150 words a minute."""
    return len(note.split()) / SPEAKING_RATE


def longest_allowed(note_seconds: float) -> float:
    """The longest recording accepted for a note that takes ``note_seconds`` to say.

    Three times the time at a calm 150 words a minute, plus 10 s: room for a slow
    reader and for an added remark, not for the wrong file.
    """
    return 3.0 * note_seconds + 10.0


def _parse(path: Path) -> tuple[str, int] | None:
    match = _NAME.match(path.stem)
    return (match["module"], int(match["beat"])) if match else None


def _candidates(folder: Path) -> list[Path]:
    """The files of ``folder`` that are meant as recordings (all but notes and hidden)."""
    return [
        p
        for p in sorted(folder.iterdir())
        if not p.name.startswith(".") and p.suffix.lower() not in IGNORED_SUFFIXES
    ]


def _name_problem(
    path: Path, modules: Sequence[str] | None, beats: Mapping[str, int] | None
) -> str | None:
    """What is wrong with the file's name, if anything."""
    if path.is_dir():
        return "a folder, not a recording"
    if path.suffix.lower() not in AUDIO_SUFFIXES:
        return (
            "not a recording (use .wav, .flac or .mp3, named like s05_chain_rule-03.wav;"
            " `make voice-script` lists the names)"
        )
    parsed = _parse(path)
    if parsed is None or (modules is not None and parsed[0] not in modules):
        hint = ""
        if parsed is not None and modules is not None:
            close = difflib.get_close_matches(parsed[0], list(modules), n=1, cutoff=0.6)
            if close:
                hint = f"; did you mean {recording_name(close[0], parsed[1], path.suffix)}?"
        return (
            "the name matches no beat of the lecture (expected <scene module>-<beat>,"
            " e.g. s05_chain_rule-03.wav; `make voice-script` lists every name)" + hint
        )
    module, index = parsed
    count = (beats or {}).get(module)
    if count is not None and index >= count:
        return beat_number_problem(module, count)
    return None


def beat_number_problem(module: str, count: int) -> str:
    """The problem of a recording numbered past the last of ``count`` beats."""
    return f"{module} has {count} beats (00 to {count - 1:02d}); no beat has that number"


def _sound_problem(path: Path, notes: Mapping[str, Sequence[str]] | None) -> str | None:
    """What is wrong with the file's sound, if anything: empty, unreadable, silent, long."""
    if path.stat().st_size == 0:
        return "empty (0 bytes)"
    try:
        clip = read_recording(path)
    except RecordingError as exc:
        return str(exc).removeprefix(f"{path.name}: ")
    if not voiced_spans(clip):
        return _SILENT
    module, index = _parse(path) or ("", 0)
    beat_notes = (notes or {}).get(module)
    if beat_notes is not None and index < len(beat_notes):
        return _length_problem(clip, note_seconds(beat_notes[index]))
    return None


_SILENT = "only silence (nothing above -45 dBFS)"


def _length_problem(clip: Clip, seconds: float, *, prepared: bool = False) -> str | None:
    """The problem of a recording far longer than a note of ``seconds``.

    Measured as the render uses it: at the lecture's level, without the silence before
    and after the voice (``prepared``: ``clip`` is that already).
    """
    limit = longest_allowed(seconds)
    if clip.duration <= limit:  # trimming only shortens it
        return None
    if not prepared:
        # The level alone decides where the silence ends (the limiter only lowers
        # peaks), and the full normalizing of a long file costs seconds.
        level = integrated_loudness(clip)
        if np.isfinite(level):
            gain = 10 ** ((TARGET_LUFS - level) / 20)
            clip = Clip((clip.samples * gain).astype(np.float32), clip.rate)
        clip = trim_silence(clip)
    duration = clip.duration
    if duration <= limit:
        return None
    return (
        f"{duration:.1f} s of speech is far longer than its note, which takes about"
        f" {seconds:.1f} s to say (the limit is {limit:.1f} s: three times that, plus"
        " 10 s); is it the recording of another beat?"
    )


def problems(
    folder: Path,
    modules: Sequence[str] | None = None,
    notes: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Every problem of the recordings in ``folder``, one line per bad file.

    Parameters
    ----------
    folder : Path
        The ``VOICE_DIR``.
    modules : sequence of str, optional
        The lecture's scene modules; a file naming another is refused.
    notes : mapping, optional
        Each scene module's beat notes (without marks), where known: a file numbered
        past the last beat, or far longer than its note, is refused.

    Returns
    -------
    list of str
        ``<file name>: <what is wrong>`` for each bad file, in name order; empty when all
        can be used. A missing folder is one line.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return [f"{ENV_VOICE_DIR}={folder}: no such folder"]
    beats = {m: len(n) for m, n in (notes or {}).items()}
    found: list[str] = []
    seen: dict[str, Path] = {}
    for path in _candidates(folder):
        problem = _name_problem(path, modules, beats)
        if problem is None:
            module, index = _parse(path) or ("", 0)
            key = beat_id(module, index)
            if key in seen:
                problem = f"a second recording of beat {key} (the first is {seen[key].name})"
            else:
                seen[key] = path
                problem = _sound_problem(path, notes)
        if problem is not None:
            found.append(f"{path.name}: {problem}")
    return found


def refusal(folder: Path, lines: Sequence[str]) -> str:
    """The message that stops a render: what to fix, then one line per bad file."""
    what = "recording cannot" if len(lines) == 1 else "recordings cannot"
    return (
        f"error: {len(lines)} {what} be used ({ENV_VOICE_DIR}={folder}); nothing was"
        " rendered:\n" + "\n".join(f"  {line}" for line in lines)
    )


@dataclass(frozen=True)
class Recordings:
    """The recordings of one folder, by beat id, all checked readable and not silent."""

    folder: Path
    files: dict[str, Path]

    @classmethod
    def scan(
        cls,
        folder: Path,
        modules: set[str] | None = None,
        notes: Mapping[str, Sequence[str]] | None = None,
    ) -> Recordings:
        """Find and check every recording in ``folder`` (see :func:`problems`).

        Without ``notes`` (a scene's own process, plain ``manim``), the beat lists kept
        by the up-front check are used where they are current
        (:func:`scenes.narration.beatlist.cached_notes`), so a file numbered past its
        scene's last beat or far too long is refused before the scene starts too.

        Raises
        ------
        RecordingError
            Naming every bad file, one line each, if any file cannot be used.
        """
        folder = Path(folder)
        if notes is None and folder.is_dir():
            notes = _kept_notes(folder)
        found = problems(folder, sorted(modules) if modules is not None else None, notes)
        if found:
            raise RecordingError(refusal(folder, found))
        files = {}
        for path in _candidates(folder):
            module, index = _parse(path) or ("", 0)
            files[beat_id(module, index)] = path
        return cls(folder, files)

    def for_beat(self, key: str) -> Path | None:
        """The recording of beat ``key``, if there is one."""
        return self.files.get(key)

    def of_scene(self, module: str) -> dict[int, Path]:
        """The recordings of ``module``'s beats, by beat number."""
        out = {}
        for key, path in self.files.items():
            name, _, number = key.rpartition("-")
            if name == module:
                out[int(number)] = path
        return dict(sorted(out.items()))

    def unmatched(self, module: str, beats: int) -> list[Path]:
        """Recordings of ``module`` whose beat number is past its last beat."""
        return [p for i, p in self.of_scene(module).items() if i >= beats]


def _kept_notes(folder: Path) -> dict[str, list[str]]:
    """The kept beat notes of the lecture's scenes that have files in ``folder``."""
    from scenes.lecture import SCENES
    from scenes.narration.beatlist import cached_notes

    named = {(_parse(p) or ("", 0))[0] for p in _candidates(folder)}
    return cached_notes([e for e in SCENES if e.module in named])


def read_recording(path: Path) -> Clip:
    """Decode a recording, naming the file in any error."""
    try:
        return read_audio(path)
    except ValueError as exc:
        raise RecordingError(
            str(exc).replace(str(path), Path(path).name)
        ) from None


def check_sound(clip: Clip, path: Path) -> None:
    """Refuse a recording that is only silence."""
    if not voiced_spans(clip):
        raise RecordingError(f"{Path(path).name}: {_SILENT}")


def check_length(clip: Clip, path: Path, note_seconds: float) -> None:
    """Refuse a recording far longer than its note takes to say.

    ``clip`` is as the render uses it (at the lecture's level, trimmed).
    """
    problem = _length_problem(clip, note_seconds, prepared=True)
    if problem is not None:
        raise RecordingError(f"{Path(path).name}: {problem}")
