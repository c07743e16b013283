"""What the tests read from rendered media, through ffprobe and ffmpeg.

One place for the command lines, so every test asks the same question the same way.
Frame counts and rates come from :func:`scenes.publish.video.probe`, the lecture's own.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np

__all__ = ["ffprobe", "sound"]


def ffprobe(path: Path, *options: str) -> dict:
    """ffprobe's JSON answer about ``path`` for ``options`` (``-show_entries ...``)."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", *options, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def sound(path: Path, rate: int = 48_000) -> np.ndarray:
    """The first sound track of ``path``, mixed to mono at ``rate`` Hz, as float32."""
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a:0", "-ac", "1",
         "-ar", str(rate), "-f", "f32le", "-"],
        capture_output=True,
        check=True,
    ).stdout  # fmt: skip
    return np.frombuffer(raw, np.float32)
