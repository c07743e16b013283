"""Storyboard step 11: gradient descent on the training set, one step at a time."""

from __future__ import annotations

from typing import ClassVar

from manim import (
    DOWN,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Flash,
    Indicate,
    SurroundingRectangle,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.cost_curve import CostCurve, descent_costs
from scenes.kit.parameter_lines import ParameterLines, downhill_rate, shown_rate
from scenes.kit.style import HIGHLIGHT, MUTED, TITLE_SIZE
from scenes.kit.values import formula

__all__ = ["SteppingDownhill"]


class SteppingDownhill(LectureScene):
    """The mean cost falling step by step while every parameter moves against ∂C/∂θ."""

    example_role = "training"
    learning_rate: ClassVar[float | None] = None
    """η, an input of the scene shown on screen; ``None`` picks the first of
    :data:`RATES` at which every step lowers the mean cost (set it to show overshooting)."""
    RATES: ClassVar[tuple[float, ...]] = (3.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001)
    steps: ClassVar[int] = 30
    """How many steps of gradient descent are drawn."""

    def descent_rate(self) -> float:
        """The learning rate this scene descends with (see :attr:`learning_rate`)."""
        if self.learning_rate is not None:
            return self.learning_rate
        return downhill_rate(self.values, self.RATES, self.steps)

    def construct(self) -> None:
        """The set-up, one step in detail, the rest of the run, the cost before and after."""
        v, n, eta, N = (
            self.values,
            self.example.n_examples,
            self.descent_rate(),
            self.steps,
        )
        rate = shown_rate(v, eta)
        costs = descent_costs(v, eta, N)
        title = formula(r"\text{Stepping downhill}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.35)
        curve = CostCurve(costs, width=5.2, height=4.0)
        curve.move_to([-3.5, 0.35, 0])
        count = 2 * self.example.network.L
        pitch = min(0.62, 5.0 / count)
        params = ParameterLines(v, eta, N, row_height=pitch, length=3.6)
        params.move_to([3.4, 0.35, 0])
        rule = formula(
            r"\theta \leftarrow \theta - \eta",
            (r"\nabla C", "C"),
            r",\qquad \eta =",
            rate,
            font_size=34,
        )
        rule.to_edge(DOWN, buff=1.0)

        with self.beat(
            f"""Backpropagation hands us the gradient; training puts it to use. On the
            left is the mean cost over the {n} training examples, on the right each of the
            {count} weights and biases on its own number line. The learning rate eta
            sets how far each step goes."""
        ):
            self.play(Write(title))
            self.play(Create(curve), FadeIn(params))
            self.play(curve.draw_points(0, 0), Write(rule))

        # worked in numbers: the parameter whose step is the biggest
        top = params.biggest_step
        instance = params.worked_step(top, rate, font_size=32).next_to(
            rule, DOWN, buff=0.3
        )
        with self.beat(
            """One step. Every parameter moves by minus eta times its own entry of the
            gradient. The bright marks are those moves before they happen, drawn on lines
            that share one scale, so the parameters the cost is most sensitive to move
            the furthest. Below, the biggest of these steps, worked out in numbers."""
        ):
            marks = params.step_marks(0)
            self.play(Create(marks), FadeIn(params.start_marks()))
            self.play(Indicate(params.lines[top].label))
            self.play(Write(instance))
            self.play(params.move_to_step(1), curve.draw_points(1, 1))
            self.play(FadeOut(marks))

        with self.beat(
            f"""Then again, and again: after each step the gradient is computed afresh at
            the new parameters, and each new point of the curve is the true mean cost
            there. These are {N} steps of plain gradient descent."""
        ):
            self.play(FadeOut(instance), params.hide_readouts())
            run_time = min(0.35, 9.0 / N)
            for step in range(2, N + 1):
                self.play(
                    params.glide_to_step(step, run_time=run_time),
                    curve.draw_points(step, step, run_time=run_time),
                )
            self.play(params.settle(N))

        fell = costs[N].value < costs[0].value
        summary = formula(
            ("C", "C"),
            r":\ ",
            costs[0],
            r"\ \to\ ",
            costs[N],
            r"\quad \text{after %d steps}" % N,
            font_size=34,
        )
        summary.next_to(rule, DOWN, buff=0.3)
        verdict = (
            "lower: these small steps against the gradient really went downhill."
            if fell
            else "higher: a learning rate this large overshoots, each step jumps past"
            " the valley and the cost climbs instead of falling."
        )
        with self.beat(
            f"""Before and after. The mean cost went from its first value to its last,
            which is {verdict} Each parameter ended where the sum of its own steps took
            it, and none of this curve is drawn by hand: every point is a real cost."""
        ):
            box = SurroundingRectangle(curve.dots[N], color=HIGHLIGHT, buff=0.08)
            self.play(Write(summary))
            self.play(Create(box), Flash(curve.dots[0], color=MUTED))
