"""A teacher's own recordings: one file per beat, replacing the synthetic voice.

``VOICE_DIR=folder`` names a folder of recordings. Each file is named after its beat,
``<scene module>-<beat number>.<wav|flac|mp3>`` (``s05_chain_rule-03.wav`` is the fourth
beat of step 5, counting from 00); ``make voice-script`` lists every name with the text to
read. Every file is checked before it is used, and a bad one stops the render with a
message that names it: unreadable or empty, only silence, named after no beat, or far
longer than its note (:func:`longest_allowed`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scenes.narration.audio import Clip, read_audio, voiced_spans

__all__ = [
    "AUDIO_SUFFIXES",
    "ENV_VOICE_DIR",
    "RecordingError",
    "Recordings",
    "beat_id",
    "longest_allowed",
    "recording_name",
]

ENV_VOICE_DIR = "VOICE_DIR"
AUDIO_SUFFIXES = (".wav", ".flac", ".mp3")
IGNORED_SUFFIXES = (".md", ".txt")
"""Files a teacher may keep beside the recordings (the voice script itself)."""
_NAME = re.compile(r"^(?P<module>[a-z][a-z0-9_]*)-(?P<beat>\d{2,3})$")


class RecordingError(ValueError):
    """A recording cannot be used; the message names the file and the problem."""


def beat_id(module: str, index: int) -> str:
    """The name of beat ``index`` of scene module ``module``: ``s05_chain_rule-03``."""
    return f"{module}-{index:02d}"


def recording_name(module: str, index: int, suffix: str = ".wav") -> str:
    """The file a recording of that beat goes to."""
    return beat_id(module, index) + suffix


def longest_allowed(note_seconds: float) -> float:
    """The longest recording accepted for a note that takes ``note_seconds`` to say.

    Three times the time at a calm 150 words a minute, plus 10 s: room for a slow
    reader and for an added remark, not for the wrong file.
    """
    return 3.0 * note_seconds + 10.0


@dataclass(frozen=True)
class Recordings:
    """The recordings of one folder, by beat id, all checked readable and not silent."""

    folder: Path
    files: dict[str, Path]

    @classmethod
    def scan(cls, folder: Path, modules: set[str] | None = None) -> Recordings:
        """Find and check every recording in ``folder``.

        Parameters
        ----------
        folder : Path
            The ``VOICE_DIR``.
        modules : set of str, optional
            The lecture's scene modules; a file naming another is refused.

        Raises
        ------
        RecordingError
            If the folder is missing, or a file is named after no beat, is unreadable,
            empty or only silence, or two files are for the same beat.
        """
        folder = Path(folder)
        if not folder.is_dir():
            raise RecordingError(f"{ENV_VOICE_DIR}={folder}: no such folder")
        files: dict[str, Path] = {}
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.suffix.lower() in IGNORED_SUFFIXES:
                continue
            if path.suffix.lower() not in AUDIO_SUFFIXES:
                raise RecordingError(
                    f"{path}: not a recording (use .wav, .flac or .mp3, named like"
                    " s05_chain_rule-03.wav; `make voice-script` lists the names)"
                )
            match = _NAME.match(path.stem)
            if match is None or (modules is not None and match["module"] not in modules):
                raise RecordingError(
                    f"{path}: the name matches no beat of the lecture (expected"
                    " <scene module>-<beat>, e.g. s05_chain_rule-03.wav; `make"
                    " voice-script` lists every name)"
                )
            key = beat_id(match["module"], int(match["beat"]))
            if key in files:
                raise RecordingError(
                    f"{path} and {files[key]} are both recordings of beat {key}"
                )
            check_sound(read_recording(path), path)
            files[key] = path
        return cls(folder, files)

    def for_beat(self, key: str) -> Path | None:
        """The recording of beat ``key``, if there is one."""
        return self.files.get(key)

    def unmatched(self, module: str, beats: int) -> list[Path]:
        """Recordings of ``module`` whose beat number is past its last beat."""
        return [
            p
            for key, p in self.files.items()
            if key.rsplit("-", 1)[0] == module and int(key.rsplit("-", 1)[1]) >= beats
        ]


def read_recording(path: Path) -> Clip:
    """Decode a recording, naming the file in any error."""
    try:
        return read_audio(path)
    except ValueError as exc:
        raise RecordingError(str(exc)) from None


def check_sound(clip: Clip, path: Path) -> None:
    """Refuse a recording that is only silence."""
    if not voiced_spans(clip):
        raise RecordingError(f"{path}: the recording is only silence (nothing above -45 dBFS)")


def check_length(clip: Clip, path: Path, note_seconds: float) -> None:
    """Refuse a recording far longer than its note takes to say."""
    limit = longest_allowed(note_seconds)
    if clip.duration > limit:
        raise RecordingError(
            f"{path}: {clip.duration:.1f} s is far longer than its note, which takes about"
            f" {note_seconds:.1f} s to say (the limit is {limit:.1f} s: three times"
            " that, plus 10 s); is it the recording of another beat?"
        )
