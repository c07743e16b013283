"""Copies of a formula's glyphs share the parsed SVG path they were made from.

Manim keeps, on every glyph of a ``MathTex`` (a ``VMobjectFromSVGPath``), the
``svgelements`` path it parsed the glyph's points from, and a copy of the glyph deep-copies
that path too: 0.7 ms a glyph, for an object that is read once, when the points are
first made, and never changed. Every new formula is a copy of Manim's cached parse, and
``Write``, ``Create``, ``FadeIn`` and transforms copy the formulas they animate: on step 12
such path copies took 1 s of a -ql render. Here a glyph's copy refers to the same parsed
path; its points, colours and everything else are copied as before.

``BACKPROP_SHARED_SVG_PATHS=0`` leaves Manim's deep copy as it is.
"""

from __future__ import annotations

import os
from typing import Any

from manim.mobject.mobject import Mobject
from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

__all__ = ["ENV_SWITCH", "install", "uninstall"]

ENV_SWITCH = "BACKPROP_SHARED_SVG_PATHS"


def _deepcopy_sharing_the_parse(self: Any, memo: dict[int, Any]) -> Any:
    """Manim's ``Mobject.__deepcopy__``, with the parsed path copied by reference."""
    parsed = self.__dict__.get("path_obj")
    if parsed is not None:
        memo.setdefault(id(parsed), parsed)  # deepcopy returns memo entries as they are
    return Mobject.__deepcopy__(self, memo)


def install() -> bool:
    """Share glyphs' parsed paths between copies; False when switched off."""
    if os.environ.get(ENV_SWITCH, "1") == "0":
        return False
    VMobjectFromSVGPath.__deepcopy__ = _deepcopy_sharing_the_parse  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Deep-copy parsed paths again, as Manim does (for tests that compare the two)."""
    if VMobjectFromSVGPath.__dict__.get("__deepcopy__") is _deepcopy_sharing_the_parse:
        del VMobjectFromSVGPath.__deepcopy__
