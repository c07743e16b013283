"""The canonical examples worked by hand with math.exp, independently of bpmath."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bpmath


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def dsig(z: float) -> float:
    return sig(z) * (1.0 - sig(z))


@pytest.fixture(scope="module")
def chain_by_hand():
    """Forward and backward of the chain example, one line per step of the lecture."""
    w = [1.2, 2.4, 2.5]
    b = [-0.3, -0.8, -2.0]
    x, y = 0.9, 1.0
    a0 = x
    z1 = w[0] * a0 + b[0]
    a1 = sig(z1)
    z2 = w[1] * a1 + b[1]
    a2 = sig(z2)
    z3 = w[2] * a2 + b[2]
    a3 = sig(z3)
    c0 = (a3 - y) ** 2
    dc_da3 = 2 * (a3 - y)
    dc_dz3 = dsig(z3) * dc_da3
    dc_da2 = w[2] * dc_dz3
    dc_dz2 = dsig(z2) * dc_da2
    dc_da1 = w[1] * dc_dz2
    dc_dz1 = dsig(z1) * dc_da1
    dc_da0 = w[0] * dc_dz1
    return {
        "z": [z1, z2, z3],
        "a": [a0, a1, a2, a3],
        "C": c0,
        "dz": [dc_dz1, dc_dz2, dc_dz3],
        "da": [dc_da0, dc_da1, dc_da2, dc_da3],
        "dw": [a0 * dc_dz1, a1 * dc_dz2, a2 * dc_dz3],
        "db": [dc_dz1, dc_dz2, dc_dz3],
    }


def test_chain_forward_matches_hand(chain_by_hand):
    """z^(l) = w a + b and a^(l) = σ(z) for l = 1..3, and the input a^(0)."""
    ex = bpmath.examples.chain()
    t = bpmath.forward(ex.network, ex.x)
    for l in range(1, 4):
        assert t.z(l)[0] == pytest.approx(chain_by_hand["z"][l - 1], abs=1e-15), (
            f"z^({l})"
        )
    for l in range(4):
        assert t.a(l)[0] == pytest.approx(chain_by_hand["a"][l], abs=1e-15), f"a^({l})"


def test_chain_cost_matches_hand(chain_by_hand):
    """C0 = (a^(3) − y)² with no ½."""
    ex = bpmath.examples.chain()
    assert bpmath.backward(ex.network, ex.x, ex.y).cost == pytest.approx(
        chain_by_hand["C"]
    )


def test_chain_rule_factors_match_hand(chain_by_hand):
    """∂C0/∂w^(3) = a^(2) · σ'(z^(3)) · 2(a^(3) − y)."""
    ex = bpmath.examples.chain()
    h = chain_by_hand
    rule = bpmath.chain_rule(ex.network, ex.x, ex.y, layer=3)
    expected = (h["a"][2], dsig(h["z"][2]), 2 * (h["a"][3] - 1.0))
    assert rule.factors == pytest.approx(expected), f"{rule.factors} != {expected}"
    assert rule.product == pytest.approx(h["dw"][2])


def test_every_chain_gradient_entry_matches_hand(chain_by_hand):
    """Every ∂C0/∂w, ∂C0/∂b, ∂C0/∂a and ∂C0/∂z of the chain, by math index."""
    ex = bpmath.examples.chain()
    g = bpmath.backward(ex.network, ex.x, ex.y)
    h = chain_by_hand
    for l in range(1, 4):
        assert g.weight(l)[0, 0] == pytest.approx(h["dw"][l - 1], rel=1e-12), (
            f"dC/dw^({l})"
        )
        assert g.bias(l)[0] == pytest.approx(h["db"][l - 1], rel=1e-12), f"dC/db^({l})"
        assert g.z(l)[0] == pytest.approx(h["dz"][l - 1], rel=1e-12), f"dC/dz^({l})"
    for l in range(4):
        assert g.a(l)[0] == pytest.approx(h["da"][l], rel=1e-12), f"dC/da^({l})"


def test_bias_and_previous_activation_factors(chain_by_hand):
    """∂z/∂b = 1 and ∂z^(3)/∂a^(2) = w^(3) as first factors."""
    ex = bpmath.examples.chain()
    bias = bpmath.chain_rule(ex.network, ex.x, ex.y, 3, wrt="b")
    prev = bpmath.chain_rule(ex.network, ex.x, ex.y, 3, wrt="a")
    assert bias.dz_dparam == 1.0 and bias.product == pytest.approx(
        chain_by_hand["db"][2]
    )
    assert prev.dz_dparam == 2.5 and prev.product == pytest.approx(
        chain_by_hand["da"][2]
    )


def test_wide_example_weighted_sums_by_hand():
    """z_j^(1) = Σ_k w_jk x_k + b_j and z_j^(2) from a^(1), written out."""
    ex = bpmath.examples.wide()
    W1, b1 = ex.network.weight(1), ex.network.bias(1)
    W2, b2 = ex.network.weight(2), ex.network.bias(2)
    x = [0.8, 0.3]
    t = bpmath.forward(ex.network, x)
    for j in range(3):
        z = W1[j, 0] * x[0] + W1[j, 1] * x[1] + b1[j]
        assert t.z(1)[j] == pytest.approx(z), f"z_{j}^(1)"
    a1 = [sig(float(t.z(1)[k])) for k in range(3)]
    for j in range(2):
        z = sum(W2[j, k] * a1[k] for k in range(3)) + b2[j]
        assert t.z(2)[j] == pytest.approx(z), f"z_{j}^(2)"
    y = [0.0, 1.0]
    cost = sum((sig(float(t.z(2)[j])) - y[j]) ** 2 for j in range(2))
    assert bpmath.cost(t.output, y) == pytest.approx(cost)


def test_wide_output_error_and_weight_gradient_by_hand():
    """∂C0/∂w_jk^(2) = a_k^(1) σ'(z_j^(2)) 2(a_j^(2) − y_j) for every j, k."""
    ex = bpmath.examples.wide()
    t = bpmath.forward(ex.network, ex.x)
    g = bpmath.backward(ex.network, ex.x, ex.y)
    for j in range(2):
        for k in range(3):
            z = float(t.z(2)[j])
            hand = float(t.a(1)[k]) * dsig(z) * 2 * (sig(z) - float(ex.y[j]))
            assert g.weight(2)[j, k] == pytest.approx(hand), f"dC/dw_{j}{k}^(2)"
    assert np.allclose(bpmath.cost_gradient(t.output, ex.y), 2 * (t.output - ex.y))
