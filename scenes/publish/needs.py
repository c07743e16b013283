"""What the lecture outputs need beyond Manim, and how to install each when it is missing.

``make setup`` installs all of them; this module only checks, so that a missing piece is
named with its install command before any rendering starts.
"""

from __future__ import annotations

import importlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "REVEAL_DIR",
    "NEEDS",
    "MissingDependencyError",
    "Need",
    "missing",
    "require",
    "reveal_version",
]

ROOT = Path(__file__).resolve().parents[2]
REVEAL_DIR = ROOT / "tools" / "revealjs" / "node_modules" / "reveal.js"
"""reveal.js as installed by ``npm ci`` from ``tools/revealjs/package-lock.json``."""


class MissingDependencyError(RuntimeError):
    """A tool or package a lecture output needs is not installed."""


@dataclass(frozen=True)
class Need:
    """One dependency: what it is for, how to tell it is there, how to install it."""

    name: str
    purpose: str
    install: str
    kind: str  # "program", "module" or "path"
    target: str

    def present(self) -> bool:
        """True if the program is on PATH, the module importable, or the path exists."""
        if self.kind == "program":
            return shutil.which(self.target) is not None
        if self.kind == "module":
            try:
                importlib.import_module(self.target)
            except ImportError:
                return False
            return True
        return (ROOT / self.target).exists()


NEEDS = (
    Need(
        "ffmpeg",
        "joins the scene videos",
        "make setup (or: apt-get install ffmpeg)",
        "program",
        "ffmpeg",
    ),
    Need(
        "ffprobe",
        "reads the videos' durations",
        "make setup (or: apt-get install ffmpeg)",
        "program",
        "ffprobe",
    ),
    Need(
        "manim-slides",
        "records each beat as a slide and converts the deck",
        "make setup (or: .venv/bin/pip install -e '.[slides]')",
        "module",
        "manim_slides",
    ),
    Need(
        "python-pptx",
        "writes the PPTX",
        "make setup (or: .venv/bin/pip install -e '.[slides]')",
        "module",
        "pptx",
    ),
    Need(
        "reveal.js",
        "runs the HTML deck without a network",
        "make setup (or: cd tools/revealjs && npm ci)",
        "path",
        str((REVEAL_DIR / "dist" / "reveal.js").relative_to(ROOT)),
    ),
)


def missing(needs: tuple[Need, ...] | None = None) -> list[Need]:
    """The needs (default: all of :data:`NEEDS`) that are not met."""
    return [n for n in (NEEDS if needs is None else needs) if not n.present()]


def require(needs: tuple[Need, ...] | None = None) -> None:
    """Raise :class:`MissingDependencyError` naming every unmet need and how to install it."""
    absent = missing(needs)
    if absent:
        lines = [f"  {n.name} ({n.purpose}): install with {n.install}" for n in absent]
        raise MissingDependencyError(
            "make lecture needs what is not installed:\n" + "\n".join(lines)
        )


def reveal_version() -> str:
    """The version of the installed reveal.js package."""
    return json.loads((REVEAL_DIR / "package.json").read_text())["version"]
