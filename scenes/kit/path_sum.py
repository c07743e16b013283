"""The sum over paths: how an earlier activation a_k^(l-1) reaches the cost.

a_k^(l-1) feeds every neuron j of layer l, and each of those reaches the cost, so

    ∂C0/∂a_k^(l-1) = Σ_j  w_jk^(l) · σ'(z_j^(l)) · ∂C0/∂a_j^(l)

(with ∂C0/∂a_j^(L) = 2(a_j^(L) − y_j) at the output). :class:`PathSum` shows that sum:
the symbolic formula, one table row per path with its three factors and its product,
the sum, and beside the rows signed bars whose lengths are the real terms on one scale
(the last bar is the sum), so paths that pull in opposite directions visibly cancel.
Every number comes from bpmath (``path``, ``w``, ``sigma'``, ``dC/da``); the decimals
make each row's rounded factors multiply to its rounded term and the rounded terms add
up to the rounded sum.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Line,
    MathTex,
    Mobject,
    VectorizedPoint,
    VGroup,
)

from scenes.kit.bars import SignedBars
from scenes.kit.chain_product import color_fraction
from scenes.kit.notation import layer_tex
from scenes.kit.style import LABEL_SIZE, MUTED, NOTE_SIZE
from scenes.kit.tables import ColumnVector, ValueTable
from scenes.kit.values import (
    ExampleValues,
    Quantity,
    delta_decimals,
    formula,
    tiered_decimals,
)
from scenes.kit.worked import fewest_decimals

__all__ = [
    "PathSum",
    "path_decimals",
    "path_quantities",
    "readable_neuron",
    "sensitivity_vector",
]

# columns of the table: j, w_jk, ·, σ'(z_j), ·, ∂C0/∂a_j, =, path
_W, _SIGMA, _DC, _PATH = 1, 3, 5, 7


class PathSum(VGroup):
    """∂C0/∂a_k^(layer-1) as a sum of one term per path, in numbers and to scale.

    Parameters
    ----------
    values : ExampleValues
        bpmath's numbers for the example.
    layer : int
        2..L: the layer whose neurons j the paths run through (a_k is in ``layer - 1``).
    k : int
        The neuron of ``layer - 1`` whose sensitivity is summed.
    font_size : float
        Size of the table; the symbolic formula is a little larger.
    row_height : float
        Pitch of the rows (and of the bars beside them).
    max_length : float
        Length of the longest bar; the others are to the same scale.

    Attributes
    ----------
    symbolic : MathTex
        ∂C0/∂a_k = Σ_j w_jk σ'(z_j) ∂C0/∂a_j, coloured by symbol.
    table : ValueTable
        One body row per neuron j: j, w_jk, ·, σ'(z_j), ·, ∂C0/∂a_j, =, the path's term.
    sum_row : VGroup
        The rule over the terms and ``Σ_j = ∂C0/∂a_k`` with its value, under the table.
    bars : SignedBars
        One bar per term, then one for the sum, all ``abs(value) * bars.unit`` long.
    terms : tuple of Shown
        The path terms, indexed by j; ``total`` is ∂C0/∂a_k^(layer-1).
    decimals, term_decimals, factor_decimals : int
        Decimals of the sum, of the terms and of the factors (each tier at most two
        more than the one it makes: the rounded factors multiply to the rounded term,
        the rounded terms add up to the rounded sum).
    """

    def __init__(
        self,
        values: ExampleValues,
        layer: int,
        k: int,
        font_size: float = LABEL_SIZE - 2,
        row_height: float = 0.62,
        max_length: float = 1.2,
    ) -> None:
        super().__init__()
        net = values.net
        if not 1 <= layer <= net.L:
            raise ValueError(f"layer must be in 1..{net.L}, got {layer}")
        if not 0 <= k < net.sizes[layer - 1]:
            raise ValueError(
                f"k must be a neuron of layer {layer - 1} (0..{net.sizes[layer - 1] - 1}),"
                f" got {k}"
            )
        self.values, self.layer, self.k = values, layer, k
        n = net.sizes[layer]
        factor_q, term_q, total_q = path_quantities(net.sizes[layer], layer, k)
        d, t, p = path_decimals(values, layer, k)
        self.decimals, self.term_decimals, self.factor_decimals = d, t, p
        self.terms = tuple(values.shown(q, t) for q in term_q)
        self.total = values.shown(total_q, d)

        L = net.L  # noqa: N806 - the lecture's L
        up, prev = layer_tex(layer, L), layer_tex(layer - 1, L)
        at_output = layer == L
        dc_tex = (
            (rf"2(a_j^{{{up}}} - y_j)", "C")
            if at_output
            else (rf"\frac{{\partial C_0}}{{\partial a_j^{{{up}}}}}", "C")
        )
        lhs = rf"\frac{{\partial C_0}}{{\partial a_k^{{{prev}}}}}"
        self.symbolic = formula(
            lhs,
            "=",
            r"\sum_j",
            (f"w_{{jk}}^{{{up}}}", "w"),
            (rf"\sigma'(z_j^{{{up}}})", "sigma"),
            dc_tex,
            font_size=font_size + 4,
        )
        color_fraction(self.symbolic[0], "C", "a")
        if not at_output:
            color_fraction(self.symbolic[5], "C", "a")

        header = [
            MathTex("j", font_size=font_size, color=MUTED),
            formula((f"w_{{jk}}^{{{up}}}", "w"), font_size=font_size),
            VectorizedPoint(),
            formula((rf"\sigma'(z_j^{{{up}}})", "sigma"), font_size=font_size),
            VectorizedPoint(),
            formula(dc_tex, font_size=font_size),
            VectorizedPoint(),
            MathTex(r"\text{path}", font_size=font_size, color=MUTED),
        ]
        if not at_output:
            color_fraction(header[_DC][0], "C", "a")
        rows = []
        for j, (qs, term) in enumerate(zip(factor_q, self.terms)):
            w, s, c = (values.shown(q, p) for q in qs)
            rows.append(
                [
                    MathTex(str(j), font_size=font_size, color=MUTED),
                    w,
                    _op(r"\cdot", font_size),
                    s,
                    _op(r"\cdot", font_size),
                    c,
                    _op("=", font_size),
                    term,
                ]
            )
        self.table = ValueTable(
            header, rows, row_height=row_height, column_gap=0.22, font_size=font_size
        )
        self.table.next_to(self.symbolic, DOWN, buff=0.35)

        sum_y = self.table.row_y(n - 1) - row_height
        path_x = self.table.cell(0, _PATH).get_x()
        total_mob = formula(self.total, font_size=font_size).move_to(
            np.array([path_x, sum_y, 0])
        )
        name = formula(r"\textstyle\sum_j", "=", font_size=font_size + 2)
        name.next_to(total_mob, LEFT, buff=0.2)
        column = self.table.column(_PATH)
        rule_y = (self.table.row_y(n - 1) + sum_y) / 2
        rule = Line(
            np.array([column.get_left()[0], rule_y, 0]),
            np.array([column.get_right()[0], rule_y, 0]),
        ).set_stroke(MUTED, 1.5)
        self.sum_value = total_mob
        self.sum_row = VGroup(rule, name, total_mob)

        self.bars = SignedBars(
            [*self.terms, self.total],
            None,
            max_length=max_length,
            row_height=row_height,
            readouts=False,
        )
        self.bars.beside(self.table, self.table.row_y(0), gap=0.35)
        self.add(self.symbolic, self.table, self.sum_row, self.bars)

    @property
    def n_paths(self) -> int:
        """How many paths (neurons j of the layer) there are."""
        return len(self.terms)

    def row(self, j: int) -> VGroup:
        """Table row of path ``j`` (every cell)."""
        if not 0 <= j < self.n_paths:
            raise ValueError(f"j must be in 0..{self.n_paths - 1}, got {j}")
        return self.table.body[j]

    def bar(self, j: int) -> Mobject:
        """The bar of path ``j``; ``bar(n_paths)`` is the sum's bar."""
        if not 0 <= j <= self.n_paths:
            raise ValueError(f"j must be in 0..{self.n_paths}, got {j}")
        return self.bars.bars[j]

    @property
    def total_bar(self) -> Mobject:
        """The bar of the sum, ∂C0/∂a_k, on the terms' scale."""
        return self.bars.bars[self.n_paths]

    def nudge_ratio(self, delta: float, font_size: float = NOTE_SIZE + 4) -> VGroup:
        """ΔC0/Δa_k from really nudging a_k^(layer-1) by ``delta``, with the nudge size.

        The network after the nudge is re-run by bpmath; the ratio is shown with the
        table's decimals, to be read beside the sum. Returned, not added.
        """
        L = self.values.net.L  # noqa: N806
        prev = layer_tex(self.layer - 1, L)
        nudge = (f"a_{self.k}^({self.layer - 1})", delta)
        ratio = self.values.shown(Quantity("ΔC/Δparam", nudge=nudge), self.decimals)
        step = self.values.shown(Quantity("Δparam", nudge=nudge), delta_decimals(delta))
        text = formula(
            rf"\frac{{\Delta C_0}}{{\Delta a_k^{{{prev}}}}}",
            "=",
            ratio,
            font_size=font_size,
        )
        color_fraction(text[0], "C", "a")
        note = formula(
            r"\text{nudge } ",
            (rf"\Delta a_k^{{{prev}}}", "a"),
            "=",
            step,
            font_size=NOTE_SIZE,
        )
        note.set_color(MUTED)
        note.next_to(text, DOWN, buff=0.12)
        group = VGroup(text, note)
        group.ratio, group.note, group.nudge = text, note, nudge
        return group


