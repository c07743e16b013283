"""Point at several things one after another, as the voice says "each of them".

:func:`point_in_turn` is :func:`~scenes.kit.pointer.point_at` applied to each target in
order, one frame at a time, so a count ("these six numbers") or "each circle" is
followed by the eye::

    self.play_at("these", point_in_turn(labels), until="next")

Played with ``until`` the whole run is stretched or shrunk to the words; each frame
keeps its share.
"""

from __future__ import annotations

from collections.abc import Iterable

from manim import LaggedStart, Mobject

from scenes.kit.pointer import in_turn, point_at

__all__ = ["STEP", "point_in_turn"]

STEP = 0.6
"""Seconds each target is pointed at, before the run is fitted to its words."""


def point_in_turn(targets: Iterable[Mobject], step: float = STEP) -> LaggedStart:
    """Frame each of ``targets`` in turn (one animation to play on their words).

    The frames play through :func:`~scenes.kit.pointer.in_turn`, so each is hidden
    until its turn (a Succession would show every frame still to come from its start).
    """
    return in_turn(*(point_at(t, run_time=step) for t in targets))
