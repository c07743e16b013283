"""Many examples: the averaged gradient, the full gradient vector ∇C, and descent.

The cost over n examples is the mean C = (1/n) Σ_k C_k, so each partial derivative is the
mean of the per-example ones: ∂C/∂w = (1/n) Σ_k ∂C_k/∂w.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bpmath._validation import as_batch_pair, as_finite_float, check_index, readonly
from bpmath.backward import Gradients, backward_from_trace
from bpmath.forward import forward
from bpmath.network import Network

__all__ = [
    "AverageGradient",
    "DescentHistory",
    "GradientVector",
    "average_gradient",
    "gradient_descent",
    "gradient_vector",
]


@dataclass(frozen=True, eq=False)
class AverageGradient:
    """Per-example gradients and their mean.

    Attributes
    ----------
    per_example : tuple of Gradients
        ∂C_k/∂(everything) for each example k, in the order given.
    mean : Gradients
        Their elementwise mean; ``mean.cost`` is the mean cost C.
    """

    per_example: tuple[Gradients, ...]
    mean: Gradients

    @property
    def costs(self) -> np.ndarray:
        """C_k for each example."""
        return readonly(np.array([g.cost for g in self.per_example]))

    @property
    def cost(self) -> float:
        """C = mean of the C_k."""
        return self.mean.cost


def _mean(parts: list[tuple[np.ndarray, ...]]) -> tuple[np.ndarray, ...]:
    return tuple(readonly(np.mean(np.stack(group), axis=0)) for group in zip(*parts))


def average_gradient(net: Network, X: Any, Y: Any) -> AverageGradient:  # noqa: N803
    """Backpropagate every example of a batch and average the results.

    Parameters
    ----------
    net : Network
    X : array_like, shape (m, n_0)
        One input per row (a flat list when the input layer has one neuron).
    Y : array_like, shape (m, n_L)
        One target per row.

    Examples
    --------
    >>> from bpmath import Network, backward
    >>> net = Network.chain([1.0, -1.0], [0.0, 0.5])
    >>> avg = average_gradient(net, [0.0, 1.0], [1.0, 0.0])
    >>> g0, g1 = backward(net, 0.0, 1.0), backward(net, 1.0, 0.0)
    >>> bool(avg.mean.weight(2)[0, 0] == (g0.weight(2)[0, 0] + g1.weight(2)[0, 0]) / 2)
    True
    """
    xs, ys = _batch(net, X, Y)
    per = tuple(backward_from_trace(net, forward(net, x), y) for x, y in zip(xs, ys))
    mean = Gradients(
        weights=_mean([g.weights for g in per]),
        biases=_mean([g.biases for g in per]),
        activations=_mean([g.activations for g in per]),
        weighted_sums=_mean([g.weighted_sums for g in per]),
        cost=float(np.mean([g.cost for g in per])),
    )
    return AverageGradient(per, mean)


def _batch(net: Network, X: Any, Y: Any) -> tuple[np.ndarray, np.ndarray]:  # noqa: N803
    if not isinstance(net, Network):
        raise TypeError(f"net must be a bpmath.Network, got {type(net).__name__}")
    return as_batch_pair(X, Y, (net.sizes[0], net.sizes[-1]), ("X", "Y"))


@dataclass(frozen=True, eq=False)
class GradientVector:
    """∇C flattened, with a label for each entry.

    The order is, for l = 1..L: every w_jk^(l) row by row (j, then k), then every
    b_j^(l). It matches :meth:`bpmath.Network.parameter_vector`.

    Attributes
    ----------
    values : ndarray
    labels : tuple of str
        Plain-text names such as ``"w^(1)"`` (chain) or ``"w_10^(2)"``.
    latex : tuple of str
        The same names in LaTeX, e.g. ``"w^{(1)}"`` or ``"w_{10}^{(2)}"``.
    """

    values: np.ndarray
    labels: tuple[str, ...]
    latex: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, label: str) -> float:
        try:
            return float(self.values[self.labels.index(label)])
        except ValueError:
            raise KeyError(
                f"no entry {label!r}; entries are {', '.join(self.labels)}"
            ) from None


def gradient_vector(grads: Gradients) -> GradientVector:
    """Flatten a :class:`Gradients` into ∇C with labels.

    Examples
    --------
    >>> from bpmath import Network, backward
    >>> g = gradient_vector(backward(Network.chain([1.0, 2.0], [0.0, 0.0]), 1.0, 0.0))
    >>> g.labels
    ('w^(1)', 'b^(1)', 'w^(2)', 'b^(2)')
    """
    if not isinstance(grads, Gradients):
        raise TypeError(f"grads must be bpmath.Gradients, got {type(grads).__name__}")
    chain = all(w.shape == (1, 1) for w in grads.weights)
    values, labels, latex = [], [], []
    for l, (dw, db) in enumerate(zip(grads.weights, grads.biases), start=1):
        for (j, k), v in np.ndenumerate(dw):
            values.append(v)
            labels.append(f"w^({l})" if chain else f"w_{j}{k}^({l})")
            latex.append(f"w^{{({l})}}" if chain else f"w_{{{j}{k}}}^{{({l})}}")
        for j, v in enumerate(db):
            values.append(v)
            labels.append(f"b^({l})" if chain else f"b_{j}^({l})")
            latex.append(f"b^{{({l})}}" if chain else f"b_{{{j}}}^{{({l})}}")
    return GradientVector(readonly(np.array(values)), tuple(labels), tuple(latex))


@dataclass(frozen=True, eq=False)
class DescentHistory:
    """The networks and mean costs of a gradient-descent run.

    Attributes
    ----------
    networks : tuple of Network
        ``steps + 1`` networks: the start, then one after each step.
    costs : ndarray
        The mean cost of each of those networks on the batch.
    gradients : tuple of GradientVector
        ∇C at each network (the step from network i uses ``gradients[i]``).
    rate : float
        The learning rate η: each step is θ ← θ − η ∇C.
    """

    networks: tuple[Network, ...]
    costs: np.ndarray
    gradients: tuple[GradientVector, ...]
    rate: float


def gradient_descent(
    net: Network,
    X: Any,  # noqa: N803
    Y: Any,  # noqa: N803
    rate: float,
    steps: int,
) -> DescentHistory:
    """Step downhill ``steps`` times: θ ← θ − rate · ∇C, with C the mean over the batch.

    Examples
    --------
    >>> from bpmath import Network
    >>> run = gradient_descent(Network.chain([0.5], [0.0]), [1.0], [1.0], rate=1.0, steps=3)
    >>> len(run.networks), bool(run.costs[-1] < run.costs[0])
    (4, True)
    """
    rate = as_finite_float(rate, "rate")
    if rate <= 0:
        raise ValueError(f"rate must be positive, got {rate}")
    steps = check_index(steps, "steps", 0, 10**7)
    xs, ys = _batch(net, X, Y)
    networks, costs, grads = [net], [], []
    for step in range(steps + 1):
        avg = average_gradient(networks[-1], xs, ys)
        costs.append(avg.cost)
        grads.append(gradient_vector(avg.mean))
        if step < steps:
            theta = networks[-1].parameter_vector() - rate * grads[-1].values
            networks.append(networks[-1].from_parameter_vector(theta))
    return DescentHistory(
        tuple(networks), readonly(np.array(costs)), tuple(grads), rate
    )
