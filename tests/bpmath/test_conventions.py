"""The conventions the lecture states: no ½ in the cost, ReLU'(0) = 0, a silent sigmoid."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bpmath
from bpmath.activations import (
    LEAKY_SLOPE,
    leaky_relu,
    leaky_relu_prime,
    relu,
    relu_prime,
)

H = 1e-6


def _central_output_gradient(output, y) -> np.ndarray:
    """∂C0/∂a_j^(L) by central differences of bpmath.cost, one output at a time."""
    out = []
    for j in range(len(output)):
        up, down = np.array(output, float), np.array(output, float)
        up[j] += H
        down[j] -= H
        out.append((bpmath.cost(up, y) - bpmath.cost(down, y)) / (2 * H))
    return np.array(out)


def test_cost_has_no_half():
    """C0 = Σ_j (a_j − y_j)², not ½ Σ_j (a_j − y_j)²."""
    got = bpmath.cost([0.5, 0.2], [1.0, 0.0])
    assert got == pytest.approx((0.5 - 1.0) ** 2 + (0.2 - 0.0) ** 2, rel=1e-15), got


@given(
    st.lists(st.floats(-2, 2), min_size=1, max_size=4).flatmap(
        lambda a: st.tuples(
            st.just(a), st.lists(st.floats(-2, 2), min_size=len(a), max_size=len(a))
        )
    )
)
def test_output_error_is_twice_a_minus_y_and_the_half_convention_fails(pair):
    """2(a − y) matches the central difference of bpmath.cost; the ½ convention's (a − y) does not."""
    a, y = map(np.array, pair)
    numeric = _central_output_gradient(a, y)
    assert np.allclose(bpmath.cost_gradient(a, y), numeric, rtol=1e-7, atol=1e-8), (
        f"2(a − y) = {bpmath.cost_gradient(a, y)} vs central difference {numeric}"
    )
    half_convention = a - y
    off = np.abs(a - y) > 1e-3  # where a ≈ y both are ≈ 0 and cannot be told apart
    if off.any():
        assert not np.allclose(half_convention[off], numeric[off], rtol=1e-3), (
            "(a − y) should be half the true derivative of C0 = Σ (a − y)²"
        )


def test_half_convention_backprop_halves_the_chain_gradient():
    """On the chain, Nielsen's a^(2) σ'(z^(3)) (a^(3) − y) is half a central difference of C0."""
    ex = bpmath.examples.chain()
    net, x, y = ex.network, ex.x, ex.y
    w3 = float(net.weight(3)[0, 0])

    def cost(w):
        return bpmath.cost(bpmath.forward(net.with_weight(3, 0, 0, w), x).output, y)

    numeric = (cost(w3 + H) - cost(w3 - H)) / (2 * H)
    t = bpmath.forward(net, x)
    a2, z3, a3 = float(t.a(2)[0]), float(t.z(3)[0]), float(t.a(3)[0])
    s = 1 / (1 + math.exp(-z3))
    half = a2 * s * (1 - s) * (a3 - float(y[0]))
    ours = float(bpmath.backward(net, x, y).weight(3)[0, 0])
    assert ours == pytest.approx(numeric, rel=1e-8), (
        f"backward {ours} vs numeric {numeric}"
    )
    assert numeric / half == pytest.approx(2.0, rel=1e-8), (
        "½ convention is not off by 2×"
    )


def test_relu_derivative_at_zero_is_zero():
    """ReLU'(0) = 0, as in PyTorch; ReLU' is 0 below and 1 above."""
    assert relu_prime(0.0) == 0.0, f"ReLU'(0) = {relu_prime(0.0)}"
    assert relu_prime(-0.0) == 0.0
    got = relu_prime(np.array([-1.0, 0.0, 1e-300, 2.0]))
    assert got.tolist() == [0.0, 0.0, 1.0, 1.0], f"ReLU' = {got}"
    assert relu(np.array([-2.0, 0.0, 3.0])).tolist() == [0.0, 0.0, 3.0]


