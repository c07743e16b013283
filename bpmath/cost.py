"""The cost of one example, C0 = Σ_j (a_j^(L) − y_j)², and its gradient 2(a^(L) − y).

There is no ½ in front: the output error is 2(a − y), twice what Nielsen's code and
3Blue1Brown's scene code (which use the ½ convention) compute.

>>> cost([0.8], [1.0])                 # (0.8 - 1.0)²
0.03999999999999998
>>> cost_gradient([0.8], [1.0])        # 2 (0.8 - 1.0)
array([-0.4])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from bpmath._validation import as_vector, check_finite, readonly

__all__ = ["cost", "cost_gradient"]


def _pair(output: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    a = as_vector(output, "output")
    target = as_vector(y, "y", length=a.shape[0])
    return a, target


def cost(output: Any, y: Any) -> float:
    """C0 = Σ_j (a_j − y_j)² for one example.

    Parameters
    ----------
    output : float or array_like, shape (n_L,)
        The network's output a^(L).
    y : float or array_like, shape (n_L,)
        The desired output.
    """
    a, target = _pair(output, y)
    with np.errstate(over="ignore", under="ignore"):  # overflow: see check_finite
        return float(check_finite(np.sum((a - target) ** 2), "the cost C0"))


def cost_gradient(output: Any, y: Any) -> np.ndarray:
    """∂C0/∂a^(L) = 2 (a^(L) − y), a read-only ``(n_L,)`` array."""
    a, target = _pair(output, y)
    with np.errstate(over="ignore", under="ignore"):  # overflow: see check_finite
        return readonly(check_finite(2.0 * (a - target), "∂C0/∂a^(L)"))
