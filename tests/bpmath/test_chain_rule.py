"""chain_rule and path_terms: the three factors of every derivative, and the paths into a_k."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bpmath
from tests.bpmath.conftest import networks


@settings(max_examples=50)
@given(networks(), st.data())
def test_factors_multiply_to_backwards_derivative(case, data):
    """For w_jk, b_j and a_k of any layer, the product of the factors is backward's entry."""
    net, x, y = case
    l = data.draw(st.integers(1, net.L), label="layer")
    j = data.draw(st.integers(0, net.sizes[l] - 1), label="j")
    k = data.draw(st.integers(0, net.sizes[l - 1] - 1), label="k")
    t, g = bpmath.forward(net, x), bpmath.backward(net, x, y)
    sigma_prime = net.activation.prime(float(t.z(l)[j]))
    da = float(g.a(l)[j])
    firsts = {"w": float(t.a(l - 1)[k]), "b": 1.0, "a": float(net.weight(l)[j, k])}
    for wrt, first in firsts.items():
        rule = bpmath.chain_rule(net, x, y, l, j, k, wrt=wrt)
        assert isinstance(rule, bpmath.ChainRule)
        assert (rule.wrt, rule.layer, rule.j, rule.k) == (wrt, l, j, k)
        assert rule.factors == (first, sigma_prime, da), (
            f"{wrt}: factors {rule.factors}"
        )
        assert rule.product == first * sigma_prime * da
        assert all(type(f) is float for f in (*rule.factors, rule.product))
    w_rule = bpmath.chain_rule(net, x, y, l, j, k)
    assert w_rule.product == pytest.approx(
        float(g.weight(l)[j, k]), rel=1e-12, abs=1e-300
    )
    b_rule = bpmath.chain_rule(net, x, y, l, j, k, wrt="b")
    assert b_rule.product == pytest.approx(float(g.bias(l)[j]), rel=1e-12, abs=1e-300)


def test_defaults_are_neuron_zero_and_the_weight():
    """chain_rule(net, x, y, layer) is about w_00^(layer)."""
    ex = bpmath.examples.chain()
    rule = bpmath.chain_rule(ex.network, ex.x, ex.y, 2)
    assert (rule.wrt, rule.j, rule.k) == ("w", 0, 0)
    assert rule == bpmath.chain_rule(ex.network, ex.x, ex.y, 2, j=0, k=0, wrt="w")


@settings(max_examples=40)
@given(networks(), st.data())
def test_path_terms_are_one_chain_rule_per_neuron(case, data):
    """Term j is w_jk · σ'(z_j) · ∂C0/∂a_j, a chain rule with respect to a_k."""
    net, x, y = case
    l = data.draw(st.integers(1, net.L), label="layer")
    k = data.draw(st.integers(0, net.sizes[l - 1] - 1), label="k")
    paths = bpmath.path_terms(net, x, y, l, k)
    assert isinstance(paths, bpmath.PathTerms) and (paths.layer, paths.k) == (l, k)
    for j, term in enumerate(paths.terms):
        assert term == bpmath.chain_rule(net, x, y, l, j, k, wrt="a"), f"path {j}"
    assert paths.values.tolist() == [t.product for t in paths.terms]
    assert type(paths.total) is float and type(paths.sensitivity) is float


def test_wide_example_has_two_paths_into_each_hidden_neuron():
    """Each a_k^(1) of the [2, 3, 2] network reaches C0 through both outputs."""
    ex = bpmath.examples.wide()
    for k in range(3):
        assert len(bpmath.path_terms(ex.network, ex.x, ex.y, 2, k).terms) == 2
    for k in range(2):
        assert len(bpmath.path_terms(ex.network, ex.x, ex.y, 1, k).terms) == 3
