"""A number line for one variable: label, dot at the value, readout, range from the data."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    AnimationGroup,
    DecimalNumber,
    Dot,
    Integer,
    MathTex,
    NumberLine,
    UpdateFromFunc,
    ValueTracker,
    VGroup,
)

from scenes.kit.style import LABEL_SIZE, MUTED, color_of
from scenes.kit.values import Shown, ValueNumber

__all__ = [
    "VariableNumberLine",
    "nice_range",
    "nice_step",
    "shared_ranges",
    "step_decimals",
    "tick_label",
]


def nice_step(raw: float) -> float:
    """The smallest 1-2-5 step (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) that is at least ``raw``.

    >>> nice_step(0.0123), nice_step(0.3), nice_step(0.002), nice_step(7)
    (0.02, 0.5, 0.002, 10)
    """
    if not (math.isfinite(raw) and raw > 0):
        raise ValueError(f"raw must be a positive finite step, got {raw}")
    magnitude = 10 ** math.floor(math.log10(raw))
    # (a float tolerance: 2 × 0.001 must count as reaching 0.002)
    return min(
        m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw * (1 - 1e-9)
    )


def step_decimals(step: float) -> int:
    """Decimals that write every multiple of a 1-2-5 ``step`` exactly.

    >>> step_decimals(0.02), step_decimals(0.001), step_decimals(0.5), step_decimals(5)
    (2, 3, 1, 0)
    """
    return max(0, -math.floor(math.log10(step) + 1e-9))


def tick_label(value: float, decimals: int, font_size: float) -> DecimalNumber:
    """A muted axis number at ``decimals``, marked as a tick (scenery, not a quantity)."""
    if decimals == 0:
        tick = Integer(int(round(value)), font_size=font_size, color=MUTED)
    else:
        tick = DecimalNumber(
            value, num_decimal_places=decimals, font_size=font_size, color=MUTED
        )
    tick.is_tick = True
    return tick


def nice_range(
    values: Iterable[float], margin: float = 1.0
) -> tuple[float, float, float]:
    """``(low, high, step)`` with round ends that contain ``values`` with room to spare.

    The span is the spread of the values (at least a tenth of their size, so one value
    still gets a line, with a floor of 1e-3), padded by ``margin`` spans on each side,
    then rounded outward to a 1-2-5 step so that the line has three to six intervals.

    >>> nice_range([0.4376, 0.4501])
    (0.4, 0.48, 0.02)
    >>> nice_range([0.1])
    (0.094, 0.106, 0.002)
    """
    vals = [float(v) for v in values]
    if not vals or not all(math.isfinite(v) for v in vals):
        raise ValueError(f"values must be finite numbers, got {vals}")
    low, high = min(vals), max(vals)
    span = max(high - low, 0.05 * max(abs(low), abs(high)), 1e-3)
    low, high = low - margin * span, high + margin * span
    step = nice_step((high - low) / 5)
    low = math.floor(round(low / step, 9)) * step
    high = math.ceil(round(high / step, 9)) * step
    digits = step_decimals(step) + 1
    return round(low, digits), round(high, digits), step


def shared_ranges(
    groups: Sequence[Iterable[float]], margin: float = 0.15
) -> list[tuple[float, float, float]]:
    """One ``(low, high, step)`` per group of values, all with the same span and step.

    Each range is centred on its own group, but a unit of the variable is equally long on
    every line, so changes on different lines can be compared by eye (a step of 0.1
    looks the same everywhere). The span is that of the widest group, padded by
    ``margin`` of it on each side and rounded to a 1-2-5 step.

    >>> shared_ranges([[1.2, 1.5], [-0.3, -0.2]])
    [(1.1, 1.6, 0.1), (-0.5, 0.0, 0.1)]
    """
    sets = [[float(v) for v in g] for g in groups]
    if not sets or any(not s for s in sets):
        raise ValueError(f"every group needs at least one value, got {sets}")
    if not all(math.isfinite(v) for s in sets for v in s):
        raise ValueError(f"values must be finite numbers, got {sets}")
    widest = max(max(max(s) - min(s) for s in sets), 1e-3)
    pad = margin * widest
    step = nice_step((widest + 2 * pad) / 6)
    digits = step_decimals(step) + 1
    bounds = [
        (
            math.floor(round((min(s) - pad) / step, 9)),
            math.ceil(round((max(s) + pad) / step, 9)),
        )
        for s in sets
    ]
    intervals = max(hi - lo for lo, hi in bounds)
    # every line gets as many intervals as the widest; a narrower group sits in the middle
    return [
        (
            round((lo - (intervals - (hi - lo)) // 2) * step, digits),
            round((lo - (intervals - (hi - lo)) // 2 + intervals) * step, digits),
            step,
        )
        for lo, hi in bounds
    ]


class VariableNumberLine(VGroup):
    """One variable's number line: its symbol, a dot at its value and the value as a readout.

    Parameters
    ----------
    symbol : str
        'w', 'b', 'z', 'a', 'C' or 'y': sets the colour.
    label : str
        The LaTeX name shown left of the line, e.g. ``w^{(L)}``.
    shown : Shown
        The quantity and value the dot starts at (from :class:`ExampleValues`).
    must_show : iterable of float
        Further values the line must contain (e.g. after a nudge); the range is chosen
        from these and ``shown.value``, so the dot never leaves the line.
    length : float
        Length of the line in scene units.
    x_range : (low, high, step), optional
        The line's range, instead of one chosen from the values: lines that share a
        scale (e.g. from :func:`shared_ranges`) can then be compared by eye.
    readout_side : {'up', 'right'}
        The readout rides above the dot (``'up'``) or stays right of the line
        (``'right'``, for lines stacked close together).
    """

    def __init__(
        self,
        symbol: str,
        label: str,
        shown: Shown,
        must_show: Iterable[float] = (),
        length: float = 4.5,
        font_size: float = LABEL_SIZE,
        x_range: tuple[float, float, float] | None = None,
        readout_side: str = "up",
    ) -> None:
        super().__init__()
        if readout_side not in ("up", "right"):
            raise ValueError(
                f"readout_side must be 'up' or 'right', got {readout_side!r}"
            )
        self.symbol = symbol
        self.readout_side = readout_side
        self.must_show = (shown.value, *must_show)
        low, high, step = x_range if x_range is not None else nice_range(self.must_show)
        outside = [v for v in self.must_show if not low <= v <= high]
        if outside:
            raise ValueError(f"x_range {x_range} does not contain {outside}")
        self.line = NumberLine(
            x_range=[low, high, step],
            length=length,
            color=MUTED,
            include_tip=False,
            tick_size=0.06,
        )
        color = color_of(symbol)
        self.label = MathTex(label, font_size=font_size + 4, color=color)
        self.label.next_to(self.line, LEFT, buff=0.35)
        self.ticks = VGroup()
        for value in (low, high):
            tick = tick_label(value, step_decimals(step), 18)
            tick.next_to(self.line.n2p(value), DOWN, buff=0.12)
            self.ticks.add(tick)
        self.tracker = ValueTracker(shown.value)
        self.dot = Dot(self.n2p(shown.value), radius=0.08, color=color)
        self.readout = ValueNumber(shown, font_size=font_size - 4)
        self._place_readout(self.readout)
        self.add(self.line, self.ticks, self.label, self.dot, self.readout)

    def _follow_dot(self, dot: Dot) -> None:
        dot.move_to(self.n2p(self.tracker.get_value()))

    def _place_readout(self, readout: ValueNumber) -> None:
        if self.readout_side == "up":
            readout.next_to(self.dot, UP, buff=0.12)
        else:
            readout.next_to(self.line, RIGHT, buff=0.3)

    def _follow(self, readout: ValueNumber) -> None:
        readout.set_value(self.tracker.get_value())
        self._place_readout(readout)

    @property
    def unit_size(self) -> float:
        """Scene units per unit of the variable."""
        return float(self.line.get_unit_size())

    def number_to_point(self, value: float) -> np.ndarray:
        """The point of the line at ``value``."""
        return self.line.number_to_point(value)

    def n2p(self, value: float) -> np.ndarray:
        """Abbreviation for :meth:`number_to_point`."""
        return self.number_to_point(value)

    @property
    def dot_tracker(self) -> ValueTracker:
        """The tracker the dot and readout follow; animate it to move them together."""
        return self.tracker

    def set_value(self, shown: Shown) -> VariableNumberLine:
        """Put the dot at ``shown`` at once (no animation); the readout shows its quantity."""
        self._check(shown.value)
        self.readout.quantity = shown.quantity
        self.tracker.set_value(shown.value)
        self._follow_dot(self.dot)
        self._follow(self.readout)
        return self

    def _check(self, value: float) -> None:
        if not self.contains(value):
            raise ValueError(
                f"{value} is outside this line's range {self.line.x_range[:2]};"
                " pass it in must_show when building the line"
            )

    @property
    def value(self) -> float:
        """Where the dot is now."""
        return float(self.tracker.get_value())

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies within the line's range."""
        low, high = self.line.x_range[:2]
        return bool(low <= value <= high)

    def move_to_value(self, shown: Shown, **kwargs: Any) -> Animation:
        """Animate the dot (and readout) to ``shown``; the readout then shows its quantity."""
        self._check(shown.value)
        self.readout.quantity = shown.quantity
        # The dot and readout follow the tracker only while it moves: a permanent updater
        # would make Manim re-render every still frame of every pause.
        run_time = kwargs.get("run_time", 1.0)
        return AnimationGroup(
            self.tracker.animate(**kwargs).set_value(shown.value),
            UpdateFromFunc(self.dot, self._follow_dot, run_time=run_time),
            UpdateFromFunc(self.readout, self._follow, run_time=run_time),
        )
