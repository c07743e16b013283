"""How many decimals to show so that rounded parts agree with the rounded whole.

On screen, 0.70 × 0.25 × (−1.12) must equal the product shown beside it to its last digit.
Rounding each factor can break that, so :func:`agreeing_decimals` finds the fewest
decimals at which the factors, rounded and then combined, round to the same result as
the exact value.

>>> agreeing_decimals([0.6997, 0.2461, -1.1248], -0.19367, combine="product")
3
>>> round(0.700 * 0.246 * -1.125, 3), round(-0.19367, 3)
(-0.194, -0.194)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

__all__ = ["agreeing_decimals", "format_value"]

_COMBINE = {
    "product": math.prod,
    "sum": math.fsum,
    "mean": lambda v: math.fsum(v) / len(v),
}


def agreeing_decimals(
    parts: Iterable[float],
    exact: float,
    combine: str | Callable[[list[float]], float] = "product",
    minimum: int = 2,
    maximum: int = 8,
) -> int:
    """The fewest decimals (≥ ``minimum``) at which rounded ``parts`` reproduce ``exact``.

    Parameters
    ----------
    parts : iterable of float
        The numbers shown (factors, terms, per-example values).
    exact : float
        The result shown next to them, computed from unrounded values.
    combine : {'product', 'sum', 'mean'} or callable
        How the parts make the result; a callable receives the rounded parts as a list,
        e.g. ``lambda p: p[0] * p[1] + p[2]`` for z = w a + b.
    minimum, maximum : int
        The search range; ``maximum`` is returned if nothing smaller works.
    """
    if callable(combine):
        combiner = combine
    elif combine in _COMBINE:
        combiner = _COMBINE[combine]
    else:
        raise ValueError(
            f"combine must be one of {tuple(_COMBINE)} or a callable, got {combine!r}"
        )
    values = [float(p) for p in parts]
    if not values:
        raise ValueError("parts must not be empty")
    for digits in range(minimum, maximum + 1):
        shown = [round(v, digits) for v in values]
        if _same(round(combiner(shown), digits), round(float(exact), digits)):
            return digits
    return maximum


def _same(a: float, b: float) -> bool:
    return a == b or (a == 0 and b == 0)  # -0.0 and 0.0 read the same


def format_value(value: float, decimals: int) -> str:
    """Format with a fixed number of decimals and a true minus sign never shown as −0.

    >>> format_value(-0.0001, 2), format_value(0.5, 3)
    ('0.00', '0.500')
    """
    text = f"{float(value):.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text
