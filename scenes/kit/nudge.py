"""Nudges drawn honestly: a bar on a number line from before to after, |Δ| × unit long.

Each :class:`VariableNumberLine` picks its range from the values it must show, so a Δ
is drawn at its real length in that line's own units (the tick labels give the scale).
Only when a Δ is too short to see is its bar magnified, by a computed 1-2-5 factor that
is written beside the line ("Δ bar shown ×10") and kept on the marker as :attr:`scale`.
The factor never exceeds :data:`MAX_MAGNIFICATION`: a bar blown up ×100000 says nothing
about the line it sits on. A change still too short to see at that factor is drawn at
its true size and the note says so ("Δ too small to draw"); its value is written under
the line all the same.

:class:`NudgeRipple` builds the markers of one nudge for several lines at once: the
nudged parameter first, then every downstream variable, all at the values of the real
network re-run by :func:`bpmath.nudge`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from manim import (
    DOWN,
    RIGHT,
    Animation,
    AnimationGroup,
    Create,
    Dot,
    FadeIn,
    Line,
    MathTex,
    Succession,
    VGroup,
)

from scenes.kit.number_line import VariableNumberLine
from scenes.kit.style import MUTED, NOTE_SIZE, color_of
from scenes.kit.values import ExampleValues, Quantity, Shown, delta_decimals, formula

__all__ = [
    "MAX_MAGNIFICATION",
    "MIN_VISIBLE",
    "NudgeMarker",
    "NudgeRipple",
    "magnification",
    "magnification_note",
    "nudge_animation",
]

MIN_VISIBLE = 0.12
"""Bars shorter than this (scene units) are magnified, with the factor on screen."""
MAX_MAGNIFICATION = 100
"""The largest factor a bar is magnified by; shorter changes are called too small."""

NOTE_GAP = 0.4
"""Space between a number line and the magnification note right of it."""

_DELTA_NAMES = {"w": "Δparam", "b": "Δparam", "z": "Δz", "a": "Δa", "C": "ΔC"}


def magnification(
    length: float, minimum: float = MIN_VISIBLE, cap: int = MAX_MAGNIFICATION
) -> int | None:
    """The smallest 1-2-5 factor (1, 2, 5, 10, 20, ...) that makes ``length`` visible.

    None when even ``cap`` would not: the change is too small to draw honestly.

    >>> magnification(0.5), magnification(0.09), magnification(0.009)
    (1, 2, 20)
    >>> magnification(0.0001) is None
    True
    """
    if length <= 0 or length >= minimum:
        return 1
    scale = 1
    while length * scale < minimum:
        scale = _next_nice(scale)
        if scale > cap:
            return None
    return scale


def magnification_note(scale: int | None, font_size: float = NOTE_SIZE) -> MathTex:
    """The note beside a magnified bar: "Δ bar shown ×scale", or "Δ too small to draw"."""
    text = (
        r"\Delta\text{ too small to draw}"
        if scale is None
        else r"\Delta\text{ bar shown}\times" + str(scale)
    )
    return formula(text, font_size=font_size, color=MUTED)


def _next_nice(scale: int) -> int:
    digits = int(math.log10(scale))
    lead = scale // 10**digits
    return {1: 2, 2: 5, 5: 10}[lead] * 10**digits


def _previous_nice(scale: int) -> int:
    previous = 1
    while _next_nice(previous) < scale:
        previous = _next_nice(previous)
    return previous


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
    scale : int, optional
        Magnification of the bar; by default :func:`magnification` of its true length,
        lowered if the magnified bar would run off the line. When it is not 1 a note
        "Δ bar shown ×scale" is drawn right of the line; when no factor up to
        :data:`MAX_MAGNIFICATION` makes the bar visible, it is drawn true size and the
        note says "Δ too small to draw".

    Attributes
    ----------
    scale : int
        The bar's magnification: ``length == abs(delta) * line.unit_size * scale``.
    too_small : bool
        True when the change is too small to draw even magnified (the bar is true size).
    note : MathTex or None
        The on-screen note of the magnification (None when the bar is true size and
        visible).
    """

    def __init__(
        self,
        line: VariableNumberLine,
        before: float,
        after: float,
        delta: Shown,
        delta_tex: str,
        scale: int | None = None,
        font_size: float = NOTE_SIZE,
    ) -> None:
        super().__init__()
        for value in (before, after):
            if not line.contains(value):
                raise ValueError(
                    f"{value} is outside the line's range {line.line.x_range[:2]}"
                )
        self.delta = after - before
        self.true_length = abs(self.delta) * line.unit_size
        self.too_small = False
        if scale is None:
            scale = magnification(self.true_length)
            if scale is None:
                scale, self.too_small = 1, True
            while scale > 1 and not line.contains(before + scale * self.delta):
                scale = _previous_nice(scale)
        elif not line.contains(before + scale * self.delta):
            raise ValueError(f"a bar magnified ×{scale} runs off the line")
        self.scale = int(scale)
        color = color_of(line.symbol)
        offset = 0.16 * DOWN
        self.start = line.n2p(before) + offset
        self.end = line.n2p(before + self.scale * self.delta) + offset
        self.bar = Line(self.start, self.end, stroke_width=7, color=color)
        self.ghost = Dot(line.n2p(before), radius=0.06, color=color).set_opacity(0.4)
        self.label = formula(delta_tex, "=", delta, font_size=font_size)
        self.label.next_to(self.bar, DOWN, buff=0.12)
        self.add(self.ghost, self.bar, self.label)
        self.note = None
        if self.scale != 1 or self.too_small:
            self.note = magnification_note(
                None if self.too_small else self.scale, font_size
            )
            self.note.next_to(line.line, RIGHT, buff=NOTE_GAP)
            self.add(self.note)

    @property
    def length(self) -> float:
        """The bar's on-screen length: abs(Δ) × the line's unit size × :attr:`scale`."""
        return float(np.linalg.norm(self.end - self.start))


