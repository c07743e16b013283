"""Storyboard step 10: a_k^(L-1) reaches the cost along every a_j^(L); the paths add up."""

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
    GrowFromEdge,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct
from scenes.kit.layout import fit_width
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.path_sum import PathSum, readable_neuron, sensitivity_vector
from scenes.kit.pointer import point_at
from scenes.kit.style import TITLE_SIZE
from scenes.kit.values import formula

__all__ = ["MultiPathSummation", "NUDGE"]

NUDGE = 0.01
"""δ added to a_k^(L-1) to confirm the sum (an input of the scene, not a result)."""
RIGHT_SIDE = 2.5
"""x of the centre of the space right of the diagram."""


class MultiPathSummation(LectureScene):
    """Each path's product, their sum to scale, the nudge that confirms it, and backprop."""

    example_role = "wide"

    def construct(self) -> None:
        """Paths one by one, the sum, the nudge of a_k, the same sum one layer back."""
        v, net = self.values, self.example.network
        L = net.L
        k = readable_neuron(v, L)
        title = formula(r"\text{One activation, many paths}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.35)
        diagram = NetworkDiagram.close_up(v, at=(-4.55, -0.1), layer_spacing=2.3)
        ks, columns = diagram.indices, diagram.headers
        paths = PathSum(v, L, k, max_length=1.0)
        fit_width(paths, 7.3)
        paths.next_to(title, DOWN, buff=0.35).set_x(RIGHT_SIDE + 0.7)
        js, on = range(paths.n_paths), partial(self.play_at, until="next")
        marks = [diagram.path_highlight(L, j, k) for j in js]
        with self.beat(
            f"""Now the heart of it. Take [one] one neuron of layer L-1, here [k] k={k}. It
            [feeds] feeds every neuron of layer L, and [each] each of those feeds the cost.
            So [ak] a_k moves the cost along several [paths] paths at once, and its
            [derivative] derivative must add them all."""
        ):
            on(None, Write(title), FadeIn(diagram), Write(ks), Write(columns))
            on("one", point_at(diagram.lit(L - 1, k)), at_most=1.0)
            on("k", point_at(ks[k]), at_most=1.0)
            on("feeds", *(diagram.highlight_path([(L - 1, k), (L, j)]) for j in js))
            on("each", point_at(diagram.layer(L)), at_most=1.0)
            on("ak", point_at(diagram.lit(L - 1, k)), at_most=1.0)
            on("paths", *(Create(m) for m in marks))
            on("derivative", Write(paths.symbolic))

        cells = paths.row(0)  # j, w, ·, σ', ·, 2(a - y), =, the path's term
        with self.beat(
            """Follow the [first] first path. The [weight] weight w_jk says how much [z] z_j
            moves per unit of [ak] a_k, the [slope] slope of the activation passes that on
            to [aj] a_j, and [twice] twice the error of a_j turns it into a change of the cost.
            Their [product] product is this path's [share] share, and the [bar] bar beside it has
            that length."""
        ):
            on(
                None,
                Write(paths.table.header),
                Create(paths.table.rule),
                Create(paths.bars.axis),
            )
            on(
                "first",
                *(FadeOut(m) for m in marks[1:]),
                diagram.highlight_path([(L - 1, k), (L, 0)]),
            )
            on("weight", Write(cells[0:2]), point_at(paths.symbolic[3]), at_most=1.2)
            on("z", point_at(diagram.neuron(L, 0)), at_most=1.0)
            on("ak", point_at(diagram.lit(L - 1, k)), at_most=1.0)
            on("slope", Write(cells[2:4]), at_most=1.0)
            on("aj", point_at(diagram.lit(L, 0)), at_most=1.0)
            on("twice", Write(cells[4:6]), at_most=1.0)
            on("product", Write(cells[6:]), at_most=1.0)
            on("share", point_at(cells[-1]), at_most=1.0)
            on("bar", grow(paths, 0))

        others = js[1:]
        if others:
            with self.beat(
                """The [other] other paths work the same way, each through its own
                [weight] weight, slope and error. Each gets a [row] row of its own and a [bar] bar on
                the same scale, so their sizes can be [compared] compared at a glance."""
            ):
                on(None, FadeOut(marks[0]), at_most=0.6)
                on("other", *(Create(marks[j]) for j in others))
                on("weight", point_at(*paths.table.header[1:6]), at_most=1.0)
                on("row", *(Write(paths.row(j)) for j in others))
                on("bar", *(grow(paths, j) for j in others))
                on("compared", point_at(*(paths.bar(j) for j in js)), at_most=1.0)

        ups = [paths.bar(j) for j in js if paths.terms[j].value > 0]
        downs = [paths.bar(j) for j in js if paths.terms[j].value < 0]
        pull = (
            "Some paths push the cost up and [down] others pull it down, so part of them"
            " [cancels] cancels."
            if ups and downs
            else "Here every path [down] pushes the cost the same way, so nothing [cancels]"
            " cancels."
        )
        with self.beat(
            f"""Add the rows and you have the [derivative] derivative of the cost with
            respect to a_k, the [bottom] bottom bar. [pull] {pull} [sum] Backpropagation
            computes exactly this sum."""
        ):
            shown = [Create(m) for m in marks if m not in self.mobjects]
            on(None, *shown, Write(paths.sum_row))
            on("derivative", point_at(paths.symbolic[0]), at_most=1.0)
            on("bottom", grow(paths, paths.n_paths))
            same = [paths.row(j)[-1] for j in js]  # the terms, all of one sign
            on("pull", point_at(*(ups or downs)), at_most=1.0)
            on("down", point_at(*(downs if ups and downs else same)), at_most=1.0)
            on("cancels", point_at(paths.total_bar), at_most=1.0)
            on("sum", point_at(paths.sum_row), at_most=1.0)

        check = paths.nudge_ratio(NUDGE).next_to(paths.sum_row, DOWN, buff=0.35)
        check.align_to(paths.sum_row, RIGHT)
        changes = diagram.delta_labels(v, check.nudge, L)
        nudged = diagram.follow(v, check.nudge)  # circle and readout, neuron by neuron
        by_layer: dict[int, list] = {L - 1: [], L: []}
        for (layer, _), i in zip(diagram.readouts, range(0, len(nudged), 2)):
            by_layer[layer] += nudged[i : i + 2]
        with self.beat(
            """To check it, really [nudge] nudge a_k by a small amount and [run] run the
            last layer again. Every [output] output moves a little, the cost moves, and the
            cost's [change] change divided by the nudge lands right [next] next to the sum
            of the paths."""
        ):
            on(None, FadeOut(VGroup(*marks)), at_most=0.6)
            on("nudge", *by_layer[L - 1], Write(check.note))
            on("run", *by_layer[L])
            on("output", Write(changes))
            on("change", Write(check.ratio))
            on("next", point_at(check.ratio, paths.sum_value), at_most=1.0)

        back = ChainRuleProduct.for_parameter(v, L - 1, "w", font_size=30, j=k, k=0)
        fit_width(back, 8.5)
        sens = sensitivity_vector(v, L - 1, back.decimals)
        sens.next_to(paths.symbolic, DOWN, buff=0.4)
        back.next_to(sens, DOWN, buff=0.45).set_x(paths.symbolic.get_x())
        with self.beat(
            f"""Do this for [every] every neuron of layer L-1 and you know how the cost
            responds to [each] each of them. [entry] Entry k={k} is the [last] last factor of
            every [weight] weight into that neuron, one layer [further] further back, and
            the [same] same sum then reaches the layer before. [repeating] Repeating it,
            layer by layer from the [output] output, is backpropagation."""
        ):
            gone = VGroup(changes, check, paths.table, paths.bars, paths.sum_row)
            on(None, *diagram.follow(v, None), FadeOut(gone), at_most=0.8)
            on("every", Write(sens))
            on("each", point_at(sens[1]), at_most=1.0)
            on("entry", point_at(sens[1].entries[k]), at_most=1.0)
            on("last", Write(back.symbolic))
            on("weight", point_at(back.lhs), at_most=1.0)
            on("further", Write(back.values_row))
            on(
                "same",
                point_at(back.factor_values[-1], sens[1].entries[k]),
                at_most=1.0,
            )
            on("repeating", point_at(paths.symbolic), at_most=1.0)
            on("output", point_at(diagram.layer(L)), at_most=1.0)


def grow(paths: PathSum, j: int) -> GrowFromEdge:
    """Grow bar j of ``paths`` (the sum's bar for j = n_paths) from the axis outwards."""
    value = paths.terms[j].value if j < paths.n_paths else paths.total.value
    return GrowFromEdge(paths.bar(j), LEFT if value > 0 else RIGHT)
