"""Storyboard step 7: many training examples, and the average of their derivatives."""

from __future__ import annotations

from manim import DOWN, LEFT, UP, Create, FadeIn, FadeOut, LaggedStart, VGroup, Write

from scenes.kit.bars import SignedBars
from scenes.kit.beats import LectureScene
from scenes.kit.style import NOTE_SIZE, TITLE_SIZE
from scenes.kit.values import Quantity, decimals_for, formula

__all__ = ["ManyTrainingExamples"]


class ManyTrainingExamples(LectureScene):
    """Each example has its own cost and gradient; the full cost averages them."""

    example_role = "training"

    def construct(self) -> None:
        """Costs per example, their mean, then ∂C_k/∂w^(L) per example and their mean."""
        v, L, n = self.values, self.example.network.L, self.example.n_examples
        rows = range(n)
        title = formula(r"\text{Many training examples}", font_size=TITLE_SIZE).to_edge(
            UP
        )

        costs = [v("C", example=k) for k in rows]
        cost_digits = decimals_for(costs, v("mean C"), combine="mean")
        with self.beat(
            """Until now the network saw one example. Training uses many: each input goes
            through the same weights and biases, and each gets its own cost C_k, the squared
            distance between what came out and what was wanted."""
        ):
            table = VGroup(*(self._example_row(k, cost_digits) for k in rows))
            table.arrange(DOWN, aligned_edge=LEFT, buff=0.28).next_to(
                title, DOWN, buff=0.5
            )
            self.play(Write(title))
            self.play(
                LaggedStart(
                    *(FadeIn(r, shift=0.2 * DOWN) for r in table), lag_ratio=0.3
                )
            )

        with self.beat(
            """The cost of the network as a whole is the mean of these per-example costs.
            It is a single number that depends on every example at once."""
        ):
            mean_cost = formula(
                ("C", "C"),
                "=",
                r"\frac{1}{%d}\sum_{k}" % n,
                ("C_k", "C"),
                "=",
                v.shown(Quantity("mean C"), cost_digits),
            ).next_to(table, DOWN, buff=0.45)
            self.play(Write(mean_cost))

        gradients = [v("dC/dw", L, example=k) for k in rows]
        grad_digits = decimals_for(gradients, v("mean dC/dw", L), combine="mean")
        with self.beat(
            """Each example also has its own derivative of its cost with respect to the last
            weight. The bars are drawn to scale: some examples want the weight to grow,
            others want it to shrink, and by different amounts."""
        ):
            self.play(FadeOut(table), FadeOut(mean_cost))
            labels = [
                formula(r"\partial C_{%d} / \partial w^{(L)}" % (k + 1), font_size=30)
                for k in rows
            ]
            bars = SignedBars(
                [v.shown(Quantity("dC/dw", L, example=k), grad_digits) for k in rows],
                labels,
                max_length=2.6,
                row_height=min(0.75, 4.2 / n),
            ).next_to(title, DOWN, buff=0.6)
            self.play(Create(bars.axis), FadeIn(bars.labels))
            self.play(
                LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.25),
                FadeIn(bars.readouts),
            )

        with self.beat(
            """The derivative of the full cost is just the average of these. The dashed line
            sits at that mean: it is the compromise the whole training set asks for, and it
            is what gradient descent actually follows."""
        ):
            mean = v.shown(Quantity("mean dC/dw", L), grad_digits)
            marker = bars.mean_marker(mean)
            equation = formula(
                r"\frac{\partial C}{\partial w^{(L)}}",
                "=",
                r"\frac{1}{%d}\sum_{k}" % n,
                r"\frac{\partial C_k}{\partial w^{(L)}}",
                "=",
                mean,
            ).next_to(bars, DOWN, buff=0.45)
            caption = formula(r"\text{dashed: the mean}", font_size=NOTE_SIZE)
            caption.next_to(marker, UP, buff=0.08)
            self.play(Create(marker), FadeIn(caption))
            self.play(Write(equation))

    def _example_row(self, k: int, cost_digits: int) -> VGroup:
        """One line of the table: x_k, y_k, a^(L) and C_k for example k."""
        v, L = self.values, self.example.network.L
        return formula(
            r"k = %d:\quad" % (k + 1),
            ("x", "a"),
            "=",
            v.shown(Quantity("a", 0, example=k), 2),
            r",\quad",
            ("y", "y"),
            "=",
            v.shown(Quantity("y", example=k), 2),
            r",\quad",
            ("a^{(L)}", "a"),
            "=",
            v.shown(Quantity("a", L, example=k), 3),
            r",\quad",
            (r"C_{%d}" % (k + 1), "C"),
            "=",
            v.shown(Quantity("C", example=k), cost_digits),
            font_size=32,
        )
