"""An average written out with its numbers: lhs = (1/n) Σ_k term_k = (1/n)(v1 + v2 + …) = mean."""

from __future__ import annotations

from collections.abc import Sequence

from manim import MathTex

from scenes.kit.style import FONT_SIZE
from scenes.kit.values import (
    ExampleValues,
    Part,
    Quantity,
    Shown,
    as_parts,
    decimals_for,
    formula,
)

__all__ = ["average_formula", "averaged"]


def average_formula(
    lhs: Part | list[Part],
    term: Part | list[Part],
    parts: Sequence[Shown],
    mean: Shown,
    font_size: float = FONT_SIZE,
    index: str = "k",
    start: int = 1,
) -> MathTex:
    """``lhs = (1/n) Σ_k term = (1/n)(parts…) = mean``, every number tagged.

    Negative parts after the first are put in parentheses, so the sum reads
    ``0.102 + (-0.187)``. Choose the decimals of ``parts`` and ``mean`` with
    :func:`scenes.kit.values.decimals_for` (``combine="mean"``) so the printed parts
    average to the printed mean.

    Parameters
    ----------
    lhs, term : str or (latex, symbol), or a list of those
        The averaged quantity and the summand, e.g. ``∂C/∂w^(L)`` in LaTeX.
    parts : sequence of Shown
        One value per example, in order.
    mean : Shown
        Their mean, from bpmath.
    index : str
        The summation letter (``"i"`` where k already names a neuron).
    start : int
        The first example's number: 1 (the sum runs 1..n) or 0 (0..n-1, where the
        first example's cost is called C_0).

    Attributes
    ----------
    The result's ``.terms`` lists the submobjects showing each part, ``.mean`` the mean's.
    """
    if not parts:
        raise ValueError("parts must not be empty")
    n = len(parts)
    pieces: list[Part] = [
        *as_parts(lhs),
        "=",
        r"\frac{1}{%d}\sum_{%s=%d}^{%d}" % (n, index, start, n - 1 + start),
        *as_parts(term),
    ]
    pieces += ["=", r"\frac{1}{%d}\Bigl(" % n]
    term_index = []
    for i, shown in enumerate(parts):
        if i:
            pieces.append("+")
        wrap = i > 0 and shown.value < 0 and shown.text.startswith("-")
        if wrap:
            pieces.append("(")
        term_index.append(len(pieces))
        pieces.append(shown)
        if wrap:
            pieces.append(")")
    pieces += [r"\Bigr)", "="]
    mean_index = len(pieces)
    pieces.append(mean)
    tex = formula(*pieces, font_size=font_size)
    tex.terms = [tex[i] for i in term_index]
    tex.mean = tex[mean_index]
    return tex


def averaged(
    values: ExampleValues, parts: Sequence[Quantity], mean: Quantity, minimum: int = 3
) -> tuple[list[Shown], Shown]:
    """``parts`` and their ``mean`` ready for the screen, rounded to agree.

    The decimals (at least ``minimum``) are the fewest at which the rounded parts
    average to the rounded mean, as :func:`average_formula` wants them.
    """
    d = decimals_for(
        [values.value(q) for q in parts], values.value(mean), "mean", minimum
    )
    return [values.shown(q, d) for q in parts], values.shown(mean, d)