def test_relu_network_with_z_exactly_zero_passes_no_gradient():
    """A ReLU neuron with z = 0 blocks the gradient: ∂C0/∂w^(1) = ∂C0/∂b^(1) = 0."""
    net = bpmath.Network.chain([2.0, 1.5], [-1.0, 0.3], activation="relu")
    g = bpmath.backward(net, 0.5, 2.0)  # z^(1) = 2.0 · 0.5 − 1.0 = 0 exactly
    assert bpmath.forward(net, 0.5).z(1)[0] == 0.0, "the test needs z^(1) = 0"
    assert g.z(1)[0] == 0.0 and g.weight(1)[0, 0] == 0.0 and g.bias(1)[0] == 0.0, (
        f"∂C0/∂z^(1) = {g.z(1)[0]}, should be ReLU'(0) · ... = 0"
    )
    assert g.a(1)[0] != 0.0, "the layer above does pass a gradient down"


def test_leaky_relu_derivative_at_zero_is_the_left_slope():
    """LReLU'(0) is the slope to the left of 0, like ReLU'(0) = 0."""
    h = 1e-3
    left_slope = (leaky_relu(0.0) - leaky_relu(-h)) / h
    right_slope = (leaky_relu(h) - leaky_relu(0.0)) / h
    assert leaky_relu_prime(0.0) == pytest.approx(left_slope, rel=1e-12), (
        "not the left slope"
    )
    assert leaky_relu_prime(0.0) != pytest.approx(right_slope), "took the right slope"
    assert leaky_relu_prime(0.0) == LEAKY_SLOPE == 0.01
    assert leaky_relu_prime(np.array([-3.0, 0.0, 3.0])).tolist() == [0.01, 0.01, 1.0]


def _silently(f, *args):
    """Call f with every numpy floating-point event and every warning raised as an error."""
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        return f(*args)


def test_sigmoid_is_finite_and_silent_at_plus_minus_1000():
    """σ(±1000) and σ'(±1000) give 0, 1 and 0 with no overflow or underflow warning."""
    z = np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0])
    s = _silently(bpmath.sigmoid, z)
    ds = _silently(bpmath.sigmoid_prime, z)
    assert s.tolist()[0] == 0.0 and s.tolist()[2] == 0.5 and s.tolist()[-1] == 1.0, s
    assert np.all(np.isfinite(ds)) and ds[0] == 0.0 and ds[-1] == 0.0, ds
    assert _silently(bpmath.sigmoid, -1000.0) == 0.0
    assert _silently(bpmath.sigmoid, 1000.0) == 1.0
    assert _silently(bpmath.sigmoid_prime, 1000.0) == 0.0


@given(st.floats(-1e6, 1e6))
def test_sigmoid_is_silent_and_bounded_everywhere(z):
    """For any finite z: 0 ≤ σ(z) ≤ 1 and 0 ≤ σ'(z) ≤ ¼, without a floating-point warning."""
    s = _silently(bpmath.sigmoid, z)
    ds = _silently(bpmath.sigmoid_prime, z)
    assert 0.0 <= s <= 1.0 and 0.0 <= ds <= 0.25, f"σ({z}) = {s}, σ'({z}) = {ds}"
    if abs(z) < 700:  # where the textbook formula does not overflow math.exp
        assert s == pytest.approx(1 / (1 + math.exp(-z)), rel=1e-12, abs=1e-300)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_saturated_network_has_finite_gradients(activation):
    """Weights that drive every neuron to saturation give finite gradients, silently."""
    net = bpmath.Network.chain([900.0, -800.0, 1000.0], [5.0, 3.0, -500.0], activation)
    t = _silently(bpmath.forward, net, 1.0)
    assert all(abs(t.z(l)[0]) > 100 for l in (1, 2, 3)), "the test needs saturation"
    g = _silently(bpmath.backward, net, 1.0, 0.0)
    for l in range(1, 4):
        for name, array in (("W", g.weight(l)), ("b", g.bias(l)), ("z", g.z(l))):
            assert np.all(np.isfinite(array)), f"∂C0/∂{name}^({l}) = {array}"
    assert all(np.all(np.isfinite(g.a(l))) for l in range(4)), "∂C0/∂a not finite"
    assert math.isfinite(g.cost)
