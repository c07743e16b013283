"""Indexed sums written out in numbers: the cost over the outputs, one neuron's z and a.

With several neurons a layer the lecture's formulas gain a sum:

    C0 = Σ_j (a_j^(L) − y_j)²        z_j^(l) = Σ_k w_jk^(l) a_k^(l-1) + b_j^(l)

:class:`CostSum` writes each output's term beside its neuron and adds them up;
:class:`WeightedSumLines` writes one neuron's z term by term and then a = σ(z). Decimals are
chosen so that every rounded number shown recombines to the rounded result beside it.
"""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, VGroup

from scenes.kit.network_diagram import NetworkDiagram
from scenes.kit.notation import layer_tex
from scenes.kit.style import LABEL_SIZE
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    exact_decimals,
    formula,
)
from scenes.kit.worked import (
    activation_of,
    sum_decimals,
    worked_activation,
    worked_sum,
)

__all__ = [
    "CostSum",
    "WeightedSumLines",
    "weighted_sum_decimals",
    "weighted_sum_terms",
]


class CostSum(VGroup):
    """C0 = Σ_j (a_j^(L) − y_j)²: the targets, each output's term, and their sum.

    Parameters
    ----------
    values : ExampleValues
        bpmath's numbers for the example.
    font_size : float
        Size of every line.

    Attributes
    ----------
    symbolic : MathTex
        ``C_0 = Σ_j (a_j^(L) − y_j)²``.
    targets : VGroup
        ``y_j = value``, one per output neuron j.
    rows : VGroup
        ``(a_j − y_j)² = term``, one per output neuron j (a_j is read in the neuron).
    total : VGroup
        ``C_0 = term_0 + term_1 + ... = C0``, a :func:`worked_sum` like every sum.
    decimals, term_decimals : int
        Decimals of C0 and of the terms (:func:`sum_decimals`: the rounded terms add up
        to the rounded C0).
    """

    def __init__(self, values: ExampleValues, font_size: float = LABEL_SIZE) -> None:
        super().__init__()
        net = values.net
        L, n = net.L, net.sizes[-1]  # noqa: N806 - the lecture's L
        q_y = [Quantity("y", j=j) for j in range(n)]
        q_t = [Quantity("C term", j=j) for j in range(n)]
        y = [values.value(q) for q in q_y]
        terms = [[q] for q in q_t]
        d, d_t = sum_decimals(values, terms, Quantity("C"))
        self.decimals, self.term_decimals = d, d_t
        up = layer_tex(L, L)
        self.symbolic = formula(
            ("C_0", "C"),
            "=",
            r"\sum_j",
            "(",
            (f"a_j^{{{up}}}", "a"),
            "-",
            ("y_j", "y"),
            ")^2",
            font_size=font_size + 4,
        )
        # A target such as 1 reads 1.0, not 1.000: it is exact at fewer decimals.
        d_y = [exact_decimals(y[j], 1, d_t) for j in range(n)]
        self.targets = VGroup(
            *(
                formula(
                    (f"y_{j}", "y"),
                    "=",
                    values.shown(q_y[j], d_y[j]),
                    font_size=font_size,
                )
                for j in range(n)
            )
        )
        self.rows = VGroup(
            *(
                formula(
                    "(",
                    (f"a_{j}^{{{up}}}", "a"),
                    "-",
                    (f"y_{j}", "y"),
                    ")^2",
                    "=",
                    values.shown(q_t[j], d_t),
                    font_size=font_size,
                )
                for j in range(n)
            )
        )
        self.total = worked_sum(
            values, ("C_0", "C"), terms, Quantity("C"), font_size=font_size + 2,
            decimals=(d, d_t),
        )  # fmt: skip
        self.add(self.symbolic, self.targets, self.rows, self.total)

    def beside(self, diagram: NetworkDiagram, gap: float = 0.35) -> CostSum:
        """Put each target and term on its output neuron's row, right of ``diagram``.

        The targets line up left, the terms too; the symbolic formula goes above the
        terms and the total below them. Returns ``self``.
        """
        L = diagram.L  # noqa: N806
        for j, (target, row) in enumerate(zip(self.targets, self.rows)):
            target.next_to(diagram.neuron(L, j), RIGHT, buff=gap)
            row.set_y(target.get_y())
        left = max(t.get_right()[0] for t in self.targets) + 2 * gap
        for target in self.targets:
            target.align_to(self.targets[0], LEFT)
        for row in self.rows:
            row.set_x(left, direction=LEFT)
        self.symbolic.next_to(self.rows, DOWN, buff=0.4).align_to(self.rows, LEFT)
        self.total.next_to(self.symbolic, DOWN, buff=0.3).align_to(self.rows, LEFT)
        return self


