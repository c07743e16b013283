"""Backpropagation's general formulas for any layer, as :func:`~scenes.kit.values.formula` parts.

Step 12 writes them as one :class:`~scenes.kit.formula_card.FormulaCard`: the forward
pass (z and a), the output error, the recursion one layer back, the weight's and the
bias's derivatives, and the average over the training examples. Each symbol carries its
colour role, so the card reads in the lecture's colours.
"""

from __future__ import annotations

from scenes.kit.values import Part

__all__ = ["GENERAL", "ROLES", "derivative", "layer"]


def derivative(num: str, den: str, symbol: str) -> list[Part]:
    """∂num/∂den as formula parts: the cost in its colour, the variable in ``symbol``'s."""
    return [(r"\partial " + num, "C"), "/", (r"\partial " + den, symbol)]


def layer(index: int) -> str:
    """The superscript naming layer ``index``: ``^{(3)}``."""
    return "^{(%d)}" % index


_SIGMA = [r"\,", (r"\sigma'(z_j^{(l)})", "sigma"), r"\,"]
_DA = derivative("C_0", "a_j^{(l)}", "a")
GENERAL = (
    [("z_j^{(l)}", "z"), "=", r"\sum\nolimits_k", ("w_{jk}^{(l)}", "w"), r"\,", ("a_k^{(l-1)}", "a"),
     "+", ("b_j^{(l)}", "b")],
    [("a_j^{(l)}", "a"), "=", (r"\sigma(z_j^{(l)})", "sigma")],
    [*derivative("C_0", "a_j^{(L)}", "a"), "=", "2(", ("a_j^{(L)}", "a"), "-", ("y_j", "y"), ")"],
    [*derivative("C_0", "a_k^{(l-1)}", "a"), "=", r"\sum\nolimits_j", ("w_{jk}^{(l)}", "w"), *_SIGMA,
     *_DA],
    [*derivative("C_0", "w_{jk}^{(l)}", "w"), "=", ("a_k^{(l-1)}", "a"), *_SIGMA, *_DA],
    [*derivative("C_0", "b_j^{(l)}", "b"), "=", *_SIGMA[1:], *_DA],
    [*derivative("C", "w_{jk}^{(l)}", "w"), "=", r"\tfrac{1}{n}\sum\nolimits_{i=0}^{n-1}",
     *derivative("C_i", "w_{jk}^{(l)}", "w")],
)  # fmt: skip
"""z, a, the output error, the recursion, ∂C0/∂w, ∂C0/∂b and the average, in that order."""

ROLES = ("weighted sum", "activation", "start at the output", "one layer back",
         "each weight", "each bias", "over the examples")  # fmt: skip
"""What each line of :data:`GENERAL` is for, written beside it at the end."""
