"""Activations: the registry, each σ and σ' against its formula, scalars in and out."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bpmath
from bpmath import activations

Z = [-3.0, -0.5, 0.0, 0.25, 2.0]


def _by_hand(name: str, z: float) -> tuple[float, float]:
    """(σ(z), σ'(z)) from the textbook formula, with plain math."""
    if name == "sigmoid":
        s = 1 / (1 + math.exp(-z))
        return s, s * (1 - s)
    if name == "tanh":
        return math.tanh(z), 1 - math.tanh(z) ** 2
    if name == "relu":
        return max(0.0, z), 1.0 if z > 0 else 0.0
    if name == "leaky_relu":
        return (z, 1.0) if z > 0 else (0.01 * z, 0.01)
    if name == "identity":
        return z, 1.0
    raise AssertionError(f"no hand formula for {name}")


def test_registry_names_every_activation():
    """ACTIVATIONS holds the five documented activations, each under its own name."""
    assert set(bpmath.ACTIVATIONS) == {
        "sigmoid",
        "relu",
        "leaky_relu",
        "tanh",
        "identity",
    }
    for name, act in bpmath.ACTIVATIONS.items():
        assert isinstance(act, bpmath.Activation) and act.name == name
        assert act.latex.strip(), f"{name} has no LaTeX symbol"
        assert bpmath.get_activation(name) is act
        assert bpmath.get_activation(act) is act, "an Activation passes through"


@pytest.mark.parametrize("name", list(bpmath.ACTIVATIONS))
def test_each_activation_matches_its_formula(name):
    """σ(z) and σ'(z) equal the textbook formulas at a few points."""
    act = bpmath.get_activation(name)
    for z in Z:
        value, slope = _by_hand(name, z)
        assert act(z) == pytest.approx(value, rel=1e-14, abs=1e-300), f"{name}({z})"
        assert act.prime(z) == pytest.approx(slope, rel=1e-14, abs=1e-300), (
            f"{name}'({z})"
        )
    got = act(np.array(Z))
    assert np.allclose(got, [_by_hand(name, z)[0] for z in Z], rtol=1e-14), (
        f"{name} on arrays"
    )


@pytest.mark.parametrize("name", list(bpmath.ACTIVATIONS))
def test_scalar_in_float_out_array_in_array_out(name):
    """A Python float comes back as a float; an array as a float64 array of the same shape."""
    act = bpmath.get_activation(name)
    for f in (act, act.prime, act.function, act.derivative):
        assert type(f(0.3)) is float, f"{name}: {type(f(0.3)).__name__} for a float"
        out = f(np.zeros((2, 3)))
        assert (
            isinstance(out, np.ndarray)
            and out.shape == (2, 3)
            and out.dtype == np.float64
        )


def test_module_functions_are_the_registered_ones():
    """bpmath.sigmoid, activations.relu_prime and friends are what the registry uses."""
    assert (
        bpmath.sigmoid is activations.sigmoid is bpmath.ACTIVATIONS["sigmoid"].function
    )
    assert bpmath.sigmoid_prime is bpmath.ACTIVATIONS["sigmoid"].derivative
    pairs = {
        "relu": (activations.relu, activations.relu_prime),
        "leaky_relu": (activations.leaky_relu, activations.leaky_relu_prime),
        "tanh": (activations.tanh, activations.tanh_prime),
        "identity": (activations.identity, activations.identity_prime),
    }
    for name, (f, df) in pairs.items():
        act = bpmath.ACTIVATIONS[name]
        assert act.function is f and act.derivative is df, name


def test_sigmoid_is_symmetric():
    """σ(−z) = 1 − σ(z) and σ'(−z) = σ'(z)."""
    z = np.linspace(-30, 30, 121)
    assert np.allclose(bpmath.sigmoid(-z), 1 - bpmath.sigmoid(z), rtol=0, atol=1e-15)
    assert np.allclose(bpmath.sigmoid_prime(-z), bpmath.sigmoid_prime(z), rtol=1e-12)


def test_identity_returns_a_copy():
    """identity(z) does not hand back the caller's array."""
    z = np.array([1.0, 2.0])
    out = activations.identity(z)
    out[0] = 5.0
    assert z[0] == 1.0, "identity returned its input array"