class WeightedSumLines(VGroup):
    """z_j^(layer) = Σ_k w_jk a_k + b_j written out for one neuron j, then a_j = σ(z_j).

    Parameters
    ----------
    values : ExampleValues
        bpmath's numbers for the example.
    layer : int
        1..L.
    j : int
        The neuron of ``layer`` whose sum is written out.
    font_size : float
        Size of every line.

    Attributes
    ----------
    symbolic : MathTex
        ``z_j = Σ_k w_jk a_k + b_j`` with the lecture's letters.
    numbers : VGroup
        ``z_1 = w_10·a_0 + ... + b_1 = z`` in numbers: a :func:`worked_sum`, so written
        and broken over two lines like every other sum.
    activation : MathTex
        ``a_1 = σ(z_1) = σ(z) = a`` (:func:`worked_activation`).
    decimals, part_decimals : int
        Decimals of z and a, and of the weights, activations and bias that make z
        (:func:`sum_decimals`, with σ of the rounded z rounding to the rounded a).
    """

    def __init__(
        self,
        values: ExampleValues,
        layer: int,
        j: int,
        font_size: float = LABEL_SIZE,
        max_width: float = 9.0,
    ) -> None:
        super().__init__()
        net = values.net
        if not 1 <= layer <= net.L:
            raise ValueError(f"layer must be in 1..{net.L}, got {layer}")
        if not 0 <= j < net.sizes[layer]:
            raise ValueError(
                f"j must be a neuron of layer {layer} (0..{net.sizes[layer] - 1}), got {j}"
            )
        terms, q_z = weighted_sum_terms(values, layer, j)
        d, p = weighted_sum_decimals(values, layer, j)
        self.decimals, self.part_decimals = d, p
        L = net.L  # noqa: N806
        up, prev = layer_tex(layer, L), layer_tex(layer - 1, L)
        self.symbolic = formula(
            (f"z_j^{{{up}}}", "z"),
            "=",
            r"\sum_k",
            (f"w_{{jk}}^{{{up}}}", "w"),
            (f"a_k^{{{prev}}}", "a"),
            "+",
            (f"b_j^{{{up}}}", "b"),
            font_size=font_size + 4,
        )
        self.numbers = worked_sum(
            values,
            (f"z_{j}^{{{up}}}", "z"),
            terms,
            q_z,
            font_size=font_size,
            max_width=max_width,
            decimals=(d, p),
        )
        sigma_of_z = [net.activation.latex + "(", (f"z_{j}^{{{up}}}", "z"), ")"]
        self.activation = worked_activation(
            values,
            [(f"a_{j}^{{{up}}}", "a"), "=", *sigma_of_z],
            layer,
            j,
            font_size=font_size,
            decimals=d,
        )
        self.add(self.symbolic, self.numbers, self.activation)


def weighted_sum_terms(
    values: ExampleValues, layer: int, j: int
) -> tuple[list[list[Quantity]], Quantity]:
    """z_j^(layer) = Σ_k w_jk a_k + b_j as :func:`worked_sum`'s terms and result."""
    terms = [
        [Quantity("w", layer, j=j, k=k), Quantity("a", layer - 1, j=k)]
        for k in range(values.net.sizes[layer - 1])
    ]
    return [*terms, [Quantity("b", layer, j=j)]], Quantity("z", layer, j=j)


def weighted_sum_decimals(values: ExampleValues, layer: int, j: int) -> tuple[int, int]:
    """Decimals ``(z and a, parts)`` of neuron j's :class:`WeightedSumLines`.

    :func:`sum_decimals`'s rule, with σ of the rounded z rounding to the rounded a.
    """
    terms, q_z = weighted_sum_terms(values, layer, j)
    z, a = values.value(q_z), values.value(Quantity("a", layer, j=j))
    sigma_agrees = ([z], a, activation_of(values.net), 0, 0)
    return sum_decimals(values, terms, q_z, checks=[sigma_agrees])
