"""Storyboard step 5: ∂C0/∂w^(L) as a product of three factors, each derived and evaluated."""

from __future__ import annotations

from functools import partial

from manim import DOWN, UP, FadeIn, Succession, TransformFromCopy, VGroup, Write

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct, color_fraction
from scenes.kit.pointer import point_at
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["ChainRuleScene"]

NUDGE = 0.1
"""The nudge whose finite ratio is compared with the product (an input of the scene)."""
DERIVATION_SIZE = 32


class ChainRuleScene(LectureScene):
    """The chain rule for the last weight, factor by factor, then the product."""

    example_role = "chain"

    def construct(self) -> None:
        """Symbolic product, three derivations, the product against the nudge ratio."""
        v, L = self.values, self.example.network.L
        on = partial(self.play_at, until="next")
        sigma = self.example.network.activation.latex
        title = formula(r"\text{The chain rule}", font_size=TITLE_SIZE).to_edge(UP)
        product = ChainRuleProduct.for_parameter(v, L, "w", nudge=(f"w{L}", NUDGE))
        product.next_to(title, DOWN, buff=0.35)
        product.comparison.to_edge(DOWN, buff=0.4)
        d = product.decimals

        with self.beat(
            """The weight reaches the [cost] cost only through z and then a. So the
            [derivative] derivative [splits] splits into three simpler ones, [multiplied]
            multiplied: how [zw] z responds to w, how [az] a responds to z, and how the
            [ca] cost responds to a."""
        ):
            symbolic = product.symbolic  # lhs, =, factor, dot, factor, dot, factor
            on(None, Write(title))
            on("cost", Write(symbolic[0]), at_most=3.0)
            on("derivative", point_at(symbolic[0]), at_most=1.0)
            on("splits", Write(symbolic[1]))
            on("multiplied", Write(VGroup(symbolic[3], symbolic[5])))
            for i, name in enumerate(("zw", "az", "ca")):
                on(name, Write(product.factor_tex[i]))

        z, w, a, b, y = (
            ("z^{(L)}", "z"),
            ("w^{(L)}", "w"),
            ("a^{(L)}", "a"),
            ("b^{(L)}", "b"),
            ("y", "y"),
        )
        prev = ("a^{(L-1)}", "a")
        derivations = [
            (
                """[factor] First factor: [rule] z is the weight times the previous
                activation plus the bias, so z [slope] moves by a^(L-1) per [value] unit of
                weight. A weight matters more when its input neuron is [point] bright:
                neurons that fire together wire together.""",
                (z, "=", w, prev, "+", b, r"\;\Rightarrow\;"),
                (r"\frac{\partial z^{(L)}}{\partial w^{(L)}}", "z", "w"),
                ("=", prev, "="),
                Quantity("a", L - 1),
            ),
            (
                """[factor] Second factor: the slope of the [rule] activation function
                [slope] at z, how much of a [value] small change in z the sigmoid lets
                [lift] through at this point of its curve.""",
                (a, "=", sigma, "(", z, ")", r"\;\Rightarrow\;"),
                (r"\frac{\partial a^{(L)}}{\partial z^{(L)}}", "a", "z"),
                ("=", sigma + "'(", z, ")", "="),
                Quantity("sigma'", L),
            ),
            (
                """[factor] Third factor: [rule] the cost is the squared gap to the target,
                so its [slope] slope is twice the gap. The more [value] wrong the output,
                the bigger [point] this factor, and the harder every weight of the layer
                gets pushed.""",
                (("C_0", "C"), "=", "(", a, "-", y, ")^2", r"\;\Rightarrow\;"),
                (r"\frac{\partial C_0}{\partial a^{(L)}}", "C", "a"),
                ("=", "2(", a, "-", y, ")", "="),
                Quantity("dC/da", L),
            ),
        ]
        anchor = product.values_row
        for i, (note, left, (frac, top, bottom), right, quantity) in enumerate(
            derivations
        ):
            line = formula(
                *left, frac, *right, v.shown(quantity, d), font_size=DERIVATION_SIZE
            )
            n = len(left)
            color_fraction(line[n], top, bottom)
            line.next_to(anchor, DOWN, buff=0.55 if i == 0 else 0.3)
            anchor = line
            value, lifted = line[-1], product.factor_values[i]
            with self.beat(note) as beat:
                on("factor", point_at(product.factor_tex[i]), at_most=1.0)
                on("rule", Write(line[:n]), at_most=3.0)
                on("slope", Write(line[n:-1]), at_most=3.0)
                lift = TransformFromCopy(value, lifted)
                if "lift" in beat.marks:  # the value moves up on its own word
                    on("value", Write(value))
                    on("lift", lift, at_most=3.0)
                else:
                    on("value", Succession(Write(value), lift), at_most=3.0)
                if "point" in beat.marks:  # the value the words are about
                    on("point", point_at(lifted), at_most=1.0)

        with self.beat(
            """[multiply] Multiply the three values and you have the [derivative]
            derivative. Beside it is the [ratio] ratio from really [nudging] nudging the
            weight: [close] close, and closer for [smaller] smaller nudges. The [product] product is
            the exact slope that the [nudge] nudge only estimates."""
        ):
            comparison = product.comparison  # derivative, ≈, ratio, nudge size
            on("multiply", FadeIn(product.times), point_at(*product.factor_values))
            on("derivative", FadeIn(product.equals), Write(product.product))
            on("ratio", FadeIn(comparison[0:3], shift=0.2 * UP))
            on("nudging", FadeIn(product.nudge_size))
            on("close", point_at(comparison[0][-1], comparison[2][-1]), at_most=1.0)
            on("smaller", point_at(product.nudge_size), at_most=1.0)
            on("product", point_at(product.product), at_most=1.0)
            on("nudge", point_at(comparison[2]), at_most=1.0)
