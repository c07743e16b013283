"""Synthesized speech kept on disk, by voice, settings and spoken text, with its word times.

Piper's synthesis is random (two runs differ slightly) and costs CPU time, so each clip
is made once: its file name is a hash of everything that decides it, and a re-render
with nothing changed synthesizes nothing. The folder is ``media/narration/cache`` unless
``BACKPROP_NARRATION_CACHE`` names another (the render runner points every scene's
process at the project's, whatever its staging folder). Beside a clip, the start time of
each of its words (its forced alignment, :mod:`scenes.narration.align`) is kept as JSON,
so a re-render aligns nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from manim import config

from scenes.narration.audio import Clip, read_audio, write_wav

__all__ = ["ENV_CACHE", "SpeechCache", "default_cache_dir"]

ENV_CACHE = "BACKPROP_NARRATION_CACHE"


def default_cache_dir() -> Path:
    """``BACKPROP_NARRATION_CACHE``, else ``<media_dir>/narration/cache``."""
    chosen = os.environ.get(ENV_CACHE)
    return Path(chosen) if chosen else Path(config.media_dir) / "narration" / "cache"


class SpeechCache:
    """Clips on disk under ``folder``, one WAV file per (voice, settings, text, level)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @staticmethod
    def key(voice: str, settings: dict[str, Any], text: str, level: dict[str, Any]) -> str:
        """The hash naming one clip."""
        blob = json.dumps(
            {"voice": voice, "settings": settings, "text": text, "level": level},
            sort_keys=True,
        )
        return hashlib.sha256(blob.encode()).hexdigest()[:32]

    def path(self, key: str) -> Path:
        """Where the clip of ``key`` is kept."""
        return self.folder / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Clip | None:
        """The clip of ``key``, or None when it was never made (or is unreadable)."""
        path = self.path(key)
        if not path.is_file():
            return None
        try:
            return read_audio(path)
        except ValueError:
            return None

    def words_path(self, key: str) -> Path:
        """Where the word starts of alignment ``key`` are kept."""
        return self.folder / key[:2] / f"{key}.words.json"

    def get_words(self, key: str) -> list[float] | None:
        """The cached word starts of alignment ``key`` (``[]``: it failed), or None."""
        try:
            data = json.loads(self.words_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, list) or not all(isinstance(t, (int, float)) for t in data):
            return None
        return [float(t) for t in data]

    def put_words(self, key: str, starts: list[float]) -> None:
        """Keep the word starts of alignment ``key``; written whole or not at all."""
        path = self.words_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump([round(float(t), 4) for t in starts], out)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)

    def put(self, key: str, clip: Clip) -> None:
        """Keep ``clip`` under ``key``; written whole or not at all."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".wav", dir=path.parent)
        os.close(fd)
        try:
            write_wav(clip, Path(tmp))
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
