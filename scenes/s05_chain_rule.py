"""Storyboard step 5: ∂C0/∂w^(L) as a product of three factors, each derived and evaluated."""

from __future__ import annotations

from manim import DOWN, UP, Circumscribe, FadeIn, FadeOut, Write

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct
from scenes.kit.style import MUTED, TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["ChainRuleScene"]

NUDGE = 0.1
"""The nudge whose finite ratio is shown beside the product (an input of the scene)."""


class ChainRuleScene(LectureScene):
    """The chain rule for the last weight, factor by factor, then the product."""

    example_role = "chain"

    def construct(self) -> None:
        """Symbolic product, three derivations, the values, product vs nudge ratio."""
        v, L = self.values, self.example.network.L
        sigma = self.example.network.activation.latex
        title = formula(r"\text{The chain rule}", font_size=TITLE_SIZE).to_edge(UP)
        product = ChainRuleProduct.for_parameter(v, L, "w", nudge=(f"w{L}", NUDGE))
        product.next_to(title, DOWN, buff=0.45)
        d = product.decimals

        with self.beat(
            """The weight affects the cost only through z and then a. So the sensitivity of
            the cost to the weight splits into three simpler sensitivities multiplied
            together: how z responds to w, how a responds to z, and how C responds to a."""
        ):
            self.play(Write(title))
            self.play(Write(product.symbolic))

        derivations = [
            (
                """The first factor: z is the weight times the previous activation plus the
                bias, so nudging w changes z by the previous activation per unit. How hard a
                weight pulls depends on how active its input neuron is: neurons that fire
                together wire together.""",
                formula(
                    ("z^{(L)}", "z"),
                    "=",
                    ("w^{(L)}", "w"),
                    ("a^{(L-1)}", "a"),
                    "+",
                    ("b^{(L)}", "b"),
                    r"\;\Rightarrow\;",
                    (r"\frac{\partial z^{(L)}}{\partial w^{(L)}}", "z"),
                    "=",
                    ("a^{(L-1)}", "a"),
                    "=",
                    v.shown(Quantity("a", L - 1), d),
                ),
            ),
            (
                """The second factor is the slope of the activation function at z: how much
                the sigmoid passes a small change through at this point of its curve.""",
                formula(
                    ("a^{(L)}", "a"),
                    "=",
                    sigma,
                    "(",
                    ("z^{(L)}", "z"),
                    ")",
                    r"\;\Rightarrow\;",
                    (r"\frac{\partial a^{(L)}}{\partial z^{(L)}}", "a"),
                    "=",
                    sigma + "'(",
                    ("z^{(L)}", "z"),
                    ")",
                    "=",
                    v.shown(Quantity("sigma'", L), d),
                ),
            ),
            (
                """The third factor comes from the cost: twice the gap between output and
                target. The further the output is from what we wanted, the more a change to
                it matters, so the error itself scales every gradient in this layer.""",
                formula(
                    ("C_0", "C"),
                    "=",
                    "(",
                    ("a^{(L)}", "a"),
                    "-",
                    ("y", "y"),
                    ")^2",
                    r"\;\Rightarrow\;",
                    (r"\frac{\partial C_0}{\partial a^{(L)}}", "C"),
                    "=",
                    "2(",
                    ("a^{(L)}", "a"),
                    "-",
                    ("y", "y"),
                    ")",
                    "=",
                    v.shown(Quantity("dC/da", L), d),
                ),
            ),
        ]
        shown = []
        anchor = product.symbolic
        for i, (note, line) in enumerate(derivations):
            with self.beat(note):
                line.scale_to_fit_width(min(line.width, 12.5))
                line.next_to(anchor, DOWN, buff=0.55 if i == 0 else 0.3)
                self.play(Circumscribe(product.factor_tex[i], color=MUTED))
                self.play(Write(line))
                shown.append(line)
                anchor = line

        with self.beat(
            """Multiply the three values and you get the derivative. Next to it is the ratio
            from actually nudging the weight: close, and closer the smaller the nudge. The
            product is the exact answer the nudge only approximates."""
        ):
            self.play(*(FadeOut(line) for line in shown))
            self.play(FadeIn(product.values_row, shift=0.2 * DOWN))
            product.ratio.next_to(product.values_row, DOWN, buff=0.6)
            self.play(Write(product.ratio))
