"""Storyboard step 8: the gradient vector ∇C, every component computed."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    SurroundingRectangle,
    Write,
)

import bpmath
from scenes.kit.bars import SignedBars
from scenes.kit.beats import LectureScene
from scenes.kit.style import MUTED, TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["GradientVectorScene"]

LEARNING_RATE = 1.0
"""η for the one downhill step shown at the end (an input of the scene, not a result)."""


class GradientVectorScene(LectureScene):
    """∇C over the training set: one component per weight and bias of the chain."""

    example_role = "training"

    def construct(self) -> None:
        """The symbolic vector, its values as bars, the link to averaging, one step."""
        v, net, n = self.values, self.example.network, self.example.n_examples
        labels = self._labels()
        count = len(labels)
        title = formula(r"\text{The gradient vector}", font_size=TITLE_SIZE).to_edge(UP)

        with self.beat(
            f"""Collect every partial derivative of the cost into one list: for this network
            that is {count} numbers, one per weight and one per bias. That list is the
            gradient of the cost."""
        ):
            entries = [
                formula(r"\partial C / \partial " + label, font_size=28)
                for label in labels
            ]
            bars = SignedBars(
                [v.shown(Quantity("grad", j=i), 4) for i in range(count)],
                entries,
                max_length=2.4,
                row_height=min(0.62, 4.4 / count),
                font_size=28,
            )
            nabla = formula(r"\nabla C", "=", font_size=40)
            bars.next_to(title, DOWN, buff=0.45).shift(0.8 * RIGHT)
            nabla.next_to(bars.labels, LEFT, buff=0.4)
            self.play(Write(title))
            self.play(
                Write(nabla), LaggedStart(*(FadeIn(e) for e in entries), lag_ratio=0.15)
            )

        with self.beat(
            """Here are the values, each computed by backpropagation and averaged over the
            training examples. The bars are to scale, so you can see at a glance which
            parameters the cost is most sensitive to right now."""
        ):
            self.play(Create(bars.axis))
            self.play(
                LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.12),
                FadeIn(bars.readouts),
            )

        last = labels.index(f"w^{{({net.L})}}")
        with self.beat(
            """Every entry is an average of per-example results. The entry for the last
            weight is exactly the mean we built in the previous scene, from one chain-rule
            product per training example."""
        ):
            box = SurroundingRectangle(bars.readouts[last], color=MUTED, buff=0.08)
            link = formula(
                r"\frac{\partial C}{\partial w^{(L)}}",
                "=",
                r"\frac{1}{%d}\sum_k" % n,
                r"\frac{\partial C_k}{\partial w^{(L)}}",
                "=",
                v.shown(Quantity("mean dC/dw", net.L), 4),
                font_size=34,
            ).to_edge(DOWN, buff=0.4)
            self.play(Create(box), Indicate(bars.bars[last]))
            self.play(Write(link))

        rate = v.shown(Quantity("rate", rate=LEARNING_RATE), 1)
        with self.beat(
            """The gradient points uphill. Stepping every parameter a little against it, by
            the learning rate times its entry, lowers the cost: here one step takes the
            average cost from the first value to the second."""
        ):
            step = formula(
                r"\theta \leftarrow \theta - ",
                r"\eta",
                r"\nabla C",
                r",\quad",
                r"\eta",
                "=",
                rate,
                r":\quad",
                ("C", "C"),
                ":",
                v.shown(Quantity("descent C", step=0, rate=LEARNING_RATE), 4),
                r"\to",
                v.shown(Quantity("descent C", step=1, rate=LEARNING_RATE), 4),
                font_size=34,
            ).to_edge(DOWN, buff=0.5)
            self.play(FadeOut(link), FadeOut(box))
            self.play(Write(step))

    def _labels(self) -> list[str]:
        """LaTeX names of ∇C's entries, in bpmath's order."""
        ex = self.example
        return list(
            bpmath.gradient_vector(bpmath.backward(ex.network, ex.x, ex.y)).latex
        )
