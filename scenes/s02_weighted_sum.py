"""Storyboard step 2: the last activation is σ of a weighted sum, and that sum is z."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    GrowFromCenter,
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
from scenes.kit.pointer import point_at
from scenes.kit.style import TITLE_SIZE
from scenes.kit.sum_steps import sum_steps
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
        on = partial(self.play_at, until="next")
        title = Tex("The weighted sum", font_size=TITLE_SIZE).to_edge(UP)
        net = NetworkDiagram(v, layer_spacing=2.6, radius=0.45).move_to(1.6 * UP)
        w_lab = net.edge_label(L, tex="w^{(L)}", font_size=34)
        a_prev_lab = net.neuron_label(L - 1, 0, "a^{(L-1)}", font_size=34)
        a_lab = net.neuron_label(L, 0, "a^{(L)}", font_size=34)
        b_lab = net.bias_label(L, direction=RIGHT, font_size=34)

        with self.beat(
            """Back to the [last] last two neurons. How exactly does the [output] output
            activation come out of the [before] one before it? [three] Three ingredients
            meet there: [prev] the previous activation, [weight] the weight on the
            connection, and [bias] the bias of the output neuron."""
        ):
            on(None, Write(title), FadeIn(net))
            on("last", net.left_of(L - 1).animate.set_opacity(0.25))
            on("output", Write(a_lab), point_at(net.lit(L)))
            on("before", point_at(net.lit(L - 1)), at_most=1.5)
            on("three", point_at(net.lit(L)), at_most=1.5)
            for mark, label in (("prev", a_prev_lab), ("weight", w_lab), ("bias", b_lab)):
                on(mark, Write(label), at_most=2.0)

        sigma = self.example.network.activation.latex
        z_rule, a_rule = weighted_sum_rule(), activation_rule(sigma)
        full = formula(*a_rule[:4], *z_rule[2:], ")", font_size=44)
        full.move_to(0.6 * DOWN)
        with self.beat(
            """Multiply the [prev] previous activation by the [weight] weight, [add] add
            the bias, and [push] push the result through the sigmoid, [squeeze] which
            squeezes [number] any number into the range between zero and one. [whole]
            That is the whole rule for one neuron."""
        ):
            on("prev", TransformFromCopy(a_prev_lab, full[5]))
            on("weight", TransformFromCopy(w_lab, full[4]))
            on("add", Write(full[6]), TransformFromCopy(b_lab, full[7]))
            on("push", *map(Write, (full[2], full[3], full[8])))
            on("squeeze", point_at(full[2]), at_most=1.5)
            on("number", point_at(full[3:]), at_most=1.5)
            self.play_at(
                "whole", TransformFromCopy(a_lab, full[0]), FadeIn(full[1]), until="end"
            )

        brace = Brace(full[4:8], DOWN, buff=0.1)
        z_name = formula(z_rule[0], font_size=40).next_to(brace, DOWN, buff=0.12)
        z_def = formula(*z_rule, font_size=40)
        z_def.move_to(0.8 * DOWN + 4.0 * LEFT)
        a_of_z = formula(*a_rule, font_size=40)
        # room for the numbers of z below z_def
        align_below(a_of_z, a_of_z[1], z_def, z_def[1], buff=1.5)
        with self.beat(
            """[inside] The part inside the parentheses gets its own name: [z] z, the
            [sum] weighted sum, with the [same] same layer superscript. [split] Splitting the
            rule into z and then [sigma] sigma of z will make each derivative easy to read
            off."""
        ):
            on("inside", Create(brace))
            on("z", Write(z_name))
            on("sum", point_at(full[4:8]), at_most=1.5)
            on("same", point_at(z_name[0][1:], full[0][1:]), at_most=1.5)
            on(
                "split",
                FadeOut(brace),
                FadeOut(full),
                TransformFromCopy(z_name, z_def[0]),
                FadeIn(z_def[1:]),
                FadeOut(z_name),
                at_most=2.0,
            )
            on("sigma", Write(a_of_z))

        d, p = weighted_sum_decimals(v, L, 0)
        terms, z = weighted_sum_terms(v, L, 0)
        z_num = worked_sum(v, [], terms, z, font_size=40, decimals=(d, p))
        align_below(z_num, z_num[0][0], z_def, z_def[1])
        a_num = worked_activation(v, [], L, 0, font_size=40, decimals=d)
        align_below(a_num, a_num[0], a_of_z, a_of_z[1])
        with self.beat(
            """Now the [numbers] numbers of this example. [weight] The weight [times] times the
            [prev] previous activation, [plus] plus the bias, [gives] gives z. [sigmoid] The
            sigmoid of [that] that z is the [output] output activation [shown] shown,
            rounded, [inside] inside the last neuron."""
        ):
            on("numbers", point_at(net.lit(L - 1), net.lit(L)), at_most=1.5)
            read = ("weight", "times", "prev", "plus", "gives")
            for mark, piece in zip(read, sum_steps(z_num[0])):
                on(mark, Write(piece))
            on("sigmoid", Write(a_num[:2]))
            on("that", Write(a_num[2:4]))
            on("output", Write(a_num[4:]))
            on("shown", point_at(a_num[-1]), at_most=1.5)
            on("inside", point_at(net.lit(L)), at_most=1.5)

        plot = ActivationPlot(v, L, 0, decimals=d)
        # Against the right edge, clear of the longest line of numbers, so the value
        # at its left does not read as the end of that line.
        left = max(z_num.get_right()[0], a_num.get_right()[0]) + 0.9
        right = config.frame_width / 2 - 0.3
        plot.scale(min(1.0, (right - left) / plot.width))
        plot.move_to(1.7 * DOWN).align_to(right * RIGHT, RIGHT)
        with self.beat(
            """On the [graph] sigmoid's graph this step is [one] one point: [along] go
            along the axis to z, [up] up to the [curve] curve, and [across] across to the
            activation. Very [negative] negative sums land near zero, very [positive]
            positive ones near one."""
        ):
            on("graph", Create(plot.axes), Create(plot.curve), FadeIn(plot.names))
            on("one", GrowFromCenter(plot.dot))
            on("along", Write(plot.z_tag))
            on("up", Create(plot.guides[0]))
            on("curve", point_at(plot.dot), at_most=1.2)
            on("across", Create(plot.guides[1]), Write(plot.a_tag))
            on("negative", point_at(plot.curve.get_subcurve(0, 0.3)), at_most=1.5)
            on("positive", point_at(plot.curve.get_subcurve(0.7, 1)), at_most=1.5)
