"""Each scene's beats (how many, and their notes) without rendering, kept by fingerprint.

The check of a teacher's recordings (:mod:`scenes.narration.runner`) needs, before
anything renders, how many beats each scene has and how long each note takes to say.
:func:`beat_notes` gives them: from a dry run of the scenes not known yet (``python -m
scenes.narration.script --notes``, one process for all of them, a few seconds a scene),
kept in ``media/narration/beats/<module>.json`` with the scene's content fingerprint
(:func:`scenes.perf.fingerprint.content_fingerprint`: its code, the kit, ``bpmath`` and
the example files). A scene is built again only after one of those changed, so the check
costs seconds. Only the scenes that have recordings are listed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scenes.lecture import SceneEntry

__all__ = ["BEATS_DIR", "ENV_BEATS_DIR", "beat_notes", "beats_dir", "cached_notes"]

ROOT = Path(__file__).resolve().parents[2]
ENV_BEATS_DIR = "BACKPROP_BEATS_DIR"
BEATS_DIR = ROOT / "media" / "narration" / "beats"
"""Where each scene's beat notes are kept (``BACKPROP_BEATS_DIR`` elsewhere)."""


def beats_dir() -> Path:
    """``BACKPROP_BEATS_DIR``, else :data:`BEATS_DIR`."""
    chosen = os.environ.get(ENV_BEATS_DIR)
    return Path(chosen) if chosen else BEATS_DIR


def _cache_file(module: str, folder: Path) -> Path:
    return folder / f"{module}.json"


def _key(entry: SceneEntry) -> str:
    from scenes.perf.fingerprint import content_fingerprint

    return content_fingerprint(ROOT, ROOT / entry.path)


def cached_notes(
    entries: Sequence[SceneEntry], folder: Path | None = None
) -> dict[str, list[str]]:
    """The beat notes of those ``entries`` whose kept list is still current."""
    folder = beats_dir() if folder is None else folder
    found = {}
    for entry in entries:
        try:
            kept = json.loads(_cache_file(entry.module, folder).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(kept, dict) and kept.get("fingerprint") == _key(entry):
            found[entry.module] = list(kept["notes"])
    return found


def beat_notes(
    entries: Sequence[SceneEntry],
    *,
    folder: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, list[str]]:
    """Each scene's beat notes (without marks), in order: kept, or from a dry run.

    The scenes not kept (or kept for other code or examples) are built together in one
    process, and their notes kept in ``folder``. A scene that cannot be built is left
    out, with a line through ``log``.
    """
    folder = beats_dir() if folder is None else folder
    found = cached_notes(entries, folder)
    missing = [e for e in entries if e.module not in found]
    if not missing:
        return found
    names = ", ".join(f"step {e.step}" for e in missing)
    log(f"narration: listing the beats of {names} (once, a few seconds a scene)")
    keys = {e.module: _key(e) for e in missing}  # the code the dry run builds
    with tempfile.TemporaryDirectory(prefix="backprop-beats-") as tmp:
        out = Path(tmp) / "notes.json"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p
        )
        proc = subprocess.run(
            [sys.executable, "-m", "scenes.narration.script", "--notes", str(out),
             *(e.module for e in missing)],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )
        made = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    for entry in missing:
        notes = made.get(entry.module)
        if isinstance(notes, list):
            found[entry.module] = notes
            folder.mkdir(parents=True, exist_ok=True)
            from scenes.perf.placement import write_text_atomically

            write_text_atomically(
                _cache_file(entry.module, folder),
                json.dumps({"fingerprint": keys[entry.module], "notes": notes}, indent=1),
            )
        else:
            why = notes["error"] if isinstance(notes, dict) else (
                proc.stderr.strip().splitlines() or ["no output"]
            )[-1]
            log(
                f"narration: could not list the beats of step {entry.step} ({why});"
                " its recordings are checked when it renders"
            )
    return found
