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
    tiered_decimals,
)

__all__ = ["CostSum", "WeightedSumLines"]


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
    total : MathTex
        ``C_0 = term_0 + term_1 + ... = C0``.
    decimals, term_decimals : int
        Decimals of C0 and of the terms (the rounded terms add up to the rounded C0).
    """

    def __init__(self, values: ExampleValues, font_size: float = LABEL_SIZE) -> None:
        super().__init__()
        net = values.net
        L, n = net.L, net.sizes[-1]  # noqa: N806 - the lecture's L
        q_y = [Quantity("y", j=j) for j in range(n)]
        q_t = [Quantity("C term", j=j) for j in range(n)]
        y, t = ([values.value(q) for q in qs] for qs in (q_y, q_t))
        cost = values.value(Quantity("C"))
        d, d_t = tiered_decimals([(t, cost, "sum", 1, 0)], tiers=2)
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
        parts: list = [("C_0", "C"), "="]
        for j in range(n):
            parts += ([] if j == 0 else ["+"]) + [values.shown(q_t[j], d_t)]
        parts += ["=", values.shown(Quantity("C"), d)]
        self.total = formula(*parts, font_size=font_size + 2)
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
        ``z_1 = w_10·a_0 + ... + b_1 = z`` in numbers (negative factors in parentheses),
        one line, or two when one would be wider than ``max_width``.
    activation : MathTex
        ``a_1 = σ(z_1) = σ(z) = a``.
    decimals, part_decimals : int
        Decimals of z and a, and of the weights, activations and bias that make z (the
        rounded parts recombine to the rounded z, and σ of the rounded z rounds to the
        rounded a).
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
        n = net.sizes[layer - 1]
        q_w = [Quantity("w", layer, j=j, k=k) for k in range(n)]
        q_a = [Quantity("a", layer - 1, j=k) for k in range(n)]
        q_b, q_z = Quantity("b", layer, j=j), Quantity("z", layer, j=j)
        q_out = Quantity("a", layer, j=j)
        parts = [values.value(q) for pair in zip(q_w, q_a) for q in pair]
        parts.append(values.value(q_b))
        z, a = values.value(q_z), values.value(q_out)
        act = net.activation
        d, p = tiered_decimals(
            [
                (parts, z, _dot_plus_bias, 1, 0),
                ([z], a, lambda v: float(act(v[0])), 0, 0),
            ],
            tiers=2,
            minimum=2,
        )
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
        terms = [
            [
                *values.shown(q_w[k], p).bracketed(),
                r"\cdot",
                *values.shown(q_a[k], p).bracketed(),
            ]
            for k in range(n)
        ]
        tail = [*values.shown(q_b, p).bracketed(), "=", values.shown(q_z, d)]
        self.numbers = self._lines(
            [(f"z_{j}^{{{up}}}", "z"), "="], [*terms, tail], font_size, max_width
        )
        sigma = act.latex
        self.activation = formula(
            (f"a_{j}^{{{up}}}", "a"),
            "=",
            sigma + "(",
            (f"z_{j}^{{{up}}}", "z"),
            ")",
            "=",
            sigma + "(",
            values.shown(q_z, d),
            ")",
            "=",
            values.shown(q_out, d),
            font_size=font_size,
        )
        self.add(self.symbolic, self.numbers, self.activation)

    @staticmethod
    def _lines(head: list, terms: list[list], size: float, max_width: float) -> VGroup:
        """``head term + term + ...`` on one line, or on two when wider than allowed."""
        one = formula(*head, *_joined(terms), font_size=size)
        if one.width <= max_width or len(terms) < 3:
            return VGroup(one)
        half = (len(terms) + 1) // 2
        first = formula(*head, *_joined(terms[:half]), "+", font_size=size)
        second = formula("+", *_joined(terms[half:]), font_size=size)
        second.next_to(first, DOWN, buff=0.3).align_to(first[len(head)], LEFT)
        return VGroup(first, second)


def _joined(terms: list[list]) -> list:
    """The parts of ``terms`` with a ``+`` between neighbours."""
    out: list = []
    for i, term in enumerate(terms):
        out += (["+"] if i else []) + term
    return out


def _dot_plus_bias(parts: list[float]) -> float:
    *pairs, bias = parts
    return sum(w * a for w, a in zip(pairs[::2], pairs[1::2])) + bias
