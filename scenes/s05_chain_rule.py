"""Storyboard step 5: ∂C0/∂w^(L) as a product of three factors, each derived and evaluated."""

from __future__ import annotations

from manim import DOWN, UP, Circumscribe, FadeIn, TransformFromCopy, Write

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct, color_fraction
from scenes.kit.style import MUTED, TITLE_SIZE
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
        sigma = self.example.network.activation.latex
        title = formula(r"\text{The chain rule}", font_size=TITLE_SIZE).to_edge(UP)
        product = ChainRuleProduct.for_parameter(v, L, "w", nudge=(f"w{L}", NUDGE))
        product.next_to(title, DOWN, buff=0.35)
        product.comparison.to_edge(DOWN, buff=0.4)
        d = product.decimals

        with self.beat(
            """The weight reaches the cost only through z and then a. So the derivative
            splits into three simpler ones, multiplied: how z responds to w, how a responds
            to z, and how the cost responds to a."""
        ):
            self.play(Write(title))
            self.play(Write(product.symbolic))

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
                """First factor: z is the weight times the previous activation plus the
                bias, so z moves by a^(L-1) per unit of weight. A weight matters more when
                its input neuron is bright: neurons that fire together wire together.""",
                (z, "=", w, prev, "+", b, r"\;\Rightarrow\;"),
                (r"\frac{\partial z^{(L)}}{\partial w^{(L)}}", "z", "w"),
                ("=", prev, "="),
                Quantity("a", L - 1),
            ),
            (
                """Second factor: the slope of the activation function at z, how much of a
                small change in z the sigmoid lets through at this point of its curve.""",
                (a, "=", sigma, "(", z, ")", r"\;\Rightarrow\;"),
                (r"\frac{\partial a^{(L)}}{\partial z^{(L)}}", "a", "z"),
                ("=", sigma + "'(", z, ")", "="),
                Quantity("sigma'", L),
            ),
            (
                """Third factor: the cost is the squared gap to the target, so its slope is
                twice the gap. The more wrong the output, the bigger this factor, and the
                harder every weight of the layer gets pushed.""",
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
            color_fraction(line[len(left)], top, bottom)
            line.next_to(anchor, DOWN, buff=0.55 if i == 0 else 0.3)
            anchor = line
            with self.beat(note):
                self.play(Circumscribe(product.factor_tex[i], color=MUTED))
                self.play(Write(line))
                self.play(TransformFromCopy(line[-1], product.factor_values[i]))

        with self.beat(
            """Multiply the three values and you have the derivative. Beside it is the
            ratio from really nudging the weight: close, and closer for smaller nudges.
            The product is the exact slope that the nudge only estimates."""
        ):
            self.play(
                FadeIn(product.times),
                FadeIn(product.equals),
                FadeIn(product.product, shift=0.2 * DOWN),
            )
            self.play(FadeIn(product.comparison, shift=0.2 * UP))
