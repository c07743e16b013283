"""A formula worked out in numbers: ``lhs = f·f·f + f·f·f + … = result``, every number tagged.

:func:`worked_sum` writes a sum of products (one term may be a lone addend, such as the
bias in z = Σ w a + b) with the values of an example, at the fewest decimals at which the
rounded factors, multiplied and added, give the rounded result to its last digit (the
factors at most two decimals finer than the result: :func:`sum_decimals`, the one rule
for every sum on screen). A line too wide for the frame is broken after a term, the
next line starting with its ``+`` under the first term, never shrunk below legibility
unless no break fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import DOWN, LEFT, RIGHT, MathTex, VGroup

from bpmath import Network
from scenes.kit.layout import fit_width
from scenes.kit.style import LABEL_SIZE
from scenes.kit.values import (
    Check,
    ExampleValues,
    Part,
    Quantity,
    Shown,
    as_parts,
    decimals_for,
    delta_decimals,
    formula,
    tiered_decimals,
)

__all__ = [
    "activation_of",
    "fewest_decimals",
    "gradient_terms",
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
    minimum: int = 2,
    checks: Sequence[Check] = (),
) -> tuple[int, int]:
    """Decimals ``(result, factors)`` at which the rounded factors give the rounded result.

    The one rule for a sum written in numbers: the factors, rounded, multiplied and
    added, round to the rounded result, and they may be printed up to two decimals
    finer than it (:func:`~scenes.kit.values.tiered_decimals`) so that they can. The
    factors get as few decimals as that allows, and the result then as many (up to
    theirs) as still agree, so ``0.5813 + 0.2644 = 0.8457`` rather than ``= 0.85``.
    The result gets at least ``minimum`` decimals and two significant digits, so a small
    derivative does not read 0.006 when it is 0.0060. ``checks`` are more conditions in
    the same tiers (0: the result's decimals, 1: the factors'), such as σ of the shown z
    giving the shown a. Fewer decimals read better: a scene may pick, among several
    instances of a formula, the one that needs fewest (:func:`fewest_decimals`).
    """
    flat = [values.value(q) for term in terms for q in term]
    total = values.value(result)
    floor = max(minimum, delta_decimals(total, minimum))
    combine = _sum_of_products([len(t) for t in terms])
    checks = [(flat, total, combine, 1, 0), *checks]
    d, p = tiered_decimals(checks, tiers=2, minimum=floor)
    for finer in range(p, d, -1):  # the factors need p: the result as fine as agrees
        if tiered_decimals(checks, tiers=2, minimum=finer)[1] == p:
            return finer, p
    return d, p


def fewest_decimals(count: int, decimals: Callable[[int], Sequence[int]]) -> int:
    """The index ``i < count`` whose instance needs the fewest decimals (first on a tie).

    ``decimals(i)`` gives the instance's decimals, coarsest tier first; the finest tier
    counts first, as it is the longest number on screen.

    >>> fewest_decimals(3, lambda i: [(3, 5), (3, 4), (4, 4)][i])
    1
    """
    return min(range(count), key=lambda i: (tuple(decimals(i))[::-1], i))


def gradient_terms(
    layer: int, j: int, k: int | None = None
) -> tuple[list[list[Quantity]], Quantity]:
    """A parameter's chain rule as :func:`worked_sum`'s one term and its result.

    ∂C0/∂w_jk^(layer) = a_k^(layer-1) · σ'(z_j) · ∂C0/∂a_j, or, when ``k`` is None,
    ∂C0/∂b_j^(layer) = σ'(z_j) · ∂C0/∂a_j (a bias has no incoming activation).
    """
    tail = [Quantity("sigma'", layer, j=j), Quantity("dC/da", layer, j=j)]
    if k is None:
        return [tail], Quantity("dC/db", layer, j=j)
    return [[Quantity("a", layer - 1, j=k), *tail]], Quantity("dC/dw", layer, j=j, k=k)


def worked_sum(
    values: ExampleValues,
    lhs: Part | list[Part],
    terms: Sequence[Sequence[Quantity]],
    result: Quantity,
    font_size: float = LABEL_SIZE,
    max_width: float = 13.0,
    minimum: int = 2,
    decimals: tuple[int, int] | None = None,
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
    decimals : (int, int), optional
        Decimals of the result and of the factors; by default :func:`sum_decimals`'s.

    Returns
    -------
    VGroup
        One or two tagged :func:`formula` lines, left-aligned. ``.decimals`` and
        ``.factor_decimals`` are the decimals of the result and of the factors,
        ``.factors`` the shown factors term by term and ``.result`` the shown result.
    """
    if not terms or any(not t for t in terms):
        raise ValueError("terms must be non-empty products of at least one factor each")
    d, p = decimals or sum_decimals(values, terms, result, minimum)
    shown = [[values.shown(q, p) for q in term] for term in terms]
    result_shown = values.shown(result, d)
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
    lines.decimals, lines.factor_decimals = d, p
    lines.factors = shown
    lines.result = result_shown
    return lines


def worked_activation(
    values: ExampleValues,
    lhs: Part | list[Part],
    layer: int,
    j: int = 0,
    font_size: float = LABEL_SIZE,
    decimals: int | None = None,
) -> MathTex:
    """``a_j = σ(z_j) = value`` in numbers; z shown with decimals at which σ(z) agrees.

    σ is written as the network's own activation (tanh, ReLU...), as the numbers are.
    ``decimals`` fixes them instead (the z of a :func:`worked_sum` just above).
    """
    a, z = Quantity("a", layer, j), Quantity("z", layer, j)
    if decimals is None:
        decimals = decimals_for(
            [values.value(z)], values.value(a), combine=activation_of(values.net)
        )
    act = values.net.activation
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


def activation_of(net: Network) -> Callable[[list[float]], float]:
    """``combine`` for the decimal rules: the network's σ of the first (only) part."""
    return lambda parts: float(np.asarray(net.activation(np.array(parts[:1])))[0])


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
