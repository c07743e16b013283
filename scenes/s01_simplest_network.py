"""Storyboard step 1: the simplest network, its parameters, and the cost of one example."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    LaggedStart,
    Tex,
    TransformFromCopy,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.layout import align_below, fit_in_frame
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.notation import cost_rule
from scenes.kit.pointer import point_at, point_in_turn
from scenes.kit.style import MUTED, NOTE_SIZE, TITLE_SIZE
from scenes.kit.values import Quantity, decimals_for, formula

__all__ = ["SimplestNetwork"]


class SimplestNetwork(LectureScene):
    """A chain of single neurons: what decides the cost, and how the cost is measured."""

    example_role = "chain"

    def construct(self) -> None:
        """Network, its parameters, the last two layers, y, and C0 with real numbers."""
        v, L = self.values, self.example.network.L
        on = partial(self.play_at, until="next")
        title = Tex(r"The simplest network", font_size=TITLE_SIZE).to_edge(UP)
        net = NetworkDiagram(
            v, symbolic=False, layer_spacing=3.0, radius=0.5, max_width=10.5
        ).move_to(1.0 * UP)
        a, y, c = v("a", L), v("y"), v("C")
        d = decimals_for([a, y], c, combine=lambda p: (p[0] - p[1]) ** 2)
        want = formula(("y", "y"), "=", v.shown(Quantity("y"), d), font_size=40)
        want.next_to(net.neuron(L), RIGHT, buff=0.45)
        caption = Tex("desired output", font_size=NOTE_SIZE, color=MUTED)
        caption.next_to(want, UP, buff=0.15)
        centring = -VGroup(net, want).get_x() * RIGHT  # the diagram and y together
        for mob in (net, want, caption):
            mob.shift(centring)
        ends = [
            Tex(word, font_size=NOTE_SIZE, color=MUTED).next_to(net.neuron(l), UP, buff=0.2)
            for word, l in (("input", 0), ("output", L))
        ]  # fmt: skip

        with self.beat(
            f"""The smallest network with layers: [neurons] {L + 1} neurons in a row. [circle]
            Each circle shows its [activation] activation for one [input] input, computed by
            the real network, and [glow] glows brighter the closer it is to one."""
        ):
            on(None, Write(title), at_most=1.5)
            on("neurons", LaggedStart(*(FadeIn(c, scale=0.6) for c in net.layers),
               lag_ratio=0.3), Create(net.edges, lag_ratio=0.3), at_most=2.0)  # fmt: skip
            on("circle", point_in_turn(net.layers))
            on("activation", Write(net.values_group), at_most=2.0)
            on("input", *map(Write, ends), at_most=1.5)
            brightest = max(range(L + 1), key=lambda l: v("a", l))
            self.play_at("glow", point_at(net.neuron(brightest)))

        weights, biases = net.chain_parameter_labels(v, font_size=28)
        with self.beat(
            f"""[weight] Each connection carries a weight and [bias] each neuron after the
            input adds a bias. [these] These {2 * L} numbers are all the network has: [fix]
            fix them, and [every] every activation is fixed too."""
        ):
            on("weight", LaggedStart(*map(Write, weights), lag_ratio=0.3), at_most=2.5)
            on("bias", LaggedStart(*map(Write, biases), lag_ratio=0.3), at_most=2.5)
            on("these", point_in_turn([m for pair in zip(weights, biases) for m in pair]))
            on("fix", point_at(*weights, *biases), at_most=1.2)
            on("every", point_at(net.values_group), at_most=1.5)

        args = [p for l in range(1, L + 1)
                for p in ((f"w^{{({l})}}", "w"), ",", (f"b^{{({l})}}", "b"), ",")][:-1]  # fmt: skip
        cost_of = formula(("C", "C"), "(", *args, ")", font_size=40).move_to(1.7 * DOWN)
        fit_in_frame(cost_of)
        with self.beat(
            """So the [cost] cost is a function of [these] these parameters and [nothing]
            nothing else. Backpropagation answers one question about it: [react] how
            strongly does the cost react to each parameter?"""
        ):
            on("cost", Write(cost_of[:2]))
            on("these", Write(cost_of[2:]), at_most=2.5)
            on("nothing", point_at(cost_of), at_most=1.5)
            path = net.highlight_path([(l, 0) for l in range(L + 1)])
            self.play_at("react", path, until="end")

        a_prev = net.neuron_label(L - 1, 0, r"a^{(L-1)}", font_size=36)
        a_last = net.neuron_label(L, 0, r"a^{(L)}", font_size=36)
        remark = formula(
            r"\text{superscripts are layer indices, not exponents:}\quad",
            rf"L = {L},\ \text{{so}}\ ", ("a^{(L)}", "a"), r"\text{ is }", (f"a^{{({L})}}", "a"), font_size=30,
        ).move_to(1.7 * DOWN)  # fmt: skip
        fit_in_frame(remark)
        with self.beat(
            """Zoom in on the last two neurons. [output] The output activation is [a] a with
            [super] superscript L, for the [last] last layer; [before] the one before it gets
            [minus] L minus one. [count] These superscripts count layers; [power] nothing is
            raised to a power."""
        ):
            self.play(*(FadeOut(m) for m in (cost_of, weights, biases, ends[1])))
            self.play(
                net.left_of(L - 1).animate.set_opacity(0.25),
                ends[0].animate.set_opacity(0.25),
            )
            on("output", point_at(net.lit(L)), at_most=1.5)
            on("a", Write(a_last[0][0]))
            on("super", Write(a_last[0][1:]))
            on("last", point_at(net.lit(L), a_last), at_most=1.5)
            on("before", Write(a_prev[0][0]), point_at(net.lit(L - 1)))
            on("minus", Write(a_prev[0][1:]))
            on("count", Write(remark[0]), at_most=2.5)
            on("power", Write(remark[1:]), at_most=2.5)

        with self.beat(
            """For this training [input] input we also know the [answer] answer the network
            should have given: [desired] the desired output, [written] written y."""
        ):
            on("input", point_at(net.lit(0)), at_most=1.5)
            on("answer", point_at(net.lit(L)), at_most=1.5)
            on("desired", Write(caption))
            on("written", FadeIn(want, shift=0.2 * LEFT))

        symbolic = formula(*cost_rule(), font_size=44)
        symbolic.move_to(1.5 * DOWN)
        numbers = formula(
            "=", "(", v.shown(Quantity("a", L), d), "-", v.shown(Quantity("y"), d), ")^2",
            "=", v.shown(Quantity("C"), d), font_size=44,
        )  # fmt: skip
        align_below(numbers, numbers[0], symbolic, symbolic[1], buff=0.35)
        fit_in_frame(VGroup(symbolic, numbers))  # long numbers shrink, aligned as one
        with self.beat(
            """How bad is this [output] output? [square] Square the [gap] gap between
            [came] what came out and [wanted] what was wanted. [c0] That is C zero, the
            [cost] cost of this one example: [near] near zero when the output is right,
            [further] larger the further it is from y."""
        ):
            on(None, FadeOut(remark))
            on("output", point_at(net.lit(L), a_last), at_most=1.5)
            on("square", Write(symbolic[2]), Write(symbolic[6]))
            on("gap", Write(symbolic[4]))
            on("came", Write(symbolic[3]))
            on("wanted", Write(symbolic[5]))
            self.play_at(
                "c0",
                TransformFromCopy(net.readout(L), numbers[2]),
                TransformFromCopy(want[2], numbers[4]),
                FadeIn(numbers[:2]),
                FadeIn(numbers[3]),
                FadeIn(numbers[5]),
                Write(symbolic[:2]),
                until="next",
                at_most=2.0,
            )
            on("cost", Write(numbers[6:]))
            self.add(numbers)
            on("near", point_at(numbers[6:]), at_most=1.5)
            on("further", point_at(numbers[2:5]), at_most=1.5)
