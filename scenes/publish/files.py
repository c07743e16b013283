"""Outputs written to a temporary name and moved into place, and stamps of their inputs.

An interrupted run never leaves a truncated output: a file or folder is built under a
hidden temporary name beside its destination and renamed over it only when complete
(a rename within one folder is atomic). A step is skipped when the stamp of its inputs
(paths, sizes, modification times, settings) equals the one recorded when it last ran.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["Stamps", "input_stamp", "staged_dir", "staged_file", "sweep"]


_LEFTOVER = re.compile(r"^\..+\.(?:tmp|old)-(\d+)$")


def _temporary(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.tmp-{os.getpid()}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(folder: Path) -> list[Path]:
    """Remove temporary files and folders left in ``folder`` by runs that were killed.

    Only names made by :func:`staged_file` / :func:`staged_dir` whose process is gone
    are removed; a run still going keeps its own. Returns what was removed.
    """
    removed = []
    for path in folder.glob(".*"):
        match = _LEFTOVER.match(path.name)
        if match and not _alive(int(match.group(1))):
            _remove(path)
            removed.append(path)
    return removed


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextmanager
def staged_file(dest: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; move it onto ``dest`` if the body succeeds.

    On any error (or interruption) the temporary file is removed and ``dest`` keeps its
    previous content.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(dest)
    _remove(tmp)
    try:
        yield tmp
        if not tmp.is_file():
            raise FileNotFoundError(f"nothing was written for {dest}")
        os.replace(tmp, dest)
    finally:
        _remove(tmp)


@contextmanager
def staged_dir(dest: Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``dest``; swap it in if the body succeeds.

    The previous folder is renamed aside, the new one renamed into place, then the old
    one deleted; an error leaves the previous folder untouched.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp, old = _temporary(dest), dest.with_name(f".{dest.name}.old-{os.getpid()}")
    _remove(tmp)
    tmp.mkdir()
    try:
        yield tmp
        if dest.exists():
            os.replace(dest, old)
        os.replace(tmp, dest)
    finally:
        _remove(tmp)
        _remove(old)


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
