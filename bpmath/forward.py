"""The forward pass: z^(l) = W^(l) a^(l-1) + b^(l) and a^(l) = σ(z^(l)) for l = 1..L.

>>> from bpmath.network import Network
>>> net = Network.chain([2.0], [-1.0])
>>> t = forward(net, 0.5)
>>> t.z(1)                      # z = w a + b = 2.0 * 0.5 - 1.0
array([0.])
>>> float(t.output[0])          # a = σ(0)
0.5
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bpmath._validation import as_vector, check_finite, check_index, readonly
from bpmath.network import Network

__all__ = ["Trace", "forward", "forward_from"]


@dataclass(frozen=True, eq=False)
class Trace:
    """Every activation and weighted sum of one forward pass, by math index.

    Attributes
    ----------
    activations : tuple of ndarray
        a^(0) (the input) to a^(L); prefer :meth:`a`, which checks the index.
    weighted_sums : tuple of ndarray
        z^(1) to z^(L); prefer :meth:`z`.
    """

    activations: tuple[np.ndarray, ...]
    weighted_sums: tuple[np.ndarray, ...]

    @property
    def L(self) -> int:  # noqa: N802
        """The number of weighted layers."""
        return len(self.weighted_sums)

    def a(self, layer: int) -> np.ndarray:
        """a^(layer) for layer in 0..L; a^(0) is the input."""
        return self.activations[check_index(layer, "layer", 0, self.L)]

    def z(self, layer: int) -> np.ndarray:
        """z^(layer) for layer in 1..L."""
        return self.weighted_sums[check_index(layer, "layer", 1, self.L) - 1]

    @property
    def output(self) -> np.ndarray:
        """a^(L), the network's output."""
        return self.activations[-1]


def forward(net: Network, x: Any) -> Trace:
    """Run ``net`` on the input ``x`` and record every z^(l) and a^(l).

    Parameters
    ----------
    net : Network
    x : float or array_like, shape (n_0,)
        The input a^(0). A plain number is accepted when the input layer has one neuron.

    Returns
    -------
    Trace

    Raises
    ------
    ValueError
        If ``x`` has the wrong shape or is not finite, or a z^(l) overflows float64
        (huge weights): an ``inf`` never comes back silently.
    """
    _check_network(net)
    a0 = as_vector(x, "x", length=net.sizes[0])
    return forward_from(net, 0, a0)


def forward_from(net: Network, layer: int, a_layer: Any) -> Trace:
    """Run ``net`` from layer ``layer`` onward with a^(layer) set to ``a_layer``.

    Used to nudge an activation and see what happens downstream. The returned trace
    starts at ``layer``: its ``a(0)`` is ``a_layer`` and its ``z(1)`` is z^(layer+1), so
    callers normally use :func:`forward` and this only through :func:`bpmath.nudge`.
    """
    _check_network(net)
    check_index(layer, "layer", 0, net.L)
    a = as_vector(a_layer, f"a^({layer})", length=net.sizes[layer])
    activations, sums = [a], []
    for l in range(layer + 1, net.L + 1):
        # Overflow is reported by check_finite; underflow to 0 is the right answer.
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            z = check_finite(net.weight(l) @ activations[-1] + net.bias(l), f"z^({l})")
        sums.append(readonly(z))
        activations.append(readonly(net.activation(z)))
    return Trace(tuple(activations), tuple(sums))


def _check_network(net: Any) -> None:
    if not isinstance(net, Network):
        raise TypeError(f"net must be a bpmath.Network, got {type(net).__name__}")
