"""Finite nudges: change one number, re-run the network, and measure what moved.

A nudge Δθ to a weight w_j k^(l) moves z_j^(l) by Δz, a_j^(l) by Δa and the cost by ΔC. The
finite ratios Δz/Δw, Δa/Δz, ΔC/Δa and ΔC/Δw approach the chain-rule factors as Δθ
shrinks; a visible nudge (Δw = 0.1) is a few percent off, which is why the lecture shows
the ratio and the derivative side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bpmath._validation import as_finite_float, as_vector, readonly
from bpmath.cost import cost
from bpmath.forward import Trace, forward, forward_from
from bpmath.network import Network
from bpmath.parameters import Parameter

__all__ = ["Nudge", "nudge"]


@dataclass(frozen=True, eq=False)
class Nudge:
    """Before and after one nudge, with every downstream change.

    Attributes
    ----------
    parameter : Parameter
        What was nudged.
    delta : float
        Δθ, the size of the nudge.
    value_before, value_after : float
        θ and θ + Δθ.
    before, after : Trace
        The forward passes without and with the nudge. For an activation nudge the
        ``after`` trace keeps every layer up to the nudged one from ``before``.
    cost_before, cost_after : float
        C0 without and with the nudge.
    """

    parameter: Parameter
    delta: float
    value_before: float
    value_after: float
    before: Trace
    after: Trace
    cost_before: float
    cost_after: float

    def delta_z(self, layer: int) -> np.ndarray:
        """Δz^(layer), the change of every weighted sum in ``layer`` (1..L)."""
        return readonly(self.after.z(layer) - self.before.z(layer))

    def delta_a(self, layer: int) -> np.ndarray:
        """Δa^(layer), the change of every activation in ``layer`` (0..L)."""
        return readonly(self.after.a(layer) - self.before.a(layer))

    @property
    def delta_cost(self) -> float:
        """ΔC0."""
        return self.cost_after - self.cost_before

    @property
    def ratio(self) -> float:
        """ΔC0/Δθ, the finite-difference estimate of ∂C0/∂θ."""
        return self.delta_cost / self.delta

    @property
    def _neuron(self) -> tuple[int, int]:
        """Layer and index of the first neuron whose z the nudge moves."""
        p = self.parameter
        if p.kind == "a":
            if self.before.L == p.layer or self.before.a(p.layer + 1).shape[0] != 1:
                raise ValueError(
                    f"the factor ratios of a nudge to {p} need exactly one neuron in layer"
                    f" {p.layer + 1}; use path_terms for several"
                )
            return p.layer + 1, 0
        return p.layer, p.j

    def _ratio(self, numerator: float, denominator: float, name: str) -> float:
        if denominator == 0.0:
            raise ZeroDivisionError(
                f"{name} is undefined for this nudge of {self.parameter}: the denominator"
                " did not change (for a weight, the incoming activation is 0)"
            )
        return numerator / denominator

    @property
    def dz_dparam(self) -> float:
        """Δz_j/Δθ for the neuron j the parameter feeds."""
        layer, j = self._neuron
        return float(self.delta_z(layer)[j]) / self.delta

    @property
    def da_dz(self) -> float:
        """Δa_j/Δz_j."""
        layer, j = self._neuron
        dz = float(self.delta_z(layer)[j])
        return self._ratio(float(self.delta_a(layer)[j]), dz, "Δa/Δz")

    @property
    def dC_da(self) -> float:  # noqa: N802
        """ΔC0/Δa_j."""
        layer, j = self._neuron
        return self._ratio(self.delta_cost, float(self.delta_a(layer)[j]), "ΔC/Δa")

    @property
    def factors(self) -> tuple[float, float, float]:
        """(Δz/Δθ, Δa/Δz, ΔC/Δa): their product is exactly :attr:`ratio`."""
        return (self.dz_dparam, self.da_dz, self.dC_da)


def nudge(
    net: Network, x: Any, y: Any, parameter: Parameter | str, delta: float
) -> Nudge:
    """Nudge one weight, bias or activation by ``delta`` and re-run the network.

    Parameters
    ----------
    net, x, y
        The network and one example.
    parameter : Parameter or str
        E.g. ``bpmath.w(3)``, ``"w3"``, ``"b_0^(2)"`` or ``bpmath.a(2)``.
    delta : float
        Δθ; must be non-zero.

    Examples
    --------
    Shrinking the nudge walks the ratio towards the derivative:

    >>> from bpmath import Network, backward
    >>> net = Network.chain([1.5, -2.0, 2.5], [0.2, 0.5, -1.0])
    >>> exact = backward(net, 0.8, 1.0).weight(3)[0, 0]
    >>> [bool(abs(nudge(net, 0.8, 1.0, "w3", d).ratio - exact) < 10 * d) for d in (0.1, 0.001)]
    [True, True]
    """
    if not isinstance(net, Network):
        raise TypeError(f"net must be a bpmath.Network, got {type(net).__name__}")
    p = Parameter.parse(parameter).check(net)
    delta = as_finite_float(delta, "delta")
    if delta == 0.0:
        raise ValueError(
            "delta must be non-zero: a ratio over a zero nudge is undefined"
        )
    target = as_vector(y, "y", length=net.sizes[-1])
    before = forward(net, x)
    if p.kind == "a":
        value = float(before.a(p.layer)[p.j])
        shifted = np.array(before.a(p.layer))
        shifted[p.j] += delta
        tail = forward_from(net, p.layer, shifted)
        after = Trace(
            before.activations[: p.layer] + tail.activations,
            before.weighted_sums[: p.layer] + tail.weighted_sums,
        )
    else:
        if p.kind == "w":
            value = float(net.weight(p.layer)[p.j, p.k])
            nudged = net.with_weight(p.layer, p.j, p.k, value + delta)
        else:
            value = float(net.bias(p.layer)[p.j])
            nudged = net.with_bias(p.layer, p.j, value + delta)
        after = forward(nudged, before.a(0))
    return Nudge(
        parameter=p,
        delta=delta,
        value_before=value,
        value_after=value + delta,
        before=before,
        after=after,
        cost_before=cost(before.output, target),
        cost_after=cost(after.output, target),
    )
