"""Storyboard step 8: the gradient vector ∇C, every component computed and shown."""

from __future__ import annotations

from functools import partial

from manim import (
    UP,
    Create,
    FadeIn,
    FadeOut,
    LaggedStart,
    ReplacementTransform,
    VGroup,
    Write,
)

from scenes.kit.averages import average_formula
from scenes.kit.beats import LectureScene
from scenes.kit.gradient_column import GradientColumn, entry_parameter, per_example
from scenes.kit.layout import to_bottom
from scenes.kit.parameter_lines import shown_rate
from scenes.kit.pointer import point_at, point_in_turn
from scenes.kit.reveal import average_steps
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["GradientVectorScene", "entry_parameter"]

LEARNING_RATE = 1.0
"""η for the one downhill step shown at the end (an input of the scene, not a result)."""


class GradientVectorScene(LectureScene):
    """∇C over the training set: one component per weight and bias of the chain."""

    example_role = "training"

    def construct(self) -> None:
        """Symbols, values and bars; two entries unpacked as averages; one step downhill."""
        v, net, n = self.values, self.example.network, self.example.n_examples
        on = partial(self.play_at, until="next")
        title = formula(r"\text{The gradient vector}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.4)
        grad = GradientColumn(v).below(title, buff=0.95)
        names, numbers, bars = grad.names, grad.numbers, grad.bars
        kinds = [entry_parameter(label) for label in grad.labels]
        of_kind = {k: [e for e, (s, _) in zip(names.entries, kinds) if s == k] for k in "wb"}
        layers = [
            VGroup(*(e for e, (_, l) in zip(names.entries, kinds) if l == layer))
            for layer in sorted({l for _, l in kinds})
        ]
        with self.beat(
            f"""The cost depends on [weight] every weight and [bias] every bias,
            [count] {len(kinds)} parameters for this chain. Its [gradient] gradient collects
            the [partial] partial derivative with respect to each of them into one
            [column] column, in a fixed order, [layer] layer by layer."""
        ):
            on(None, Write(title), at_most=3.0)
            on("weight", Write(VGroup(*of_kind["w"])), at_most=2.0)
            on("bias", Write(VGroup(*of_kind["b"])), at_most=2.0)
            on("count", point_at(names.entries), at_most=1.5)
            on("gradient", Write(grad.nabla), at_most=1.5)
            on("partial", point_in_turn(names.entries), at_most=4.0)
            on("column", Create(names.brackets), at_most=2.0)
            self.play_at("layer", point_in_turn(layers))

        size = [abs(g.value) for g in grad.grads]
        big = [i for i, g in enumerate(size) if g >= max(size) / 2]  # stand out
        with self.beat(
            f"""Backpropagation gives [numbers] every one of these numbers, averaged over
            the {n} training examples. The [bars] bars are drawn to scale, so the
            [sensitive] parameters the cost is most sensitive to right now stand out at a
            glance."""
        ):
            on("numbers", Write(grad.equals), Create(numbers.brackets),
               Write(numbers.entries), at_most=3.0)  # fmt: skip
            on("bars", Create(bars.axis), FadeIn(grad.bars_title),
               LaggedStart(*(Create(b) for b in bars.bars), lag_ratio=0.12))  # fmt: skip
            big_rows = [VGroup(names.entries[i], bars.bars[i]) for i in big]
            on("sensitive", point_in_turn(big_rows), at_most=2.5)

        def average(layer: int):
            """The entry of w^(layer): its band, and its average written out."""
            index = grad.labels.index(f"w^({layer})")
            tex = grad.latex[index]
            line = average_formula(
                (r"\frac{\partial C}{\partial " + tex + "}", "C"),
                (r"\frac{\partial C_k}{\partial " + tex + "}", "C"),
                per_example(v, grad.labels[index], grad.decimals),
                grad.grads[index],
                font_size=32,
            )
            return index, grad.row_band(index), to_bottom(line), average_steps(line)

        index, band, line, (name, rule, terms, result) = average(net.L)
        with self.beat(
            """[each] Each entry is an average of per-example results. The one for the
            [last] last weight is the [mean] mean from the previous scene: one [product]
            chain-rule product per training example, [added] added up and [divided] divided
            by their number."""
        ):
            on("each", point_in_turn(numbers.entries))
            on("last", FadeIn(band), Write(name))
            on("mean", Write(rule[0]))
            on("product", Write(rule[1]), Write(terms[0][2]), at_most=3.0)
            on("added", Write(VGroup(*terms[1:])), at_most=3.0)
            on("divided", Write(VGroup(*terms[0][:2])), Write(result))

        first, old = average(1), (band, line)
        index, band, line, (name, rule, terms, result) = first
        with self.beat(
            """The [first] first weight is no different, only its chain is longer: each
            [derivative] example's derivative is the [product] product along the path back
            from the cost, and the [entry] entry is once again the [average] average of
            those products."""
        ):
            on("first", ReplacementTransform(old[0], band), FadeOut(old[1]), Write(name))
            on("derivative", Write(rule[1]))
            on("product", Write(terms[0][2]), Write(VGroup(*terms[1:])), at_most=3.0)
            on("entry", point_at(numbers.entries[index]), at_most=1.5)
            on("average", Write(rule[0]), Write(terms[0][:2]), Write(result))

        cost = [
            v.shown(Quantity("descent C", step=s, rate=LEARNING_RATE), grad.decimals)
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
        with self.beat(
            """The [gradient] gradient points uphill, so learning [steps] steps the other
            way: every parameter moves against its own [entry] entry, scaled by the
            [rate] learning rate. The [flip] bars flip, and after this one step the
            [cost] average cost over the examples has [down] gone down."""
        ):
            on("gradient", FadeOut(band), point_at(grad.bars_title, bars), at_most=1.5)
            on("steps", FadeOut(line), Write(step[0]))
            on("entry", point_at(numbers.entries), at_most=1.5)
            on("rate", Write(step[1:3]))
            on("flip", ReplacementTransform(bars.bars, bars.mirrored(LEARNING_RATE)),
               ReplacementTransform(grad.bars_title, downhill), at_most=2.5)  # fmt: skip
            on("cost", Write(step[3:7]))
            on("down", Write(step[7:]))