def nudge_animation(
    line: VariableNumberLine, after: Shown, marker: NudgeMarker, run_time: float = 1.2
) -> Animation:
    """Move the line's dot to ``after`` while the marker's bar grows, then show Δ.

    Lasts ``run_time`` in all (the move two thirds of it, the Δ label the rest), so a
    scene can fit it between the words that introduce one line and the next.
    """
    labels = [marker.label] + ([marker.note] if marker.note is not None else [])
    move, show = 2 * run_time / 3, run_time / 3
    return Succession(
        AnimationGroup(
            FadeIn(marker.ghost, run_time=move),
            line.move_to_value(after, run_time=move),
            Create(marker.bar, run_time=move),
        ),
        AnimationGroup(*(FadeIn(m, shift=0.1 * DOWN, run_time=show) for m in labels)),
    )


class NudgeRipple(VGroup):
    r"""One nudge seen on several number lines: every dot moves as the real network does.

    Parameters
    ----------
    values : ExampleValues
        The example; :func:`bpmath.nudge` (through ``values``) gives every after-value.
    lines : sequence of (VariableNumberLine, Quantity, str)
        Each line, the plain quantity it shows (``Quantity("z", L)``) and the LaTeX name
        used after Δ (``z^{(L)}``). The nudged parameter's own line comes first.
    nudge : tuple of (str, float)
        The parameter and Δ, e.g. ``("w3", 0.1)``.
    decimals : sequence of int, optional
        Decimals of each line's after-value (default: each readout's own).

    Attributes
    ----------
    markers : list of NudgeMarker
        One per line, in order.
    afters : list of Shown
        Each line's value after the nudge, tagged with the nudge.
    """

    def __init__(
        self,
        values: ExampleValues,
        lines: Sequence[tuple[VariableNumberLine, Quantity, str]],
        nudge: tuple[str, float],
        decimals: Sequence[int] | None = None,
    ) -> None:
        super().__init__()
        self.nudge = nudge
        self.lines = [line for line, _, _ in lines]
        self.befores = [
            values.shown(q, line.readout.num_decimal_places) for line, q, _ in lines
        ]
        self.markers: list[NudgeMarker] = []
        self.afters: list[Shown] = []
        for i, (line, q, tex) in enumerate(lines):
            d = decimals[i] if decimals is not None else line.readout.num_decimal_places
            after = values.shown(replace(q, nudge=nudge), d)
            delta_q = Quantity(
                _DELTA_NAMES[line.symbol], q.layer, q.j, q.k, nudge=nudge
            )
            delta_value = values.value(delta_q)
            significant = 1 if delta_q.name == "Δparam" else 2
            delta = values.shown(delta_q, delta_decimals(delta_value, 3, significant))
            marker = NudgeMarker(
                line, values.value(q), after.value, delta, rf"\Delta {tex}"
            )
            self.markers.append(marker)
            self.afters.append(after)
            self.add(marker)

    @property
    def scales(self) -> list[int]:
        """Each marker's bar magnification (1 = true size)."""
        return [m.scale for m in self.markers]

    def animations(self, run_time: float = 1.0) -> list[Animation]:
        """One animation per line, in order: dot to its after-value, bar, Δ label."""
        return [
            nudge_animation(line, after, marker, run_time)
            for line, after, marker in zip(self.lines, self.afters, self.markers)
        ]

    def undo(self, run_time: float = 0.8) -> list[Animation]:
        """Animations that send every dot back to its value before the nudge."""
        return [
            line.move_to_value(before, run_time=run_time)
            for line, before in zip(self.lines, self.befores)
        ]
