"""Storyboard step 4: nudge w^(L) and watch z, a and C0 move on their number lines."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, LaggedStart, VGroup, Write

from scenes.kit.beats import LectureScene
from scenes.kit.nudge import NudgeMarker, nudge_animation
from scenes.kit.number_line import VariableNumberLine
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import Quantity, formula

__all__ = ["NudgesOnNumberLines"]

NUDGE = 0.1
"""The visible nudge to w^(L) (an input of the scene)."""
SHRINKING = (0.1, 0.01, 0.001)
RIGHT_COLUMN_X = 3.5
"""Ever smaller nudges, to show the ratio settling on the derivative."""


class NudgesOnNumberLines(LectureScene):
    """Every variable on its own number line; a nudge to w ripples down to the cost."""

    example_role = "chain"

    def construct(self) -> None:
        """Lines, the nudge, the ratio, and shrinking nudges."""
        v, L = self.values, self.example.network.L
        param = f"w{L}"
        nudged = (param, NUDGE)
        spec = [
            ("w", "w^{(L)}", Quantity("w", L)),
            ("z", "z^{(L)}", Quantity("z", L)),
            ("a", "a^{(L)}", Quantity("a", L)),
            ("C", "C_0", Quantity("C")),
        ]
        lines = {}
        for symbol, tex, q in spec:
            after = v.value(Quantity(q.name, q.layer, nudge=nudged))
            lines[symbol] = VariableNumberLine(
                symbol, tex, v.shown(q, 2 if symbol == "w" else 4), must_show=[after]
            )
        column = VGroup(*lines.values()).arrange(DOWN, aligned_edge=RIGHT, buff=0.75)
        column.to_edge(LEFT, buff=0.6).shift(0.1 * DOWN)
        title = formula(r"\text{Nudges on number lines}", font_size=TITLE_SIZE - 4)
        title.to_corner(UP + RIGHT, buff=0.5)

        with self.beat(
            """Every quantity in the last layer is just a number, so give each one its own
            number line: the weight, the weighted sum, the activation and the cost. Each
            line is zoomed to the values it will need to show."""
        ):
            self.play(Write(title))
            self.play(
                LaggedStart(*(FadeIn(line) for line in lines.values()), lag_ratio=0.25)
            )

        with self.beat(
            """Nudge the weight by a small amount. The weighted sum moves, which moves the
            activation, which moves the cost. Every dot here follows the real network, and
            every bar is the true size of the change on its own line."""
        ):
            delta_tex = {
                "w": r"\Delta w",
                "z": r"\Delta z",
                "a": r"\Delta a",
                "C": r"\Delta C_0",
            }
            delta_q = {
                "w": Quantity("Δparam", nudge=nudged),
                "z": Quantity("Δz", L, nudge=nudged),
                "a": Quantity("Δa", L, nudge=nudged),
                "C": Quantity("ΔC", nudge=nudged),
            }
            self.markers = []
            for symbol, _, q in spec:
                line = lines[symbol]
                digits = 2 if symbol == "w" else 4
                after = v.shown(Quantity(q.name, q.layer, nudge=nudged), digits)
                marker = NudgeMarker(
                    line,
                    line.value,
                    after.value,
                    v.shown(delta_q[symbol], digits),
                    delta_tex[symbol],
                )
                self.markers.append(marker)
                self.play(nudge_animation(line, after, marker))

        with self.beat(
            """The derivative we are after is the ratio of these two changes: how much the
            cost moved per unit of weight. For this nudge the ratio comes out as shown. Close
            to the derivative, but not equal to it, because the nudge is not tiny."""
        ):
            ratio = (
                formula(
                    r"\frac{\Delta C_0}{\Delta w^{(L)}}",
                    "=",
                    v.shown(Quantity("ΔC/Δparam", nudge=nudged), 4),
                    font_size=38,
                )
                .next_to(title, DOWN, buff=0.8)
                .set_x(RIGHT_COLUMN_X)
            )
            derivative = (
                formula(
                    r"\frac{\partial C_0}{\partial w^{(L)}}",
                    "=",
                    v.shown(Quantity("dC/dw", L), 4),
                    font_size=38,
                )
                .next_to(ratio, DOWN, buff=0.4)
                .set_x(RIGHT_COLUMN_X)
            )
            self.play(Write(ratio))
            self.play(Write(derivative))

        with self.beat(
            """Shrink the nudge and the ratio settles down. Each row uses a ten times smaller
            change of the weight, and the ratio creeps towards the value of the derivative.
            The derivative is what the ratio becomes in the limit."""
        ):
            rows = (
                VGroup(
                    *(
                        formula(
                            r"\Delta w",
                            "=",
                            v.shown(Quantity("Δparam", nudge=(param, d)), 3),
                            r":\quad",
                            r"\frac{\Delta C_0}{\Delta w}",
                            "=",
                            v.shown(Quantity("ΔC/Δparam", nudge=(param, d)), 4),
                            font_size=32,
                        )
                        for d in SHRINKING
                    )
                )
                .arrange(DOWN, buff=0.3)
                .next_to(derivative, DOWN, buff=0.6)
                .set_x(RIGHT_COLUMN_X)
            )
            self.play(
                LaggedStart(*(FadeIn(r, shift=0.2 * DOWN) for r in rows), lag_ratio=0.5)
            )
