"""Storyboard step 2: the last activation is σ of a weighted sum, and that sum is z."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    Tex,
    TransformFromCopy,
    Write,
    config,
)

from scenes.kit.activation_plot import ActivationPlot
from scenes.kit.beats import LectureScene
from scenes.kit.layout import align_below
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.notation import activation_rule, weighted_sum_rule
from scenes.kit.style import HIGHLIGHT, TITLE_SIZE
from scenes.kit.sums import weighted_sum_decimals, weighted_sum_terms
from scenes.kit.values import formula
from scenes.kit.worked import worked_activation, worked_sum

__all__ = ["WeightedSum"]


class WeightedSum(LectureScene):
    """a^(L) = σ(w^(L) a^(L-1) + b^(L)), then the name z^(L), then the numbers."""

    example_role = "chain"

    def construct(self) -> None:
        """The formula out of the diagram, the name z, the numbers, and σ's graph."""
        v, L = self.values, self.example.network.L
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

        sigma = self.example.network.activation.latex
        z_rule, a_rule = weighted_sum_rule(), activation_rule(sigma)
        full = formula(*a_rule[:4], *z_rule[2:], ")", font_size=44)
        full.move_to(0.6 * DOWN)
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
        z_name = formula(z_rule[0], font_size=40).next_to(brace, DOWN, buff=0.12)
        z_def = formula(*z_rule, font_size=40)
        z_def.move_to(0.8 * DOWN + 4.0 * LEFT)
        a_of_z = formula(*a_rule, font_size=40)
        # room for the numbers of z below z_def
        align_below(a_of_z, a_of_z[1], z_def, z_def[1], buff=1.5)
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

        d, p = weighted_sum_decimals(v, L, 0)
        terms, z = weighted_sum_terms(v, L, 0)
        z_num = worked_sum(v, [], terms, z, font_size=40, decimals=(d, p))
        align_below(z_num, z_num[0][0], z_def, z_def[1])
        a_num = worked_activation(v, [], L, 0, font_size=40, decimals=d)
        align_below(a_num, a_num[0], a_of_z, a_of_z[1])
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

        plot = ActivationPlot(v, L, 0, decimals=d)
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
                Create(plot.axes), Create(plot.curve), FadeIn(plot.names), run_time=1.5
            )
            self.play(FadeIn(plot.z_tag), Create(plot.guides[0]), FadeIn(plot.dot))
            self.play(Create(plot.guides[1]), FadeIn(plot.a_tag))
            self.wait(1.5)