def sensitivity_vector(
    values: ExampleValues, layer: int, decimals: int, font_size: float = NOTE_SIZE + 4
) -> VGroup:
    """``∂C0/∂a^(layer) = [...]``: the summed sensitivity of every neuron of ``layer``.

    Each entry is one :class:`PathSum`'s result; ``group[1].entries[k]`` is neuron k's.
    """
    L = values.net.L  # noqa: N806
    name = formula(
        (rf"\frac{{\partial C_0}}{{\partial a^{{{layer_tex(layer, L)}}}}}", "C"),
        "=",
        font_size=font_size + 4,
    )
    entries = [
        values.shown(Quantity("dC/da", layer, j=k), decimals)
        for k in range(values.net.sizes[layer])
    ]
    vector = ColumnVector(entries, row_height=0.5, font_size=font_size, align="right")
    return VGroup(name, vector).arrange(RIGHT, buff=0.25)


def path_quantities(
    n: int, layer: int, k: int
) -> tuple[list[tuple[Quantity, ...]], list[Quantity], Quantity]:
    """Per path j (of ``n``) the three factors' quantities; the terms'; the sum's."""
    factors = [
        (
            Quantity("w", layer, j=j, k=k),
            Quantity("sigma'", layer, j=j),
            Quantity("dC/da", layer, j=j),
        )
        for j in range(n)
    ]
    terms = [Quantity("path", layer, j=j, k=k) for j in range(n)]
    return factors, terms, Quantity("dC/da", layer - 1, j=k)


