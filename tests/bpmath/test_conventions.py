"""The conventions the lecture states: no ½ in the cost, ReLU'(0) = 0, a silent sigmoid."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import bpmath


def _central_output_gradient(output, y, h=1e-6):
    out = []
    for j in range(len(output)):
        up, down = np.array(output, float), np.array(output, float)
        up[j] += h
        down[j] -= h
        out.append((bpmath.cost(up, y) - bpmath.cost(down, y)) / (2 * h))
    return np.array(out)


def test_cost_has_no_half():
    """C0 = Σ (a − y)², not ½ Σ (a − y)²."""
    assert bpmath.cost([0.5, 0.2], [1.0, 0.0]) == pytest.approx(0.25 + 0.04)


def test_output_error_is_twice_a_minus_y_and_the_half_convention_fails():
    """2(a − y) matches the central difference of the cost; Nielsen's (a − y) does not."""
    a, y = np.array([0.3, 0.9, 0.55]), np.array([1.0, 0.0, 0.5])
    numeric = _central_output_gradient(a, y)
    assert np.allclose(bpmath.cost_gradient(a, y), numeric, rtol=1e-8)
    half_convention = a - y
    assert not np.allclose(half_convention, numeric, rtol=1e-3), (
        "(a − y) should be off by 2×"
    )


def test_relu_derivative_at_zero_is_zero():
    """ReLU'(0) = 0, as in PyTorch; ReLU'(>0) = 1."""
    assert bpmath.activations.relu_prime(0.0) == 0.0
    assert np.array_equal(
        bpmath.activations.relu_prime(np.array([-1.0, 0.0, 2.0])), [0, 0, 1]
    )


def test_leaky_relu_derivative_at_zero_is_the_left_slope():
    """LReLU'(0) is the slope left of 0, like ReLU'(0) = 0."""
    assert bpmath.activations.leaky_relu_prime(0.0) == bpmath.activations.LEAKY_SLOPE


def test_sigmoid_is_finite_and_silent_at_large_inputs():
    """σ(±1000) and σ'(±1000) raise no overflow warning and are finite."""
    z = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        s, ds = bpmath.sigmoid(z), bpmath.sigmoid_prime(z)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(ds))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[2] == 0.5


def test_saturated_network_has_finite_gradients():
    """Weights big enough to saturate every neuron still give finite derivatives."""
    net = bpmath.Network.chain([900.0, -800.0, 1000.0], [5.0, -3.0, 2.0])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        g = bpmath.backward(net, 1.0, 0.0)
    for l in range(1, 4):
        assert np.all(np.isfinite(g.weight(l))) and np.all(np.isfinite(g.bias(l)))


@pytest.mark.parametrize("name", list(bpmath.ACTIVATIONS))
def test_each_activation_derivative_matches_its_function(name):
    """σ' agrees with a central difference of σ away from kinks."""
    act = bpmath.get_activation(name)
    z = np.array([-2.3, -0.7, 0.4, 1.9])
    h = 1e-6
    numeric = (act(z + h) - act(z - h)) / (2 * h)
    assert np.allclose(act.prime(z), numeric, rtol=1e-6, atol=1e-9)


def test_scalar_in_scalar_out():
    """Activations return a float for a float and an array for an array."""
    assert type(bpmath.sigmoid(0.3)) is float
    assert isinstance(bpmath.sigmoid(np.array([0.3])), np.ndarray)
