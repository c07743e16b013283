"""Storyboard step 7: many training examples, each with its own cost and derivative, averaged."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    UP,
    Create,
    FadeIn,
    FadeOut,
    LaggedStart,
    SurroundingRectangle,
    Write,
)

from scenes.kit.averages import average_formula, averaged
from scenes.kit.bars import SignedBars
from scenes.kit.beats import LectureScene
from scenes.kit.layout import to_bottom
from scenes.kit.pointer import point_at
from scenes.kit.reveal import average_steps, gather_terms
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
        on = partial(self.play_at, until="next")
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

        def rows(i: int) -> LaggedStart:  # column i written, its header then row by row
            cells = (table.header[i], *table.column(i))
            return LaggedStart(*map(Write, cells), lag_ratio=0.3)

        with self.beat(
            """So far the network saw a single input. Training uses a whole set of
            [examples] examples: each [input] input runs through the same weights and
            biases, lands on its own [output] output, and is scored against its own
            [target] target with its own [cost] cost C_k."""
        ):
            on(None, Write(title), at_most=3.0)
            on("examples", Create(table.rule), rows(0), at_most=3.0)
            on("input", rows(1), at_most=3.0)
            on("output", rows(3))
            on("target", rows(2))
            on("cost", rows(4), at_most=3.0)

        mean_cost = average_formula(
            ("C", "C"), ("C_k", "C"), costs, mean_cost, font_size=34
        )
        to_bottom(mean_cost, buff=0.45)
        name, definition, terms, result = average_steps(mean_cost)
        box = SurroundingRectangle(table.column(4), color=MUTED, buff=0.1)
        with self.beat(
            """The [cost] cost of the network as a whole is the [mean] mean of those
            [per] per-example costs. It is [one] one number, but every [say] example has a
            say in it, and [that] that is the cost training tries to push down."""
        ):
            on("cost", Write(name))
            on("mean", Write(definition))
            on("per", Create(box), gather_terms(table.column(4), terms), at_most=3.0)
            on("one", Write(result))
            on("say", point_at(*table.column(4)), at_most=1.5)
            on("that", point_at(result), at_most=1.5)

        rule = formula(
            DC_K, "=", ("a_k^{(L-1)}", "a"), (r"\sigma'(z_k^{(L)})", "sigma"),
            r"\cdot 2(", ("a_k^{(L)}", "a"), "-", ("y_k", "y"), ")", font_size=34,
        )  # fmt: skip
        to_bottom(rule, buff=0.45)
        pull_up = [b for b, g in zip(bars.bars, grads) if g.value < 0]
        push_down = [b for b, g in zip(bars.bars, grads) if g.value > 0]
        with self.beat(
            """Each example also has its own [derivative] derivative with respect to the
            last weight: the same [three] three chain-rule factors, evaluated with that
            [numbers] example's numbers. The [bars] bars are to scale. Some examples
            [up] pull the weight up, others [down] push it down."""
        ):
            on(None, FadeOut(mean_cost), FadeOut(box))
            on("derivative", Write(rule[0:2]))
            on("three", LaggedStart(Write(rule[2]), Write(rule[3]), Write(rule[4:])))
            on("numbers", rows(5), at_most=3.0)
            grow = LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.25)
            on("bars", Create(bars.axis), grow, at_most=3.0)
            for mark, group in (("up", pull_up), ("down", push_down)):
                if group:  # the examples of that sign, if any
                    on(mark, point_at(*group), at_most=1.2)
                else:
                    self.wait_until_mark(mark)

        marker = bars.mean_marker(mean)
        label = formula(r"\text{mean}", font_size=NOTE_SIZE)
        label.next_to(marker, DOWN, buff=0.1)
        equation = average_formula(DC, DC_K, grads, mean, font_size=34)
        to_bottom(equation, buff=0.45)
        name, definition, terms, result = average_steps(equation)
        with self.beat(
            """The [derivative] derivative of the full cost is the [average] average of
            [these] these, and nothing [more] more. The [dashed] dashed line marks it
            among the bars: a [compromise] compromise between examples that [disagree] disagree,
            and the [number] number gradient descent actually follows for this weight."""
        ):
            on(None, FadeOut(rule))
            on("derivative", Write(name))
            on("average", Write(definition))
            on("these", gather_terms(table.column(5), terms), at_most=3.0)
            on("more", Write(result))
            on("dashed", Create(marker), FadeIn(label))
            on("compromise", point_at(marker, label), at_most=1.2)
            on("disagree", point_at(*bars.bars), at_most=1.2)
            on("number", point_at(equation.mean), at_most=1.5)


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
