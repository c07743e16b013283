"""The cost against the step number, plotted point by point at the true values.

A :class:`CostCurve` takes the costs of a gradient-descent run (as tagged
:class:`~scenes.kit.values.Shown` values, one per step) and draws axes whose ranges come
from the data, one dot per step at ``(step, cost)`` and a segment between neighbours.
Nothing is drawn until the scene asks for it: :meth:`CostCurve.draw_points` reveals a
range of steps one after another, so the curve grows as descent goes on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Animation,
    AnimationGroup,
    Axes,
    Create,
    Dot,
    FadeIn,
    LaggedStart,
    Line,
    MathTex,
    VGroup,
)

from scenes.kit.number_line import nice_range, step_decimals, tick_label
from scenes.kit.style import LABEL_SIZE, MUTED, color_of
from scenes.kit.values import ExampleValues, Quantity, Shown, distinct_decimals

__all__ = ["CostCurve", "cost_axis_range", "descent_costs"]


def cost_axis_range(costs: Sequence[float]) -> tuple[float, float, float]:
    """``(low, high, step)`` of the cost axis: round ends around ``costs``, never below 0.

    The axis starts at 0 when the costs fall (or rise) by a good share of their size, so
    the drop is seen in proportion; a small change is zoomed in on, and the tick labels
    at both ends say where the axis starts.

    >>> cost_axis_range([0.233, 0.110])
    (0.0, 0.25, 0.05)
    >>> cost_axis_range([0.2142, 0.2101])
    (0.205, 0.22, 0.005)
    """
    vals = [float(c) for c in costs]
    if not vals or not all(math.isfinite(c) and c >= 0 for c in vals):
        raise ValueError(f"costs must be finite and non-negative, got {vals}")
    low, high = min(vals), max(vals)
    if high - low >= 0.25 * high:
        values = [0.0, max(high, 1e-3)]  # (a cost of 0 throughout still gets an axis)
        margin = 0.0
    else:
        values, margin = vals, 0.3
    lo, hi, step = nice_range(values, margin=margin)
    return max(lo, 0.0), hi, step


def descent_costs(values: ExampleValues, rate: float, steps: int) -> list[Shown]:
    """The mean cost after 0..``steps`` steps at ``rate``, ready for a :class:`CostCurve`.

    Printed with the fewest decimals that tell the first cost from the last, so a
    "before → after" never reads the same number twice.
    """
    first, last = (values("descent C", step=s, rate=rate) for s in (0, steps))
    decimals = distinct_decimals(first, last)
    return [
        values.shown(Quantity("descent C", step=s, rate=rate), decimals)
        for s in range(steps + 1)
    ]


class CostCurve(VGroup):
    """Axes (step number → cost), a dot per step at its true value, segments between.

    Parameters
    ----------
    costs : sequence of Shown
        The cost after 0, 1, 2, ... steps (e.g. ``Quantity("descent C", step=n, rate=η)``).
    width, height : float
        Size of the plotting area in scene units.
    y_label : str
        LaTeX of the cost's name on the vertical axis.

    Attributes
    ----------
    axes : manim.Axes
    dots : dict of int to Dot
        The dots drawn so far: ``dots[n]`` sits at ``(n, costs[n])``.
    segments : dict of int to Line
        The segments drawn so far: ``segments[n]`` joins dot ``n - 1`` to dot ``n``.
    """

    def __init__(
        self,
        costs: Sequence[Shown],
        width: float = 5.5,
        height: float = 3.6,
        y_label: str = "C",
        font_size: float = LABEL_SIZE,
    ) -> None:
        super().__init__()
        if len(costs) < 2:
            raise ValueError(f"a cost curve needs at least 2 costs, got {len(costs)}")
        self.shown = tuple(costs)
        values = [c.value for c in costs]
        steps = len(costs) - 1
        low, high, step = cost_axis_range(values)
        x_step = max(1, math.ceil(steps / 6))
        self.axes = Axes(
            x_range=[0, steps, x_step],
            y_range=[low, high, step],
            x_length=width,
            y_length=height,
            tips=False,
            axis_config={"color": MUTED, "tick_size": 0.05, "stroke_width": 2},
        )
        tick_size = font_size - 10
        digits = step_decimals(step)
        self.ticks = VGroup()
        for value in (low, high):
            tick = tick_label(value, digits, tick_size)
            tick.next_to(self.axes.c2p(0, value), LEFT, buff=0.15)
            self.ticks.add(tick)
        for n in (0, steps):
            tick = tick_label(n, 0, tick_size)
            tick.next_to(self.axes.c2p(n, low), DOWN, buff=0.15)
            self.ticks.add(tick)
        self.x_label = MathTex(r"\text{step}", font_size=font_size - 4, color=MUTED)
        self.x_label.next_to(self.axes.x_axis, DOWN, buff=0.2)
        self.y_label = MathTex(y_label, font_size=font_size, color=color_of("C"))
        self.y_label.next_to(self.axes.y_axis, UP, buff=0.15)
        # Dots and segments are made when drawn, where the axes are by then.
        self.dots: dict[int, Dot] = {}
        self.segments: dict[int, Line] = {}
        self.add(self.axes, self.ticks, self.x_label, self.y_label)

    @property
    def steps(self) -> int:
        """How many steps the curve covers (one dot more than that)."""
        return len(self.shown) - 1

    @property
    def costs(self) -> tuple[float, ...]:
        """The plotted values, in step order."""
        return tuple(c.value for c in self.shown)

    def point_of(self, step: int) -> np.ndarray:
        """Where ``(step, cost after step)`` is on the axes."""
        if not 0 <= step < len(self.shown):
            raise IndexError(f"step must be in 0..{len(self.shown) - 1}, got {step}")
        return self.axes.c2p(step, self.shown[step].value)

    def draw_points(self, start: int, stop: int, **kwargs: Any) -> Animation:
        """Reveal the dots ``start..stop`` (inclusive) one after another.

        Each dot arrives with the segment from its predecessor. The dots and segments
        become part of this group, so moving the curve moves them too.
        """
        if not 0 <= start <= stop <= self.steps:
            raise ValueError(
                f"need 0 <= start <= stop <= {self.steps}, got {start}, {stop}"
            )
        pieces = []
        for n in range(start, stop + 1):
            segment, dot = self._make(n)
            if segment is None:
                pieces.append(FadeIn(dot, scale=0.5))
            else:
                pieces.append(AnimationGroup(Create(segment), FadeIn(dot, scale=0.5)))
        kwargs.setdefault("lag_ratio", 1.0)
        return LaggedStart(*pieces, group=self, **kwargs)

    def _make(self, n: int) -> tuple[Line | None, Dot]:
        """The segment into dot ``n`` (None for the first) and the dot, added to the group."""
        if n in self.dots:
            raise ValueError(f"the point of step {n} is drawn already")
        color = color_of("C")
        segment = None
        if n:
            segment = Line(self.point_of(n - 1), self.point_of(n), stroke_width=3)
            self.segments[n] = segment.set_color(color)
            self.add(segment)
        self.dots[n] = Dot(self.point_of(n), radius=0.05, color=color).set_z_index(1)
        self.add(self.dots[n])
        return segment, self.dots[n]

    def drawn(self, upto: int) -> CostCurve:
        """Show the dots and segments ``0..upto`` at once (no animation)."""
        for n in range(upto + 1):
            self._make(n)
        return self
