"""The immutable fully connected network: weights W^(l), biases b^(l), one activation.

Layers are addressed by their math index: ``net.weight(l)`` and ``net.bias(l)`` for
l = 1..L, where L = ``net.L`` is the number of weighted layers and layer 0 is the input.
``net.weight(l)[j, k]`` is w_jk^(l), the weight from neuron k of layer l-1 to neuron j of
layer l.

>>> net = Network.chain([1.0, 2.0], [0.5, -0.5])
>>> net.L, net.sizes
(2, (1, 1, 1))
>>> net.weight(2)
array([[2.]])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bpmath._validation import as_finite_float, as_matrix, as_vector, check_index
from bpmath.activations import Activation, get_activation

__all__ = ["Network"]


@dataclass(frozen=True, eq=False)
class Network:
    """A fully connected feed-forward network, validated on construction and immutable.

    Parameters
    ----------
    weights : sequence of array_like
        ``weights[l-1]`` is W^(l) with shape ``(n_l, n_{l-1})``. A scalar is a 1×1 matrix.
    biases : sequence of array_like
        ``biases[l-1]`` is b^(l) with shape ``(n_l,)``. A scalar is a length-1 vector.
    activation : str or Activation
        The σ applied in every layer; see :data:`bpmath.activations.ACTIVATIONS`.

    Raises
    ------
    ValueError
        If the network is empty, the shapes do not chain, or a value is not finite.
    TypeError
        If a value is not a number.
    """

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    activation: Activation = field(default_factory=lambda: get_activation("sigmoid"))

    def __init__(
        self,
        weights: Sequence[Any],
        biases: Sequence[Any],
        activation: str | Activation = "sigmoid",
    ) -> None:
        weights, biases = _check_sequences(weights, biases)
        ws = tuple(
            as_matrix(w, f"weights[{i}] (W^({i + 1}))") for i, w in enumerate(weights)
        )
        bs = []
        for i, (w, b) in enumerate(zip(ws, biases)):
            if i > 0 and w.shape[1] != ws[i - 1].shape[0]:
                raise ValueError(
                    f"weights do not chain: W^({i + 1}) has shape {w.shape}, so it expects"
                    f" {w.shape[1]} neuron(s) in layer {i}, but W^({i}) has shape"
                    f" {ws[i - 1].shape} and makes {ws[i - 1].shape[0]}"
                )
            bs.append(as_vector(b, f"biases[{i}] (b^({i + 1}))", length=w.shape[0]))
        object.__setattr__(self, "weights", ws)
        object.__setattr__(self, "biases", tuple(bs))
        object.__setattr__(self, "activation", get_activation(activation))

    # --- constructors -------------------------------------------------------------

    @classmethod
    def chain(
        cls,
        weights: Sequence[float],
        biases: Sequence[float],
        activation: str | Activation = "sigmoid",
    ) -> Network:
        """The one-neuron-per-layer chain from scalar weights and biases.

        >>> Network.chain([0.5, -1.0, 2.0], [0.1, 0.2, 0.3]).sizes
        (1, 1, 1, 1)
        """
        weights, biases = _check_sequences(weights, biases)
        ws = [
            [[as_finite_float(w, f"weights[{i}] (w^({i + 1}))")]]
            for i, w in enumerate(weights)
        ]
        bs = [
            [as_finite_float(b, f"biases[{i}] (b^({i + 1}))")]
            for i, b in enumerate(biases)
        ]
        return cls(ws, bs, activation)

    @classmethod
    def random(
        cls,
        sizes: Sequence[int],
        seed: int,
        activation: str | Activation = "sigmoid",
        scale: float = 1.0,
    ) -> Network:
        """A reproducible random network with layer sizes ``sizes = (n_0, ..., n_L)``.

        Weights and biases are drawn from a normal distribution with standard deviation
        ``scale`` by ``numpy.random.default_rng(seed)``.

        >>> Network.random([2, 3, 1], seed=0).sizes
        (2, 3, 1)
        >>> Network.random([2, 3, 1], seed=0) == Network.random([2, 3, 1], seed=0)
        True
        """
        if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence):
            raise TypeError(f"sizes must be a sequence of layer sizes, got {sizes!r}")
        if len(sizes) < 2:
            raise ValueError(
                f"sizes must name the input layer and at least one more, got {list(sizes)}"
            )
        for i, n in enumerate(sizes):
            check_index(n, f"sizes[{i}]", 1, 10**6)
        seed = check_index(seed, "seed", 0, 2**64 - 1)  # None would not be reproducible
        scale = as_finite_float(scale, "scale")
        if scale <= 0:
            raise ValueError(f"scale must be positive, got {scale}")
        rng = np.random.default_rng(seed)
        ws = [
            rng.normal(0.0, scale, (sizes[i], sizes[i - 1]))
            for i in range(1, len(sizes))
        ]
        bs = [rng.normal(0.0, scale, sizes[i]) for i in range(1, len(sizes))]
        return cls(ws, bs, activation)

    # --- math-indexed access ------------------------------------------------------

    @property
    def L(self) -> int:  # noqa: N802 - the lecture's name for the number of layers
        """The number of weighted layers; layer L is the output."""
        return len(self.weights)

    @property
    def sizes(self) -> tuple[int, ...]:
        """The neuron counts ``(n_0, n_1, ..., n_L)``."""
        return (self.weights[0].shape[1],) + tuple(w.shape[0] for w in self.weights)

    @property
    def is_chain(self) -> bool:
        """True when every layer, the input included, has exactly one neuron."""
        return all(n == 1 for n in self.sizes)

    def n(self, layer: int) -> int:
        """The number of neurons in ``layer`` (0..L)."""
        return self.sizes[check_index(layer, "layer", 0, self.L)]

    def weight(self, layer: int) -> np.ndarray:
        """W^(layer), shape ``(n_layer, n_{layer-1})``, for layer in 1..L."""
        return self.weights[check_index(layer, "layer", 1, self.L) - 1]

    def bias(self, layer: int) -> np.ndarray:
        """b^(layer), shape ``(n_layer,)``, for layer in 1..L."""
        return self.biases[check_index(layer, "layer", 1, self.L) - 1]

    @property
    def n_parameters(self) -> int:
        """How many weights and biases the network has (the length of ∇C)."""
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases))

    # --- building changed copies ------------------------------------------------

    def with_weight(self, layer: int, j: int, k: int, value: float) -> Network:
        """A copy with w_jk^(layer) replaced by ``value``."""
        w = self.weight(layer)
        check_index(j, "j", 0, w.shape[0] - 1)
        check_index(k, "k", 0, w.shape[1] - 1)
        new = np.array(w)
        new[j, k] = as_finite_float(value, "value")
        ws = list(self.weights)
        ws[layer - 1] = new
        return Network(ws, self.biases, self.activation)

    def with_bias(self, layer: int, j: int, value: float) -> Network:
        """A copy with b_j^(layer) replaced by ``value``."""
        b = self.bias(layer)
        check_index(j, "j", 0, b.shape[0] - 1)
        new = np.array(b)
        new[j] = as_finite_float(value, "value")
        bs = list(self.biases)
        bs[layer - 1] = new
        return Network(self.weights, bs, self.activation)

    def parameter_vector(self) -> np.ndarray:
        """All parameters flattened: for l = 1..L, W^(l) row by row, then b^(l)."""
        parts = [p for w, b in zip(self.weights, self.biases) for p in (w.ravel(), b)]
        return np.concatenate(parts)

    def from_parameter_vector(self, vector: Any) -> Network:
        """A network of the same shape whose parameters are ``vector``.

        The order is that of :meth:`parameter_vector`.
        """
        vec = as_vector(vector, "vector", length=self.n_parameters)
        ws, bs, at = [], [], 0
        for w, b in zip(self.weights, self.biases):
            ws.append(vec[at : at + w.size].reshape(w.shape))
            at += w.size
            bs.append(vec[at : at + b.size])
            at += b.size
        return Network(ws, bs, self.activation)

    # --- value semantics ------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Network):
            return NotImplemented
        return (
            self.activation.name == other.activation.name
            and self.sizes == other.sizes
            and all(np.array_equal(a, b) for a, b in zip(self.weights, other.weights))
            and all(np.array_equal(a, b) for a, b in zip(self.biases, other.biases))
        )

    def __hash__(self) -> int:
        # + 0.0 turns -0.0 into 0.0: __eq__ calls them equal, so they must hash alike.
        params = self.parameter_vector() + 0.0
        return hash((self.activation.name, self.sizes, params.tobytes()))

    def __repr__(self) -> str:
        if self.is_chain:
            ws = [float(w[0, 0]) for w in self.weights]
            bs = [float(b[0]) for b in self.biases]
            return f"Network.chain({ws}, {bs}, activation={self.activation.name!r})"
        return f"Network(sizes={self.sizes}, activation={self.activation.name!r})"


def _check_sequences(weights: Any, biases: Any) -> tuple[list, list]:
    for name, value in (("weights", weights), ("biases", biases)):
        if isinstance(value, (str, bytes)) or not isinstance(
            value, (Sequence, np.ndarray)
        ):
            raise TypeError(
                f"{name} must be a list with one entry per layer, got {value!r}"
            )
    if len(weights) == 0:
        raise ValueError("weights must hold at least one layer; got an empty network")
    if len(weights) != len(biases):
        raise ValueError(
            f"weights and biases must have one entry per layer: got {len(weights)}"
            f" weight matrices and {len(biases)} bias vectors"
        )
    return list(weights), list(biases)
