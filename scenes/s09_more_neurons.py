"""Storyboard step 9: several neurons a layer, the indices j and k, and w_jk's chain rule."""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Indicate,
    VGroup,
    Write,
)

from scenes.kit.beats import LectureScene
from scenes.kit.chain_product import ChainRuleProduct
from scenes.kit.layout import backdrop, fit_width
from scenes.kit.network_diagram import NetworkDiagram
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


class MoreNeuronsPerLayer(LectureScene):
    """Layers L-1 and L with indices, the summed cost, w_jk and W^(L), z_j, the chain rule."""

    example_role = "wide"

    def construct(self) -> None:
        """Diagram, cost sum, one weight and its matrix entry, z_j, ∂C0/∂w_jk."""
        v, net = self.values, self.example.network
        L = net.L
        j, k = chosen_weight(net.sizes)
        title = formula(r"\text{More neurons per layer}", font_size=TITLE_SIZE)
        title.to_edge(UP, buff=0.35)
        diagram = NetworkDiagram.close_up(v, at=(-4.3, 0.15))
        ks, headers = diagram.indices, diagram.headers
        with self.beat(
            """Real layers hold many neurons, so each activation needs a second index
            saying which neuron it is. We call the neurons of layer L-1 by the letter k
            and those of layer L by j, and keep the superscript for the layer."""
        ):
            self.play(Write(title))
            self.play(FadeIn(diagram))
            self.play(FadeIn(ks), Write(headers))

        cost = CostSum(v).beside(diagram)
        with self.beat(
            """Every output neuron now has its own target y_j. The cost of this one example
            adds a squared gap for each output: work out each term, then add them."""
        ):
            self.play(FadeIn(cost.targets, shift=0.2 * LEFT))
            self.play(Write(cost.symbolic))
            self.play(FadeIn(cost.rows, shift=0.2 * LEFT))
            self.play(Write(cost.total))

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
                rf"\text{{row }} j={j} \text{{: weights into }} a_{j}^{{(L)}}"
                rf"\qquad \text{{column }} k={k} \text{{: out of }} a_{k}^{{(L-1)}}",
                font_size=NOTE_SIZE,
                color=MUTED,
            ),
        ).arrange(DOWN, buff=0.25)
        why.next_to(matrix, DOWN, buff=0.45)
        with self.beat(
            f"""Each weight needs two indices. The edge from neuron k={k} into neuron
            j={j} carries w_jk, target first and source second. That looks backwards
            until we stack the weights into the matrix W of layer L: row j collects what
            flows into neuron j, column k what leaves neuron k, so the entry in row j,
            column k is w_jk, and W times the previous activations gives every z at once."""
        ):
            self.play(FadeOut(cost))
            self.play(Create(path), Write(w_label))
            self.play(FadeIn(matrix))
            self.play(Create(marks))
            self.play(Indicate(w_label), Indicate(matrix.entry(j, k)))
            self.play(FadeIn(why, shift=0.15 * UP))

        zsum = WeightedSumLines(v, L, j)
        zsum.symbolic.move_to([RIGHT_SIDE, 1.9, 0])
        zsum.numbers.next_to(zsum.symbolic, DOWN, buff=0.45).set_x(RIGHT_SIDE)
        zsum.activation.next_to(zsum.numbers, DOWN, buff=0.45)
        with self.beat(
            f"""Neuron j={j} adds up every incoming activation times its weight, plus its
            own bias: one product per neuron k of the layer before. Then the activation
            function squashes that sum into the neuron's output."""
        ):
            self.play(FadeOut(VGroup(matrix, marks, why)))
            self.play(Write(zsum.symbolic))
            self.play(FadeIn(zsum.numbers, shift=0.2 * DOWN))
            self.play(FadeIn(zsum.activation, shift=0.2 * DOWN))

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
            """The chain rule for one weight reads exactly as before, only with indices:
            the activation it comes from, the slope at neuron j, and twice neuron j's
            error. Their product is one entry of the gradient, the one in row j and
            column k, like the weight itself."""
        ):
            self.play(FadeOut(zsum))
            self.play(Write(lecture_form))
            self.play(Write(product.symbolic))
            self.play(FadeIn(product.values_row, shift=0.2 * DOWN), FadeIn(which))
