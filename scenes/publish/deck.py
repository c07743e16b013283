"""The slide deck: an offline reveal.js HTML deck and a PPTX, via manim-slides' converters.

Each rendered scene leaves a manim-slides presentation (``<Scene>.json`` in
:func:`scenes.kit.beats.slides_folder`): one slide per beat, the beat's note as the
slide's notes. The whole lecture's presentations, in lecture order, become one deck.

The HTML deck is manim-slides' ``RevealJS`` converter with this package's template
(``templates/deck.html``): reveal.js and its notes plugin are copied from the pinned npm
package (:data:`scenes.publish.needs.REVEAL_DIR`) into ``lib/`` beside ``index.html``, and
the slide videos into ``assets/``, so the folder needs no network. The PPTX is
manim-slides' ``PowerPoint`` converter: one slide per beat, its video, its note on the
notes page.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Sequence
from pathlib import Path

from scenes.publish.needs import REVEAL_DIR

__all__ = [
    "REVEAL_FILES",
    "TEMPLATE",
    "build_html_deck",
    "build_pptx",
    "load_presentation",
]

TEMPLATE = Path(__file__).resolve().parent / "templates" / "deck.html"
REVEAL_FILES = (
    "dist/reveal.js",
    "dist/reveal.css",
    "dist/theme/black.css",
    "dist/plugin/notes.js",
    "LICENSE",
)
"""What the deck needs from the reveal.js package (themes embed their fonts)."""


def load_presentation(path: Path):  # -> manim_slides.config.PresentationConfig
    """Read one scene's manim-slides presentation.

    Raises
    ------
    FileNotFoundError
        If there is no presentation at ``path`` (the scene was not rendered with
        manim-slides installed).
    ValueError
        If the file, or a slide video it names, is broken.
    """
    from manim_slides.config import PresentationConfig
    from pydantic import ValidationError

    if not path.is_file():
        raise FileNotFoundError(f"no slides at {path}")
    try:
        return PresentationConfig.from_file(path)
    except (ValidationError, ValueError) as exc:
        raise ValueError(
            f"{path} is not a usable manim-slides presentation: {exc}"
        ) from None


def _reveal_converter(presentations: Sequence, titles: Sequence[str], title: str):
    from manim_slides.convert import RevealJS

    class LectureDeck(RevealJS):
        """RevealJS with each scene's title available to the template."""

        chapter_titles: list[str]

    return LectureDeck(
        presentation_configs=list(presentations),
        template=TEMPLATE,
        assets_dir="assets",
        chapter_titles=list(titles),
        title=title,
        controls="true",
        progress="true",
        slide_number="c/t",
        hash="true",
    )


def build_html_deck(
    presentations: Sequence, titles: Sequence[str], folder: Path, title: str
) -> Path:
    """Write the deck into the empty ``folder``; return its ``index.html``.

    ``titles[i]`` is the title of the scene whose presentation is ``presentations[i]``.
    """
    index = folder / "index.html"
    _reveal_converter(presentations, titles, title).convert_to(index)
    for name in REVEAL_FILES:
        source = Path(name)
        inside = source.relative_to("dist") if source.parts[0] == "dist" else source
        target = folder / "lib" / inside
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REVEAL_DIR / source, target)
    return index


def build_pptx(presentations: Sequence, dest: Path) -> None:
    """Write a PPTX to ``dest``: one slide per beat, its video, its note."""
    from manim_slides.convert import PowerPoint

    width, height = presentations[0].resolution
    converter = PowerPoint(
        presentation_configs=list(presentations), width=width, height=height
    )
    with contextlib.redirect_stderr(io.StringIO()):  # its progress bars
        converter.convert_to(dest)
