"""How the lecture writes layer superscripts, and its one-neuron rules as formula parts.

Superscripts count back from the output (``(L)``, ``(L-1)``) or are plain (``(2)``); the
rules z = w a + b, a = σ(z) and C0 = (a − y)² are :func:`~scenes.kit.values.formula` parts.
"""

from __future__ import annotations

__all__ = ["activation_rule", "cost_rule", "layer_tex", "weighted_sum_rule"]

FormulaParts = list[str | tuple[str, str]]
"""LaTeX pieces, each plain or ``(latex, symbol)`` in the symbol's colour."""


def layer_tex(layer: int, L: int, symbolic: bool = True) -> str:  # noqa: N803 - the lecture's L
    """The superscript of ``layer`` in a network with ``L`` weighted layers.

    Counted back from the output (``(L)``, ``(L-1)``, ...) when ``symbolic``, else the
    plain layer number.

    >>> layer_tex(3, 3), layer_tex(1, 3), layer_tex(1, 3, symbolic=False)
    ('(L)', '(L-2)', '(1)')
    """
    if not symbolic:
        return f"({layer})"
    return "(L)" if layer == L else f"(L-{L - layer})"


def weighted_sum_rule(up: str = "(L)", prev: str = "(L-1)") -> FormulaParts:
    """``z^(up) = w^(up) a^(prev) + b^(up)``, one neuron's weighted sum.

    >>> weighted_sum_rule()[2:]
    [('w^{(L)}', 'w'), ('a^{(L-1)}', 'a'), '+', ('b^{(L)}', 'b')]
    """
    return [(f"z^{{{up}}}", "z"), "=", (f"w^{{{up}}}", "w"), (f"a^{{{prev}}}", "a"),
            "+", (f"b^{{{up}}}", "b")]  # fmt: skip


def activation_rule(sigma: str, up: str = "(L)") -> FormulaParts:
    """``a^(up) = σ(z^(up))`` with the network's own activation ``sigma`` (its LaTeX)."""
    return [(f"a^{{{up}}}", "a"), "=", (sigma, "sigma"), "(", (f"z^{{{up}}}", "z"), ")"]


def cost_rule() -> FormulaParts:
    """``C_0 = (a^(L) − y)²``, the cost of one example of the chain."""
    return [("C_0", "C"), "=", "(", ("a^{(L)}", "a"), "-", ("y", "y"), ")^2"]
