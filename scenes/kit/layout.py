"""Keeping things on screen: shrink a mobject that is too wide, never grow it.

Long numbers (a user's example with values in the hundreds) make formulas wider than
the space a scene planned for them. Rather than let them leave the frame or run into a
neighbour, a scene shrinks them to the space there is.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, RIGHT, BackgroundRectangle, Mobject, config

from scenes.kit.style import BACKGROUND

__all__ = ["backdrop", "fit_in_frame", "fit_width"]


def backdrop(mobject: Mobject, buff: float = 0.05) -> BackgroundRectangle:
    """A patch of the background colour behind ``mobject``, so lines under it do not cut it.

    For a label that has to sit on a drawing (a weight's name among crossing edges).
    Returned, not added: show it with the label, e.g. ``VGroup(backdrop(label), label)``
    (the patch first, so the label is drawn over it; both over what was there before).

    >>> from manim import Square
    >>> patch = backdrop(Square(side_length=1), buff=0.1)
    >>> round(float(patch.width), 2)
    1.2
    """
    patch = BackgroundRectangle(mobject, color=BACKGROUND, fill_opacity=0.9, buff=buff)
    return patch.set_z_index(mobject.z_index)


def fit_width(mobject: Mobject, width: float) -> Mobject:
    """Scale ``mobject`` down to ``width`` if it is wider; leave it alone otherwise.

    >>> from manim import Square
    >>> float(fit_width(Square(side_length=4), 2).width), float(fit_width(Square(side_length=1), 2).width)
    (2.0, 1.0)
    """
    if width <= 0:
        raise ValueError(f"no room: the width available is {width:.2f}")
    if mobject.width > width:
        mobject.scale_to_fit_width(width)
    return mobject


def fit_in_frame(mobject: Mobject, margin: float = 0.3) -> Mobject:
    """Shrink ``mobject`` to the frame's width less ``margin`` a side, then move it in.

    It moves sideways only as far as needed to be inside the frame.
    """
    fit_width(mobject, config.frame_width - 2 * margin)
    right = config.frame_x_radius - margin
    left = -right
    if mobject.get_right()[0] > right:
        mobject.shift((right - mobject.get_right()[0]) * _X)
    elif mobject.get_left()[0] < left:
        mobject.shift((left - mobject.get_left()[0]) * _X)
    return mobject


_X = np.array([1.0, 0.0, 0.0])


def align_below(
    mobject: Mobject, lead: Mobject, anchor: Mobject, part: Mobject, buff: float = 0.3
) -> Mobject:
    """Put ``mobject`` under ``anchor``, its ``lead`` (an ``=``) under ``part`` of it.

    So ``= 0.5 · 0.3 + 0.1 = 0.25`` continues the line ``z = w a + b`` above it.
    Returns ``mobject``.
    """
    mobject.next_to(anchor, DOWN, buff=buff)
    return mobject.shift((part.get_x() - lead.get_x()) * RIGHT)


def to_bottom(mobject: Mobject, buff: float = 0.4, width: float = 13.0) -> Mobject:
    """Shrink ``mobject`` to ``width`` if it is wider and put it at the frame's bottom."""
    return fit_width(mobject, width).to_edge(DOWN, buff=buff)
