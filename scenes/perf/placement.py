"""Move a finished render's files into place, whole or not at all.

A scene is rendered under temporary names (the video and its captions beside their final
place, the slide deck in a staging folder) and only moved where plain ``manim`` would
have written them once everything is complete. ``os.replace`` within one file system is
atomic, so an interrupted run leaves the previous files or the new ones, never a
truncated video.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

__all__ = ["replace_dir", "replace_file", "write_text_atomically"]


def replace_file(source: Path, target: Path) -> None:
    """Atomically put ``source`` at ``target`` (same file system)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def replace_dir(source: Path, target: Path) -> None:
    """Put folder ``source`` at ``target``, removing the old folder afterwards.

    The swap is two renames: for an instant ``target`` is missing, never half-filled.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(source, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def write_text_atomically(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target``, then rename it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
