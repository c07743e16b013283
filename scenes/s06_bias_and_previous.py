"""Storyboard step 6: the bias, the previous activation, and the long path one layer back."""

from __future__ import annotations

from manim import DOWN, UP, FadeIn, FadeOut, GrowFromCenter, Write

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct, Factor
from scenes.kit.notation import layer_tex
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["BiasAndPreviousActivation"]

PRODUCT_SIZE = 34


class BiasAndPreviousActivation(LectureScene):
    """∂C0/∂b^(L), ∂C0/∂a^(L-1), then ∂C0/∂w^(L-1) along the long path."""

    example_role = "chain"

    def construct(self) -> None:
        """Two three-factor products, then the five-factor product for w^(L-1)."""
        v, L = self.values, self.example.network.L
        title = formula(
            r"\text{The bias, the previous activation, one layer back}",
            font_size=TITLE_SIZE - 4,
        ).to_edge(UP)

        bias = ChainRuleProduct.for_parameter(v, L, "b", font_size=PRODUCT_SIZE)
        bias.next_to(title, DOWN, buff=0.5)
        with self.beat(
            """The bias follows the same chain with one simplification: z grows one for
            one with the bias, so the first factor is just 1, and the other two are the
            ones we found for the weight."""
        ):
            self.play(Write(title))
            self.play(Write(bias.symbolic))
            self.play(FadeIn(bias.values_row, shift=0.2 * DOWN))

        previous = ChainRuleProduct.for_parameter(v, L, "a", font_size=PRODUCT_SIZE)
        previous.next_to(bias, DOWN, buff=0.7)
        with self.beat(
            """For the previous activation, z moves by the weight w^(L) per unit of
            a^(L-1), so that is the first factor. We cannot set an activation directly,
            but this number says how much the cost cares about it."""
        ):
            self.play(Write(previous.symbolic))
            self.play(FadeIn(previous.values_row, shift=0.2 * DOWN))

        up = layer_tex(L - 1, L)
        path = formula(
            *(
                part
                for s, m in [
                    ("w", L - 1),
                    ("z", L - 1),
                    ("a", L - 1),
                    ("z", L),
                    ("a", L),
                ]
                for part in ((f"{s}^{{{layer_tex(m, L)}}}", s), r"\to")
            ),
            ("C_0", "C"),
            font_size=PRODUCT_SIZE,
        ).next_to(title, DOWN, buff=0.5)
        long = ChainRuleProduct.along_path(v, L - 1, font_size=PRODUCT_SIZE - 2)
        long.scale_to_fit_width(min(long.width, 13.4)).next_to(path, DOWN, buff=0.6)
        with self.beat(
            """Now step one layer back. The weight w^(L-1) reaches the cost through five
            links, so its derivative is a product of five factors, one for each arrow
            along the path."""
        ):
            self.play(FadeOut(bias), previous.animate.to_edge(DOWN, buff=0.5))
            self.play(Write(path))
            self.play(Write(long.symbolic))

        tail = long.brace_tail(
            3,
            Factor.partial(
                ("C_0", "C"), (f"a^{{{up}}}", "a"), Quantity("dC/da", L - 1)
            ),
        )
        with self.beat(
            """Every factor has a value. The last three multiply to the sensitivity of
            a^(L-1) we just worked out below, so nothing is recomputed: each layer reuses
            the one after it. That reuse, from the output back, is backpropagation."""
        ):
            self.play(FadeIn(long.values_row, shift=0.2 * DOWN))
            self.play(GrowFromCenter(tail[0]), FadeIn(tail[1], shift=0.2 * DOWN))
