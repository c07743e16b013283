"""The chain rule, factor by factor, and the sum over paths into an earlier activation.

For one weight w_jk^(l) the derivative of the cost splits into three factors::

    ∂C0/∂w_jk^(l) = ∂z_j/∂w_jk · ∂a_j/∂z_j · ∂C0/∂a_j
                  = a_k^(l-1)   · σ'(z_j)   · ∂C0/∂a_j^(l)

The bias has ∂z_j/∂b_j = 1 in place of the first factor, and the previous activation has
∂z_j/∂a_k = w_jk. ∂C0/∂a_j^(l) is 2(a_j − y_j) at the output layer and the backpropagated
sensitivity further back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bpmath._validation import as_vector, check_index, readonly
from bpmath.backward import Gradients, backward_from_trace
from bpmath.forward import Trace, forward
from bpmath.network import Network

__all__ = ["ChainRule", "PathTerms", "chain_rule", "path_terms"]

_WRT = ("w", "b", "a")


@dataclass(frozen=True)
class ChainRule:
    """The three chain-rule factors of one partial derivative and their product.

    Attributes
    ----------
    wrt : {'w', 'b', 'a'}
        Differentiating by w_jk^(layer), b_j^(layer), or a_k^(layer-1) along neuron j.
    layer, j, k : int
        Where: neuron j of ``layer`` and neuron k of ``layer - 1``.
    dz_dparam : float
        ∂z_j/∂w_jk = a_k^(layer-1), ∂z_j/∂b_j = 1, or ∂z_j/∂a_k = w_jk.
    da_dz : float
        ∂a_j/∂z_j = σ'(z_j^(layer)).
    dC_da : float
        ∂C0/∂a_j^(layer).
    product : float
        dz_dparam · da_dz · dC_da.
    """

    wrt: str
    layer: int
    j: int
    k: int
    dz_dparam: float
    da_dz: float
    dC_da: float  # noqa: N815 - the lecture's symbol

    @property
    def factors(self) -> tuple[float, float, float]:
        """(∂z/∂θ, ∂a/∂z, ∂C0/∂a), in the order the lecture writes them."""
        return (self.dz_dparam, self.da_dz, self.dC_da)

    @property
    def product(self) -> float:
        """The derivative itself: the three factors multiplied."""
        return self.dz_dparam * self.da_dz * self.dC_da


@dataclass(frozen=True)
class PathTerms:
    """The contributions of every neuron j of ``layer`` to ∂C0/∂a_k^(layer-1).

    Attributes
    ----------
    layer, k : int
    terms : tuple of ChainRule
        One per neuron j: w_jk · σ'(z_j) · ∂C0/∂a_j.
    sensitivity : float
        ∂C0/∂a_k^(layer-1) from backpropagation, which the terms add up to.
    """

    layer: int
    k: int
    terms: tuple[ChainRule, ...]
    sensitivity: float

    @property
    def values(self) -> np.ndarray:
        """Each path's product, indexed by j."""
        return readonly(np.array([t.product for t in self.terms]))

    @property
    def total(self) -> float:
        """Σ_j of the path products."""
        return float(np.sum(self.values))


def _pass(net: Network, x: Any, y: Any) -> tuple[Trace, Gradients]:
    trace = forward(net, x)
    return trace, backward_from_trace(
        net, trace, as_vector(y, "y", length=net.sizes[-1])
    )


def _rule(
    net: Network, trace: Trace, grads: Gradients, wrt: str, layer: int, j: int, k: int
):
    first = {
        "w": lambda: float(trace.a(layer - 1)[k]),
        "b": lambda: 1.0,
        "a": lambda: float(net.weight(layer)[j, k]),
    }[wrt]()
    return ChainRule(
        wrt=wrt,
        layer=layer,
        j=j,
        k=k,
        dz_dparam=first,
        da_dz=float(net.activation.prime(trace.z(layer))[j]),
        dC_da=float(grads.a(layer)[j]),
    )


def chain_rule(
    net: Network, x: Any, y: Any, layer: int, j: int = 0, k: int = 0, wrt: str = "w"
) -> ChainRule:
    """The chain-rule factors of ∂C0/∂w_jk^(layer) (or of the bias, or a_k^(layer-1)).

    Parameters
    ----------
    net, x, y
        The network and one example.
    layer : int
        1..L.
    j : int
        Neuron of ``layer``.
    k : int
        Neuron of ``layer - 1`` (ignored for ``wrt='b'``).
    wrt : {'w', 'b', 'a'}
        Which quantity feeds z_j: the weight w_jk, the bias b_j, or the activation a_k.

    Examples
    --------
    On the chain, ∂C0/∂w^(L) = a^(L-1) · σ'(z^(L)) · 2(a^(L) − y):

    >>> from bpmath import Network, forward, sigmoid_prime
    >>> net = Network.chain([1.0, 2.0], [0.0, -1.0])
    >>> rule = chain_rule(net, 1.0, 1.0, layer=2)
    >>> t = forward(net, 1.0)
    >>> a1, z2, a2 = float(t.a(1)[0]), float(t.z(2)[0]), float(t.a(2)[0])
    >>> rule.factors == (a1, sigmoid_prime(z2), 2 * (a2 - 1.0))
    True
    """
    if wrt not in _WRT:
        raise ValueError(f"wrt must be one of {_WRT}, got {wrt!r}")
    trace, grads = _pass(net, x, y)
    check_index(layer, "layer", 1, net.L)
    check_index(j, "j", 0, net.sizes[layer] - 1)
    check_index(k, "k", 0, net.sizes[layer - 1] - 1)
    return _rule(net, trace, grads, wrt, layer, j, k)


def path_terms(net: Network, x: Any, y: Any, layer: int, k: int = 0) -> PathTerms:
    """Split ∂C0/∂a_k^(layer-1) into one term per neuron j of ``layer``.

    Each term is ∂z_j/∂a_k · ∂a_j/∂z_j · ∂C0/∂a_j = w_jk σ'(z_j) ∂C0/∂a_j, and the terms
    add up to the sensitivity, because a_k reaches the cost through every a_j.

    Examples
    --------
    >>> from bpmath import Network
    >>> net = Network.random([2, 3, 2], seed=1)
    >>> paths = path_terms(net, [0.5, -0.2], [0.0, 1.0], layer=2, k=1)
    >>> len(paths.terms)
    2
    >>> bool(np.isclose(paths.total, paths.sensitivity))
    True
    """
    trace, grads = _pass(net, x, y)
    check_index(layer, "layer", 1, net.L)
    check_index(k, "k", 0, net.sizes[layer - 1] - 1)
    terms = tuple(
        _rule(net, trace, grads, "a", layer, j, k) for j in range(net.sizes[layer])
    )
    return PathTerms(layer, k, terms, float(grads.a(layer - 1)[k]))
