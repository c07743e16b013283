"""Storyboard step 6: the bias, the previous activation, and the long path one layer back."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    UP,
    AnimationGroup,
    FadeOut,
    GrowFromCenter,
    LaggedStart,
    TransformFromCopy,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct, Factor
from scenes.kit.notation import layer_tex
from scenes.kit.pointer import in_turn, point_at
from scenes.kit.reveal import value_steps
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
        on = partial(self.play_at, until="next")
        title = formula(
            r"\text{The bias, the previous activation, one layer back}",
            font_size=TITLE_SIZE - 4,
        ).to_edge(UP)

        bias = ChainRuleProduct.for_parameter(v, L, "b", font_size=PRODUCT_SIZE)
        bias.next_to(title, DOWN, buff=0.5)
        with self.beat(
            """The bias follows the same [chain] chain with one simplification: z [grows]
            grows one for one with the bias, so the first factor is just [one] 1, and the
            [other] other two are the ones we found for the weight."""
        ):
            on(None, Write(title), Write(bias.symbolic[0:2]))
            on("chain", Write(bias.symbolic[2:]), at_most=3.0)
            on("grows", point_at(bias.factor_tex[0]), at_most=2.0)
            on("one", Write(bias.factor_values[0]))
            on("other", Write(VGroup(*value_steps(bias)[1:])), at_most=3.0)

        previous = ChainRuleProduct.for_parameter(v, L, "a", font_size=PRODUCT_SIZE)
        previous.next_to(bias, DOWN, buff=0.7)
        with self.beat(
            """For the [previous] previous activation, z [moves] moves by the weight [wl]
            w^(L) per unit of a^(L-1), so that is the [first] first factor. We cannot set
            an activation directly, but this [number] number says how much the [cost] cost
            cares about it."""
        ):
            steps, symbolic = value_steps(previous), previous.symbolic
            on("previous", Write(symbolic[0:2]))
            on("moves", Write(symbolic[2]))
            on("wl", Write(steps[0]))
            on("first", Write(VGroup(*symbolic[3:], *steps[1:-1])), at_most=3.0)
            on("number", Write(steps[-1]))
            on("cost", point_at(previous.lhs), at_most=1.0)

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
        links = [path[2 * i : 2 * i + 3] for i in range(len(long.factor_tex))]
        with self.beat(
            """Now step one layer back. The [weight] weight w^(L-1) reaches the [cost] cost
            through five [links] links, so its [derivative] derivative is a [five] product of
            five factors, one for each arrow along the path."""
        ):
            on(None, FadeOut(bias), previous.animate.to_edge(DOWN, buff=0.5))
            on("weight", Write(path[0]))
            on("cost", Write(path[-1]))
            on("links", Write(path[1:-1]), at_most=3.0)
            on("derivative", Write(long.symbolic[0:2]))
            # one factor per arrow, each written as its link is pointed at
            pieces = [long.symbolic[2]] + [
                long.symbolic[1 + 2 * i : 3 + 2 * i] for i in range(1, len(links))
            ]
            each = [AnimationGroup(Write(f, run_time=0.75), point_at(k, run_time=0.75))
                    for k, f in zip(links, pieces)]  # fmt: skip
            self.play_at("five", in_turn(*each))

        tail = long.brace_tail(
            3,
            Factor.partial(
                ("C_0", "C"), (f"a^{{{up}}}", "a"), Quantity("dC/da", L - 1)
            ),
        )
        brace, (name, equals, value) = tail[0], tail[1]
        with self.beat(
            """Every [value] factor has a value. The [last] last three multiply to the
            [sensitivity] sensitivity of a^(L-1) we just worked out [below] below, so
            [reuses] nothing is recomputed: each layer reuses the one after it. That
            reuse, from the [output] output back, is backpropagation."""
        ):
            steps = map(Write, value_steps(long))
            on("value", LaggedStart(*steps, lag_ratio=0.4), at_most=3.0)
            on("last", GrowFromCenter(brace))
            on("sensitivity", Write(VGroup(name, equals)))
            on("below", point_at(previous.product), at_most=1.0)
            on("reuses", TransformFromCopy(previous.product, value), at_most=2.5)
            back = [point_at(k, run_time=0.4) for k in reversed(links)]
            self.play_at("output", in_turn(*back))
