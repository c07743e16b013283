"""Nudges drawn honestly: a bar on a number line from before to after, |Δ| × unit long.

Each :class:`VariableNumberLine` picks its range from the values it must show, so a
small Δ is drawn at its real length in that line's own units; the tick labels at the
ends of each line say what the scale is. Nothing is exaggerated.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    Animation,
    AnimationGroup,
    Create,
    Dot,
    FadeIn,
    Line,
    Succession,
    VGroup,
)

from scenes.kit.number_line import VariableNumberLine
from scenes.kit.style import NOTE_SIZE, color_of
from scenes.kit.values import Shown, formula

__all__ = ["NudgeMarker", "nudge_animation"]


class NudgeMarker(VGroup):
    r"""The change of one variable on its number line, with Δ written underneath.

    Parameters
    ----------
    line : VariableNumberLine
        The variable's line; its range must contain ``before`` and ``after``.
    before, after : float
        The values without and with the nudge (from bpmath).
    delta : Shown
        Δ as a tagged quantity, written under the bar.
    delta_tex : str
        Its LaTeX name, e.g. ``\Delta z^{(L)}``.
    """

    def __init__(
        self,
        line: VariableNumberLine,
        before: float,
        after: float,
        delta: Shown,
        delta_tex: str,
    ) -> None:
        super().__init__()
        for value in (before, after):
            if not line.contains(value):
                raise ValueError(
                    f"{value} is outside the line's range {line.line.x_range[:2]}"
                )
        color = color_of(line.symbol)
        offset = 0.16 * DOWN
        self.start, self.end = line.n2p(before) + offset, line.n2p(after) + offset
        self.bar = Line(self.start, self.end, stroke_width=7, color=color)
        self.ghost = Dot(line.n2p(before), radius=0.06, color=color).set_opacity(0.4)
        self.label = formula(delta_tex, "=", delta, font_size=NOTE_SIZE)
        self.label.next_to(self.bar, DOWN, buff=0.12)
        self.delta = after - before
        self.add(self.ghost, self.bar, self.label)

    @property
    def length(self) -> float:
        """The bar's on-screen length, equal to |Δ| × the line's unit size."""
        return float(np.linalg.norm(self.end - self.start))


def nudge_animation(
    line: VariableNumberLine, after: Shown, marker: NudgeMarker, run_time: float = 1.2
) -> Animation:
    """Move the line's dot to ``after`` while the marker's bar grows, then show Δ."""
    return Succession(
        AnimationGroup(
            FadeIn(marker.ghost),
            line.move_to_value(after, run_time=run_time),
            Create(marker.bar, run_time=run_time),
        ),
        FadeIn(marker.label, shift=0.1 * DOWN, run_time=0.5),
    )
