"""Storyboard step 2: the last activation is σ of a weighted sum, named z."""

from __future__ import annotations

from manim import DOWN, UP, FadeIn, FadeOut, TransformMatchingTex, Write, Create

from bpmath import agreeing_decimals
from scenes.kit.beats import LectureScene
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["WeightedSum"]


class WeightedSum(LectureScene):
    """a^(L) = σ(w^(L) a^(L-1) + b^(L)), then z^(L), then the numbers."""

    example_role = "chain"

    def construct(self) -> None:
        """The formula, the name z, and the values plugged in."""
        v, L = self.values, self.example.network.L
        sigma = self.example.network.activation.latex
        title = formula(r"\text{The weighted sum}", font_size=TITLE_SIZE).to_edge(UP)
        diagram = (
            NetworkDiagram(v, layer_spacing=2.0)
            .scale(0.8)
            .next_to(title, DOWN, buff=0.5)
        )

        with self.beat(
            """How does the last activation come about? Take the previous activation, multiply
            it by the weight, add the bias, and squash the result with the sigmoid."""
        ):
            full = formula(
                ("a^{(L)}", "a"),
                "=",
                sigma,
                "(",
                ("w^{(L)}", "w"),
                ("a^{(L-1)}", "a"),
                "+",
                ("b^{(L)}", "b"),
                ")",
            ).next_to(diagram, DOWN, buff=0.7)
            self.play(Write(title), FadeIn(diagram))
            self.play(Write(full))

        with self.beat(
            """That sum inside the parentheses deserves a name of its own, z with the same
            layer superscript. Then the activation is simply sigma of z. Splitting the step
            in two will make the derivatives easier to read."""
        ):
            z_def = formula(
                ("z^{(L)}", "z"),
                "=",
                ("w^{(L)}", "w"),
                ("a^{(L-1)}", "a"),
                "+",
                ("b^{(L)}", "b"),
            ).next_to(full, DOWN, buff=0.45)
            a_of_z = formula(("a^{(L)}", "a"), "=", sigma, "(", ("z^{(L)}", "z"), ")")
            a_of_z.next_to(z_def, DOWN, buff=0.35)
            self.play(Write(z_def))
            self.play(Write(a_of_z))

        w, a_prev, b, z = (v("w", L), v("a", L - 1), v("b", L), v("z", L))
        d = max(
            2,
            agreeing_decimals([w, a_prev, b], z, combine=lambda p: p[0] * p[1] + p[2]),
        )
        with self.beat(
            """Now with this example's numbers. The weighted sum lands at the value shown,
            and the sigmoid turns it into the output activation we saw in the network."""
        ):
            z_num = formula(
                ("z^{(L)}", "z"),
                "=",
                "(",
                v.shown(Quantity("w", L), d),
                ")",
                "(",
                v.shown(Quantity("a", L - 1), d),
                ")",
                "+",
                "(",
                v.shown(Quantity("b", L), d),
                ")",
                "=",
                v.shown(Quantity("z", L), d),
            ).move_to(z_def)
            a_num = formula(
                ("a^{(L)}", "a"),
                "=",
                sigma,
                "(",
                v.shown(Quantity("z", L), d),
                ")",
                "=",
                v.shown(Quantity("a", L), 3),
            ).move_to(a_of_z)
            self.play(FadeOut(z_def, shift=0.2 * UP), FadeIn(z_num, shift=0.2 * UP))
            self.play(FadeOut(a_of_z, shift=0.2 * UP), FadeIn(a_num, shift=0.2 * UP))
