"""Gradient descent on one board: the mean cost per step, every parameter's line, the rule.

Step 11 of the lecture shows training as it runs. :class:`DescentBoard` lays out its
pieces from the example and the learning rate, every number from bpmath:

- ``curve``: a :class:`~scenes.kit.cost_curve.CostCurve` of the mean cost after each
  step (left);
- ``params``: :class:`~scenes.kit.parameter_lines.ParameterLines`, one line per weight
  and bias on a shared scale (right);
- ``rule``: ``θ ← θ − η ∇C, η = ...`` below them, in parts the voice reads one after
  another (:attr:`DescentBoard.update`, :attr:`DescentBoard.step_size`,
  :attr:`DescentBoard.gradient`, :attr:`DescentBoard.rate`).

It is not a mobject itself: a scene adds and animates its pieces, so none of them is
regrouped behind the scene's back. ::

    board = DescentBoard(self.values, rate, steps=30)
    self.play(Create(board.curve.axes), Write(board.params))
    self.play(*board.glide(2, run_time=0.3))
"""

from __future__ import annotations

import math

from manim import DOWN, Animation, Indicate, LaggedStart, MathTex, config, linear

from scenes.kit.cost_curve import CostCurve, descent_costs
from scenes.kit.parameter_lines import ParameterLines, shown_rate
from scenes.kit.style import HIGHLIGHT
from scenes.kit.values import ExampleValues, formula

__all__ = ["DescentBoard"]

RULE_SIZE = 34


class DescentBoard:
    """The cost curve, the parameter lines and the update rule of one descent.

    Parameters
    ----------
    values : ExampleValues
        The training example whose mean cost is descended.
    rate : float
        The learning rate η (shown as bpmath's :func:`shown_rate`).
    steps : int
        How many steps are drawn.

    Attributes
    ----------
    costs : list of Shown
        The mean cost after 0..``steps`` steps.
    shown_rate : Shown
        η as written on screen.
    """

    def __init__(self, values: ExampleValues, rate: float, steps: int) -> None:
        self.steps = steps
        self.shown_rate = shown_rate(values, rate)
        self.costs = descent_costs(values, rate, steps)
        self.curve = CostCurve(self.costs, width=5.2, height=4.0)
        self.curve.move_to([-3.5, 0.35, 0])
        count = len(values.gradient_labels)
        pitch = min(0.62, 5.0 / count)
        self.params = ParameterLines(values, rate, steps, row_height=pitch, length=3.6)
        self.params.move_to([3.4, 0.35, 0])
        self.rule = formula(
            r"\theta \leftarrow \theta",
            r"- \eta",
            (r"\nabla C", "C"),
            r",\qquad",
            r"\eta =",
            self.shown_rate,
            font_size=RULE_SIZE,
        )
        self.rule.to_edge(DOWN, buff=1.0)

    # --- the rule's parts, as the voice reads them ----------------------------------

    @property
    def update(self) -> MathTex:
        """``θ ← θ``: every parameter moves."""
        return self.rule[0]

    @property
    def step_size(self) -> MathTex:
        """``− η``: by minus the learning rate..."""
        return self.rule[1]

    @property
    def gradient(self) -> MathTex:
        """``∇C``: ...times its entry of the gradient."""
        return self.rule[2]

    @property
    def step(self) -> MathTex:
        """``θ ← θ − η ∇C,``: the step itself, without η's value."""
        return self.rule[:4]

    @property
    def rate(self) -> MathTex:
        """``η = ...``: the learning rate's value."""
        return self.rule[4:]

    # --- the pieces of the run ------------------------------------------------------

    def worked_step(self, font_size: float = 32) -> MathTex:
        """The biggest first step, worked in numbers, under the rule."""
        params = self.params
        step = params.worked_step(params.biggest_step, self.shown_rate, font_size)
        return step.next_to(self.rule, DOWN, buff=0.3)

    def first_step(self) -> list[Animation]:
        """Every parameter takes its first step and the curve gets its second point."""
        return [self.params.move_to_step(1), self.curve.draw_points(1, 1)]

    def glide_time(self, seconds: float) -> float:
        """Each glide's run time for steps 2..N to fill ``seconds``: 0.15 to 0.6 s.

        Rounded down to whole frames: Manim plays an animation for a whole number of
        frames, so a run time between frames would add up to a late end over the run.
        """
        frame = 1 / config.frame_rate
        each = min(0.6, max(0.15, seconds / max(self.steps - 1, 1)))
        return max(frame, math.floor(each / frame + 1e-9) * frame)

    def glide(self, step: int, run_time: float) -> list[Animation]:
        """Step ``step`` of the run: the dots glide there, the curve gets its point."""
        timing = {"run_time": run_time, "rate_func": linear}
        return [
            self.params.glide_to_step(step, **timing),
            self.curve.draw_points(step, step, **timing),
        ]

    def summary(self, font_size: float = RULE_SIZE) -> MathTex:
        """``C: before → after  after N steps``, under the rule."""
        return formula(
            ("C", "C"),
            r":\ ",
            self.costs[0],
            r"\ \to\ ",
            self.costs[-1],
            r"\quad \text{after %d steps}" % self.steps,
            font_size=font_size,
        ).next_to(self.rule, DOWN, buff=0.3)

    @property
    def fell(self) -> bool:
        """Whether the mean cost ended lower than it started."""
        return self.costs[-1].value < self.costs[0].value

    def each_point(self) -> Animation:
        """Every point of the curve lit in turn, first to last."""
        dots = [self.curve.dots[n] for n in sorted(self.curve.dots)]
        return LaggedStart(
            *(Indicate(d, color=HIGHLIGHT, scale_factor=1.8) for d in dots),
            lag_ratio=0.15,
            group=self.curve,  # the dots stay part of their curve
        )
