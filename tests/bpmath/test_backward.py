"""backward and Gradients: the recursion, shapes like the network's, math indices."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

import bpmath
from tests.bpmath.conftest import networks


@settings(max_examples=40)
@given(networks())
def test_gradients_follow_the_backprop_recursion(case):
    """dC/da^(L) = 2(a − y); dz = σ'(z) dC/da; dw_jk = a_k dz_j; dC/da_k = Σ_j w_jk dz_j."""
    net, x, y = case
    t = bpmath.forward(net, x)
    g = bpmath.backward(net, x, y)
    out = t.output.tolist()
    assert g.a(net.L).tolist() == pytest.approx(
        [2 * (o - t) for o, t in zip(out, y)], rel=1e-15
    )
    for l in range(net.L, 0, -1):
        W, z, da = net.weight(l), t.z(l).tolist(), g.a(l).tolist()
        dz = [net.activation.prime(z[j]) * da[j] for j in range(len(z))]
        assert g.z(l).tolist() == pytest.approx(dz, rel=1e-15, abs=1e-300), (
            f"∂C0/∂z^({l})"
        )
        assert np.array_equal(g.bias(l), g.z(l)), f"∂C0/∂b^({l}) is not ∂C0/∂z^({l})"
        prev = t.a(l - 1).tolist()
        for j in range(W.shape[0]):
            for k in range(W.shape[1]):
                want = prev[k] * dz[j]
                assert g.weight(l)[j, k] == pytest.approx(
                    want, rel=1e-14, abs=1e-300
                ), f"w_{j}{k}^({l})"
        down = [
            sum(float(W[j, k]) * dz[j] for j in range(W.shape[0]))
            for k in range(W.shape[1])
        ]
        assert g.a(l - 1) == pytest.approx(down, rel=1e-12, abs=1e-14), (
            f"∂C0/∂a^({l - 1})"
        )


@settings(max_examples=20)
@given(networks())
def test_gradients_are_shaped_like_the_network(case):
    """∂C0/∂W^(l) has W^(l)'s shape, ∂C0/∂b^(l) b^(l)'s; ∂C0/∂a^(l) is (n_l,) for l = 0..L."""
    net, x, y = case
    g = bpmath.backward(net, x, y)
    assert g.L == net.L and type(g.cost) is float
    for l in range(1, net.L + 1):
        assert g.weight(l).shape == net.weight(l).shape, f"∂C0/∂W^({l})"
        assert g.bias(l).shape == net.bias(l).shape, f"∂C0/∂b^({l})"
        assert g.z(l).shape == (net.sizes[l],), f"∂C0/∂z^({l})"
    for l in range(net.L + 1):
        assert g.a(l).shape == (net.sizes[l],) and g.a(l).dtype == np.float64, (
            f"∂C0/∂a^({l})"
        )


def test_a_perfect_output_has_zero_gradient():
    """When a^(L) = y exactly the cost and every derivative are 0."""
    net = bpmath.Network.chain([1.0, 1.0], [0.0, 0.0], activation="identity")
    g = bpmath.backward(net, 0.7, 0.7)
    assert g.cost == 0.0
    assert all(
        np.all(v == 0)
        for v in (*g.weights, *g.biases, *g.activations, *g.weighted_sums)
    )


def test_gradients_fields_are_in_math_order():
    """weights[0] is ∂C0/∂W^(1) and activations[0] is ∂C0/∂a^(0): the accessors agree."""
    ex = bpmath.examples.wide()
    g = bpmath.backward(ex.network, ex.x, ex.y)
    assert g.weights[0] is g.weight(1) and g.biases[-1] is g.bias(2)
    assert g.activations[0] is g.a(0) and g.weighted_sums[1] is g.z(2)
    assert len(g.activations) == 3 and len(g.weighted_sums) == 2
