"""Storyboard step 6: the bias, the previous activation, and the long path one layer back."""

from __future__ import annotations

from manim import DOWN, UP, FadeIn, FadeOut, Write

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct, Factor, layer_tex
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["BiasAndPreviousActivation"]


class BiasAndPreviousActivation(LectureScene):
    """∂C0/∂b^(L), ∂C0/∂a^(L-1), then ∂C0/∂w^(L-1) along the long path."""

    example_role = "chain"

    def construct(self) -> None:
        """Two short products, then the five-factor product for the earlier weight."""
        v, L = self.values, self.example.network.L
        title = formula(
            r"\text{Bias, previous activation, and one layer back}",
            font_size=TITLE_SIZE - 4,
        ).to_edge(UP)

        bias = ChainRuleProduct.for_parameter(v, L, "b", font_size=34)
        bias.next_to(title, DOWN, buff=0.5)
        with self.beat(
            """The bias works the same way, with one simplification: z grows one for one with
            the bias, so its first factor is just 1. The other two factors are the same as
            for the weight."""
        ):
            self.play(Write(title))
            self.play(Write(bias.symbolic))
            self.play(FadeIn(bias.values_row, shift=0.2 * DOWN))

        previous = ChainRuleProduct.for_parameter(v, L, "a", font_size=34)
        previous.next_to(bias, DOWN, buff=0.6)
        with self.beat(
            """The previous activation is where backpropagation earns its name. z changes by
            the weight for every unit of a^(L-1), so the first factor is w^(L). We cannot
            set an activation directly, but this sensitivity tells us how much it matters."""
        ):
            self.play(Write(previous.symbolic))
            self.play(FadeIn(previous.values_row, shift=0.2 * DOWN))

        prev = layer_tex(L - 1, L)
        long = ChainRuleProduct(
            v,
            rf"\frac{{\partial C_0}}{{\partial w^{{{prev}}}}}",
            [
                Factor(
                    rf"\frac{{\partial z^{{{prev}}}}}{{\partial w^{{{prev}}}}}",
                    "z",
                    Quantity("a", L - 2),
                ),
                Factor(
                    rf"\frac{{\partial a^{{{prev}}}}}{{\partial z^{{{prev}}}}}",
                    "a",
                    Quantity("sigma'", L - 1),
                ),
                Factor(
                    r"\frac{\partial z^{(L)}}{\partial a^{" + prev + "}}",
                    "z",
                    Quantity("w", L),
                ),
                Factor(
                    r"\frac{\partial a^{(L)}}{\partial z^{(L)}}",
                    "a",
                    Quantity("sigma'", L),
                ),
                Factor(
                    r"\frac{\partial C_0}{\partial a^{(L)}}", "C", Quantity("dC/da", L)
                ),
            ],
            Quantity("dC/dw", L - 1),
            font_size=32,
        )
        long.scale_to_fit_width(min(long.width, 13)).next_to(title, DOWN, buff=0.8)
        path = formula(
            (f"w^{{{prev}}}", "w"),
            r"\to",
            (f"z^{{{prev}}}", "z"),
            r"\to",
            (f"a^{{{prev}}}", "a"),
            r"\to",
            ("z^{(L)}", "z"),
            r"\to",
            ("a^{(L)}", "a"),
            r"\to",
            ("C_0", "C"),
            font_size=34,
        ).next_to(long, DOWN, buff=0.9)
        with self.beat(
            """Now walk one layer back. The weight of the previous layer reaches the cost
            through five links, so its derivative is five factors long. The last three are
            exactly the sensitivity of a^(L-1) we just computed, reused rather than redone."""
        ):
            self.play(FadeOut(bias), FadeOut(previous))
            self.play(Write(long.symbolic), FadeIn(path))

        with self.beat(
            """With every factor evaluated, the product is this weight's entry of the
            gradient. Repeating the same step layer after layer, from the output back to
            the input, is the whole of backpropagation."""
        ):
            self.play(FadeIn(long.values_row, shift=0.2 * DOWN))
