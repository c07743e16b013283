"""Backpropagation against central finite differences over many random networks.

Central differences, (C(θ + h) − C(θ − h)) / 2h, are an independent way to get ∂C0/∂θ:
they only run the forward pass. Every parameter and every activation of random
networks (1–4 weighted layers of 1–5 neurons, every activation bpmath knows) is
checked in float64 at h = 1e-5.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import bpmath
from tests.bpmath.conftest import away_from_kinks, cost_of, networks

H = 1e-5
RELATIVE = 1e-7
EPS = np.finfo(np.float64).eps


def _central(f, h: float = H) -> float:
    """(f(+h) − f(−h)) / 2h."""
    return (f(h) - f(-h)) / (2 * h)


def _agree(fd: float, exact: float, cost: float) -> bool:
    """Relative error below 1e-7, with the central difference's own rounding as a floor.

    The truncation error of a central difference is about h²·f'''/6 (≈ 2e-11 · f''' at
    h = 1e-5), far inside 1e-7 relative. What it cannot beat is rounding: C(θ ± h) each
    carry an absolute error of a few eps · C, so their difference over 2h is only known
    to about eps · C / h (≈ 2e-11 · C here). A derivative that is 0 or tiny is therefore
    measured to ± that much and no better, by any float64 method. The floor allows ten
    times it (operations in the forward pass each add an eps); it is not a relative
    tolerance in disguise: for C ≈ 1 it is 2e-10 absolute.
    """
    floor = 10 * EPS * max(1.0, abs(cost)) / H
    return abs(fd - exact) <= RELATIVE * max(abs(fd), abs(exact)) + floor


def _message(what: str, exact: float, fd: float) -> str:
    rel = abs(fd - exact) / max(abs(fd), abs(exact), 1e-300)
    return f"{what}: backprop {exact!r}, central difference {fd!r} (relative error {rel:.1e})"


@settings(max_examples=120)
@given(networks())
def test_weight_bias_and_z_gradients_match_central_differences(case):
    """Every ∂C0/∂w_jk^(l), ∂C0/∂b_j^(l) and ∂C0/∂z_j^(l) agrees with a central difference."""
    net, x, y = case
    assume(away_from_kinks(net, x))
    g = bpmath.backward(net, x, y)
    for l in range(1, net.L + 1):
        for (j, k), w in np.ndenumerate(net.weight(l)):
            fd = _central(lambda h: cost_of(net.with_weight(l, j, k, w + h), x, y))
            exact = float(g.weight(l)[j, k])
            assert _agree(fd, exact, g.cost), _message(
                f"∂C0/∂w_{j}{k}^({l})", exact, fd
            )
        for j, bj in enumerate(net.bias(l)):
            # Moving b_j moves z_j by exactly as much, so this is also ∂C0/∂z_j.
            fd = _central(lambda h: cost_of(net.with_bias(l, j, bj + h), x, y))
            exact = float(g.bias(l)[j])
            assert _agree(fd, exact, g.cost), _message(f"∂C0/∂b_{j}^({l})", exact, fd)
            exact_z = float(g.z(l)[j])
            assert _agree(fd, exact_z, g.cost), _message(
                f"∂C0/∂z_{j}^({l})", exact_z, fd
            )


@settings(max_examples=80)
@given(networks())
def test_input_sensitivity_matches_central_differences(case):
    """∂C0/∂a_k^(0) agrees with nudging the input x itself."""
    net, x, y = case
    assume(away_from_kinks(net, x))
    g = bpmath.backward(net, x, y)
    for k in range(len(x)):

        def shifted(h, k=k):
            moved = np.array(x)
            moved[k] += h
            return cost_of(net, moved, y)

        fd, exact = _central(shifted), float(g.a(0)[k])
        assert _agree(fd, exact, g.cost), _message(f"∂C0/∂a_{k}^(0)", exact, fd)


@settings(max_examples=40)
@given(networks())
def test_every_activation_sensitivity_matches_central_differences(case):
    """∂C0/∂a_j^(l) for l = 0..L agrees with nudging that activation by ±h."""
    net, x, y = case
    assume(away_from_kinks(net, x))
    g = bpmath.backward(net, x, y)
    for l in range(net.L + 1):
        for j in range(net.sizes[l]):
            param = bpmath.a(l, j)
            fd = _central(lambda h: bpmath.nudge(net, x, y, param, h).cost_after)
            exact = float(g.a(l)[j])
            assert _agree(fd, exact, g.cost), _message(f"∂C0/∂a_{j}^({l})", exact, fd)


def _truncation_errors(net, x, y, param: bpmath.Parameter, hs):
    """abs(central difference − backprop) of one parameter at each step size in ``hs``."""
    g = bpmath.backward(net, x, y)
    if param.kind == "w":
        exact = float(g.weight(param.layer)[param.j, param.k])
    else:
        exact = float(g.bias(param.layer)[param.j])
    return [
        abs(_central(lambda d: bpmath.nudge(net, x, y, param, d).cost_after, h) - exact)
        for h in hs
    ], g.cost


def test_central_difference_error_shrinks_as_h_squared_on_the_chain():
    """On the chain, halving h from 4e-3 divides the error of ∂C0/∂w^(3) by about 4."""
    ex = bpmath.examples.chain()
    (e1, e2, e3), _ = _truncation_errors(
        ex.network, ex.x, ex.y, bpmath.w(3), (4e-3, 2e-3, 1e-3)
    )
    for big, small in ((e1, e2), (e2, e3)):
        assert 3.9 < big / small < 4.1, (
            f"error {big:.3e} → {small:.3e}: ratio {big / small:.3f}"
        )


@settings(max_examples=40)
@given(networks(activations=("sigmoid", "tanh")), st.data())
def test_central_difference_error_shrinks_as_h_squared(case, data):
    """Halving h (8e-3 → 4e-3) divides the error of a random weight or bias by 3 to 5.

    At these h the truncation error h²·f'''/6 dominates rounding (eps·C/h ≈ 1e-13) by
    orders of magnitude; parameters whose third derivative nearly vanishes are skipped,
    since their error is all rounding and h⁴ terms.
    """
    net, x, y = case
    layer = data.draw(st.integers(1, net.L), label="layer")
    j = data.draw(st.integers(0, net.sizes[layer] - 1), label="j")
    if data.draw(st.booleans(), label="weight"):
        param = bpmath.w(layer, j, data.draw(st.integers(0, net.sizes[layer - 1] - 1)))
    else:
        param = bpmath.b(layer, j)
    hs = (8e-3, 4e-3)
    (big, small), cost = _truncation_errors(net, x, y, param, hs)
    rounding = EPS * max(1.0, cost) / hs[1]
    assume(small > 1e4 * rounding)
    ratio = big / small
    assert 3.0 < ratio < 5.0, (
        f"{param}: error {big:.3e} → {small:.3e}, ratio {ratio:.2f}"
    )


@pytest.mark.parametrize("name", list(bpmath.ACTIVATIONS))
def test_activation_derivatives_match_central_differences(name):
    """σ'(z) of every activation agrees with (σ(z + h) − σ(z − h)) / 2h away from 0."""
    act = bpmath.get_activation(name)
    z = np.array([-7.5, -2.3, -0.7, -0.01, 0.01, 0.4, 1.9, 6.0])
    numeric = (act(z + H) - act(z - H)) / (2 * H)
    assert np.allclose(act.prime(z), numeric, rtol=1e-8, atol=1e-10), (
        f"{name}': {act.prime(z)} vs central differences {numeric}"
    )
