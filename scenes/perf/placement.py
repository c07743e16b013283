"""Put finished files into place, whole or not at all, and clear a killed run's leftovers.

A scene is rendered under temporary names (the video and its captions beside their final
place, the slide deck in a staging folder) and only moved where plain ``manim`` would
have written them once everything is complete; ``make lecture`` builds its outputs the
same way. ``os.replace`` within one file system is atomic, so an interrupted run leaves
the previous files or the new ones, never a truncated video. Temporary names carry the
process id (``.<name>.tmp-<pid>``, ``.<name>.old-<pid>``), so :func:`sweep` can tell a
killed run's leftovers from a running one's.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "alive",
    "replace_dir",
    "replace_file",
    "staged_dir",
    "staged_file",
    "sweep",
    "write_text_atomically",
]

_LEFTOVER = re.compile(r"^\..+\.(?:tmp|old)-(\d+)$")


def _temporary(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.tmp-{os.getpid()}")


def _aside(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.old-{os.getpid()}")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def alive(pid: int) -> bool:
    """Whether process ``pid`` is running (someone else's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(folder: Path) -> list[Path]:
    """Remove temporary files and folders left in ``folder`` by runs that were killed.

    Only names made here (``.<name>.tmp-<pid>``, ``.<name>.old-<pid>``) whose process is
    gone are removed; a run still going keeps its own. Returns what was removed.
    """
    removed = []
    for path in folder.glob(".*"):
        match = _LEFTOVER.match(path.name)
        if match and not alive(int(match.group(1))):
            _remove(path)
            removed.append(path)
    return removed


def replace_file(source: Path, target: Path) -> None:
    """Atomically put ``source`` at ``target`` (same file system)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


def replace_dir(source: Path, target: Path) -> None:
    """Put folder ``source`` at ``target``, removing the old folder afterwards.

    The swap is two renames: for an instant ``target`` is missing, never half-filled.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    old = _aside(target)
    if target.exists():
        os.replace(target, old)
    os.replace(source, target)
    _remove(old)


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
    one deleted (:func:`replace_dir`); an error leaves the previous folder untouched.
    """
    tmp = _temporary(dest)
    _remove(tmp)
    tmp.mkdir(parents=True)
    try:
        yield tmp
        replace_dir(tmp, dest)
    finally:
        _remove(tmp)


def write_text_atomically(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target``, then rename it."""
    with staged_file(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
