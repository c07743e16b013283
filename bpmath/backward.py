"""Backpropagation: every partial derivative of C0 for one example, by math index.

The recursion, with δ^(l) = ∂C0/∂z^(l):

    ∂C0/∂a^(L)   = 2 (a^(L) − y)
    δ^(l)        = σ'(z^(l)) ⊙ ∂C0/∂a^(l)
    ∂C0/∂W^(l)   = δ^(l) ⊗ a^(l-1)        (∂C0/∂w_jk = a_k^(l-1) σ'(z_j) ∂C0/∂a_j)
    ∂C0/∂b^(l)   = δ^(l)
    ∂C0/∂a^(l-1) = W^(l)ᵀ δ^(l)           (Σ_j w_jk σ'(z_j) ∂C0/∂a_j)

``backward`` is a pure function: it returns a fresh frozen :class:`Gradients` and keeps
no state, so calling it twice gives identical results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bpmath._validation import as_vector, check_finite, check_index, readonly
from bpmath.cost import cost, cost_gradient
from bpmath.forward import Trace, forward
from bpmath.network import Network

__all__ = ["Gradients", "backward"]


@dataclass(frozen=True, eq=False)
class Gradients:
    """∂C/∂(everything) for one example (or averaged over several), by math index.

    Attributes
    ----------
    weights, biases : tuple of ndarray
        ∂C/∂W^(l) and ∂C/∂b^(l) for l = 1..L, shaped like the network's parameters.
    activations : tuple of ndarray
        ∂C/∂a^(l) for l = 0..L.
    weighted_sums : tuple of ndarray
        ∂C/∂z^(l) for l = 1..L.
    cost : float
        The cost these are the derivatives of.
    """

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    activations: tuple[np.ndarray, ...]
    weighted_sums: tuple[np.ndarray, ...]
    cost: float

    @property
    def L(self) -> int:  # noqa: N802
        """The number of weighted layers."""
        return len(self.weights)

    def weight(self, layer: int) -> np.ndarray:
        """∂C/∂W^(layer), entry [j, k] is ∂C/∂w_jk, for layer in 1..L."""
        return self.weights[check_index(layer, "layer", 1, self.L) - 1]

    def bias(self, layer: int) -> np.ndarray:
        """∂C/∂b^(layer) for layer in 1..L."""
        return self.biases[check_index(layer, "layer", 1, self.L) - 1]

    def a(self, layer: int) -> np.ndarray:
        """∂C/∂a^(layer) for layer in 0..L."""
        return self.activations[check_index(layer, "layer", 0, self.L)]

    def z(self, layer: int) -> np.ndarray:
        """∂C/∂z^(layer) for layer in 1..L."""
        return self.weighted_sums[check_index(layer, "layer", 1, self.L) - 1]


def backward(net: Network, x: Any, y: Any) -> Gradients:
    """Backpropagate the cost of one example ``(x, y)`` through ``net``.

    Parameters
    ----------
    net : Network
    x : float or array_like, shape (n_0,)
        The input a^(0).
    y : float or array_like, shape (n_L,)
        The desired output.

    Returns
    -------
    Gradients
        All partial derivatives of C0 = Σ_j (a_j^(L) − y_j)².

    Examples
    --------
    On a one-weight network, ∂C0/∂w = a^(0) · σ'(z) · 2(a − y) written out:

    >>> from bpmath import Network, forward, sigmoid_prime
    >>> net = Network.chain([0.5], [0.0])
    >>> g = backward(net, 2.0, 1.0)
    >>> a = float(forward(net, 2.0).output[0])          # σ(0.5 · 2.0 + 0.0) = σ(1)
    >>> by_hand = 2.0 * sigmoid_prime(1.0) * 2 * (a - 1.0)
    >>> bool(np.isclose(g.weight(1)[0, 0], by_hand))
    True
    """
    trace = forward(net, x)
    target = as_vector(y, "y", length=net.sizes[-1])
    return backward_from_trace(net, trace, target)


def backward_from_trace(net: Network, trace: Trace, y: np.ndarray) -> Gradients:
    """The backward pass over an existing forward ``trace`` (no input checks)."""
    d_a = cost_gradient(trace.output, y)
    d_ws, d_bs, d_zs, d_as = [], [], [], [d_a]
    for l in range(net.L, 0, -1):
        # Finite inputs can still overflow here (huge weights): say so, never return
        # inf. Underflow (σ'(z) ≈ 1e-300 in saturation) to 0 is the right answer.
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            delta = check_finite(
                net.activation.prime(trace.z(l)) * d_a, f"∂C0/∂z^({l})"
            )
            d_w = check_finite(np.outer(delta, trace.a(l - 1)), f"∂C0/∂W^({l})")
            d_a = check_finite(net.weight(l).T @ delta, f"∂C0/∂a^({l - 1})")
        d_zs.append(readonly(delta))
        d_bs.append(readonly(delta))
        d_ws.append(readonly(d_w))
        d_a = readonly(d_a)
        d_as.append(d_a)
    return Gradients(
        weights=tuple(reversed(d_ws)),
        biases=tuple(reversed(d_bs)),
        activations=tuple(reversed(d_as)),
        weighted_sums=tuple(reversed(d_zs)),
        cost=cost(trace.output, y),
    )
