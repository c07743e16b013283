"""forward and Trace: every z^(l) and a^(l) by math index, flat float64 vectors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

import bpmath
from bpmath.forward import forward_from
from tests.bpmath.conftest import networks


@settings(max_examples=40)
@given(networks())
def test_forward_is_the_weighted_sum_then_the_activation(case):
    """z_j^(l) = Σ_k w_jk a_k^(l-1) + b_j and a^(l) = σ(z^(l)), summed by plain loops."""
    net, x, _ = case
    t = bpmath.forward(net, x)
    a = [float(v) for v in x]
    assert t.a(0).tolist() == a, "a^(0) is not the input"
    for l in range(1, net.L + 1):
        W, b = net.weight(l), net.bias(l)
        z = [
            sum(float(W[j, k]) * a[k] for k in range(len(a))) + float(b[j])
            for j in range(len(b))
        ]
        assert t.z(l) == pytest.approx(z, rel=1e-12, abs=1e-12), f"z^({l})"
        a = [net.activation(zj) for zj in t.z(l).tolist()]
        assert t.a(l).tolist() == a, f"a^({l}) is not σ(z^({l}))"
    assert t.output is t.a(net.L) or np.array_equal(t.output, t.a(net.L))


@settings(max_examples=20)
@given(networks())
def test_trace_vectors_are_flat_float64(case):
    """Every a^(l) has shape (n_l,), every z^(l) shape (n_l,), all float64."""
    net, x, _ = case
    t = bpmath.forward(net, x)
    assert isinstance(t, bpmath.Trace) and t.L == net.L
    for l in range(net.L + 1):
        assert t.a(l).shape == (net.sizes[l],) and t.a(l).dtype == np.float64, (
            f"a^({l})"
        )
    for l in range(1, net.L + 1):
        assert t.z(l).shape == (net.sizes[l],) and t.z(l).dtype == np.float64, (
            f"z^({l})"
        )


def test_inputs_in_any_form_give_the_same_trace():
    """A float, a list, a tuple, an int and numpy arrays of any dtype are the same input."""
    net = bpmath.examples.chain().network
    want = bpmath.forward(net, 0.5).output
    for x in (0.5, [0.5], (0.5,), np.array([0.5]), np.float32(0.5), np.array(0.5)):
        assert np.array_equal(bpmath.forward(net, x).output, want), f"x = {x!r}"
    assert np.array_equal(
        bpmath.forward(net, 1).output, bpmath.forward(net, 1.0).output
    )


def test_trace_keeps_its_own_copy_of_the_input():
    """Changing x after forward() does not change the trace."""
    net = bpmath.examples.wide().network
    x = np.array([0.8, 0.3])
    t = bpmath.forward(net, x)
    x[0] = 100.0
    assert t.a(0).tolist() == [0.8, 0.3]


@settings(max_examples=30)
@given(networks())
def test_forward_from_a_middle_layer_reproduces_the_tail(case):
    """Running from a^(l) of a full trace gives the same later z and a."""
    net, x, _ = case
    full = bpmath.forward(net, x)
    for start in range(net.L + 1):
        tail = forward_from(net, start, full.a(start))
        assert tail.L == net.L - start
        for i in range(tail.L + 1):
            assert np.array_equal(tail.a(i), full.a(start + i)), (
                f"a^({start + i}) from {start}"
            )
