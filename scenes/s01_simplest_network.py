"""Storyboard step 1: the simplest network, its six parameters, and the cost of one example."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, FadeOut, Create, LaggedStart, Write

from scenes.kit.beats import LectureScene
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.style import NOTE_SIZE, TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["SimplestNetwork"]


class SimplestNetwork(LectureScene):
    """A chain of single neurons: what decides the cost, and how the cost is measured."""

    example_role = "chain"

    def construct(self) -> None:
        """Network, parameters, the last two layers, y, and C0 with real numbers."""
        v, L = self.values, self.example.network.L
        title = formula(r"\text{The simplest network}", font_size=TITLE_SIZE).to_edge(
            UP
        )
        diagram = NetworkDiagram(v).next_to(title, DOWN, buff=1.4)

        with self.beat(
            f"""Start as small as a network can be while still having layers: {L + 1} neurons
            in a row, one per layer. The number in each circle is its activation for one
            input, computed by the real network, and brighter means closer to one."""
        ):
            self.play(Write(title))
            self.play(
                Create(diagram.edges),
                LaggedStart(*(FadeIn(c) for c in diagram.layers), lag_ratio=0.2),
            )
            self.play(FadeIn(diagram.values_group))

        args = [
            part
            for l in range(1, L + 1)
            for part in (
                (f"w^{{({l})}}", "w"),
                ",",
                (f"b^{{({l})}}", "b"),
                "," if l < L else "",
            )
        ]
        with self.beat(
            f"""Everything this network does is fixed by {2 * L} numbers: one weight and one
            bias per layer. The cost is a function of exactly those, and backpropagation
            asks how sensitive the cost is to each of them."""
        ):
            cost_of = formula(("C", "C"), "(", *args, ")", font_size=38)
            cost_of.next_to(diagram, DOWN, buff=0.8)
            params = formula(
                *[
                    part
                    for l in range(1, L + 1)
                    for part in (
                        (f"w^{{({l})}}", "w"),
                        "=",
                        v.shown(Quantity("w", l), 2),
                        r",\;",
                        (f"b^{{({l})}}", "b"),
                        "=",
                        v.shown(Quantity("b", l), 2),
                        r"\qquad" if l < L else "",
                    )
                ],
                font_size=28,
            ).next_to(cost_of, DOWN, buff=0.4)
            labels = [
                diagram.edge_label(l, 0, 0, f"w^{{({l})}}") for l in range(1, L + 1)
            ]
            self.play(Write(cost_of))
            self.play(FadeIn(params), *(FadeIn(lab) for lab in labels))

        with self.beat(
            """Look only at the last two neurons for now. Their activations get a layer
            number as a superscript: a^(L) for the output and a^(L-1) for the one before.
            Those superscripts index layers; they are not powers."""
        ):
            faded = diagram.dim_layers_before(L - 1)
            a_last = diagram.neuron_label(L, 0, r"a^{(L)}")
            a_prev = diagram.neuron_label(L - 1, 0, r"a^{(L-1)}")
            remark = formula(
                r"\text{superscripts are layer indices, not exponents}",
                font_size=NOTE_SIZE,
            ).next_to(diagram, DOWN, buff=0.9)
            self.play(
                FadeOut(params),
                FadeOut(cost_of),
                *(FadeOut(lab) for lab in labels[:-1]),
            )
            self.play(faded.animate.set_opacity(0.25), FadeIn(a_last), FadeIn(a_prev))
            self.play(FadeIn(remark))

        with self.beat(
            """For this training example we also know what the output should have been. Call
            that desired value y."""
        ):
            want = formula(("y", "y"), "=", v.shown(Quantity("y"), 2), font_size=34)
            want.next_to(diagram.neuron(L, 0), UP, buff=0.35)
            self.play(FadeIn(want, shift=0.2 * DOWN))

        with self.beat(
            """The cost of this one example is the squared gap between what came out and what
            was wanted. With the real numbers plugged in, that gives the value on the right.
            We call it C zero: the cost of a single example."""
        ):
            cost = formula(
                ("C_0", "C"),
                "=",
                "(",
                ("a^{(L)}", "a"),
                "-",
                ("y", "y"),
                ")^2",
                "=",
                "(",
                v.shown(Quantity("a", L), 3),
                "-",
                v.shown(Quantity("y"), 2),
                ")^2",
                "=",
                v.shown(Quantity("C"), 3),
                font_size=38,
            ).move_to(remark)
            self.play(FadeOut(remark))
            self.play(Write(cost))
