"""Signed horizontal bars whose lengths are real values: per-example derivatives, ∇C.

Each bar starts on a shared zero axis and runs right for a positive value, left for a
negative one, exactly ``value × unit`` long, so bars can be compared by eye and the tests
can measure them. An optional marker shows the mean.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    UP,
    DashedLine,
    Line,
    Mobject,
    Rectangle,
    VGroup,
)

from scenes.kit.style import MUTED, WEIGHT_NEGATIVE, WEIGHT_POSITIVE
from scenes.kit.values import Shown, ValueNumber

__all__ = ["SignedBars"]


class SignedBars(VGroup):
    """One bar per value on a common zero axis, with labels on the left and values on the right.

    Parameters
    ----------
    values : sequence of Shown
        The quantities to draw; each bar's length is ``abs(value) * unit``.
    labels : sequence of Mobject or None
        One label per bar, placed left of the axis area; ``None`` for no labels (when
        the bars stand beside a table or vector that names the rows).
    max_length : float
        The longest bar is this long; ``unit`` follows from it.
    row_height : float
        Vertical distance between bars.
    readouts : bool
        Whether to print each value right of the bars.
    """

    def __init__(
        self,
        values: Sequence[Shown],
        labels: Sequence[Mobject] | None,
        max_length: float = 3.0,
        row_height: float = 0.7,
        bar_height: float = 0.32,
        font_size: float = 30,
        readouts: bool = True,
    ) -> None:
        super().__init__()
        if labels is None:
            labels = []
        elif len(values) != len(labels) or not values:
            raise ValueError(
                f"values and labels must be non-empty and as many: got {len(values)} values"
                f" and {len(labels)} labels"
            )
        if not values:
            raise ValueError("values must not be empty")
        largest = max(abs(s.value) for s in values)
        self.unit = max_length / largest if largest > 0 else 1.0
        self.max_length = max_length
        self.shown = tuple(values)
        n = len(values)
        top = (n - 1) * row_height / 2
        self.axis = Line(
            np.array([0.0, top + row_height / 2, 0]),
            np.array([0.0, -top - row_height / 2, 0]),
        ).set_stroke(MUTED, 2)
        self.bars, self.labels, self.readouts = VGroup(), VGroup(*labels), VGroup()
        for i, shown in enumerate(values):
            y = top - i * row_height
            length = abs(shown.value) * self.unit
            bar = Rectangle(width=max(length, 1e-9), height=bar_height, stroke_width=0)
            bar.set_fill(WEIGHT_POSITIVE if shown.value >= 0 else WEIGHT_NEGATIVE, 0.85)
            bar.move_to(np.array([np.sign(shown.value) * length / 2, y, 0]))
            self.bars.add(bar)
            if labels:
                labels[i].move_to(
                    np.array([-max_length - 0.3, y, 0]), aligned_edge=RIGHT
                )
            if readouts:
                readout = ValueNumber(shown, font_size=font_size)
                readout.move_to(np.array([max_length + 0.3, y, 0]), aligned_edge=LEFT)
                self.readouts.add(readout)
        self.add(self.axis, self.bars, self.labels, self.readouts)

    def zero_point(self) -> np.ndarray:
        """Where value 0 is on the axis (the axis's centre)."""
        return self.axis.get_center()

    def length_of(self, index: int) -> float:
        """The on-screen length of bar ``index`` (its width)."""
        return float(self.bars[index].width)

    def mean_marker(self, mean: Shown) -> DashedLine:
        """A dashed vertical line at ``mean`` on the bars' scale."""
        x = self.zero_point()[0] + mean.value * self.unit
        line = DashedLine(
            np.array([x, self.axis.get_top()[1], 0]),
            np.array([x, self.axis.get_bottom()[1], 0]),
            dash_length=0.08,
        ).set_stroke(MUTED, 3)
        line.mean = mean
        return line

    def beside(self, rows: Mobject, first_y: float, gap: float = 0.6) -> SignedBars:
        """Move the bars right of ``rows``, ``gap`` clear, bar 0 at height ``first_y``.

        The zero line sits ``max_length`` further right, so the longest bar of either
        sign has room. Returns ``self``.
        """
        x = rows.get_right()[0] + gap + self.max_length - self.zero_point()[0]
        return self.shift(x * RIGHT + (first_y - self.row_y(0)) * UP)

    def row_y(self, index: int) -> float:
        """The y of bar ``index``'s centre line (to line bars up with a table's rows)."""
        return float(self.bars[index].get_center()[1])

    def mirrored(self, scale: float = 1.0) -> VGroup:
        """Bars for ``-scale × value`` on the same axis and unit (e.g. the step −η∇C).

        Each is ``scale × abs(value) × unit`` long, on the other side of the axis, coloured
        by its new sign.
        """
        zero = self.zero_point()[0]
        out = VGroup()
        for shown, bar in zip(self.shown, self.bars):
            value = -scale * shown.value
            length = abs(value) * self.unit
            flipped = Rectangle(
                width=max(length, 1e-9), height=bar.height, stroke_width=0
            )
            flipped.set_fill(WEIGHT_POSITIVE if value >= 0 else WEIGHT_NEGATIVE, 0.85)
            flipped.move_to(
                np.array([zero + np.sign(value) * length / 2, bar.get_center()[1], 0])
            )
            out.add(flipped)
        return out
