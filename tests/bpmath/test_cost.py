"""cost and cost_gradient: C0 = Σ_j (a_j − y_j)² and ∂C0/∂a^(L) = 2(a − y)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bpmath

pairs = st.integers(1, 5).flatmap(
    lambda n: st.tuples(
        st.lists(st.floats(-10, 10), min_size=n, max_size=n),
        st.lists(st.floats(-10, 10), min_size=n, max_size=n),
    )
)


def test_cost_by_hand():
    """(0.3 − 0)² + (0.9 − 1)² + (0.5 − 0.5)² = 0.09 + 0.01 + 0."""
    got = bpmath.cost([0.3, 0.9, 0.5], [0.0, 1.0, 0.5])
    assert got == pytest.approx(0.09 + 0.01, rel=1e-14), f"C0 = {got}"
    assert type(got) is float


def test_cost_gradient_by_hand():
    """2(a − y) entry by entry, as a read-only float64 vector."""
    got = bpmath.cost_gradient([0.3, 0.9, 0.5], [0.0, 1.0, 0.5])
    assert got == pytest.approx([0.6, -0.2, 0.0], abs=1e-15), f"2(a − y) = {got}"
    assert got.dtype == np.float64 and got.shape == (3,) and not got.flags.writeable


def test_scalars_are_one_output():
    """A plain number is an output layer of one neuron."""
    assert bpmath.cost(0.8, 1.0) == pytest.approx((0.8 - 1.0) ** 2, rel=1e-14)
    assert bpmath.cost_gradient(0.8, 1) == pytest.approx([2 * (0.8 - 1.0)], rel=1e-14)


@given(pairs)
def test_cost_is_a_sum_of_squares(pair):
    """C0 ≥ 0, zero exactly when a = y, and equal to Σ (a_j − y_j)² summed by hand."""
    a, y = pair
    c = bpmath.cost(a, y)
    assert c >= 0
    assert c == pytest.approx(
        sum((p - q) ** 2 for p, q in zip(a, y)), rel=1e-12, abs=1e-300
    )
    assert bpmath.cost(a, a) == 0.0
    assert np.allclose(
        bpmath.cost_gradient(a, y), [2 * (p - q) for p, q in zip(a, y)], rtol=1e-15
    )


def test_backward_uses_this_cost():
    """backward(...).cost is cost(forward(...).output, y) and ∂C0/∂a^(L) is cost_gradient."""
    ex = bpmath.examples.wide()
    out = bpmath.forward(ex.network, ex.x).output
    g = bpmath.backward(ex.network, ex.x, ex.y)
    assert g.cost == bpmath.cost(out, ex.y)
    assert np.array_equal(g.a(ex.network.L), bpmath.cost_gradient(out, ex.y))
