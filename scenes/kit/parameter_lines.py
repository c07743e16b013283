"""Every parameter of a network on its own number line while gradient descent runs.

One :class:`~scenes.kit.number_line.VariableNumberLine` per weight and bias, stacked in
bpmath's order (w^(1), b^(1), w^(2), ...). All lines share one scale
(:func:`~scenes.kit.number_line.shared_ranges`): each is centred on its parameter's path,
but a change of 0.1 is equally long on every line, so the steps −η ∂C/∂θ can be compared
by eye. The dots move to the values bpmath's ``gradient_descent`` reaches.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from manim import (
    DOWN,
    PI,
    UP,
    AnimationGroup,
    CapStyleType,
    Line,
    MathTex,
    Triangle,
    VGroup,
)

from scenes.kit.number_line import VariableNumberLine, shared_ranges
from scenes.kit.style import HIGHLIGHT, LABEL_SIZE, MUTED
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    Shown,
    decimals_for,
    exact_decimals,
    formula,
)
from scenes.kit.worked import product_parts

__all__ = ["ParameterLines", "downhill_rate", "parameters_of", "shown_rate"]


def parameters_of(values: ExampleValues) -> Iterator[tuple[str, int, int, int]]:
    """``(kind, layer, j, k)`` of every parameter, in bpmath's ∇C order.

    >>> import bpmath
    >>> list(parameters_of(ExampleValues(bpmath.examples.training())))[:3]
    [('w', 1, 0, 0), ('b', 1, 0, 0), ('w', 2, 0, 0)]
    """
    net = values.net
    for layer in range(1, net.L + 1):
        rows, cols = net.weight(layer).shape
        for j in range(rows):
            for k in range(cols):
                yield "w", layer, j, k
        for j in range(rows):
            yield "b", layer, j, 0


def shown_rate(values: ExampleValues, rate: float) -> Shown:
    """The learning rate η for the screen, written exactly (3.0 reads 3.0, 0.25 reads 0.25).

    >>> import bpmath
    >>> shown_rate(ExampleValues(bpmath.examples.training()), 0.25).text
    '0.25'
    """
    return values.shown(Quantity("rate", rate=rate), exact_decimals(rate))


def downhill_rate(values: ExampleValues, rates: Sequence[float], steps: int) -> float:
    """The first of ``rates`` at which every one of ``steps`` steps lowers the mean cost.

    The last rate when none does (a run that blows up counts as not going downhill).
    """
    for rate in rates:
        try:
            run = values.descent(rate, steps)
        except (ValueError, ArithmeticError, RuntimeWarning):  # it blew up
            continue
        if all(b <= a for a, b in zip(run.costs, run.costs[1:])):
            return rate
    return rates[-1]


class ParameterLines(VGroup):
    """A number line per parameter, one row each, following gradient descent.

    Parameters
    ----------
    values : ExampleValues
        The example whose rows are descended (all of them, the mean cost).
    rate : float
        The learning rate η.
    steps : int
        How many steps the lines must have room for.
    row_height : float
        Distance between neighbouring lines.
    length : float
        Length of each line.

    Attributes
    ----------
    lines : list of VariableNumberLine
        In bpmath's ∇C order; ``lines[i].dot`` is at parameter i's current value.

    Notes
    -----
    Every animation it returns is grouped on the whole piece (``group=self``): a group
    of its parts would be added to the scene on its own, and Manim would then break
    this piece up into loose parts.
    """

    def __init__(
        self,
        values: ExampleValues,
        rate: float,
        steps: int,
        row_height: float = 0.6,
        length: float = 3.2,
        decimals: int = 3,
        font_size: float = LABEL_SIZE,
    ) -> None:
        super().__init__()
        if steps < 1:
            raise ValueError(f"steps must be at least 1, got {steps}")
        self.values, self.rate, self.steps, self.decimals = (
            values,
            rate,
            steps,
            decimals,
        )
        self.parameters = list(parameters_of(values))
        paths = [
            [values.value(self.quantity(i, n)) for n in range(steps + 1)]
            for i in range(len(self.parameters))
        ]
        labels = values.gradient_labels
        self.lines: list[VariableNumberLine] = []
        for i, (path, x_range) in enumerate(zip(paths, shared_ranges(paths))):
            kind = self.parameters[i][0]
            line = VariableNumberLine(
                kind,
                labels[i],
                self.shown(i, 0),
                must_show=path,
                length=length,
                font_size=font_size - 4,
                x_range=x_range,
                readout_side="right",
            )
            line.shift(np.array([0.0, -i * row_height, 0.0]) - line.line.get_center())
            self.lines.append(line)
        self.add(*self.lines)
        self.at_step = 0

    def quantity(self, index: int, step: int) -> Quantity:
        """Parameter ``index`` after ``step`` steps."""
        kind, layer, j, k = self.parameters[index]
        return Quantity(f"descent {kind}", layer, j, k, step=step, rate=self.rate)

    def gradient(self, index: int, step: int) -> Quantity:
        """The mean ∂C/∂θ of parameter ``index`` at the network reached after ``step`` steps."""
        kind, layer, j, k = self.parameters[index]
        return Quantity(f"descent dC/d{kind}", layer, j, k, step=step, rate=self.rate)

    def shown(self, index: int, step: int, decimals: int | None = None) -> Shown:
        """Parameter ``index`` after ``step`` steps, ready for the screen."""
        return self.values.shown(
            self.quantity(index, step), self.decimals if decimals is None else decimals
        )

    @property
    def biggest_step(self) -> int:
        """The index of the parameter whose first step, −η ∂C/∂θ, is the longest."""
        return max(
            range(len(self.parameters)),
            key=lambda i: abs(self.values.value(self.gradient(i, 0))),
        )

    def worked_step(
        self, index: int, rate: Shown, font_size: float = LABEL_SIZE
    ) -> MathTex:
        """``θ ← θ − η ∂C/∂θ = θ0 − η · g = θ1``: parameter ``index``'s first step.

        The numbers get the fewest decimals at which θ0 − η·g, rounded, is the shown θ1.
        """
        grad = self.gradient(index, 0)
        d = decimals_for(
            [self.values.value(self.quantity(index, 0)), self.values.value(grad)],
            self.values.value(self.quantity(index, 1)),
            combine=lambda p: p[0] - rate.value * p[1],
        )
        name, kind = self.values.gradient_labels[index], self.parameters[index][0]
        return formula(
            (name, kind),
            r"\leftarrow",
            (name, kind),
            r"- \eta",
            (r"\frac{\partial C}{\partial " + name + "}", "C"),
            "=",
            self.shown(index, 0, d),
            "-",
            *product_parts([rate, self.values.shown(grad, d)]),
            "=",
            self.shown(index, 1, d),
            font_size=font_size,
        )

    @property
    def unit(self) -> float:
        """Scene units per unit of any parameter (the same on every line)."""
        return self.lines[0].unit_size

    def start_marks(self) -> VGroup:
        """A small muted pointer above every line at the parameter's starting value."""
        pointers = VGroup()
        for i, line in enumerate(self.lines):
            start = line.n2p(self.values.value(self.quantity(i, 0)))
            pointer = Triangle().rotate(PI).set_stroke(width=0).set_fill(MUTED, 1)
            pointer.scale_to_fit_height(0.09).next_to(start, UP, buff=0.1)
            pointers.add(pointer)
        return pointers

    def step_marks(self, step: int) -> VGroup:
        """On every line, a thick mark from θ after ``step`` steps to θ after one more.

        Each is exactly η·|∂C/∂θ| long on the shared scale, on the side opposite the
        gradient's sign: the step the parameter is about to take. The marks run just
        below the lines, where the dots do not cover them.
        """
        marks = VGroup()
        below = 0.14 * DOWN  # clear of the dot, which would hide a short step
        for i, line in enumerate(self.lines):
            start = line.n2p(self.values.value(self.quantity(i, step)))
            end = line.n2p(self.values.value(self.quantity(i, step + 1)))
            mark = Line(start + below, end + below, stroke_width=6, color=HIGHLIGHT)
            marks.add(mark.set_cap_style(CapStyleType.BUTT))
        return marks

    @property
    def readouts(self) -> VGroup:
        """Every line's readout, top to bottom."""
        return VGroup(*(line.readout for line in self.lines))

    def hide_readouts(self, **kwargs: Any) -> AnimationGroup:
        """Fade the readouts out in place (they stay part of their lines), before a glide."""
        return AnimationGroup(
            *(line.readout.animate(**kwargs).set_opacity(0) for line in self.lines),
            group=self,
        )

    def _check_step(self, step: int) -> None:
        if not 0 <= step <= self.steps:
            raise ValueError(f"step must be in 0..{self.steps}, got {step}")
        self.at_step = step

    def move_to_step(self, step: int, **kwargs: Any) -> AnimationGroup:
        """Move every dot (and readout) to its value after ``step`` steps."""
        self._check_step(step)
        return AnimationGroup(
            *(
                line.move_to_value(self.shown(i, step), **kwargs)
                for i, line in enumerate(self.lines)
            ),
            group=self,
        )

    def glide_to_step(self, step: int, **kwargs: Any) -> AnimationGroup:
        """Move only the dots to their values after ``step`` steps (fast, for long runs).

        The readouts keep their old numbers: hide them first (:meth:`hide_readouts`)
        and bring them back with :meth:`settle`, so no stale value is on screen.
        """
        self._check_step(step)
        moves = []
        for i, line in enumerate(self.lines):
            value = self.values.value(self.quantity(i, step))
            line.tracker.set_value(value)
            moves.append(line.dot.animate(**kwargs).move_to(line.n2p(value)))
        return AnimationGroup(*moves, group=self)

    def settle(self, step: int, **kwargs: Any) -> AnimationGroup:
        """Put every dot and readout at its value after ``step`` steps and fade it in."""
        self._check_step(step)
        for i, line in enumerate(self.lines):
            line.set_value(self.shown(i, step))
        return AnimationGroup(
            *(line.readout.animate(**kwargs).set_opacity(1) for line in self.lines),
            group=self,
        )