def readable_neuron(values: ExampleValues, layer: int) -> int:
    """The k of ``layer - 1`` whose paths read with the fewest decimals (first on a tie).

    The one rule for which a_k^(layer-1) a scene works its sum over paths with.
    """
    return fewest_decimals(
        values.net.sizes[layer - 1], lambda k: path_decimals(values, layer, k)
    )


def path_decimals(values: ExampleValues, layer: int, k: int) -> tuple[int, int, int]:
    """Decimals ``(sum, terms, factors)`` of :class:`PathSum` for a_k^(layer-1).

    At least two significant digits of every term and the sum; each path's rounded
    factors multiply to its rounded term, and the rounded terms add up to the rounded
    sum (:func:`~scenes.kit.values.tiered_decimals`). The one rule for ∂C0/∂a_k's
    decimals: written as a :func:`~scenes.kit.worked.worked_sum` too (the terms not
    shown), the sum takes ``(sum, factors)`` of these.
    """
    factor_q, term_q, total_q = path_quantities(values.net.sizes[layer], layer, k)
    exact = [values.value(q) for q in term_q]
    total = values.value(total_q)
    floor = min(6, max(delta_decimals(x) for x in (total, *exact)))
    checks = [
        ([values.value(q) for q in qs], e, "product", 2, 1)
        for qs, e in zip(factor_q, exact)
    ]
    return tiered_decimals(
        [*checks, (exact, total, "sum", 1, 0)], tiers=3, minimum=floor
    )


def _op(tex: str, size: float) -> MathTex:
    return MathTex(tex, font_size=size, color=MUTED)
