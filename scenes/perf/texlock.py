"""Let parallel renders share Manim's LaTeX and Pango caches safely.

Manim keeps compiled formulas in ``media/Tex`` and typeset text in ``media/texts``, and
uses them without any locking: two processes compiling at once can read each other's
half-written ``.svg``; Manim's clean-up after each formula (``delete_nonsvg_files``)
deletes every other process's ``.tex`` and ``.dvi`` while LaTeX is still reading them;
and every ``SVGMobject`` writes, parses and deletes ``<hash>_.svg`` beside the cached
file, so two processes drawing the same formula delete each other's copy (seen here as
``FileNotFoundError: media/Tex/<hash>_.svg``). :func:`install` wraps these three calls
in an exclusive ``flock`` on a lock file in the cache folder, so within one machine only
one process at a time works in it. A cache hit holds the lock only for the ``exists``
check, the SVG parse for the few milliseconds it takes.

Only :mod:`scenes.perf.worker` (the parallel renderer) installs it; plain ``manim`` is
untouched.
"""

from __future__ import annotations

import fcntl
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from manim import config

__all__ = ["cache_lock", "install"]

LOCK_NAME = ".backprop-cache.lock"
F = TypeVar("F", bound=Callable[..., Any])
_installed = False


@contextmanager
def cache_lock(folder: Path) -> Iterator[None]:
    """Hold the exclusive lock of cache ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _locked(func: F, dir_key: str) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with cache_lock(Path(config.get_dir(dir_key))):
            return func(*args, **kwargs)

    wrapper.__wrapped_by_texlock__ = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def install() -> None:
    """Serialise Manim's LaTeX (``tex_dir``) and Pango (``text_dir``) cache writes."""
    global _installed
    if _installed:
        return
    from manim.mobject.svg.svg_mobject import SVGMobject
    from manim.mobject.text import tex_mobject, text_mobject

    tex_mobject.tex_to_svg_file = _locked(tex_mobject.tex_to_svg_file, "tex_dir")
    for cls in (text_mobject.Text, text_mobject.MarkupText):
        cls._text2svg = _locked(cls._text2svg, "text_dir")
    parse = SVGMobject.generate_mobject

    @functools.wraps(parse)
    def generate_mobject(self: SVGMobject) -> SVGMobject:
        with cache_lock(Path(self.get_file_path()).parent):
            return parse(self)

    SVGMobject.generate_mobject = generate_mobject  # type: ignore[method-assign]
    _installed = True
