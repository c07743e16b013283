"""nudge and Nudge: change one number, re-run the real network, measure every change."""

from __future__ import annotations

import numpy as np
import pytest

import bpmath

CHAIN = bpmath.examples.chain()
NET, X, Y = CHAIN.network, CHAIN.x, CHAIN.y
WIDE = bpmath.examples.wide()


def test_weight_nudge_before_and_after():
    """Nudging w^(3) by 0.1 is the same as running the network with w^(3) + 0.1."""
    n = bpmath.nudge(NET, X, Y, "w3", 0.1)
    assert isinstance(n, bpmath.Nudge) and isinstance(n.after, bpmath.Trace)
    assert n.parameter == bpmath.w(3) and n.delta == 0.1
    assert n.value_before == 2.5 and n.value_after == pytest.approx(2.6, rel=1e-15)
    moved = NET.with_weight(3, 0, 0, 2.5 + 0.1)
    want_after = bpmath.forward(moved, X)
    for l in range(4):
        assert np.array_equal(n.before.a(l), bpmath.forward(NET, X).a(l)), (
            f"before a^({l})"
        )
        assert np.array_equal(n.after.a(l), want_after.a(l)), f"after a^({l})"
    assert n.cost_before == bpmath.cost(bpmath.forward(NET, X).output, Y)
    assert n.cost_after == bpmath.cost(want_after.output, Y)
    assert n.delta_cost == n.cost_after - n.cost_before
    assert n.ratio == n.delta_cost / 0.1


def test_only_downstream_quantities_move():
    """A nudge of w^(2) leaves a^(0), z^(1), a^(1) alone and moves z^(2) onward."""
    n = bpmath.nudge(NET, X, Y, bpmath.w(2), 0.05)
    assert n.delta_a(0)[0] == 0 and n.delta_z(1)[0] == 0 and n.delta_a(1)[0] == 0
    assert all(n.delta_z(l)[0] != 0 and n.delta_a(l)[0] != 0 for l in (2, 3))
    assert n.delta_z(2)[0] == pytest.approx(0.05 * float(n.before.a(1)[0]), rel=1e-9), (
        "Δz = Δw·a"
    )


def test_string_and_parameter_name_the_same_nudge():
    """'w3', 'w_00^(3)' and bpmath.w(3) are one parameter."""
    ratios = {
        bpmath.nudge(NET, X, Y, p, 0.01).ratio for p in ("w3", "w_00^(3)", bpmath.w(3))
    }
    assert len(ratios) == 1, ratios


def test_first_factor_is_the_partial_of_z():
    """Δz/Δw ≈ a^(l-1), Δz/Δb ≈ 1 and Δz/Δa ≈ w: z is linear in each of them."""
    t = bpmath.forward(NET, X)
    assert bpmath.nudge(NET, X, Y, "w3", 0.1).dz_dparam == pytest.approx(
        float(t.a(2)[0]), rel=1e-9
    )
    assert bpmath.nudge(NET, X, Y, "b3", 0.1).dz_dparam == pytest.approx(1.0, rel=1e-9)
    assert bpmath.nudge(NET, X, Y, "a_0^(2)", 0.1).dz_dparam == pytest.approx(
        2.5, rel=1e-9
    )


def test_activation_nudge_leaves_earlier_layers():
    """Nudging a^(1) keeps a^(0), z^(1) and moves a^(1) by exactly Δ."""
    n = bpmath.nudge(NET, X, Y, bpmath.a(1), 0.02)
    assert n.delta_a(0)[0] == 0 and n.delta_z(1)[0] == 0
    assert n.value_after - n.value_before == pytest.approx(0.02, rel=1e-12)
    assert n.delta_a(1)[0] == pytest.approx(0.02, rel=1e-12)
    assert n.delta_z(2)[0] == pytest.approx(0.02 * 2.4, rel=1e-9)


def test_output_nudge_has_a_ratio_but_no_factors():
    """Nudging a^(L) itself: ΔC/Δa is defined; the three factors need a layer above."""
    n = bpmath.nudge(NET, X, Y, bpmath.a(3), 1e-6)
    a3 = float(n.before.output[0])
    assert n.ratio == pytest.approx(2 * (a3 - 1.0), rel=1e-5)
    with pytest.raises(ValueError, match=r"need exactly one neuron in layer 4"):
        _ = n.factors


def test_factors_of_an_activation_in_a_wide_layer_point_to_path_terms():
    """A nudge to a_k feeding several neurons has no single factor chain: the error says so."""
    n = bpmath.nudge(WIDE.network, WIDE.x, WIDE.y, bpmath.a(1, 0), 0.01)
    assert np.count_nonzero(n.delta_a(2)) == 2, "a_0^(1) moves both outputs"
    with pytest.raises(ValueError, match="use path_terms for several"):
        _ = n.dz_dparam


def test_weight_with_zero_input_has_no_ratio_of_z():
    """If a_k^(l-1) = 0, nudging w_jk moves nothing: Δa/Δz is refused, not NaN."""
    net = bpmath.Network.chain([1.0, 1.0], [0.0, 0.0], activation="relu")
    n = bpmath.nudge(net, -1.0, 1.0, "w2", 0.1)  # a^(1) = ReLU(−1) = 0
    assert n.delta_cost == 0.0 and n.ratio == 0.0 and n.dz_dparam == 0.0
    with pytest.raises(
        ZeroDivisionError, match=r"Δa/Δz is undefined for this nudge of w_00\^\(2\)"
    ):
        _ = n.da_dz


def test_negative_nudges_work():
    """A negative Δ moves the other way and gives a ratio on the other side of the derivative."""
    exact = float(bpmath.backward(NET, X, Y).weight(3)[0, 0])
    up = bpmath.nudge(NET, X, Y, "w3", 0.1)
    down = bpmath.nudge(NET, X, Y, "w3", -0.1)
    assert down.value_after == pytest.approx(2.4, rel=1e-15)
    assert (up.ratio - exact) * (down.ratio - exact) < 0, "ratios do not bracket ∂C0/∂w"


def test_nudge_leaves_the_network_alone():
    """nudge returns new traces; the network it was given is unchanged."""
    before = NET.parameter_vector().copy()
    bpmath.nudge(NET, X, Y, "b2", 0.3)
    assert np.array_equal(NET.parameter_vector(), before)
