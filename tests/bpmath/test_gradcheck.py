"""Backpropagation against central finite differences over many random networks."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import bpmath
from tests.bpmath.conftest import networks

H = 1e-5
# Relative error below 1e-7, plus the rounding error of the central difference itself:
# each cost carries an error of about eps·C, so (C(+h) − C(−h)) / 2h is only known to
# ≈ eps·C / h (2e-11 · C at h = 1e-5). Without that term a derivative near 0 would demand
# a relative accuracy no float64 method has. We allow ten times that bound.
TOLERANCE = 1e-7
EPS = np.finfo(np.float64).eps
KINKED = {"relu", "leaky_relu"}


def _cost(net, x, y):
    return bpmath.cost(bpmath.forward(net, x).output, y)


def _central(f, h=H):
    return (f(h) - f(-h)) / (2 * h)


def _close(fd: float, an: float, cost: float) -> bool:
    rounding = 10 * EPS * max(1.0, abs(cost)) / H
    return abs(fd - an) <= TOLERANCE * max(abs(an), abs(fd)) + rounding


def _away_from_kinks(net, x):
    if net.activation.name not in KINKED:
        return True
    t = bpmath.forward(net, x)
    return all(np.min(np.abs(t.z(l))) > 1e-3 for l in range(1, net.L + 1))


@settings(max_examples=150)
@given(networks())
def test_weight_and_bias_gradients_match_central_differences(case):
    """Every ∂C0/∂w_jk^(l) and ∂C0/∂b_j^(l) agrees with a central difference."""
    net, x, y = case
    assume(_away_from_kinks(net, x))
    g = bpmath.backward(net, x, y)
    for l in range(1, net.L + 1):
        W, b = net.weight(l), net.bias(l)
        for (j, k), w in np.ndenumerate(W):
            fd = _central(lambda h: _cost(net.with_weight(l, j, k, w + h), x, y))
            an = float(g.weight(l)[j, k])
            assert _close(fd, an, g.cost), (
                f"dC/dw_{j}{k}^({l}): backprop {an}, central diff {fd}"
            )
        for j, bj in enumerate(b):
            fd = _central(lambda h: _cost(net.with_bias(l, j, bj + h), x, y))
            an = float(g.bias(l)[j])
            assert _close(fd, an, g.cost), (
                f"dC/db_{j}^({l}): backprop {an}, central diff {fd}"
            )


@settings(max_examples=100)
@given(networks())
def test_input_sensitivity_matches_central_differences(case):
    """∂C0/∂a_k^(0) agrees with nudging the input itself."""
    net, x, y = case
    assume(_away_from_kinks(net, x))
    g = bpmath.backward(net, x, y)
    for k in range(len(x)):

        def shifted(h, k=k):
            x2 = np.array(x)
            x2[k] += h
            return _cost(net, x2, y)

        fd, an = _central(shifted), float(g.a(0)[k])
        assert _close(fd, an, g.cost), (
            f"dC/da_{k}^(0): backprop {an}, central diff {fd}"
        )


@settings(max_examples=30)
@given(networks(activations=("sigmoid", "tanh")), st.data())
def test_central_difference_error_shrinks_as_h_squared(case, data):
    """Halving h divides the central-difference error by about 4."""
    net, x, y = case
    g = bpmath.backward(net, x, y)
    l = data.draw(st.integers(1, net.L))
    w = float(net.weight(l)[0, 0])
    exact = float(g.weight(l)[0, 0])
    errors = [
        abs(_central(lambda d: _cost(net.with_weight(l, 0, 0, w + d), x, y), h) - exact)
        for h in (2e-2, 1e-2)
    ]
    assume(
        errors[1] > 1e-10
    )  # the third derivative must not vanish for the ratio to mean much
    ratio = errors[0] / errors[1]
    assert 3.0 < ratio < 5.0, (
        f"error went {errors[0]:.3e} → {errors[1]:.3e}, ratio {ratio:.2f}"
    )
