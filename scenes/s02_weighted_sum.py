"""Storyboard step 2: the last activation is σ of a weighted sum, and that sum is z."""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Brace,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Tex,
    TransformFromCopy,
    VGroup,
    Write,
    config,
)

from bpmath import agreeing_decimals
from scenes.kit.beats import LectureScene
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.style import HIGHLIGHT, TITLE_SIZE, color_of
from scenes.kit.values import Quantity, ValueNumber, formula

__all__ = ["WeightedSum"]


class WeightedSum(LectureScene):
    """a^(L) = σ(w^(L) a^(L-1) + b^(L)), then the name z^(L), then the numbers."""

    example_role = "chain"

    def construct(self) -> None:
        """The formula out of the diagram, the name z, the numbers, and σ's graph."""
        v, L = self.values, self.example.network.L
        act = self.example.network.activation
        sigma = act.latex
        title = Tex("The weighted sum", font_size=TITLE_SIZE).to_edge(UP)
        net = NetworkDiagram(v, layer_spacing=2.6, radius=0.45).move_to(1.6 * UP)
        w_lab = net.edge_label(L, tex="w^{(L)}", font_size=34)
        a_prev_lab = net.neuron_label(L - 1, 0, "a^{(L-1)}", font_size=34)
        a_lab = net.neuron_label(L, 0, "a^{(L)}", font_size=34)
        b_lab = net.bias_label(L, direction=RIGHT, font_size=34)

        with self.beat(
            """Back to the last two neurons. How exactly does the output activation come
            out of the one before it? Three ingredients meet there: the previous activation,
            the weight on the connection, and the bias of the output neuron."""
        ):
            self.play(Write(title), FadeIn(net))
            self.play(net.left_of(L - 1).animate.set_opacity(0.25))
            self.play(
                *(FadeIn(m, shift=0.15 * UP) for m in (a_prev_lab, a_lab, w_lab, b_lab))
            )
            self.wait(1)

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
            font_size=44,
        ).move_to(0.6 * DOWN)
        full[2].set_color(color_of("sigma"))
        with self.beat(
            """Multiply the previous activation by the weight, add the bias, and push the
            result through the sigmoid, which squeezes any number into the range between
            zero and one. That is the whole rule for one neuron."""
        ):
            self.play(
                TransformFromCopy(w_lab, full[4]),
                TransformFromCopy(a_prev_lab, full[5]),
                TransformFromCopy(b_lab, full[7]),
                FadeIn(full[3]),
                FadeIn(full[6]),
                FadeIn(full[8]),
                run_time=1.5,
            )
            self.play(
                FadeIn(full[2]), TransformFromCopy(a_lab, full[0]), FadeIn(full[1])
            )
            self.wait(1.5)

        brace = Brace(full[4:8], DOWN, buff=0.1)
        z_name = formula(("z^{(L)}", "z"), font_size=40).next_to(brace, DOWN, buff=0.12)
        z_def = formula(
            ("z^{(L)}", "z"),
            "=",
            ("w^{(L)}", "w"),
            ("a^{(L-1)}", "a"),
            "+",
            ("b^{(L)}", "b"),
            font_size=40,
        ).move_to(0.8 * DOWN + 4.0 * LEFT)
        a_of_z = formula(
            ("a^{(L)}", "a"), "=", sigma, "(", ("z^{(L)}", "z"), ")", font_size=40
        )
        a_of_z[2].set_color(color_of("sigma"))
        a_of_z.next_to(z_def, DOWN, buff=1.5)  # room for the numbers of z below z_def
        a_of_z.shift((z_def[1].get_x() - a_of_z[1].get_x()) * RIGHT)
        with self.beat(
            """The part inside the parentheses gets its own name: z, the weighted sum, with
            the same layer superscript. Splitting the rule into z and then sigma of z
            will make each derivative easy to read off."""
        ):
            self.play(Create(brace), Write(z_name))
            self.wait(0.5)
            self.play(
                FadeOut(brace),
                FadeOut(full),
                TransformFromCopy(z_name, z_def[0]),
                FadeIn(z_def[1:]),
                FadeOut(z_name),
                run_time=1.5,
            )
            self.play(Write(a_of_z))
            self.wait(1)

        w, a_prev, b, z = v("w", L), v("a", L - 1), v("b", L), v("z", L)
        d = max(
            2,
            agreeing_decimals([w, a_prev, b], z, combine=lambda p: p[0] * p[1] + p[2]),
        )
        z_num = formula(
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
            font_size=40,
        ).next_to(z_def, DOWN, buff=0.3, aligned_edge=LEFT)
        z_num.shift((z_def[1].get_x() - z_num[0].get_x()) * RIGHT)
        a_num = formula(
            "=",
            sigma,
            "(",
            v.shown(Quantity("z", L), d),
            ")",
            "=",
            v.shown(Quantity("a", L), 3),
            font_size=40,
        )
        a_num[1].set_color(color_of("sigma"))
        a_num.next_to(a_of_z, DOWN, buff=0.3)
        a_num.shift((a_of_z[1].get_x() - a_num[0].get_x()) * RIGHT)
        with self.beat(
            """Now the numbers of this example. The weight times the previous activation,
            plus the bias, gives z. The sigmoid of that z is the output activation
            shown, rounded, inside the last neuron."""
        ):
            self.play(Write(z_num), run_time=1.5)
            self.play(Write(a_num), run_time=1.5)
            self.play(
                Indicate(net.lit(L), color=HIGHLIGHT),
                Indicate(a_num[-1], color=HIGHLIGHT),
                run_time=1.5,
            )

        axes, curve = _activation_plot(act, z)
        dot = Dot(axes.c2p(z, act(np.array([z]))[0]), color=color_of("z"))
        guides = VGroup(
            DashedLine(axes.c2p(z, 0), dot.get_center(), color=color_of("z")),
            DashedLine(
                dot.get_center(),
                axes.c2p(axes.x_range[0], dot_y(axes, dot)),
                color=color_of("a"),
            ),
        )
        z_tag = ValueNumber(v.shown(Quantity("z", L), d), font_size=26)
        z_tag.next_to(axes.c2p(z, 0), DOWN, buff=0.15)
        a_tag = ValueNumber(v.shown(Quantity("a", L), 3), font_size=26)
        a_tag.next_to(guides[1], LEFT, buff=0.1)
        z_axis = formula(("z", "z"), font_size=30).next_to(axes.x_axis, RIGHT, 0.1)
        a_axis = formula(sigma, "(", ("z", "z"), ")", font_size=30)
        a_axis[0].set_color(color_of("sigma"))
        a_axis.next_to(axes.y_axis, UP, buff=0.1)
        plot = VGroup(axes, curve, dot, guides, z_tag, a_tag, z_axis, a_axis)
        # Against the right edge, clear of the longest line of numbers, so the value
        # at its left does not read as the end of that line.
        left = max(z_num.get_right()[0], a_num.get_right()[0]) + 0.9
        right = config.frame_width / 2 - 0.3
        plot.scale(min(1.0, (right - left) / plot.width))
        plot.move_to(1.7 * DOWN).align_to(right * RIGHT, RIGHT)
        with self.beat(
            """On the sigmoid's graph this step is one point: go along the axis to z, up
            to the curve, and across to the activation. Very negative sums land near zero,
            very positive ones near one."""
        ):
            self.play(
                Create(axes),
                Create(curve),
                FadeIn(z_axis),
                FadeIn(a_axis),
                run_time=1.5,
            )
            self.play(FadeIn(z_tag), Create(guides[0]), FadeIn(dot))
            self.play(Create(guides[1]), FadeIn(a_tag))
            self.wait(1.5)


def dot_y(axes: Axes, dot: Dot) -> float:
    """The y coordinate of ``dot`` in ``axes``' units."""
    return axes.p2c(dot.get_center())[1]


def _activation_plot(act, z: float) -> VGroup:
    """Small axes (no numbers) with the activation's curve around ``z``."""
    reach = max(5.0, abs(z) + 1.0)
    xs = np.linspace(-reach, reach, 200)
    ys = act(xs)
    low, high = min(0.0, float(ys.min())), max(1.0, float(ys.max()))
    axes = Axes(
        x_range=[-reach, reach, reach],
        y_range=[low, high, (high - low) / 2],
        x_length=4.6,
        y_length=2.4,
        tips=False,
        axis_config={"include_ticks": False, "stroke_width": 2},
    )
    curve = axes.plot(lambda x: float(act(np.array([x]))[0]), color=color_of("sigma"))
    return VGroup(axes, curve)
