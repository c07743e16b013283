"""Storyboard step 7: many training examples, each with its own cost and derivative, averaged."""

from __future__ import annotations

from manim import (
    DOWN,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    SurroundingRectangle,
    VGroup,
    Write,
)

from scenes.kit.averages import average_formula, averaged
from scenes.kit.bars import SignedBars
from scenes.kit.beats import LectureScene
from scenes.kit.layout import to_bottom
from scenes.kit.style import MUTED, NOTE_SIZE, TITLE_SIZE
from scenes.kit.tables import ValueTable
from scenes.kit.values import Quantity, formula

__all__ = ["ManyTrainingExamples"]

DC = (r"\frac{\partial C}{\partial w^{(L)}}", "C")
DC_K = (r"\frac{\partial C_k}{\partial w^{(L)}}", "C")
"""∂C/∂w^(L) of the whole cost and ∂C_k/∂w^(L) of example k, as formula parts."""


class ManyTrainingExamples(LectureScene):
    """Each example has its own cost and ∂C_k/∂w^(L); the full cost's derivative averages them."""

    example_role = "training"

    def construct(self) -> None:
        """The examples, their costs and mean, each example's derivative, the mean derivative."""
        v, L, n = self.values, self.example.network.L, self.example.n_examples
        costs, mean_cost = averaged(
            v, [Quantity("C", example=k) for k in range(n)], Quantity("mean C")
        )
        grads, mean = averaged(
            v,
            [Quantity("dC/dw", L, example=k) for k in range(n)],
            Quantity("mean dC/dw", L),
        )
        title = formula(r"\text{Many training examples}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.4)
        pitch = min(0.72, 3.5 / n)
        table = _table(v, costs, grads, pitch, min(34.0, 48 * pitch))
        table.next_to(title, DOWN, buff=0.45)
        # The bars get the space right of the table, drawn to scale (never rescaled).
        max_length = min(2.2, (13.2 - table.width - 0.6) / 2)
        bars = SignedBars(
            grads, None, max_length=max_length, row_height=pitch, readouts=False
        )
        table.set_x(-(0.6 + 2 * max_length) / 2)
        bars.beside(table, table.row_y(0))
        grad_column = VGroup(table.header[-1], *table.column(5))

        with self.beat(
            """So far the network saw a single input. Training uses a whole set of examples:
            each input runs through the same weights and biases, lands on its own output,
            and is scored against its own target with its own cost C_k."""
        ):
            self.play(Write(title))
            self.play(FadeIn(VGroup(*table.header[:5], table.rule)))
            rows = (FadeIn(VGroup(*row[:5]), shift=0.15 * DOWN) for row in table.body)
            self.play(LaggedStart(*rows, lag_ratio=0.3))

        with self.beat(
            """The cost of the network as a whole is the mean of those per-example costs.
            It is one number, but every example has a say in it, and that is the cost
            training tries to push down."""
        ):
            mean_cost = average_formula(
                ("C", "C"), ("C_k", "C"), costs, mean_cost, font_size=34
            )
            to_bottom(mean_cost, buff=0.45)
            box = SurroundingRectangle(table.column(4), color=MUTED, buff=0.1)
            self.play(Create(box))
            self.play(Write(mean_cost))

        with self.beat(
            """Each example also has its own derivative with respect to the last weight:
            the same three chain-rule factors, evaluated with that example's numbers. The
            bars are to scale. Some examples pull the weight up, others push it down."""
        ):
            rule = formula(
                DC_K, "=", ("a_k^{(L-1)}", "a"), (r"\sigma'(z_k^{(L)})", "sigma"),
                r"\cdot 2(", ("a_k^{(L)}", "a"), "-", ("y_k", "y"), ")", font_size=34,
            )  # fmt: skip
            to_bottom(rule, buff=0.45)
            self.play(FadeOut(mean_cost), FadeOut(box))
            self.play(Write(rule))
            self.play(FadeIn(grad_column))
            self.play(
                Create(bars.axis),
                LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.25),
            )

        with self.beat(
            """The derivative of the full cost is the average of these, and nothing more.
            The dashed line marks it among the bars: a compromise between examples that
            disagree, and the number gradient descent actually follows for this weight."""
        ):
            marker = bars.mean_marker(mean)
            label = formula(r"\text{mean}", font_size=NOTE_SIZE)
            label.next_to(marker, DOWN, buff=0.1)
            equation = average_formula(DC, DC_K, grads, mean, font_size=34)
            to_bottom(equation, buff=0.45)
            self.play(FadeOut(rule))
            self.play(Create(marker), FadeIn(label))
            self.play(Write(equation))
            self.play(Indicate(equation.mean))


def _table(v, costs, grads, pitch: float, font_size: float) -> ValueTable:
    """k, x_k, y_k, a_k^(L), C_k and ∂C_k/∂w^(L), one row per example."""
    L = v.net.L  # noqa: N806 - the lecture's L
    header = [
        formula(*part, font_size=font_size)
        for part in (["k"], [("x_k", "a")], [("y_k", "y")], [("a_k^{(L)}", "a")],
                     [("C_k", "C")], [(r"\partial C_k / \partial w^{(L)}", "C")])
    ]  # fmt: skip
    rows = [
        [
            formula(str(k + 1), font_size=font_size),
            v.shown(Quantity("a", 0, example=k), 2),
            v.shown(Quantity("y", example=k), 2),
            v.shown(Quantity("a", L, example=k), 3),
            costs[k],
            grads[k],
        ]
        for k in range(len(costs))
    ]
    return ValueTable(header, rows, row_height=pitch, font_size=font_size)
