"""Outputs written to a temporary name and moved into place, and stamps of their inputs.

An interrupted run never leaves a truncated output: a file or folder is built under a
hidden temporary name beside its destination and renamed over it only when complete
(:func:`staged_file`, :func:`staged_dir` and :func:`sweep`, shared with the render
runner, live in :mod:`scenes.perf.placement`). A step is skipped when the stamp of its inputs
(paths, sizes, modification times, settings) equals the one recorded when it last ran.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from scenes.perf.placement import staged_dir, staged_file, sweep

__all__ = ["Stamps", "input_stamp", "staged_dir", "staged_file", "sweep"]


def input_stamp(files: Iterable[Path], **settings: object) -> str:
    """A digest of ``files`` (path, size, modification time) and ``settings``."""
    digest = hashlib.sha256()
    for path in files:
        stat = path.stat()
        digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class Stamps:
    """The input stamp of each output in a folder, kept in ``<folder>/.stamps.json``."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ".stamps.json"
        try:
            self._stamps: dict[str, str] = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self._stamps = {}

    def current(self, output: Path, stamp: str) -> bool:
        """True if ``output`` exists and was made from inputs with this ``stamp``."""
        return output.exists() and self._stamps.get(output.name) == stamp

    def record(self, output: Path, stamp: str) -> None:
        """Remember that ``output`` now holds what inputs with ``stamp`` make."""
        self._stamps[output.name] = stamp
        with staged_file(self.path) as tmp:
            tmp.write_text(json.dumps(self._stamps, indent=1, sort_keys=True))
