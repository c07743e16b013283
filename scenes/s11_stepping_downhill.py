"""Storyboard step 11: gradient descent on the training set, one step at a time."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from manim import UP, Create, FadeIn, FadeOut, VGroup, Write

from scenes.kit.beats import LectureScene
from scenes.kit.descent_board import DescentBoard
from scenes.kit.parameter_lines import downhill_rate
from scenes.kit.pointer import point_at
from scenes.kit.style import TITLE_SIZE
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
        n, N = self.example.n_examples, self.steps
        board = DescentBoard(self.values, self.descent_rate(), N)
        curve, params, rule = board.curve, board.params, board.rule
        title = formula(r"\text{Stepping downhill}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.35)
        count = len(params.lines)

        on = partial(self.play_at, until="next")
        labels = VGroup(*(line.label for line in params.lines))
        lines = [line.line for line in params.lines]
        with self.beat(
            f"""Backpropagation hands us the gradient; training puts it to use. On the [left]
            left is the [mean] mean cost over the {n} training examples, on the [right] right
            each of the {count} [weights] weights and biases [own] on its own number line.
            The [rate] learning rate eta sets how [far] far each step goes."""
        ):
            on(None, Write(title))
            on("left", Create(curve.axes))
            texts = VGroup(curve.ticks, curve.x_label, curve.y_label)
            on("mean", Write(texts), curve.draw_points(0, 0))
            on("right", Write(params))
            on("weights", point_at(labels), at_most=1.0)
            on("own", point_at(*lines), at_most=1.0)
            on("rate", Write(board.rate))
            on("far", Write(board.step))

        top = params.biggest_step  # worked in numbers: the biggest step
        instance = board.worked_step()
        marks = params.step_marks(0)
        with self.beat(
            """One step. Every parameter [moves] moves by [eta] minus eta times its own
            [entry] entry of the gradient. The [bright] bright marks are [those] those moves
            before they happen, drawn on [lines] lines that [scale] share one scale, so the
            [parameters] parameters the cost is most sensitive to [furthest] move the
            furthest. [below] Below, the biggest of these steps, worked out in [numbers]
            numbers."""
        ):
            on(None, FadeIn(params.start_marks()), at_most=1.0)
            on("moves", point_at(board.update), at_most=1.0)
            on("eta", point_at(board.step_size), at_most=1.0)
            on("entry", point_at(board.gradient), at_most=1.0)
            on("bright", Create(marks), at_most=1.0)
            on("those", point_at(marks), at_most=1.0)
            on("lines", point_at(*lines), at_most=1.0)
            ends = [VGroup(*(line.ticks[i] for line in params.lines)) for i in (0, 1)]
            on("scale", *map(point_at, ends), at_most=1.0)  # every line as wide
            on("parameters", point_at(labels[top]), at_most=1.0)
            on("furthest", point_at(marks[top]), at_most=1.0)
            on("below", Write(instance[:5]))
            on("numbers", Write(instance[5:]), at_most=1.5)
            self.add(instance)  # whole again: the tests read the step as one formula
            self.play(*board.first_step())
            self.play(FadeOut(marks), run_time=0.5)

        with self.beat(
            f"""Then [again] again, and again: after each step the gradient is computed afresh
            at the new parameters, and each new point of the curve is the true mean cost
            there. [these] These are {N} steps of plain gradient descent."""
        ):
            on(None, FadeOut(instance), params.hide_readouts(), at_most=0.6)
            self.wait_until_mark("again")
            run_time = board.glide_time(self.mark_time("these") - self.renderer.time)
            for step in range(2, N + 1):
                self.play(*board.glide(step, run_time))
            on("these", params.settle(N), at_most=1.0)

        summary = board.summary()
        verdict = (
            "lower: these small [steps] steps against the gradient really went [downhill]"
            " downhill."
            if board.fell
            else "higher: a learning rate this large [steps] overshoots, each step jumps"
            " past the valley and the cost [downhill] climbs instead of falling."
        )
        with self.beat(
            f"""Before and after. The [mean] mean cost went from its [first] first value to
            its [last] last, which is [verdict] {verdict} [ended] Each parameter ended where
            the [sum] sum of its own steps took it, and none of this [curve] curve is drawn
            by hand: every [point] point is a real cost."""
        ):
            on(None, Write(summary[0:2]))
            on("mean", point_at(curve.y_label), at_most=1.0)
            on("first", Write(summary[2]), point_at(curve.dots[0]), at_most=1.0)
            on("last", Write(summary[3:]), point_at(curve.dots[N]), at_most=1.0)
            on("verdict", point_at(summary[2], summary[4]), at_most=1.0)
            on("steps", point_at(rule), at_most=1.0)
            on("downhill", point_at(curve.dots[N]), at_most=1.0)
            on("ended", point_at(*(line.dot for line in params.lines)), at_most=1.0)
            on("sum", point_at(params.readouts), at_most=1.0)
            on("curve", point_at(curve), at_most=1.0)
            on("point", board.each_point())
