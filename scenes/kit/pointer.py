"""Point at what the voice names: a brief highlight drawn around something on screen.

When the narration says "this weight" or "the ratio" about something already shown, the
viewer's eye should land on it. :func:`point_at` traces a rounded frame around the
target in the kit's highlight colour and lets it fade, leaving the picture as it was::

    self.play_at("ratio", point_at(ratio_row))

It is the one way the lecture points (every scene uses it), so pointing always looks
the same. The frame keeps inside the screen even around something at its edge, and the
target itself is not moved, scaled or recoloured, so nothing it touches can overlap.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from manim import (
    Animation,
    Create,
    FadeOut,
    LaggedStart,
    Mobject,
    RoundedRectangle,
    Succession,
    VGroup,
    config,
)

from scenes.kit.style import HIGHLIGHT

__all__ = [
    "POINTER_BUFF",
    "POINTER_RUN_TIME",
    "POINTER_STEP",
    "PointerFrame",
    "in_turn",
    "point_at",
    "point_in_turn",
]

POINTER_BUFF = 0.12
"""Space between the target and the frame drawn around it, in scene units."""
POINTER_RUN_TIME = 1.0
"""Seconds a pointing lasts: drawn in the first 45 %, faded out in the rest."""
POINTER_STEP = 0.6
"""Seconds each target is pointed at by :func:`point_in_turn`, before ``until`` fits the run."""
_EDGE = 0.04
"""The least distance between the frame and the edge of the screen."""


class PointerFrame(RoundedRectangle):
    """The highlight frame around ``targets``: rounded, in the highlight colour, on screen.

    Parameters
    ----------
    *targets : Mobject
        What is pointed at; the frame surrounds them all.
    buff : float
        Space between the targets and the frame.
    """

    def __init__(self, *targets: Mobject, buff: float = POINTER_BUFF) -> None:
        if not targets:
            raise ValueError("point_at needs at least one mobject to point at")
        group = VGroup(*targets) if len(targets) > 1 else targets[0]
        left, bottom, _ = group.get_corner(np.array([-1.0, -1.0, 0.0])) - buff
        right, top, _ = group.get_corner(np.array([1.0, 1.0, 0.0])) + buff
        half_w = config.frame_width / 2 - _EDGE
        half_h = config.frame_height / 2 - _EDGE
        left, right = max(left, -half_w), min(right, half_w)
        bottom, top = max(bottom, -half_h), min(top, half_h)
        width, height = max(right - left, 0.1), max(top - bottom, 0.1)
        super().__init__(
            width=width,
            height=height,
            corner_radius=min(0.12, width / 4, height / 4),
            stroke_color=HIGHLIGHT,
            stroke_width=4,
        )
        self.move_to([(left + right) / 2, (bottom + top) / 2, 0.0])
        # No reference to the targets is kept: Create and FadeOut copy the frame, and a
        # deep copy would copy whatever it points at with it (30 ms for a formula card).


def point_at(*targets: Mobject, run_time: float = POINTER_RUN_TIME) -> Animation:
    """Briefly frame ``targets`` in the highlight colour: drawn, held a moment, faded out.

    Returns one animation to play (on the mark of the words that name the targets).
    """
    frame = PointerFrame(*targets)
    return Succession(
        Create(frame, run_time=0.45 * run_time),
        FadeOut(frame, run_time=0.55 * run_time),
    )


def in_turn(*animations: Animation) -> LaggedStart:
    """Play ``animations`` one after another, each pointer frame hidden until its turn.

    Use it to point at several things in order ("this one, then that one"). A
    :class:`~manim.Succession` of pointers would put every frame still to come on
    screen, whole, from its start; a :class:`~manim.LaggedStart` with ``lag_ratio=1``
    plays them in the same order without that.
    """
    return LaggedStart(*animations, lag_ratio=1.0)


def point_in_turn(targets: Iterable[Mobject], step: float = POINTER_STEP) -> LaggedStart:
    """Frame each of ``targets`` in turn, as the voice counts them or says "each of them".

    One animation to play on their words; played with ``until`` the whole run is
    stretched or shrunk to the words and each frame keeps its share::

        self.play_at("these", point_in_turn(labels), until="next")
    """
    return in_turn(*(point_at(t, run_time=step) for t in targets))
