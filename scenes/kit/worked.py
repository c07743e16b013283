"""A formula worked out in numbers: ``lhs = f·f·f + f·f·f + … = result``, every number tagged.

:func:`worked_sum` writes a sum of products (one term may be a lone addend, such as the
bias in z = Σ w a + b) with the values of an example, at the fewest decimals at which the
rounded factors, multiplied and added, give the rounded result to its last digit. A line
too wide for the frame is broken after a term, never shrunk below legibility unless no
break fits.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import DOWN, LEFT, RIGHT, MathTex, VGroup

from scenes.kit.layout import fit_width
from scenes.kit.style import LABEL_SIZE
from scenes.kit.values import (
    ExampleValues,
    Part,
    Quantity,
    Shown,
    as_parts,
    decimals_for,
    delta_decimals,
    formula,
)

__all__ = [
    "sum_decimals",
    "product_parts",
    "worked_activation",
    "worked_output_error",
    "worked_sum",
]


def product_parts(factors: Sequence[Shown], lead: bool = True) -> list[Part]:
    """``f1 · f2 · f3`` as formula parts; a negative factor is put in parentheses.

    The first factor stays bare when ``lead`` (it starts the line or follows ``=``);
    after a ``+`` it is bracketed too, so ``+ (-0.9) · 0.2`` never reads ``+ -0.9``.
    """
    if not factors:
        raise ValueError("a product needs at least one factor")
    parts: list[Part] = []
    for i, factor in enumerate(factors):
        if i:
            parts.append(r"\cdot")
        parts += factor.bracketed() if i or not lead else [factor]
    return parts


def _sum_of_products(structure: Sequence[int]):
    """``combine`` for :func:`decimals_for`: flat rounded parts → Σ of the products."""

    def combine(parts: list[float]) -> float:
        total, i = 0.0, 0
        for size in structure:
            product = 1.0
            for value in parts[i : i + size]:
                product *= value
            total += product
            i += size
        return total

    return combine


def sum_decimals(
    values: ExampleValues,
    terms: Sequence[Sequence[Quantity]],
    result: Quantity,
    minimum: int = 3,
) -> int:
    """Decimals at which the rounded factors, multiplied and added, give the rounded result.

    At least ``minimum``, and at least two significant digits of the result, so a small
    derivative does not read 0.006 when it is 0.0060. Fewer decimals read better: a
    scene may pick, among several instances of a formula, the one that needs fewest.
    """
    flat = [values.value(q) for term in terms for q in term]
    total = values.value(result)
    if total != 0:
        minimum = max(minimum, delta_decimals(total, minimum))
    return decimals_for(
        flat, total, combine=_sum_of_products([len(t) for t in terms]), minimum=minimum
    )


def worked_sum(
    values: ExampleValues,
    lhs: Part | list[Part],
    terms: Sequence[Sequence[Quantity]],
    result: Quantity,
    font_size: float = LABEL_SIZE,
    max_width: float = 13.0,
    minimum: int = 3,
) -> VGroup:
    """``lhs = Σ_terms Π factors = result`` in numbers, on one line or two.

    Parameters
    ----------
    values : ExampleValues
        Where the numbers come from.
    lhs : str or (latex, symbol), or a list of those
        The left-hand side, e.g. ``(r"z_0^{(2)}", "z")``.
    terms : sequence of sequences of Quantity
        The addends, each the product of its factors (a one-factor term is a plain
        addend).
    result : Quantity
        What the sum equals, from bpmath (not the sum of the rounded terms).
    max_width : float
        The widest a line may be; past it the sum is broken after a term.

    Returns
    -------
    VGroup
        One or two tagged :func:`formula` lines, left-aligned. ``.decimals`` is the
        number of decimals used, ``.factors`` the shown factors term by term and
        ``.result`` the shown result.
    """
    if not terms or any(not t for t in terms):
        raise ValueError("terms must be non-empty products of at least one factor each")
    decimals = sum_decimals(values, terms, result, minimum)
    shown = [[values.shown(q, decimals) for q in term] for term in terms]
    result_shown = values.shown(result, decimals)
    pieces = [
        product_parts(term, lead=(i == 0)) + ([] if i == len(shown) - 1 else ["+"])
        for i, term in enumerate(shown)
    ]

    def line(first: bool, chunk: list[list[Part]], last: bool) -> MathTex:
        parts: list[Part] = [*as_parts(lhs), "="] if first else ["+"]
        for piece in chunk:
            parts += piece
        if not last and parts[-1] == "+":
            parts.pop()
        if last:
            parts += ["=", result_shown]
        return formula(*parts, font_size=font_size)

    lines = VGroup(line(True, pieces, True))
    if lines.width > max_width and len(pieces) > 1:
        for split in range(len(pieces) - 1, 0, -1):
            first, second = (
                line(True, pieces[:split], False),
                line(False, pieces[split:], True),
            )
            if max(first.width, second.width) <= max_width:
                lines = VGroup(first, second)
                break
        if len(lines) == 2:
            lines.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
            equals = lines[0][len(as_parts(lhs))]
            indent = equals.get_left()[0] - lines[1].get_left()[0]
            lines[1].shift(indent * RIGHT)
    fit_width(lines, max_width)
    lines.decimals = decimals
    lines.factors = shown
    lines.result = result_shown
    return lines


def worked_activation(
    values: ExampleValues,
    lhs: Part | list[Part],
    layer: int,
    j: int = 0,
    font_size: float = LABEL_SIZE,
) -> MathTex:
    """``a_j = σ(z_j) = value`` in numbers; z shown with decimals at which σ(z) agrees.

    σ is written as the network's own activation (tanh, ReLU...), as the numbers are.
    """
    act = values.net.activation
    a, z = Quantity("a", layer, j), Quantity("z", layer, j)
    decimals = decimals_for(
        [values.value(z)],
        values.value(a),
        combine=lambda p: float(np.asarray(act(np.array(p[:1])))[0]),
    )
    return formula(
        *as_parts(lhs),
        "=",
        (act.latex + "(", "sigma"),
        values.shown(z, decimals),
        (")", "sigma"),
        "=",
        values.shown(a, decimals),
        font_size=font_size,
    )


def worked_output_error(
    values: ExampleValues,
    lhs: Part | list[Part],
    j: int = 0,
    font_size: float = LABEL_SIZE,
) -> MathTex:
    """``∂C0/∂a_j^(L) = 2(a_j − y_j) = value`` in numbers, rounded to agree."""
    L = values.net.L
    a, y, d = Quantity("a", L, j), Quantity("y", j=j), Quantity("dC/da", L, j)
    decimals = decimals_for(
        [values.value(a), values.value(y)],
        values.value(d),
        combine=lambda p: 2 * (p[0] - p[1]),
    )
    y_shown = values.shown(y, decimals)
    return formula(
        *as_parts(lhs),
        "=",
        "2(",
        values.shown(a, decimals),
        "-",
        *y_shown.bracketed(),
        ")",
        "=",
        values.shown(d, decimals),
        font_size=font_size,
    )
