"""Storyboard step 9: several neurons a layer, the indices j and k, and w_jk's chain rule."""

from __future__ import annotations

from functools import partial

from manim import (
    DOWN,
    UP,
    Create,
    FadeIn,
    FadeOut,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct
from scenes.kit.layout import backdrop, fit_width
from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.pointer import point_at
from scenes.kit.style import MUTED, NOTE_SIZE, TITLE_SIZE
from scenes.kit.sums import CostSum, WeightedSumLines
from scenes.kit.values import Quantity, formula
from scenes.kit.weight_matrix import WeightMatrix

__all__ = ["MoreNeuronsPerLayer", "chosen_weight"]

RIGHT_SIDE = 2.2
"""x of the centre of the space right of the diagram, where the formulas go."""


def chosen_weight(sizes: tuple[int, ...]) -> tuple[int, int]:
    """(j, k) of the weight the scene follows: j ≠ k when possible, so order shows."""
    n_out, n_in = sizes[-1], sizes[-2]
    return (1, 0) if n_out > 1 else (0, 1 if n_in > 1 else 0)


def factor(lecture_form: VGroup, product: ChainRuleProduct, i: int) -> list:
    """Factor i of the indexed chain rule: its lecture form, its fraction and its value."""
    tex, value = product.symbolic[2 + 2 * i], product.factor_values[i]
    if i:  # the dot and the times sign before it
        tex, value = (
            VGroup(product.symbolic[1 + 2 * i], tex),
            VGroup(product.times[i - 1], value),
        )
    return [Write(lecture_form[2 + i]), Write(tex), Write(value)]


class MoreNeuronsPerLayer(LectureScene):
    """Layers L-1 and L with indices, the summed cost, w_jk and W^(L), z_j, the chain rule."""

    example_role = "wide"

    def construct(self) -> None:
        """Diagram, cost sum, one weight and its matrix entry, z_j, ∂C0/∂w_jk."""
        v, net = self.values, self.example.network
        L, on = net.L, partial(self.play_at, until="next")
        j, k = chosen_weight(net.sizes)
        title = formula(r"\text{More neurons per layer}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.35)
        diagram = NetworkDiagram.close_up(v, at=(-4.3, 0.15))
        ks, headers = diagram.indices, diagram.headers
        with self.beat(
            """Real layers hold many neurons, so each [activation] activation needs a second
            index saying which neuron it is. We call the [neurons] neurons of layer L-1 by
            the letter [k] k and those of layer L by [j] j, and keep the [superscript]
            superscript for the layer."""
        ):
            on(None, Write(title), FadeIn(diagram))
            on("activation", point_at(diagram.values_group), at_most=1.0)
            on("neurons", point_at(diagram.layer(L - 1)), at_most=1.0)
            on("k", Write(ks), Write(headers[0]))
            on("j", Write(headers[1]))
            on("superscript", point_at(headers), at_most=1.0)

        cost = CostSum(v).beside(diagram)
        with self.beat(
            """Every [output] output neuron now has its own [target] target y_j. The [cost]
            cost of this one example adds a [squared] squared gap for each output: [work]
            work out each term, then [add] add them."""
        ):
            on("output", point_at(diagram.layer(L)), at_most=1.0)
            on("target", Write(cost.targets))
            on("cost", Write(cost.symbolic))
            on("squared", point_at(cost.symbolic[3:]), at_most=1.0)
            on("work", Write(cost.rows))
            on("add", Write(cost.total))

        w_label = diagram.edge_label(L, j, k, index="jk", along=0.4, on_edge=True)
        w_label = VGroup(backdrop(w_label), w_label)
        path = diagram.path_highlight(L, j, k)
        matrix = WeightMatrix(v, L).move_to([RIGHT_SIDE, 0.6, 0])
        marks = matrix.mark(j, k)
        why = VGroup(
            formula(
                (rf"w_{{{j}{k}}}^{{(L)}}", "w"),
                "=",
                v.shown(Quantity("w", L, j=j, k=k), 2),
                font_size=NOTE_SIZE + 6,
            ),
            formula(
                rf"\text{{row }} j={j} \text{{: weights into }} a_{j}^{{(L)}}",
                r"\qquad",
                rf"\text{{column }} k={k} \text{{: out of }} a_{k}^{{(L-1)}}",
                font_size=NOTE_SIZE,
                color=MUTED,
            ),
        ).arrange(DOWN, buff=0.25)
        why.next_to(matrix, DOWN, buff=0.45)
        rows_of, columns_of = why[1][0], why[1][2]
        with self.beat(
            f"""Each weight needs two indices. The [edge] edge from neuron k={k} into neuron
            j={j} carries [w] w_jk, [target] target first and [source] source second. That
            looks backwards until we [stack] stack the weights into the matrix W of layer L:
            [row] row j collects what flows into neuron j, [column] column k what leaves
            neuron k, so the [entry] entry in row j, column k is [wjk] w_jk, and [times] W
            times the previous activations gives [every] every z at once."""
        ):
            on(None, FadeOut(cost), at_most=0.8)
            on("edge", Create(path))
            on("w", Write(w_label))
            on("target", point_at(diagram.neuron(L, j)), at_most=1.0)
            on("source", point_at(diagram.neuron(L - 1, k)), at_most=1.0)
            on("stack", Write(matrix))
            on("row", Create(marks.row_box), Write(rows_of))
            on("column", Create(marks.column_box), Write(columns_of))
            on("entry", Create(marks.entry_box))
            on("wjk", Write(why[0]))
            on("times", point_at(matrix), at_most=1.0)
            on("every", point_at(diagram.layer(L)), at_most=1.0)

        zsum = WeightedSumLines(v, L, j)
        zsum.symbolic.move_to([RIGHT_SIDE, 1.9, 0])
        zsum.numbers.next_to(zsum.symbolic, DOWN, buff=0.45).set_x(RIGHT_SIDE)
        zsum.activation.next_to(zsum.numbers, DOWN, buff=0.45)
        z_tex = zsum.symbolic  # z_j = Σ_k, w_jk, a_k, +, b_j
        with self.beat(
            f"""Neuron j={j} adds up every incoming [activation] activation times its
            [weight] weight, plus its own [bias] bias: one [product] product per neuron k
            of the layer before. Then the activation function [squashes] squashes that sum
            into the neuron's output."""
        ):
            self.play(FadeOut(VGroup(matrix, marks, why)), run_time=0.5)
            on(None, Write(z_tex[0:3]))
            on("activation", Write(z_tex[4]))
            on("weight", Write(z_tex[3]))
            on("bias", Write(z_tex[5:]))
            on("product", Write(zsum.numbers))
            on("squashes", Write(zsum.activation))

        lecture_form = formula(
            r"\frac{\partial C_0}{\partial w_{jk}^{(L)}}",
            "=",
            (r"a_k^{(L-1)}", "a"),
            (r"\,\sigma'(z_j^{(L)})", "sigma"),
            (r"\,2(a_j^{(L)} - y_j)", "C"),
            font_size=NOTE_SIZE + 8,
        ).move_to([RIGHT_SIDE, 2.2, 0])
        product = ChainRuleProduct.for_parameter(
            v, L, "w", font_size=32, j=j, k=k, letters=True
        )
        fit_width(product, 9.2)
        product.next_to(lecture_form, DOWN, buff=0.55).set_x(RIGHT_SIDE)
        which = formula(
            rf"j={j},\; k={k}:\ \text{{entry of }} \partial C_0/\partial W^{{(L)}}",
            font_size=NOTE_SIZE,
            color=MUTED,
        ).next_to(product, DOWN, buff=0.4)
        with self.beat(
            """The chain rule for one [weight] weight reads exactly as before, only with
            [indices] indices: the [activation] activation it comes from, the [slope] slope
            at neuron j, and [twice] twice neuron j's error. Their [product] product is one
            [entry] entry of the gradient, the one in row j and column k, like the [same]
            weight itself."""
        ):
            on(None, FadeOut(zsum), at_most=0.8)
            on("weight", point_at(w_label), at_most=1.0)
            on("indices", Write(lecture_form[0:2]), Write(product.symbolic[0:2]))
            for i, name in enumerate(("activation", "slope", "twice")):
                on(name, *factor(lecture_form, product, i))
            on("product", Write(VGroup(product.product, product.equals)))
            on("entry", Write(which))
            on("same", point_at(w_label), at_most=1.0)
