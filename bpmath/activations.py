"""Activation functions σ and their derivatives σ', looked up by name.

Each activation is a frozen :class:`Activation` holding the function, its derivative and
its LaTeX symbol. The registry :data:`ACTIVATIONS` maps names to them, and
:func:`get_activation` refuses unknown names with the list of valid ones.

Conventions: ReLU'(0) = 0 (as in PyTorch); the sigmoid is computed from ``exp(-|z|)`` so
it stays finite and silent for any finite z.

>>> round(sigmoid(0.0), 6), round(sigmoid_prime(0.0), 6)
(0.5, 0.25)
>>> relu_prime(0.0)
0.0
"""

from __future__ import annotations

import math  # noqa: F401 - used by the doctests
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "get_activation",
    "identity",
    "identity_prime",
    "leaky_relu",
    "leaky_relu_prime",
    "relu",
    "relu_prime",
    "sigmoid",
    "sigmoid_prime",
    "tanh",
    "tanh_prime",
]

ArrayOrFloat = TypeVar("ArrayOrFloat", float, np.ndarray)

LEAKY_SLOPE = 0.01
"""Slope of the leaky ReLU for negative inputs."""


def _same_kind(z, result: np.ndarray):
    """Return a Python float for scalar input, an array otherwise."""
    return float(result) if np.ndim(z) == 0 else result


def sigmoid(z: ArrayOrFloat) -> ArrayOrFloat:
    """The logistic function σ(z) = 1 / (1 + e^(-z)), without overflow.

    >>> sigmoid(2.0) == 1 / (1 + math.exp(-2.0))
    True
    >>> sigmoid(-1000.0), sigmoid(1000.0)
    (0.0, 1.0)
    """
    z_arr = np.asarray(z, dtype=np.float64)
    with np.errstate(
        under="ignore"
    ):  # exp(-1000) underflowing to 0 is the right answer
        e = np.exp(-np.abs(z_arr))  # in (0, 1]: never overflows
        return _same_kind(z, np.where(z_arr >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def sigmoid_prime(z: ArrayOrFloat) -> ArrayOrFloat:
    """σ'(z) = σ(z) (1 − σ(z)).

    >>> s = sigmoid(0.5)
    >>> sigmoid_prime(0.5) == s * (1 - s)
    True
    """
    s = np.asarray(sigmoid(np.asarray(z, dtype=np.float64)))
    return _same_kind(z, s * (1.0 - s))


def relu(z: ArrayOrFloat) -> ArrayOrFloat:
    """max(0, z)."""
    return _same_kind(z, np.maximum(np.asarray(z, dtype=np.float64), 0.0))


def relu_prime(z: ArrayOrFloat) -> ArrayOrFloat:
    """1 for z > 0, else 0 (so ReLU'(0) = 0, as in PyTorch)."""
    return _same_kind(z, (np.asarray(z, dtype=np.float64) > 0).astype(np.float64))


def leaky_relu(z: ArrayOrFloat) -> ArrayOrFloat:
    """Z for z > 0, else 0.01 z."""
    z_arr = np.asarray(z, dtype=np.float64)
    return _same_kind(z, np.where(z_arr > 0, z_arr, LEAKY_SLOPE * z_arr))


def leaky_relu_prime(z: ArrayOrFloat) -> ArrayOrFloat:
    """1 for z > 0, else 0.01 (the left slope at exactly 0, like ReLU'(0) = 0)."""
    z_arr = np.asarray(z, dtype=np.float64)
    return _same_kind(z, np.where(z_arr > 0, 1.0, LEAKY_SLOPE))


def tanh(z: ArrayOrFloat) -> ArrayOrFloat:
    """The hyperbolic tangent."""
    return _same_kind(z, np.tanh(np.asarray(z, dtype=np.float64)))


def tanh_prime(z: ArrayOrFloat) -> ArrayOrFloat:
    """1 − tanh(z)²."""
    t = np.tanh(np.asarray(z, dtype=np.float64))
    return _same_kind(z, 1.0 - t * t)


def identity(z: ArrayOrFloat) -> ArrayOrFloat:
    """Z itself: a linear neuron."""
    return _same_kind(z, np.array(z, dtype=np.float64))


def identity_prime(z: ArrayOrFloat) -> ArrayOrFloat:
    """1 everywhere."""
    return _same_kind(z, np.ones_like(np.asarray(z, dtype=np.float64)))


@dataclass(frozen=True)
class Activation:
    r"""A named activation function with its derivative.

    Attributes
    ----------
    name : str
        Registry name, e.g. ``"sigmoid"``.
    function : callable
        σ, applied elementwise.
    derivative : callable
        σ', applied elementwise.
    latex : str
        The symbol used in formulas on screen, e.g. ``\sigma``.
    """

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]
    latex: str

    def __call__(self, z: ArrayOrFloat) -> ArrayOrFloat:
        """σ(z)."""
        return self.function(z)

    def prime(self, z: ArrayOrFloat) -> ArrayOrFloat:
        """σ'(z)."""
        return self.derivative(z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", sigmoid, sigmoid_prime, r"\sigma"),
        Activation("relu", relu, relu_prime, r"\operatorname{ReLU}"),
        Activation("leaky_relu", leaky_relu, leaky_relu_prime, r"\operatorname{LReLU}"),
        Activation("tanh", tanh, tanh_prime, r"\tanh"),
        Activation("identity", identity, identity_prime, r"\operatorname{id}"),
    )
}
"""Every activation bpmath knows, by name."""


def get_activation(name: str | Activation) -> Activation:
    """Look an activation up by name (an :class:`Activation` passes through).

    >>> get_activation("tanh").name
    'tanh'
    >>> get_activation("softmax")
    Traceback (most recent call last):
    ...
    ValueError: activation must be one of 'sigmoid', 'relu', 'leaky_relu', 'tanh', 'identity'; got 'softmax'
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(f"activation must be a name (str), got {name!r}")
    try:
        return ACTIVATIONS[name]
    except KeyError:
        valid = ", ".join(repr(n) for n in ACTIVATIONS)
        raise ValueError(f"activation must be one of {valid}; got {name!r}") from None
