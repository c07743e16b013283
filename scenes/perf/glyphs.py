"""Digits for a number that changes every frame, without deep-copying a glyph each time.

Manim's :class:`~manim.DecimalNumber` rebuilds itself on every ``set_value``: for each
character it deep-copies a cached glyph (a ``MathTex`` with its SVG bookkeeping, about
0.8 ms of Python each) and scales the copy to its font size. A readout that follows a
moving dot does this on every frame; in step 4 that was a sixth of the render's CPU.

:func:`glyph` hands out the same glyph, already at its size, copied the light way:
a new object of the same class whose point and colour arrays, lists and dicts are
copies, sharing only what no drawing operation changes in place (strings, numbers,
colours, the TeX template). Points and styles are equal to Manim's copy, so the frames
are the same.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from manim.mobject.text.numbers import string_to_mob_map
from manim.mobject.types.vectorized_mobject import VMobject

__all__ = ["glyph", "light_copy"]

_sized: dict[tuple[str, float], VMobject] = {}
"""(character, font size) -> Manim's cached glyph, copied and sized once."""


def light_copy(mobject: VMobject) -> VMobject:
    """A copy of ``mobject`` and its submobjects that shares nothing drawing mutates.

    What ``Mobject.copy`` (a deep copy) gives for a glyph: arrays, lists and dicts are
    copied at every level of the family; other attributes (strings, numbers, colours,
    templates, functions) are shared, as they are replaced, never changed in place.
    """
    new = mobject.__class__.__new__(mobject.__class__)
    state = new.__dict__
    for key, value in mobject.__dict__.items():
        if isinstance(value, np.ndarray):
            value = value.copy()
        elif isinstance(value, list):
            value = list(value)
        elif isinstance(value, dict):
            value = dict(value)
        state[key] = value
    new.submobjects = [light_copy(sub) for sub in mobject.submobjects]
    new.original_id = str(id(mobject))
    return new


def glyph(string: str, mob_class: type[VMobject], font_size: float, **kwargs: Any) -> VMobject:
    """What ``DecimalNumber._string_to_mob`` returns, made the light way.

    Manim's glyph cache is used as Manim uses it (keyed by the string alone, filled on
    first use with ``mob_class(string, **kwargs)``); the sized copy is kept per string
    and size.
    """
    key = (string, float(font_size))
    if key not in _sized:
        if string not in string_to_mob_map:
            string_to_mob_map[string] = mob_class(string, **kwargs)
        sized = string_to_mob_map[string].copy()
        sized.font_size = font_size
        _sized[key] = sized
    return light_copy(_sized[key])
