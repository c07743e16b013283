"""Storyboard step 8: the gradient vector ∇C, every component computed and shown."""

from __future__ import annotations

from manim import (
    UP,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    ReplacementTransform,
    Write,
)

from scenes.kit.averages import average_formula
from scenes.kit.beats import LectureScene
from scenes.kit.gradient_column import GradientColumn, entry_parameter, per_example
from scenes.kit.layout import to_bottom
from scenes.kit.parameter_lines import shown_rate
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["GradientVectorScene", "entry_parameter"]

LEARNING_RATE = 1.0
"""η for the one downhill step shown at the end (an input of the scene, not a result)."""

UNPACKED = (
    ("last", """Each entry is an average of per-example results. The one for the last weight
            is the mean from the previous scene: one chain-rule product per training
            example, added up and divided by their number."""),
    ("first", """The first weight is no different, only its chain is longer: each example's
            derivative is the product along the path back from the cost, and the entry is
            once again the average of those products."""),
)  # fmt: skip
"""The two entries unpacked as averages, and what is said about each."""


class GradientVectorScene(LectureScene):
    """∇C over the training set: one component per weight and bias of the chain."""

    example_role = "training"

    def construct(self) -> None:
        """Symbols, values and bars; two entries unpacked as averages; one step downhill."""
        v, net, n = self.values, self.example.network, self.example.n_examples
        title = formula(r"\text{The gradient vector}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.4)
        grad = GradientColumn(v).below(title, buff=0.95)
        names, numbers, bars, count = (
            grad.names,
            grad.numbers,
            grad.bars,
            len(grad.labels),
        )
        with self.beat(
            f"""The cost depends on every weight and every bias, {count} parameters for this
            chain. Its gradient collects the partial derivative with respect to each of them
            into one column, in a fixed order, layer by layer."""
        ):
            self.play(Write(title))
            self.play(Write(grad.nabla), Create(names.brackets))
            self.play(LaggedStart(*(FadeIn(e) for e in names.entries), lag_ratio=0.15))

        with self.beat(
            f"""Backpropagation gives every one of these numbers, averaged over the {n}
            training examples. The bars are drawn to scale, so the parameters the cost is
            most sensitive to right now stand out at a glance."""
        ):
            self.play(Write(grad.equals), Create(numbers.brackets))
            self.play(LaggedStart(*(FadeIn(e) for e in numbers.entries), lag_ratio=0.1))
            self.play(Create(bars.axis), FadeIn(grad.bars_title))
            self.play(LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.12))

        shown = None
        for which, note in UNPACKED:
            index = grad.labels.index(f"w^({net.L if which == 'last' else 1})")
            with self.beat(note):
                box, tex = grad.row_band(index), grad.latex[index]
                line = average_formula(
                    (r"\frac{\partial C}{\partial " + tex + "}", "C"),
                    (r"\frac{\partial C_k}{\partial " + tex + "}", "C"),
                    per_example(v, grad.labels[index], grad.decimals),
                    grad.grads[index],
                    font_size=32,
                )
                to_bottom(line)
                if shown:
                    self.play(ReplacementTransform(shown[0], box), FadeOut(shown[1]))
                else:
                    self.play(FadeIn(box))
                self.play(Indicate(bars.bars[index]), Write(line))
                shown = (box, line)

        with self.beat(
            """The gradient points uphill, so learning steps the other way: every parameter
            moves against its own entry, scaled by the learning rate. The bars flip, and
            after this one step the average cost over the examples has gone down."""
        ):
            cost = [
                v.shown(
                    Quantity("descent C", step=s, rate=LEARNING_RATE), grad.decimals
                )
                for s in (0, 1)
            ]
            step = formula(
                r"\theta \leftarrow \theta - \eta \nabla C,", r"\quad \eta =",
                shown_rate(v, LEARNING_RATE), r":\quad", ("C", "C"),
                ":", cost[0], r"\to", cost[1], font_size=34,
            )  # fmt: skip
            to_bottom(step)
            downhill = formula(r"-\eta", ("\\nabla C", "C"), font_size=grad.size)
            downhill.move_to(grad.bars_title)
            self.play(FadeOut(shown[0]), FadeOut(shown[1]))
            self.play(
                ReplacementTransform(bars.bars, bars.mirrored(LEARNING_RATE)),
                ReplacementTransform(grad.bars_title, downhill),
            )
            self.play(Write(step))
