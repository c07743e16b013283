"""What the tests read from rendered media, through ffprobe and ffmpeg.

One place for the command lines, so every test asks the same question the same way.
Frame counts and rates come from :func:`scenes.publish.video.probe`, the lecture's own,
and a decoded sound track from :func:`scenes.narration.listen.decode_sound`.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

__all__ = ["decode_errors", "ffprobe", "loudness"]


def ffprobe(path: Path, *options: str) -> dict:
    """ffprobe's JSON answer about ``path`` for ``options`` (``-show_entries ...``)."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-of", "json", *options, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def decode_errors(path: Path) -> str:
    """What ffmpeg complains of while decoding all of ``path`` ("" for a clean file)."""
    check = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=False,
    )
    return check.stderr if check.returncode == 0 else check.stderr or "ffmpeg failed"


def loudness(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) of ``path``'s sound, by ffmpeg's ebur128 meter."""
    out = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a",
         "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr  # fmt: skip
    lufs = float(re.findall(r"I:\s+(-?[\d.]+) LUFS", out)[-1])
    peak = float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", out)[-1])
    return lufs, peak
